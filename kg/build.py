"""Building: read articles, extract their statements and ingest them into the store.

One bad file in a batch is reported and skipped; the others are still ingested, each in its own
transaction, so nothing already built is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import KgError
from kg.model import Article, Statement


@dataclass(frozen=True)
class ArticleResult:
    """What building one article did."""

    path: str
    article_id: str
    statements: int
    changed: bool
    dropped_lines: tuple[str, ...] = ()


@dataclass
class BuildReport:
    """What a build did: per-article results and per-file errors (one line each)."""

    results: list[ArticleResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_and_extract(
    path: str | Path, *, published: date | None = None, lang: str | None = None
) -> tuple[Article, list[Statement]]:
    """Read one article file and extract its statements."""
    from kg.extract import extract
    from kg.read import read_article

    article = read_article(path, published=published, lang=lang)
    return article, extract(article)


def build(
    paths: Sequence[str | Path],
    store_dir: Path,
    *,
    published: date | None = None,
    lang: str | None = None,
) -> BuildReport:
    """Ingest articles into the store at ``store_dir`` (created if missing); idempotent.

    Args:
        paths: article files.
        store_dir: the store directory.
        published: publication date for every article (else read from the page, if any).
        lang: article language (else guessed).

    Returns:
        A BuildReport; files that could not be read are in ``errors``, the rest were ingested.

    Raises:
        StoreError: the store cannot be opened for writing (in use, damaged).
    """
    from kg.rdf.store import Store

    report = BuildReport()
    with Store.open(store_dir) as store:
        for path in paths:
            try:
                article, statements = read_and_extract(path, published=published, lang=lang)
            except KgError as exc:
                report.errors.append(str(exc))
                continue
            changed = store.ingest(article, statements)
            report.results.append(
                ArticleResult(
                    str(path),
                    article.id,
                    len(statements),
                    changed,
                    tuple(s.text for s in article.dropped),
                )
            )
    return report
