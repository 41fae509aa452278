"""`kg eval` wiring: evaluate() over gold files, output formats, exit status from floors."""

from __future__ import annotations

import json
import shutil
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.eval import evaluate
from kg.model import Article, Entity, Statement

DATA = Path(__file__).parent.parent / "data" / "eval"


def fake_extract(article: Article) -> list[Statement]:
    """Finds the Putin-Kim meeting of tiny.txt and nothing else."""
    assert article.lang == "es" and article.published is not None
    assert not any("China" in s.text for s in article.sentences)  # teaser line set aside
    return [Statement(Entity("Putin", "Person"), "meets", Entity("Kim Jong Un", "Person"))]


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("kg.extract")
    module.extract = fake_extract  # type: ignore[attr-defined]
    module.languages = lambda: ("es",)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kg.extract", module)


def test_evaluate_reads_articles_and_micro_averages(tmp_path: Path) -> None:
    copy = tmp_path / "tiny.yaml"
    shutil.copy(DATA / "tiny.yaml", copy)
    shutil.copy(DATA / "tiny.txt", tmp_path / "tiny.txt")
    report = evaluate([DATA / "tiny.yaml", copy], extractor=fake_extract)
    assert [f.gold for f in report.files] == [DATA / "tiny.yaml", copy]
    assert report.total.system == 2 and report.total.required == 6
    assert report.total.precision == 1.0 and report.total.recall == pytest.approx(1 / 3)


@pytest.mark.usefixtures("fake_extractor")
def test_eval_cli_text_and_floors() -> None:
    runner = CliRunner()
    gold = str(DATA / "tiny.yaml")
    ok = runner.invoke(cli, ["eval", gold, "--min-precision", "0.9"])
    assert ok.exit_code == 0, ok.output
    assert ok.output.splitlines()[-1].startswith("MICRO")
    low = runner.invoke(cli, ["eval", gold, "--min-f1", "0.85", "--by-relation", "--details"])
    assert low.exit_code == 1
    assert "f1 0.500 is below the floor 0.850" in low.output
    assert "miss g01" in low.output


@pytest.mark.usefixtures("fake_extractor")
def test_eval_cli_json_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(DATA / "tiny.yaml"), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["micro"]["measures"]["precision"] == 1.0
    bad = tmp_path / "bad.yaml"
    bad.write_text("article: {file: missing.txt}\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(bad)])
    assert result.exit_code == 1 and "missing.txt' not found" in result.output
    assert runner.invoke(cli, ["eval", str(bad), "--min-f1", "2"]).exit_code == 2
