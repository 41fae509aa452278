"""Fixtures for the scorer's tests: tiny gold files written on the fly, gold turned into output."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.eval.gold import ANY, Gold, read_gold
from kg.model import Entity, Item, Statement

DATA = Path(__file__).parent.parent / "data" / "eval"
SHARED = Path(__file__).resolve().parents[3] / "shared"

ENTITIES = """\
entities:
  - {label: North Korea, type: Country, wikidata: Q423, aliases: [Corea del Norte]}
  - {label: Russia, type: Country, wikidata: Q159, aliases: [Rusia, Moscú]}
  - {label: United States, type: Country, wikidata: Q30, aliases: [Estados Unidos]}
  - {label: Iran, type: Country, wikidata: Q794, aliases: [Irán]}
  - {label: Tehran, type: City, aliases: [Teherán]}
not_entities: [China, Apple]
"""

GoldWriter = Callable[[str], Gold]


@pytest.fixture
def tiny() -> Gold:
    return read_gold(DATA / "tiny.yaml")


@pytest.fixture
def write_gold(tmp_path: Path) -> GoldWriter:
    """Write an article and a gold file whose ``statements:`` block is given; read it back."""

    def write(statements: str) -> Gold:
        (tmp_path / "a.txt").write_text("Rusia y Corea del Norte.\n", encoding="utf-8")
        head = "article: {file: a.txt, language: es, published: '2024-09-13'}\n"
        path = tmp_path / "g.yaml"
        path.write_text(head + ENTITIES + "statements:\n" + statements, encoding="utf-8")
        return read_gold(path)

    return write


@pytest.fixture
def to_system() -> Callable[..., list[Statement]]:
    """The gold_to_system function, for tests."""
    return gold_to_system


def gold_to_system(gold: Gold, rng: random.Random | None = None) -> list[Statement]:
    """Turn a gold file into the output a perfect extractor would give.

    With ``rng``, each entity is named by a random one of its gold names (and no Wikidata id), so
    matching by alias is exercised; without it, by its gold label.
    """

    def entity(name: str) -> Entity:
        if name == ANY:
            return Entity("Somebody", "Organization")
        e = gold.entity(name)
        if rng is None:
            return Entity(e.label, e.type, e.wikidata, e.aliases)
        return Entity(rng.choice((e.label, *e.aliases)), e.type)

    def first(end: tuple[str, ...]) -> str:
        return next((n for n in end if n != ANY), ANY) if rng is None else rng.choice(end)

    return [
        Statement(
            subject=entity(first(g.subject)),
            relation=g.relation[0],
            object=entity(first(g.object)),
            modality=g.modality[0],
            negated=g.negated,
            attributed_to=tuple(entity(n) for n in g.attributed_to),
            denied_by=tuple(entity(n) for n in g.denied_by),
            items=tuple(Item(i.label, i.quantity, i.approximate) for i in g.items),
            time=g.time,
        )
        for g in gold.statements
    ]
