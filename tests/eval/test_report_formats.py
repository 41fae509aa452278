"""Reporters: the text table, JSON, details and the per-relation table."""

from __future__ import annotations

import json

from kg.eval.gold import Gold
from kg.eval.report import REPORTERS, render
from kg.eval.score import Report, score_file
from kg.model import Entity, Evidence, Statement


def _report(tiny: Gold) -> Report:
    fp = Statement(
        Entity("China", "Country"),
        "attacks",
        Entity("Rusia", "Country"),
        evidence=(Evidence("tiny", "China ataca.", 0, 12),),
    )
    ok = Statement(Entity("Putin", "Person"), "meets", Entity("Kim", "Person"), modality="alleged")
    return Report((score_file(tiny, [fp, ok]),))


def test_report_text_table(tiny: Gold) -> None:
    lines = render(_report(tiny)).splitlines()
    assert lines[0].split() == [
        "file", "P", "R", "F1", "mod", "neg", "attr", "item", "time", "entP", "entR", "teasers",
    ]  # fmt: skip
    assert lines[1].split()[:4] == ["tiny.yaml", "0.50", "0.33", "0.40"]
    assert lines[1].split()[-1] == "China"
    assert lines[2].startswith("MICRO") and len(lines) == 3


def test_report_text_details_and_relations(tiny: Gold) -> None:
    text = render(_report(tiny), details=True, by_relation=True)
    assert "relation" in text and "\nmeets " in text
    assert "false positive: China attacks Rusia [asserted]" in text
    assert "      from: China ataca." in text
    assert "miss g01: North Korea supplies Russia" in text
    assert "miss g04 (optional)" in text
    assert "g02 modality: expected asserted|reported; got alleged" in text


def test_report_json(tiny: Gold) -> None:
    doc = json.loads(render(_report(tiny), "json", details=True, by_relation=True))
    (f,) = doc["files"]
    assert f["measures"]["precision"] == 0.5 and f["counts"]["system"] == 2
    assert f["teasers"] == ["China"]
    assert [m["gold_id"] for m in f["misses"]] == ["g01", "g03", "g04"]
    assert f["false_positives"][0]["sentence"] == "China ataca."
    assert doc["micro"]["measures"]["items"] is None  # the matched pair has no gold items
    assert doc["micro"]["measures"]["time"] == 0.0
    assert {r["relation"] for r in doc["relations"]} >= {"meets", "attacks"}
    plain = json.loads(render(_report(tiny), "json"))
    assert "misses" not in plain["files"][0] and "relations" not in plain
    assert set(REPORTERS) == {"text", "json"}


def test_report_formats_skipped_files_are_listed_not_scored() -> None:
    from kg.eval.report import render
    from kg.eval.score import Report

    report = Report((), ("en-01.yaml: no extraction rules for language 'en'",))
    assert "skipped en-01.yaml" in render(report, "text", details=False, by_relation=False)
    assert '"skipped"' in render(report, "json", details=False, by_relation=False)
