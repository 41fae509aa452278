"""Sentence splitting with character offsets into the text as read (no re-encoding, no trimming)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Sentence

# Abbreviations after which a full stop does not end a sentence (compared case-sensitively on
# the token before the dot).  "EE. UU." and "U.S." are the classic traps in news text.
ABBREVIATIONS = frozenset(
    """EE UU U.S U.K U.N Jr Sr Sra Srta Dr Dra St Mr Mrs Ms Prof Gen Gral Col Cap Lt Sgt Rev
    etc approx aprox núm No Nº art pág p pp vol ed Inc Ltd Co Corp Av Avda Ud Uds vs""".split()
)

# A candidate end: . ? ! or … , optionally closing quotes/brackets, then white space.  Every
# regex here runs in linear time on any input: the look-behind lets a match start only at the
# beginning of a run of end marks, and the possessive quantifiers never give characters back, so
# a run of 100,000 dots is read once instead of once per dot (pysbd issue #79).
_END = re.compile(r"(?<![.?!…])[.?!…]++[»\"”’)\]]*+(?=\s)")
# What must follow for a real boundary: an upper-case letter, a digit, an opening quote or ¿¡.
_NEXT = re.compile(r"\s++(?=[«\"“‘¿¡(\[]?[A-ZÁÉÍÓÚÑÜ0-9])")
# Line breaks: a paragraph per line in news text; form feeds, vertical tabs, the C1 next-line and
# the Unicode separators count too, as str.splitlines does.
_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_MAX_SENTENCE = 5000  # characters: longer runs are cut at white space so every rule stays bounded


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _TOKEN_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    token = m.group(1).lstrip('«"“(')
    if token in ABBREVIATIONS:
        return True
    # Single capital initials ("J. R. R. Tolkien", "Kim J. Un") do not end a sentence.
    return len(token) == 1 and token.isupper()


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _END.finditer(text, start, end):
        if text[m.start()] == "." and m.group(0) == "." and _is_abbreviation(text, m.start()):
            continue
        nxt = _NEXT.match(text, m.end(), end)
        if not nxt:
            continue
        yield pos, m.end()
        pos = nxt.end()
    if pos < end:
        yield pos, end


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each non-blank line of ``text``, white space trimmed.

    Examples:
        >>> list(line_spans(" Uno. \\n\\n\\fDos."))
        [(1, 5), (9, 13)]
    """
    for line in _LINE.finditer(text):
        a, b = line.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b


def split_span(text: str, start: int, end: int) -> Iterator[Sentence]:
    """Yield the sentences of ``text[start:end]`` (one line), with offsets into ``text``."""
    for s, e in _split_paragraph(text, start, end):
        while e > s and text[e - 1].isspace():
            e -= 1
        for bs, be in _bounded(text, s, e):
            yield Sentence(text[bs:be], bs, be)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` for each.

    A line break always ends a sentence (news text keeps one paragraph per line).  Sentences
    end at ``.``, ``?``, ``!`` or ``…`` (optionally closed by a quote or bracket) followed by
    white space and a capital, a digit or an opening quote, unless the word before the dot is an
    abbreviation ("EE. UU.", "U.S.", "Jr.") or an initial.  Time is linear in ``len(text)``, and
    no sentence is longer than 5,000 characters (longer runs are cut at white space).

    Examples:
        >>> [s.text for s in split_sentences("Llegó a EE. UU. el lunes. Luego habló.")]
        ['Llegó a EE. UU. el lunes.', 'Luego habló.']
        >>> s = split_sentences("  Uno.\\nDos.")[1]
        >>> (s.text, s.start, s.end)
        ('Dos.', 7, 11)
    """
    return [s for a, b in line_spans(text) for s in split_span(text, a, b)]
