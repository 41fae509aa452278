"""Statement matching (FORMATS §2.1-2.2): names, Wikidata ids, symmetry, "*", lists, greedy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kg.eval.gold import Gold
from kg.eval.match import Matcher
from kg.eval.score import score_file
from kg.model import Entity, Statement

GoldWriter = Callable[[str], Gold]


def ent(label: str, wikidata: str | None = None, type_: str = "Country") -> Entity:
    return Entity(label, type_, wikidata)


def stmt(subject: str | Entity, relation: str, obj: str | Entity, **kw: Any) -> Statement:
    s = subject if isinstance(subject, Entity) else ent(subject)
    o = obj if isinstance(obj, Entity) else ent(obj)
    return Statement(s, relation, o, **kw)


@pytest.mark.parametrize(
    ("gold", "system", "matched"),
    [
        pytest.param("subject: Russia, relation: supplies, object: Iran",
                     stmt("Russia", "supplies", "Iran"), True, id="labels"),
        pytest.param("subject: Russia, relation: supplies, object: Iran",
                     stmt("  RUSIA ", "supplies", "iran"), True, id="alias-case-space"),
        pytest.param("subject: Russia, relation: supplies, object: Tehran",
                     stmt("Russia", "supplies", ent("teheran", type_="City")), True,
                     id="accents-in-alias"),
        pytest.param("subject: Russia, relation: supplies, object: Iran",
                     stmt(ent("Federación de Rusia", "Q159"), "supplies", "Persia"), False,
                     id="one-end-only"),
        pytest.param("subject: Russia, relation: supplies, object: Iran",
                     stmt(ent("Federación de Rusia", "Q159"), "supplies", ent("Persia", "Q794")),
                     True, id="wikidata"),
        pytest.param("subject: Russia, relation: supplies, object: Iran",
                     stmt(ent("Rusia", "Q1"), "supplies", "Irán"), True,
                     id="name-despite-other-wikidata"),
        pytest.param("subject: Russia, relation: supplies, object: Iran",
                     stmt("Iran", "supplies", "Russia"), False, id="asymmetric-order"),
        pytest.param("subject: Russia, relation: cooperates_with, object: Iran",
                     stmt("Iran", "cooperates_with", "Russia"), True, id="symmetric-order"),
        pytest.param("subject: Russia, relation: supplies, object: Iran",
                     stmt("Russia", "supports", "Iran"), False, id="other-relation"),
        pytest.param("subject: Russia, relation: [supplies, supports], object: Iran",
                     stmt("Russia", "supports", "Iran"), True, id="relation-list"),
        pytest.param("subject: '*', relation: sanctions, object: Iran",
                     stmt("Unknown Bank", "sanctions", "Iran"), True, id="any"),
        pytest.param("subject: [Russia, North Korea], relation: supplies, object: Iran",
                     stmt("Corea del Norte", "supplies", "Iran"), True, id="end-list"),
        pytest.param("subject: [Russia, '*'], relation: supplies, object: Iran",
                     stmt("China", "supplies", "Iran"), True, id="list-with-any"),
    ],
)  # fmt: skip
def test_match_statement(
    write_gold: GoldWriter, gold: str, system: Statement, matched: bool
) -> None:
    g = write_gold(f"  - {{id: g01, {gold}, modality: asserted}}\n")
    assert Matcher(g).statement_matches(system, g.statements[0]) is matched


def test_match_greedy_one_to_one_in_gold_order(write_gold: GoldWriter) -> None:
    g = write_gold(
        "  - {id: g01, subject: Russia, relation: supplies, object: Iran, modality: asserted}\n"
        "  - {id: g02, subject: '*', relation: supplies, object: Iran, modality: asserted,"
        " optional: true}\n"
        "  - {id: g03, subject: Russia, relation: supplies, object: Iran, modality: asserted}\n"
    )
    one = stmt("Russia", "supplies", "Iran")
    other = stmt("North Korea", "supplies", "Iran")
    # g01 takes the first Russia statement, g02 ("*") the next free one, g03 what is left.
    assert Matcher(g).align([one, one, other]) == [(0, 0), (1, 1)]
    assert Matcher(g).align([other, one, one]) == [(0, 1), (1, 0), (2, 2)]
    # A duplicate system statement matches at most one gold statement.
    report = score_file(g, [one, one, one])
    assert report.scores.system_matched == 3 and report.scores.required_matched == 2
    report = score_file(g, [one, one, one, one])
    assert report.scores.precision == 0.75


def test_match_optional_adds_precision_not_recall(write_gold: GoldWriter) -> None:
    g = write_gold(
        "  - {id: g01, subject: Russia, relation: supplies, object: Iran, modality: asserted}\n"
        "  - {id: g02, subject: Iran, relation: supplies, object: Russia, modality: asserted,"
        " optional: true}\n"
    )
    assert score_file(g, [stmt("Iran", "supplies", "Russia")]).scores.precision == 1.0
    assert score_file(g, [stmt("Iran", "supplies", "Russia")]).scores.recall == 0.0
    assert score_file(g, [stmt("Russia", "supplies", "Iran")]).scores.recall == 1.0
    assert score_file(g, []).scores.precision is None
