"""Tokens with character offsets, lower-cased and accent-folded forms, and lemmas."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma

# Words, numbers with inner separators (11.000, 2,5), hyphenated names (Fath-360, Kim Jong-un),
# and single punctuation marks.
# An apostrophe continues a word ("O'Brien") except for the possessive "'s" ("Russia's"), a
# token of its own so that the name before it is a word of its own.
_TOKEN = re.compile(r"['’]s\b|\w+(?:[-.,]\w+|['’](?!s\b)\w+)*|[^\w\s]", re.UNICODE)

STRONG_PUNCT = frozenset(".;:?!…")
QUOTES = frozenset('«»"“”‘’()[]—–')


def fold(text: str) -> str:
    """Lower-case and strip accents: the form names and cues are compared in.

    Examples:
        >>> fold("Moscú  NEGÓ")
        'moscu  nego'
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    low: str  # folded: lower case, no accents
    lemma: str  # folded lemma
    kind: str  # W word, C comma, S strong punctuation, Q quote/bracket/dash

    @property
    def is_upper(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    try:
        return fold(simplemma.lemmatize(word, lang=lang))
    except (ValueError, KeyError):  # pragma: no cover - unknown language data
        return fold(word)


def tokenize(text: str, offset: int = 0, lang: str = "es") -> list[Token]:
    """Split ``text`` into tokens whose offsets are ``offset`` + position in ``text``.

    Examples:
        >>> [t.text for t in tokenize("Moscú vetó, «sí».")]
        ['Moscú', 'vetó', ',', '«', 'sí', '»', '.']
        >>> tokenize("han negado")[1].lemma in ("negar", "negado")
        True
        >>> [t.text for t in tokenize("Russia's envoy met O'Brien.", lang="en")]
        ['Russia', "'s", 'envoy', 'met', "O'Brien", '.']
    """
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        if t[0].isalnum() or t[0] == "_":
            kind = "W"
            lemma = _lemma(t.lower(), lang) if t.isalpha() else fold(t)
        elif t == ",":
            kind, lemma = "C", t
        elif t in STRONG_PUNCT:
            kind, lemma = "S", t
        else:
            kind, lemma = "Q", t
        out.append(Token(t, m.start() + offset, m.end() + offset, fold(t), lemma, kind))
    return out
