"""Turn a file or a string into an Article: decoded text, sentences, boilerplate set aside."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Sentence
from kg.read.boilerplate import is_boilerplate
from kg.read.sentences import split_sentences

_ES = re.compile(r"\b(?:el|la|los|las|del|que|según|por|una|con|para|también|está|fue)\b")
_EN = re.compile(r"\b(?:the|of|and|that|said|with|for|was|were|has|have|from|its)\b")


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
    """Decode article bytes: UTF-8 (a BOM is dropped); anything else is refused clearly."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start})") from exc


def read_text(
    text: str,
    *,
    article_id: str = "article",
    published: date | None = None,
    lang: str | None = None,
    source: str = "",
) -> Article:
    """Build an Article from already-decoded text.

    Sentences keep offsets into ``text``; whole lines that are boilerplate (teasers cut off
    with "…", related links, credits) go to ``Article.dropped`` and are never extracted from.
    """
    kept: list[Sentence] = []
    dropped: list[Sentence] = []
    for s in split_sentences(text):
        (dropped if _line_is_boilerplate(text, s) else kept).append(s)
    body = " ".join(s.text for s in kept)
    return Article(
        id=article_id,
        text=text,
        lang=lang or guess_language(body or text),
        published=published,
        source=source,
        sentences=tuple(kept),
        dropped=tuple(dropped),
    )


def _line_is_boilerplate(text: str, s: Sentence) -> bool:
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return is_boilerplate(line)


def read_article(
    path: str | Path,
    *,
    published: date | None = None,
    lang: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Read an article file (UTF-8 text) into an Article.

    Args:
        path: the file to read.
        published: publication date that relative times are resolved against.
        lang: ``es`` or ``en``; guessed from the text when not given.
        article_id: stable id of the article; defaults to the file name without extension.

    Raises:
        InputError: the file is missing, empty, binary or not decodable.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{p}: is a directory, not an article file") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from exc
    text = decode(data, str(p))
    return read_text(text, article_id=article_id or p.stem, published=published, lang=lang, source=str(p))
