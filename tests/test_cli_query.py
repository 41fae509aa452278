"""`kg query` wiring: text, .rq file, saved query with params, --list, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.model import Article, Entity, Evidence, Statement
from kg.rdf.store import Store


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    text = "Rusia suministra petróleo a Corea del Norte."
    fact = Statement(
        Entity("Russia", "Country"), "supplies", Entity("North Korea", "Country"),
        evidence=(Evidence("a1", text, 0, len(text)),), time=("2024",),
    )  # fmt: skip
    with Store.open(tmp_path / "s") as store:
        store.ingest(Article("a1", text), [fact])
    return tmp_path / "s"


def test_cli_query_text_and_formats(store_dir: Path) -> None:
    runner = CliRunner()
    sparql = "SELECT ?o WHERE { country:Russia kg:supplies ?o }"
    result = runner.invoke(cli, ["query", sparql, "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert "country:North_Korea" in result.output
    result = runner.invoke(cli, ["query", sparql, "--store", str(store_dir), "--format", "json"])
    assert json.loads(result.output)["head"]["vars"] == ["o"]


def test_cli_query_file_and_saved(store_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?s WHERE { ?s kg:supplies ?o }", encoding="utf-8")
    result = runner.invoke(cli, ["query", str(rq), "--store", str(store_dir), "--format", "csv"])
    assert result.exit_code == 0 and result.output.splitlines()[0] == "s"
    args = ["query", "--saved", "timeline", "--param", "entity=Russia", "--store", str(store_dir)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "2024" in result.output and "supplies" in result.output


def test_cli_query_list_and_errors(store_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "--list"])
    assert result.exit_code == 0 and "supplies" in result.output and "timeline" in result.output
    result = runner.invoke(cli, ["query", "DROP ALL", "--store", str(store_dir)])
    assert result.exit_code == 1 and "read-only" in result.output
    result = runner.invoke(cli, ["query", "SELECT ?s", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no kg store here" in result.output
    assert runner.invoke(cli, ["query"]).exit_code == 2
    assert runner.invoke(cli, ["query", "--saved", "entity", "--param", "oops"]).exit_code == 2
