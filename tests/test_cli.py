"""CLI wiring: exit codes and output shapes of `extract`, `build` and `demo`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kg.cli import cli
from kg.model import BASE
from kg.rdf.store import Store

# FORMATS.md §1, in the documented order
JSONL_FIELDS = [
    "subject", "relation", "object", "modality", "negated", "attributed_to", "denied_by",
    "items", "time", "start", "end", "role", "evidence", "rule",
]  # fmt: skip
PUBLISHED = ["--published", "2024-09-13"]


def test_cli_extract_table(runner: CliRunner, seed_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(seed_path), *PUBLISHED])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 10
    assert any(line.split()[:3] == ["North", "Korea", "supplies?"] for line in lines)


def test_cli_extract_jsonl_has_the_documented_fields(runner: CliRunner, seed_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(seed_path), *PUBLISHED, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(row) == JSONL_FIELDS for row in rows)
    supplies = [r for r in rows if r["relation"] == "supplies" and r["object"]["label"] == "Russia"]
    assert supplies[0]["modality"] == "alleged"
    assert all(r["evidence"] and r["rule"] for r in rows)
    text = seed_path.read_text(encoding="utf-8")
    first = rows[0]["evidence"][0]
    assert text[first["start"] : first["end"]] == first["sentence"]


def test_cli_extract_turtle_parses(runner: CliRunner, seed_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(seed_path), *PUBLISHED, "--format", "turtle"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    putin = URIRef(f"{BASE}id/person/Vladimir_Putin")
    assert (putin, URIRef(f"{BASE}ontology#leader_of"), URIRef(f"{BASE}id/country/Russia")) in graph


def test_cli_extract_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["extract", str(missing)])
    assert result.exit_code == 1
    assert str(missing) in result.stderr


def test_cli_build_reports_a_bad_file_and_keeps_the_good_one(
    runner: CliRunner, seed_path: Path, tmp_store: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    args = ["build", str(seed_path), str(missing), "--store", str(tmp_store), *PUBLISHED]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert f"{seed_path}: " in result.stdout and "stored" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(missing) in errors[0]
    with Store.open(tmp_store, read_only=True) as store:
        assert store.articles() == ["seed-es"]
        assert len(store.statements()) > 10
    again = runner.invoke(cli, ["build", str(seed_path), "--store", str(tmp_store), *PUBLISHED])
    assert again.exit_code == 0, again.output
    assert again.stdout.strip().endswith("unchanged")


def test_cli_build_needs_an_article(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 2


def test_cli_demo_writes_exports(runner: CliRunner, tmp_store: Path, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    args = ["demo", "--store", str(tmp_store), "--exports", str(exports), "--no-png"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    names = {"sample.ttl", "sample.trig", "sample.jsonl", "sample.html"}
    assert {p.name for p in exports.iterdir()} == names
    for name in names:
        assert f"wrote {exports / name}" in result.stdout
    assert "facts" in result.stdout and "claims" in result.stdout
    assert "kg query" in result.stdout
    query = runner.invoke(cli, ["query", "--store", str(tmp_store), "--saved", "supplies"])
    assert query.exit_code == 0 and "North Korea" in query.stdout


@pytest.mark.parametrize("command", ["demo", "extract", "build", "query", "export", "eval"])
def test_cli_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: cli {command} ") or f"{command} [" in result.stdout
