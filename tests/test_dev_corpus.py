"""Regression floors on the development corpus: precision first, as on unseen news.

These are the figures the extractor holds today, not the targets of the issue tracker (Spanish:
precision 0.90 and recall 0.80); raise them as the rules grow, never lower them quietly.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("pattern", "precision", "recall", "modality"),
    [
        pytest.param("es-*.yaml", 0.99, 0.85, 0.95, id="spanish"),
        pytest.param("en-*.yaml", 0.95, 0.60, 0.80, id="english"),
    ],
)
def test_dev_corpus_floors(
    shared_dir: Path, pattern: str, precision: float, recall: float, modality: float
) -> None:
    from kg.eval import evaluate

    golds = sorted((shared_dir / "corpus" / "dev").glob(pattern))
    assert golds
    report = evaluate(golds)
    total = report.total
    assert not report.skipped
    assert total.precision is not None and total.precision >= precision
    assert total.recall is not None and total.recall >= recall
    assert total.modality_accuracy is not None and total.modality_accuracy >= modality
    assert not any(f.teasers for f in report.files), "an entity came from a teaser line"
