"""Fixtures for the RDF tests."""

from __future__ import annotations

import pytest
from rdf_samples import load_sample

from kg.model import Article, Statement


@pytest.fixture
def sample() -> tuple[Article, list[Statement]]:
    return load_sample()
