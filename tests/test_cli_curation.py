"""CLI wiring of `kg explain` and `kg review`: exit codes and output shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

PUBLISHED = ["--published", "2024-09-13"]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt"
    path.write_text(
        "Francia afirma que Rusia apoya a Ucrania. Francia y Alemania celebraron el aniversario.\n",
        encoding="utf-8",
    )
    return path


def test_cli_explain_text(runner: CliRunner, tiny: Path) -> None:
    result = runner.invoke(cli, ["explain", str(tiny), "--subject", "rusia"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Russia supports Ukraine")
    assert any("rule: es.supports.verb_a" in line for line in lines)
    assert any("cue: afirma" in line for line in lines)


def test_cli_explain_json(runner: CliRunner, seed_path: Path) -> None:
    args = ["explain", str(seed_path), *PUBLISHED, "--relation", "supplies"]
    result = runner.invoke(cli, [*args, "--object", "Rusia", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(list(r) == ["statement", "sources"] for r in rows)
    assert {r["statement"]["object"]["label"] for r in rows} == {"Russia"}
    rules = {s["rule"] for r in rows for s in r["sources"]}
    assert "es.supplies.verb_items_a" in rules


def test_cli_explain_nothing_matches_exits_1(runner: CliRunner, tiny: Path) -> None:
    result = runner.invoke(cli, ["explain", str(tiny), "--relation", "vetoes"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tiny}: no statement matches (relation 'vetoes')"


def test_cli_explain_unknown_relation_is_a_usage_error(runner: CliRunner, tiny: Path) -> None:
    result = runner.invoke(cli, ["explain", str(tiny), "--relation", "supply"])
    assert result.exit_code == 2


def test_cli_explain_missing_article_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["explain", str(tmp_path / "absent.txt")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_review_text(runner: CliRunner, tiny: Path) -> None:
    result = runner.invoke(cli, ["review", str(tiny)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "tiny: 1 sentences with actors and no statement"
    assert "(France, Germany) Francia y Alemania celebraron el aniversario." in lines[1]


def test_cli_review_json_is_deterministic(runner: CliRunner, seed_path: Path) -> None:
    runs = [
        runner.invoke(cli, ["review", str(seed_path), *PUBLISHED, "--format", "json"])
        for _ in range(2)
    ]
    assert all(r.exit_code == 0 for r in runs), runs[0].output
    assert runs[0].stdout == runs[1].stdout
    data = json.loads(runs[0].stdout)
    assert data["article"] == "seed-es"
    assert len(data["silent"]) >= 1
