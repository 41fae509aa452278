"""The demo: build the sample article into a store and regenerate the exports/ folder."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path

from kg.errors import KgError
from kg.model import Article, Statement

SAMPLE_PUBLISHED = date(2024, 9, 13)
"""Publication date of the sample article: "el viernes" in it is 2024-09-13."""

SAMPLE_SOURCE = "kg/samples/seed-es.txt"
"""The sample's source as recorded in RDF: a fixed name, so exports do not depend on where kg
is installed."""

EXPORTS: tuple[tuple[str, str], ...] = (
    ("sample.ttl", "turtle"),
    ("sample.trig", "trig"),
    ("sample.jsonl", "jsonl"),
)
"""File name -> export format (kg.export.EXPORTERS) of the exports written from the store."""

HTML = "sample.html"
PNG = "sample.png"
COMPARED: tuple[str, ...] = (*(name for name, _ in EXPORTS), HTML)
"""The exports that are the same bytes on every run (the PNG depends on the browser)."""


@dataclass(frozen=True)
class DemoReport:
    """What the demo did."""

    store: Path
    changed: bool
    statements: tuple[Statement, ...]
    written: tuple[Path, ...]
    skipped: tuple[str, ...] = ()

    @property
    def facts(self) -> int:
        """Statements the article holds true in its own voice (or a named source's, uncontested)."""
        return sum(s.is_fact for s in self.statements)

    @property
    def claims(self) -> int:
        """Everything else: alleged, speculative, planned, hypothetical, denied or negated."""
        return len(self.statements) - self.facts


def sample_path() -> Path:
    """Return the path of the sample article inside the installed package.

    Examples:
        >>> sample_path().is_file()
        True
    """
    return Path(str(resources.files("kg") / "samples" / "seed-es.txt"))


def read_sample() -> Article:
    """Read the sample article, dated and with a source that is the same on every machine.

    Examples:
        >>> a = read_sample()
        >>> a.id, a.lang, a.published, a.source
        ('seed-es', 'es', datetime.date(2024, 9, 13), 'kg/samples/seed-es.txt')
    """
    from kg.read import read_article

    article = read_article(sample_path(), published=SAMPLE_PUBLISHED, lang="es")
    return replace(article, source=SAMPLE_SOURCE)


def write_exports(
    article: Article, statements: list[Statement], folder: Path, *, png: bool = True
) -> tuple[list[Path], list[str]]:
    """Write one article's exports (Turtle, TriG, JSON Lines, HTML and a PNG) into ``folder``.

    The exports come from a scratch store holding only this article, so they are the same
    bytes whatever else the user's store holds.

    Args:
        article: the article as read.
        statements: its statements.
        folder: where to write (created if missing).
        png: also take a screenshot of the HTML page with headless Chromium, if installed.

    Returns:
        The files written, and why any was skipped (one line each).

    Raises:
        KgError: a file cannot be written, or Chromium fails.
    """
    from kg.export import EXPORTERS
    from kg.html.render import render_html, render_png
    from kg.rdf.store import Store

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{folder}: cannot create the exports folder ({exc.strerror})") from exc
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kg-demo-") as scratch:
        with Store.open(Path(scratch) / "store") as store:
            store.ingest(article, statements)
            for name, fmt in EXPORTS:
                written.append(_write(folder / name, EXPORTERS[fmt].function(store)))
            stored = store.statements()
    written.append(render_html(stored, folder / HTML, title="kg · sample article"))
    skipped: list[str] = []
    if not png:
        skipped.append(f"{folder / PNG}: not asked for")
    elif shutil.which("chromium") is None:
        skipped.append(f"{folder / PNG}: skipped, chromium is not installed")
    else:
        render_png(folder / HTML, folder / PNG)
        written.append(folder / PNG)
    return written, skipped


def _write(path: Path, data: bytes) -> Path:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise KgError(f"{path}: cannot write ({exc.strerror})") from exc
    return path


def run_demo(store_dir: Path, exports_dir: Path, *, png: bool = True) -> DemoReport:
    """Build the sample article into ``store_dir`` and write its exports into ``exports_dir``.

    Args:
        store_dir: the store directory (created if missing).
        exports_dir: the exports folder (created if missing).
        png: also write ``sample.png`` when Chromium is installed.

    Returns:
        What was stored and written.

    Raises:
        StoreError: the store cannot be opened for writing.
        KgError: an export cannot be written.
    """
    from kg.extract import extract
    from kg.rdf.store import Store

    article = read_sample()
    statements = extract(article)
    with Store.open(store_dir) as store:
        changed = store.ingest(article, statements)
        stored = store.statements(article.id)
    written, skipped = write_exports(article, statements, exports_dir, png=png)
    return DemoReport(store_dir, changed, tuple(stored), tuple(written), tuple(skipped))
