"""`kg html`: wiring only (options reach render_html, errors become exit codes)."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

import click
import pytest
from click.testing import CliRunner
from sample_graph import sample_statements

from kg.cli import cli
from kg.model import Statement


class FakeStore:
    """Stands in for kg.rdf.store.Store: records how it was opened."""

    opened: list[tuple[Path, bool]] = []

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> FakeStore:
        cls.opened.append((path, read_only))
        return cls()

    def __enter__(self) -> FakeStore:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        return None

    def statements(self) -> list[Statement]:
        return sample_statements()


@pytest.fixture()
def fake_store(monkeypatch: pytest.MonkeyPatch) -> type[FakeStore]:
    FakeStore.opened = []
    monkeypatch.setattr("kg.rdf.store.Store", FakeStore)
    return FakeStore


def test_cli_html_writes_the_page(
    fake_store: type[FakeStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[str] = []

    def launch(url: str, **kwargs: Any) -> int:
        launched.append(url)
        return 0

    monkeypatch.setattr(click, "launch", launch)
    out = tmp_path / "nk.html"
    args = ["html", "--out", str(out), "--store", str(tmp_path / "st"), "--entity", "Russia"]
    args += ["--hops", "2", "--facts-only", "--relation", "attacks", "--relation", "hosts"]
    args += ["--type", "Country", "--type", "Bloc", "--since", "2020-01-01", "--open"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    assert fake_store.opened == [(tmp_path / "st", True)]
    html = out.read_text(encoding="utf-8")
    assert "<title>kg · Russia</title>" in html
    assert launched == [str(out)]


def test_cli_html_default_output_in_current_dir(
    fake_store: type[FakeStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["html"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kg-graph.html").is_file()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--relation", "supply"], 2, "Invalid value for '--relation'"),
        (["--since", "13/09/2024"], 2, "Invalid value for '--since'"),
        (["--entity", "Atlantis"], 1, 'Error: no entity "Atlantis"'),
    ],
    ids=["relation", "date", "entity"],
)
def test_cli_html_errors(
    fake_store: type[FakeStore], tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = CliRunner().invoke(cli, ["html", "--out", str(tmp_path / "g.html"), *args])
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_html_png(
    fake_store: type[FakeStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shots: list[tuple[Path, Path]] = []

    def render_png(html: Path, png: Path) -> Path:
        shots.append((html, png))
        return png

    monkeypatch.setattr("kg.html.render.render_png", render_png)
    out, png = tmp_path / "g.html", tmp_path / "g.png"
    result = CliRunner().invoke(cli, ["html", "--out", str(out), "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert shots == [(out, png)]
    assert result.output.splitlines() == [f"wrote {out}", f"wrote {png}"]
