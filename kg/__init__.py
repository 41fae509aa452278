"""kg: knowledge graphs of geopolitical relations from news articles.

The public API, as thin wrappers over the modules that do the work. Each wrapper imports its
module when called, so ``import kg`` stays cheap (no rdflib, pyoxigraph or networkx).

Examples:
    >>> import kg
    >>> article = kg.read_article(kg.sample_path(), published=date(2024, 9, 13))
    >>> statements = kg.extract(article)
    >>> any(s.relation == "supplies" and not s.is_fact for s in statements)
    True
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import DataError, GoldError, InputError, KgError, QueryError, StoreError
from kg.model import Article, Entity, Evidence, Item, Statement

if TYPE_CHECKING:
    import networkx as nx

    from kg.build import BuildReport
    from kg.eval.score import Report
    from kg.rdf.query import QueryResult
    from kg.rdf.store import Store

__version__ = "0.1.0"


class _Api(types.ModuleType):
    """The type of the ``kg`` module: a subpackage never hides the public function it shares a
    name with.

    Importing ``kg.extract`` (the package) would otherwise rebind ``kg.extract`` from the
    function to the package, so ``kg.extract(article)`` would work or fail depending on what
    had been imported before. ``from kg.extract import ...`` is unaffected.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and callable(self.__dict__.get(name)):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Api

__all__ = [
    "Article",
    "DataError",
    "Entity",
    "Evidence",
    "GoldError",
    "InputError",
    "Item",
    "KgError",
    "QueryError",
    "Statement",
    "StoreError",
    "build",
    "evaluate",
    "export",
    "extract",
    "open_store",
    "query",
    "read_article",
    "render_html",
    "sample_path",
    "to_networkx",
]


def sample_path() -> Path:
    """Return the path of the sample article shipped with kg (Spanish, published 2024-09-13).

    Examples:
        >>> sample_path().name
        'seed-es.txt'
    """
    from kg.demo import sample_path as path

    return path()


def read_article(
    path: str | Path,
    *,
    published: date | None = None,
    lang: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Read an article file (plain text in any common encoding, or a saved HTML page).

    Args:
        path: the file to read.
        published: the date relative times ("el viernes") are resolved against.
        lang: ``"es"`` or ``"en"``; guessed from the text when not given.
        article_id: stable id of the article; defaults to the file name without extension.

    Returns:
        The article: text, sentences with offsets, boilerplate lines set aside.

    Raises:
        InputError: the file is missing, unreadable, binary or not an article.
    """
    from kg.read import read_article as read

    return read(path, published=published, lang=lang, article_id=article_id)


def extract(article: Article) -> list[Statement]:
    """Extract an article's statements: relation, modality, attribution, evidence, rule.

    Args:
        article: as returned by :func:`read_article`.

    Returns:
        One statement per proposition, in article order. Claims stay claims: only
        ``Statement.is_fact`` statements are held true by the article itself.

    Raises:
        DataError: the article's language has no rules, or a data file is invalid.
    """
    from kg.extract import extract as run

    return run(article)


def build(
    paths: Sequence[str | Path],
    store_dir: str | Path,
    *,
    published: date | None = None,
    lang: str | None = None,
) -> BuildReport:
    """Read, extract and store articles; re-building an unchanged article changes nothing.

    Args:
        paths: article files.
        store_dir: the store directory (created if missing).
        published: publication date for every article.
        lang: article language (else guessed).

    Returns:
        Per-article results, and one error line per file that could not be read.

    Raises:
        StoreError: the store cannot be opened for writing.
    """
    from kg.build import build as run

    return run(paths, Path(store_dir), published=published, lang=lang)


def open_store(store_dir: str | Path, *, read_only: bool = False) -> Store:
    """Open the store in ``store_dir``; use it as a context manager.

    Args:
        store_dir: the store directory (created if missing, unless ``read_only``).
        read_only: open for reading only (several readers may share a store).

    Returns:
        The open :class:`kg.rdf.store.Store`: ``statements()``, ``query()``, ``export()``.

    Raises:
        StoreError: not a kg store, damaged, missing (read-only) or in use by a writer.
    """
    from kg.rdf.store import Store

    return Store.open(Path(store_dir), read_only=read_only)


def query(
    store_dir: str | Path,
    sparql: str,
    params: Mapping[str, str] | None = None,
    *,
    timeout: float = 30.0,
) -> QueryResult:
    """Run a read-only SPARQL query over a store; kg's prefixes (``kg:``, ``country:``…) are set.

    Args:
        store_dir: the store directory.
        sparql: the query; ``?name`` variables get values from ``params``.
        params: variable name -> value, bound safely (never pasted into the text).
        timeout: seconds before giving up.

    Returns:
        The result: ``variables`` and ``rows`` (or ``boolean`` for ASK).

    Raises:
        StoreError: the store cannot be opened.
        QueryError: syntax error, refused query (updates, SERVICE, LOAD…) or time-out.
    """
    with open_store(store_dir, read_only=True) as store:
        return store.query(sparql, dict(params or {}), timeout=timeout)


def to_networkx(statements: Iterable[Statement]) -> nx.MultiDiGraph:
    """Turn statements into a networkx MultiDiGraph: entities as nodes, relation as edge key.

    Args:
        statements: e.g. ``store.statements()`` or :func:`extract`'s result.

    Returns:
        The graph, each edge carrying its statement's modality, attribution and evidence.
    """
    from kg.graph import to_networkx as convert

    return convert(statements)


def render_html(
    statements: Sequence[Statement],
    out: str | Path,
    *,
    entity: str | None = None,
    hops: int = 1,
    relations: Iterable[str] | None = None,
    facts_only: bool = False,
    types: Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    title: str = "kg",
) -> Path:
    """Write statements as one interactive HTML page that works offline.

    Args:
        statements: what to draw.
        out: the HTML file to write.
        entity: label or IRI to centre on (with its neighbours up to ``hops`` away).
        hops: how far from ``entity`` to reach.
        relations: relation ids to keep (default: all).
        facts_only: drop claims, denied and negated statements.
        types: entity types to keep (default: all).
        since: keep statements dated this day or later.
        until: keep statements dated this day or earlier.
        title: the page's title.

    Returns:
        The path written.

    Raises:
        KgError: an unknown relation or type, ``entity`` not found, or ``out`` unwritable.
    """
    from kg.html.render import render_html as render

    return render(
        statements,
        Path(out),
        entity=entity,
        hops=hops,
        relations=relations,
        facts_only=facts_only,
        types=types,
        since=since,
        until=until,
        title=title,
    )


def export(store_dir: str | Path, fmt: str = "turtle") -> bytes:
    """Serialise a store deterministically (same content, same bytes).

    Args:
        store_dir: the store directory.
        fmt: ``turtle``, ``trig``, ``nquads``, ``nt``, ``jsonld``, ``jsonl`` or ``graphml``.

    Returns:
        The serialised store.

    Raises:
        KgError: an unknown format; StoreError when the store cannot be opened.
    """
    from kg.export import export_store

    return export_store(Path(store_dir), fmt)


def evaluate(
    gold_paths: Sequence[str | Path],
    extractor: Callable[[Article], list[Statement]] | None = None,
) -> Report:
    """Score extraction against gold files (FORMATS.md §2).

    Args:
        gold_paths: gold YAML files; each names its article.
        extractor: Article -> statements; defaults to :func:`extract`.

    Returns:
        The report: per-file scores, ``total`` micro-averaged (precision, recall, F1…).

    Raises:
        GoldError: a gold file is invalid.
        InputError: an article cannot be read.
    """
    from kg.eval import evaluate as run

    return run([Path(p) for p in gold_paths], extractor)
