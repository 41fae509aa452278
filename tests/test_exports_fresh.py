"""The committed exports/ folder is what `kg demo` writes today."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.demo import COMPARED, read_sample, write_exports
from kg.extract import extract

EXPORTS = Path(__file__).resolve().parent.parent / "exports"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    article = read_sample()
    write_exports(article, extract(article), folder, png=False)
    return folder


@pytest.mark.parametrize("name", COMPARED)
def test_exports_fresh(fresh: Path, name: str) -> None:
    committed = EXPORTS / name
    hint = "run `kg demo` (or `make demo`) in the repository root and commit exports/"
    assert committed.is_file(), f"exports/{name} is missing: {hint}"
    assert committed.read_bytes() == (fresh / name).read_bytes(), f"exports/{name} is stale: {hint}"
