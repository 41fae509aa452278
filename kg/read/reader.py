"""Turn a file or a string into an Article: decoded text, sentences, boilerplate set aside."""

from __future__ import annotations

import codecs
import re
import stat
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Sentence
from kg.read.boilerplate import is_boilerplate
from kg.read.html import HTML_SUFFIXES, extract_page, looks_like_html
from kg.read.sentences import line_spans, split_span

MAX_BYTES = 10_000_000
"""Largest article file read (10 MB): a long news page is a few hundred KB, a saved page with
inline scripts a few MB; anything larger is refused before it is read."""

MAX_CHARS = MAX_BYTES
"""Largest text read_text accepts, for the same reason."""

_ES = re.compile(r"\b(?:el|la|los|las|del|que|según|por|una|con|para|también|está|fue)\b")
_EN = re.compile(r"\b(?:the|of|and|that|said|with|for|was|were|has|have|from|its)\b")

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "audio or video"),
)
# Encodings tried, through charset-normalizer, when a file is not UTF-8: the Western European
# single-byte ones Spanish and English text is found in.
_WESTERN = ["cp1252", "latin_1", "iso8859_15"]
_MAX_CHAOS = 0.1  # charset-normalizer's "mess" ratio above which a decoding is not trusted
_MIN_MOJIBAKE = 3  # mojibake sequences ("Ã±") before a text is repaired
_MAX_GARBLED = 5  # mojibake sequences ftfy cannot repair before a text is refused
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DECLARED = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)


def guess_language(text: str) -> str:
    """Return ``"es"`` or ``"en"`` by counting function words in the first 5,000 characters.

    Examples:
        >>> guess_language("El presidente dijo que la visita fue un éxito.")
        'es'
        >>> guess_language("The president said that the visit was a success.")
        'en'
    """
    sample = text[:5000].lower()
    return "en" if len(_EN.findall(sample)) > len(_ES.findall(sample)) else "es"


def decode(data: bytes, name: str) -> str:
    """Decode article bytes, or refuse them with a one-line InputError naming the file.

    UTF-8 (a BOM is dropped) and UTF-16/UTF-32 with a BOM are read as such; other bytes are read
    as the Western European encoding charset-normalizer finds (a charset an HTML page declares
    comes first), and refused when no decoding is confident.  Mojibake (UTF-8 read as
    Windows-1252 and saved again: "EspaÃ±a") is repaired with ftfy, or refused when it cannot be.

    Examples:
        >>> decode("Irán".encode("utf-16"), "a.txt")
        'Irán'
        >>> decode("España".encode("cp1252") + b" y Portugal.", "a.txt")
        'España y Portugal.'
        >>> decode("EspaÃ±a, PerÃº y MÃ©xico".encode("utf-8"), "a.txt")
        'España, Perú y México'
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: binary file ({kind}), not a text article")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec, name)
            break
    else:
        if b"\x00" in data[:65536]:
            raise InputError(f"{name}: binary file (NUL bytes), not a text article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _decode_legacy(data, name, exc.start)
    if not text.strip():
        raise InputError(f"{name}: empty file (only white space)")
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{name}: binary file (control characters), not a text article")
    return _repair(text, name)


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {codec.upper()} (byte {exc.start})") from exc


def _decode_legacy(data: bytes, name: str, bad_byte: int) -> str:
    declared = _DECLARED.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to detection
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    western = from_bytes(data, cp_isolation=_WESTERN).best()
    overall = from_bytes(data).best()
    if western is not None and western.chaos <= _MAX_CHAOS:
        text = str(western)
        # A text that reads better in a non-Latin script (Cyrillic, Greek, CJK) is not one.
        if overall is None or overall.chaos >= western.chaos or _mostly_latin(str(overall)):
            return text
    guess = f"; it looks like {overall.encoding}" if overall is not None else ""
    raise InputError(
        f"{name}: not UTF-8 (byte {bad_byte}) and no confident Western European encoding"
        f"{guess}; convert it to UTF-8"
    )


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text[:20000] if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250")  # Basic Latin to Latin Extended-B
    return latin >= 0.9 * len(letters)


def _repair(text: str, name: str) -> str:
    from ftfy import fix_encoding
    from ftfy.badness import BADNESS_RE, badness, is_bad

    # One odd pair ("”á") is more likely real text than mojibake: ftfy would turn it into "Ӈ".
    if not is_bad(text) or (bad := badness(text)) < _MIN_MOJIBAKE:
        return text
    fixed = fix_encoding(text)
    # A repair must leave less mojibake and still read as Latin script (Spanish, English): ftfy
    # can also turn junk into other junk, such as Burmese letters.
    if (fixed_bad := badness(fixed)) < bad and _mostly_latin(fixed):
        text, bad = fixed, fixed_bad
    if bad >= _MAX_GARBLED:
        found = BADNESS_RE.search(text)
        sample = found.group(0) if found else "?"
        raise InputError(f"{name}: garbled text (mojibake such as {sample!r}) ftfy cannot repair")
    return text


def read_text(
    text: str,
    *,
    article_id: str = "article",
    published: date | None = None,
    lang: str | None = None,
    source: str = "",
    title: str | None = None,
) -> Article:
    """Build an Article from already-decoded text.

    Sentences keep offsets into ``text``; whole lines that are boilerplate (teasers cut off
    with "…", related links, credits) go to ``Article.dropped`` and are never extracted from.
    Time is linear in the length of ``text``.

    Raises:
        InputError: ``text`` is longer than MAX_CHARS.

    Examples:
        >>> a = read_text("Rusia y China vetaron la resolución.\\nApple presenta su nuevo…")
        >>> [s.text for s in a.sentences], [s.text for s in a.dropped], a.lang
        (['Rusia y China vetaron la resolución.'], ['Apple presenta su nuevo…'], 'es')
    """
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{source or article_id}: {len(text):,} characters, more than the {MAX_CHARS:,}"
            " an article may have"
        )
    kept: list[Sentence] = []
    dropped: list[Sentence] = []
    for a, b in line_spans(text):
        # Boilerplate is judged once per line: a line is page furniture or article text whole.
        (dropped if is_boilerplate(text[a:b]) else kept).extend(split_span(text, a, b))
    body = " ".join(s.text for s in kept[:100])
    return Article(
        id=article_id,
        text=text,
        lang=lang or guess_language(body or text),
        published=published,
        source=source,
        sentences=tuple(kept),
        dropped=tuple(dropped),
        title=title,
    )


def read_article(
    path: str | Path,
    *,
    published: date | None = None,
    lang: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Read an article file (text in any common encoding, or a saved HTML page) into an Article.

    Offsets are into the text as read: the decoded file (a BOM dropped, mojibake repaired), or
    for an HTML page the main text extracted from it, a paragraph per line.

    Args:
        path: the file to read.
        published: publication date that relative times are resolved against; for an HTML page
            the date in its metadata is used when this is not given.
        lang: ``es`` or ``en``; guessed from the text when not given.
        article_id: stable id of the article; defaults to the file name without extension.

    Raises:
        InputError: the file is missing, not a regular file, larger than MAX_BYTES, empty,
            binary, not decodable with confidence, or a page without article text.
    """
    p = Path(path)
    data = _read_bytes(p)
    text = decode(data, str(p))
    title = None
    if looks_like_html(text) or (p.suffix.lower() in HTML_SUFFIXES and "<" in text[:4096]):
        page = extract_page(text, str(p))
        text, title, published = page.text, page.title, published or page.published
    return read_text(
        text,
        article_id=article_id or p.stem,
        published=published,
        lang=lang,
        source=str(p),
        title=title,
    )


def _read_bytes(p: Path) -> bytes:
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{p}: is a directory, not an article file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{p}: not a regular file (a device, pipe or socket)")
        if info.st_size > MAX_BYTES:
            raise InputError(
                f"{p}: {info.st_size:,} bytes, more than the {MAX_BYTES:,} an article may have"
            )
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since stat()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{p}: more than the {MAX_BYTES:,} bytes an article may have")
    return data
