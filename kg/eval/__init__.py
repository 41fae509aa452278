"""Evaluation: score the extractor against gold files (FORMATS.md §2)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.eval.gold import Gold, GoldEntity, GoldItem, GoldStatement, read_gold
from kg.eval.report import REPORTERS, render
from kg.eval.score import FileReport, RelationScores, Report, Scores, score_file
from kg.model import Article, Statement

Extractor = Callable[[Article], list[Statement]]

__all__ = [
    "REPORTERS",
    "Extractor",
    "FileReport",
    "Gold",
    "GoldEntity",
    "GoldItem",
    "GoldStatement",
    "RelationScores",
    "Report",
    "Scores",
    "evaluate",
    "read_gold",
    "render",
    "score_file",
]


def _default_extractor() -> Extractor:
    # Loaded only when evaluating: the extractor compiles its rules and gazetteer on first use.
    extract: Extractor = importlib.import_module("kg.extract").extract
    return extract


def evaluate(gold_paths: Sequence[Path], extractor: Extractor | None = None) -> Report:
    """Read each gold file and its article, extract, and score.

    Args:
        gold_paths: gold YAML files (FORMATS.md §2).
        extractor: Article -> statements; defaults to ``kg.extract.extract``.

    Returns:
        Per-file reports; ``Report.total`` and ``Report.relations`` micro-average them.

    Raises:
        GoldError: a gold file is invalid.
        InputError: an article cannot be read.
    """
    from kg.read import read_article

    golds = [read_gold(p) for p in gold_paths]  # all gold errors before any extraction
    extract = extractor or _default_extractor()
    files = []
    skipped = []
    for gold, path in zip(golds, gold_paths, strict=True):
        if extractor is None and gold.language and not _supported(gold.language):
            # scored files stay comparable: a language without rules is reported, not scored
            skipped.append(f"{Path(path).name}: no extraction rules for language {gold.language!r}")
            continue
        article = read_article(gold.article, published=gold.published, lang=gold.language)
        files.append(score_file(gold, extract(article), article))
    return Report(tuple(files), tuple(skipped))


def _supported(lang: str) -> bool:
    from kg.extract import languages

    return lang in languages()
