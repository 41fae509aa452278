"""Curated extraction: an Article in, Statements out (FORMATS.md §1), deterministic."""

from __future__ import annotations

from kg.model import Article, Statement


def languages() -> tuple[str, ...]:
    """Languages that have extraction rules (a folder under kg/extract/lang with relations.yaml).

    Examples:
        >>> "es" in languages()
        True
    """
    from importlib import resources

    root = resources.files("kg.extract") / "lang"
    return tuple(
        sorted(d.name for d in root.iterdir() if d.is_dir() and (d / "relations.yaml").is_file())
    )


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
