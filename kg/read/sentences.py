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

# A candidate end: . ? ! or … , optionally closing quotes/brackets, then white space.
_END = re.compile(r"[.?!…]+[»\"”’)\]]*(?=\s)")
# What must follow for a real boundary: an upper-case letter, a digit, an opening quote or ¿¡.
_NEXT = re.compile(r"\s+(?=[«\"“‘¿¡(\[]?[A-ZÁÉÍÓÚÑÜ0-9])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_MAX_SENTENCE = 5000  # characters: longer runs are cut at white space so every rule stays bounded


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _TOKEN_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    token = m.group(1).lstrip("«\"“(")
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


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` for each.

    A line break always ends a sentence (news text keeps one paragraph per line).

    Examples:
        >>> [s.text for s in split_sentences("Llegó a EE. UU. el lunes. Luego habló.")]
        ['Llegó a EE. UU. el lunes.', 'Luego habló.']
        >>> s = split_sentences("  Uno.\\nDos.")[1]
        >>> (s.text, s.start, s.end)
        ('Dos.', 7, 11)
    """
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        a, b = line.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        for s, e in _split_paragraph(text, a, b):
            while e > s and text[e - 1].isspace():
                e -= 1
            for bs, be in _bounded(text, s, e):
                out.append(Sentence(text[bs:be], bs, be))
    return out
