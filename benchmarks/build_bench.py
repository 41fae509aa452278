"""Benchmark building: about 1,000 articles into a fresh store with ``kg.build.build``.

Copies the sample and the dev corpus's Spanish articles under distinct file names into a
temporary folder until there are ``--articles`` of them (same publication date for all), builds
them into a fresh store, prints the total time, articles/s, statements and the store's size on
disk, then times a few saved SPARQL queries over the result (median of three runs, each given
up after ``--timeout`` seconds). Floor: the build under 60 s.

    .venv/bin/python benchmarks/build_bench.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from kg.build import build
from kg.demo import sample_path
from kg.errors import QueryError
from kg.rdf.query import run_saved
from kg.rdf.store import Store

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "corpus" / "dev"
FLOOR = 60.0
QUERIES: tuple[tuple[str, dict[str, str]], ...] = (
    ("supplies", {}),
    ("claims", {}),
    ("relations", {}),
    ("entity", {"entity": "Russia"}),
    ("timeline", {"entity": "North Korea"}),
)


def copies(sources: list[Path], folder: Path, count: int) -> list[Path]:
    """Write ``count`` copies of ``sources`` (round robin) into ``folder``, each its own name."""
    paths = []
    for i in range(count):
        source = sources[i % len(sources)]
        path = folder / f"{i:04}-{source.stem}.txt"
        path.write_bytes(source.read_bytes())
        paths.append(path)
    return paths


def time_query(store: Store, name: str, params: dict[str, str], timeout: float) -> str:
    """Median time of three runs of a saved query, or why it failed (starting "failed")."""
    times, rows = [], 0
    for _ in range(3):
        started = time.perf_counter()
        try:
            rows = len(run_saved(store, name, params, timeout=timeout).rows)
        except QueryError as exc:
            return f"failed: {exc}"
        times.append(time.perf_counter() - started)
    return f"{rows:6} rows  {statistics.median(times) * 1000:8.1f} ms"


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per query")
    args = parser.parse_args()
    sources = [sample_path(), *sorted(DEV.glob("es-*.txt"))]
    with tempfile.TemporaryDirectory(prefix="kg-build-bench-") as tmp:
        paths = copies(sources, Path(tmp), args.articles)
        store_dir = Path(tmp) / "store"
        started = time.perf_counter()
        report = build(paths, store_dir, published=date(2024, 9, 13), lang="es")
        elapsed = time.perf_counter() - started
        statements = sum(r.statements for r in report.results)
        print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
        built, errors = len(report.results), len(report.errors)
        print(f"{built} articles from {len(sources)} texts, {errors} errors")
        print(f"build: {elapsed:.1f} s, {built / elapsed:.1f} articles/s (floor {FLOOR:.0f} s)")
        print(f"statements: {statements:,}; store on disk: {size_of(store_dir) / 1e6:.1f} MB")
        with Store.open(store_dir, read_only=True) as store:
            timings = [(name, time_query(store, name, p, args.timeout)) for name, p in QUERIES]
    for name, line in timings:
        print(f"query {name:10} {line}")
    failed = any(line.startswith("failed") for _, line in timings)
    return 0 if elapsed < FLOOR and not report.errors and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
