"""Fixtures shared by every test: a CLI runner, the sample article, ../shared, a scratch store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.demo import sample_path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def runner() -> CliRunner:
    """A click runner; ``result.stdout`` and ``result.stderr`` are kept apart."""
    return CliRunner()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The sample article (Spanish, published 2024-09-13) shipped in kg/samples/."""
    return sample_path()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared material (gold files, dev corpus) beside the checkout, or skip."""
    if not (SHARED / "ANNOTATION.md").is_file():
        pytest.skip(f"{SHARED} is absent: the shared material is not beside the checkout")
    return SHARED


@pytest.fixture
def tmp_store(tmp_path: Path) -> Path:
    """A store directory that does not exist yet (``kg build`` creates it)."""
    return tmp_path / "kg-store"
