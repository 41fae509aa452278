"""The demo and the public API: the sample built, exports deterministic, `import kg` cheap."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import kg
from kg.demo import COMPARED, read_sample, run_demo, write_exports


def test_demo_builds_the_sample_and_is_idempotent(tmp_path: Path) -> None:
    first = run_demo(tmp_path / "store", tmp_path / "a", png=False)
    assert first.changed
    assert len(first.statements) == first.facts + first.claims
    assert first.facts > 10 and first.claims >= 3
    assert {p.name for p in first.written} == set(COMPARED)
    again = run_demo(tmp_path / "store", tmp_path / "b", png=False)
    assert not again.changed
    assert again.statements == first.statements
    for name in COMPARED:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_demo_never_turns_the_alleged_supply_into_a_fact(tmp_path: Path) -> None:
    report = run_demo(tmp_path / "store", tmp_path / "out", png=False)
    lines = (tmp_path / "out" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == len(report.statements)
    nk = [r for r in rows if r["subject"]["label"] == "North Korea" and r["relation"] == "supplies"]
    assert [r["modality"] for r in nk] == ["alleged"]
    assert {e["label"] for e in nk[0]["denied_by"]} == {"Russia", "North Korea"}
    turtle = (tmp_path / "out" / "sample.ttl").read_text(encoding="utf-8")
    assert "country:North_Korea kg:supplies country:Russia" not in turtle


def test_demo_exports_ignore_the_rest_of_the_store(tmp_path: Path, seed_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_bytes(seed_path.read_bytes())
    kg.build([other], tmp_path / "store", published=date(2024, 9, 13))
    run_demo(tmp_path / "store", tmp_path / "out", png=False)
    with kg.open_store(tmp_path / "store", read_only=True) as store:
        assert len(store.articles()) == 2
    turtle = (tmp_path / "out" / "sample.ttl").read_text(encoding="utf-8")
    assert "kg/samples/seed-es.txt" in turtle and str(other) not in turtle


def test_demo_skips_the_png_without_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.demo.shutil.which", lambda name: None)
    article = read_sample()
    written, skipped = write_exports(article, kg.extract(article), tmp_path, png=True)
    assert not (tmp_path / "sample.png").exists()
    assert len(written) == len(COMPARED)
    assert skipped == [f"{tmp_path / 'sample.png'}: skipped, chromium is not installed"]


def test_api_round_trip(tmp_path: Path, seed_path: Path) -> None:
    report = kg.build([seed_path], tmp_path / "s", published=date(2024, 9, 13))
    assert report.ok and report.results[0].changed
    sparql = "SELECT ?entity ?label { ?e rdfs:label ?entity ; kg:leader_of/rdfs:label ?label }"
    result = kg.query(tmp_path / "s", sparql, {"entity": "Kim Jong Un"})
    assert result.records() == [{"entity": "Kim Jong Un", "label": "North Korea"}]
    result = kg.query(tmp_path / "s", "SELECT ?s WHERE { ?s kg:leader_of country:Russia }")
    assert [str(row[0]) for row in result.rows] == [f"<{kg.model.BASE}id/person/Vladimir_Putin>"]
    with kg.open_store(tmp_path / "s", read_only=True) as store:
        statements = store.statements()
    graph = kg.to_networkx(statements)
    assert graph.number_of_edges() == len(statements)
    assert kg.render_html(statements, tmp_path / "g.html", facts_only=True).is_file()
    assert kg.export(tmp_path / "s", "jsonl").count(b"\n") == len(statements)
    with pytest.raises(kg.KgError, match="unknown export format"):
        kg.export(tmp_path / "s", "xml")


def test_api_import_is_cheap() -> None:
    code = (
        "import sys, kg; heavy = {'rdflib', 'pyoxigraph', 'networkx', 'pyvis', 'click', 'yaml'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_api_python_m_kg() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=True
    )
    assert "Usage: kg" in done.stdout and "demo" in done.stdout


def test_api_functions_survive_importing_their_subpackages() -> None:
    import kg.build
    import kg.export
    import kg.extract.pipeline  # noqa: F401

    assert callable(kg.extract) and kg.extract.__module__ == "kg"
    assert callable(kg.build) and callable(kg.export)
    from kg.extract import extract

    assert extract.__module__ == "kg.extract"
