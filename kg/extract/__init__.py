"""Curated extraction: an Article in, Statements out (FORMATS.md §1), deterministic."""

from __future__ import annotations

from kg.model import Article, Statement


def extract(article: Article) -> list[Statement]:
    """Extract the statements of an article, one per proposition, in article order.

    Args:
        article: an article as read by :func:`kg.read.read_article`.

    Returns:
        The merged statements, each with its modality, attribution, evidence and rule.

    Raises:
        DataError: the article's language has no rules, or a data file is invalid.
    """
    from kg.extract.merge import merge
    from kg.extract.pipeline import extract_raw

    raws, denials, ctx = extract_raw(article)
    return merge(raws, denials, ctx, article)
