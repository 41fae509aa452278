"""`kg export` wiring: stdout, --out, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from kg.cli import cli
from kg.model import Article, Entity, Statement
from kg.rdf.store import Store


def make_store(path: Path) -> Path:
    with Store.open(path) as store:
        statement = Statement(Entity("Russia", "Country"), "meets", Entity("China", "Country"))
        store.ingest(Article("a1", "Rusia se reúne con China."), [statement])
    return path


def test_cli_export_stdout_and_file(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s")
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.TURTLE))
    out = tmp_path / "kg.jsonl"
    result = runner.invoke(
        cli, ["export", "--format", "jsonl", "--out", str(out), "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["relation"] == "meets"


def test_cli_export_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["export", "--format", "xml"]).exit_code == 2
    result = runner.invoke(cli, ["export", "--store", str(tmp_path / "missing")])
    assert result.exit_code == 1 and "no kg store here" in result.output
