"""Properties over any text: read_text finishes and every offset slices the text to its sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.model import Article
from kg.read import read_text, split_sentences
from kg.read.reader import decode

# Text made of the characters the splitter looks at, so boundaries are hit often.
_TRICKY = st.lists(
    st.sampled_from(
        [*'aZ .?!…»«"”“¿¡()\n\r\t\x0b\x0c\x85\u2028 EU1Ñé-', "EE. UU.", "U.S.", "Jr.", "..."]
    ),
    max_size=300,
).map("".join)
# Spanish and English prose characters: what an article file holds.
_PROSE = st.text(
    alphabet=st.sampled_from(
        [
            *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNÑOPQRSTUVWXYZ",
            *"áéíóúüñÁÉÍÓÚ¿¡«»“”— .,;:!?-\n",
        ]
    ),
    min_size=1,
    max_size=300,
).filter(str.strip)


def _check(article: Article) -> None:
    spans = sorted((*article.sentences, *article.dropped), key=lambda s: s.start)
    for s in spans:
        assert article.text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert len(s.text) <= 5000
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.end <= after.start  # in order, never overlapping
    assert spans == sorted(split_sentences(article.text), key=lambda s: s.start)


@given(st.text(max_size=2000))
def test_reader_properties_any_text(text: str) -> None:
    _check(read_text(text))


@settings(max_examples=300)
@given(_TRICKY)
def test_reader_properties_tricky_text(text: str) -> None:
    _check(read_text(text))


@given(_PROSE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_reader_properties_unicode_files_round_trip(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "x.txt") == text


@given(st.binary(max_size=600))
def test_reader_properties_any_bytes(data: bytes) -> None:
    try:
        text = decode(data, "x.txt")
    except InputError as exc:  # a refusal is one line naming the file
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
    else:
        assert text.strip()
        _check(read_text(text))


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_reader_properties_western_file(encoding: str) -> None:
    text = "Irán, España y la OTAN: «acuerdo» en Bruselas según el ministro de Economía.\n" * 3
    assert decode(text.encode(encoding), "x.txt") == text
