"""Sentence splitting and teaser dropping against the dev corpus (corpus/dev/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.read import read_article

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "corpus" / "dev"
SEED = SHARED / "seeds" / "000_6b36a17d40a337a5.txt"
ARTICLES = sorted(DEV.glob("*.txt"))

pytestmark = pytest.mark.skipif(not ARTICLES, reason="../shared corpus is absent")

# The README's convention, literally: ., ? or ! (optionally followed by » or ") followed by a
# space and a capital or an opening quote; U.S. and Jr. do not end a sentence.
_CONVENTION = re.compile(r"(?<!\bU\.S)(?<!\bJr)[.?!][»\"]?(?= [A-ZÁÉÍÓÚÑÜ«\"“])")


def _table() -> dict[str, tuple[int, int]]:
    """Article id -> (sentences, teaser lines), from the README's Articles table."""
    rows = {}
    for line in (DEV / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 10 and re.fullmatch(r"(?:es|en)-\d\d", cells[0]):
            rows[cells[0]] = (int(cells[4]), int(cells[7]))
    return rows


def _by_convention(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        pos = 0
        for m in _CONVENTION.finditer(line):
            out.append(line[pos : m.end()].strip())
            pos = m.end() + 1
        if line[pos:].strip():
            out.append(line[pos:].strip())
    return out


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_sentences_match_the_corpus_table(path: Path) -> None:
    sentences, teasers = _table()[path.stem]
    article = read_article(path)
    assert len(article.sentences) == sentences
    # Teaser lines are the article's last lines: all of them dropped, nothing else.
    lines = [line for line in article.text.splitlines() if line.strip()]
    dropped_lines = {article.text.count("\n", 0, s.start) for s in article.dropped}
    assert len(dropped_lines) == teasers
    assert sorted(dropped_lines) == list(range(len(lines) - teasers, len(lines)))


@pytest.mark.parametrize("path", [*ARTICLES, SEED], ids=lambda p: p.stem)
def test_sentences_follow_the_convention(path: Path) -> None:
    article = read_article(path)
    got = [s.text for s in (*article.sentences, *article.dropped)]
    expected = _by_convention(article.text)
    # The splitter also keeps "EE. UU." whole, which the README's rule does not mention.
    expected = [s for s in expected if not s.endswith(" EE.") and not s.startswith("UU.")]
    got = [s for s in got if " EE. UU." not in s]
    assert sorted(got) == sorted(expected)


def test_sentences_seed_teasers() -> None:
    article = read_article(SEED)
    assert len(article.sentences) == 31
    dropped = [s.text for s in article.dropped]
    assert dropped[0].startswith("China ha iniciado una investigación sobre Nvidia")
    assert dropped[-1].startswith("La superestrella del K-pop Jisoo")
    names = ("Nvidia", "Disney", "Trump", "Jisoo")
    assert not any(n in s.text for s in article.sentences for n in names)
