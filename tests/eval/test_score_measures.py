"""Scores on matched pairs, entities, teasers, per-relation table, misses and false positives."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.eval.gold import Gold
from kg.eval.score import Report, Scores, score_file
from kg.model import Entity, Evidence, Item, Statement
from kg.read import read_article

ToSystem = Callable[..., list[Statement]]


def country(label: str) -> Entity:
    return Entity(label, "Country")


NK, RU, US = country("North Korea"), country("Rusia"), country("Estados Unidos")
PUTIN, KIM = Entity("Putin", "Person"), Entity("Kim", "Person")


def supplies(**kw: object) -> Statement:
    return Statement(NK, "supplies", RU, **kw)  # type: ignore[arg-type]


def test_score_perfect_pair(tiny: Gold) -> None:
    s = supplies(
        modality="alleged",
        attributed_to=(US,),
        denied_by=(RU, NK),
        items=(Item("shells", 5000),),
        time=("2024-06-27",),  # refines the gold's 2024-06
    )
    sc = score_file(tiny, [s]).scores
    assert (sc.precision, sc.recall, sc.f1) == (1.0, 1 / 3, 0.5)
    assert sc.modality_accuracy == sc.negation_accuracy == 1.0
    assert sc.attribution_recall == sc.item_recall == sc.time_accuracy == 1.0


def test_score_pair_disagreements(tiny: Gold) -> None:
    s = supplies(
        modality="asserted",
        negated=True,
        attributed_to=(RU,),  # a denier named as the source: not the gold's attribution
        items=(Item("drones"), Item("artillery")),  # "artillery" is contained in the gold label
        time=("2024",),  # coarser than the gold's 2024-06: no credit
    )
    report = score_file(tiny, [s])
    sc = report.scores
    assert sc.modality_accuracy == 0.0 and sc.negation_accuracy == 0.0
    assert (sc.attribution_found, sc.attribution_total) == (0, 3)
    assert (sc.items_found, sc.items_total) == (1, 1)
    assert (sc.times_found, sc.times_total) == (0, 1)
    fields = {d.field: d for d in report.disagreements}
    assert set(fields) == {"modality", "negated", "attribution", "time"}
    assert fields["modality"].expected == "alleged" and fields["modality"].got == "asserted"
    assert fields["attribution"].expected == "United States, Russia, North Korea"


def test_score_entities_and_teasers(tiny: Gold) -> None:
    china = country("China")
    system = [
        supplies(modality="alleged"),
        Statement(PUTIN, "meets", KIM),
        Statement(china, "supplies", Entity("Moscú", "City")),
        Statement(PUTIN, "visits", Entity("Atlantis", "City")),
    ]
    report = score_file(tiny, system)
    sc = report.scores
    # North Korea, Rusia, Putin, Kim and Moscú (a Russia alias) are right; China and Atlantis not.
    assert (sc.entities_right, sc.entities) == (5, 7)
    # Required ends: North Korea, Russia, United States, Putin, Kim, and [Pyongyang | North Korea]
    # which North Korea already covers; United States is not found.
    assert (sc.gold_entities_found, sc.gold_entities) == (4, 5)
    assert report.teasers == ("China",)


def test_score_entity_group_counts_when_no_member_stands_alone(
    write_gold: Callable[[str], Gold],
) -> None:
    g = write_gold(
        "  - {id: g01, subject: Russia, relation: visits, object: [Tehran, Iran],"
        " modality: asserted}\n"
    )
    assert score_file(g, []).scores.gold_entities == 2
    sc = score_file(g, [Statement(country("Rusia"), "visits", Entity("Teherán", "City"))]).scores
    assert (sc.gold_entities_found, sc.entity_precision) == (2, 1.0)


def test_score_relation_table_and_micro(tiny: Gold) -> None:
    one = score_file(tiny, [supplies(), Statement(PUTIN, "meets", NK)])
    two = score_file(tiny, [Statement(KIM, "meets", PUTIN)])  # symmetric: matches g02
    report = Report((one, two))
    total = report.total
    assert total == one.scores + two.scores
    assert (total.system, total.system_matched, total.required) == (3, 2, 6)
    assert total.precision == pytest.approx(2 / 3) and total.recall == pytest.approx(2 / 6)
    rows = {r.relation: r for r in report.relations}
    assert set(rows) == {"meets", "supplies", "visits"}  # leader_of is optional: no support
    assert (rows["meets"].system, rows["meets"].system_matched, rows["meets"].support) == (2, 1, 2)
    assert rows["visits"].precision is None and rows["visits"].recall == 0.0


def test_score_misses_point_at_a_sentence(tiny: Gold) -> None:
    article = read_article(tiny.article, published=tiny.published, lang="es")
    fp = Statement(
        PUTIN, "attacks", KIM, evidence=(Evidence("tiny", "Kim habló.", 0, 10),), rule="r.1"
    )
    report = score_file(tiny, [fp], article)
    misses = {m.gold_id: m for m in report.misses}
    assert set(misses) == {"g01", "g02", "g03", "g04"}
    assert misses["g01"].sentence is not None and "Corea del Norte" in misses["g01"].sentence
    assert misses["g03"].sentence is not None and "Pyongyang" in misses["g03"].sentence
    assert misses["g04"].optional
    (false_positive,) = report.false_positives
    assert false_positive.sentence == "Kim habló." and false_positive.rule == "r.1"


def test_score_floors(tiny: Gold) -> None:
    report = Report((score_file(tiny, [supplies()]),))
    assert report.below({"precision": 1.0, "f1": None}) == []
    assert report.below({"recall": 0.5}) == ["recall 0.333 is below the floor 0.500"]
    assert report.below({"time": 0.1}) == ["time 0.000 is below the floor 0.100"]
    assert Report().below({"f1": 0.0}) == ["f1 undefined is below the floor 0.000"]
    assert Scores().measures()["precision"] is None


def test_score_gold_as_system_is_perfect(tiny: Gold, to_system: ToSystem) -> None:
    sc = score_file(tiny, to_system(tiny)).scores
    assert sc.measures() == dict.fromkeys(sc.measures(), 1.0)
