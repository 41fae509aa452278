"""Benchmark extraction: sentences per second on one core, over the sample and the dev corpus.

Reads the sample article and ../shared/corpus/dev/*.txt once (articles in a language without
rules are left out, and said so), then extracts them over and over until about ``--sentences``
sentences have gone through. Reading is not timed; the first pass, which compiles the rules and
the gazetteer, is timed apart. Floor: 500 sentences/s.

    .venv/bin/python benchmarks/extract_bench.py [--sentences 3000]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from kg.demo import read_sample
from kg.errors import DataError
from kg.extract import extract
from kg.model import Article
from kg.read import read_article

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "corpus" / "dev"
FLOOR = 500.0


def dev_articles(folder: Path) -> list[Article]:
    """The dev corpus, each article read with the date and language of its gold file."""
    articles = []
    for text in sorted(folder.glob("*.txt")):
        meta = yaml.safe_load(text.with_suffix(".yaml").read_text(encoding="utf-8"))["article"]
        published = date.fromisoformat(str(meta["published"]))
        articles.append(read_article(text, published=published, lang=meta["language"]))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000, help="about how many to extract")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    articles = [read_sample(), *(dev_articles(DEV) if DEV.is_dir() else [])]
    started = time.perf_counter()
    usable, skipped = [], []
    for article in articles:
        try:
            extract(article)
            usable.append(article)
        except DataError as exc:
            skipped.append(f"{article.id}: {exc}")
    first = time.perf_counter() - started
    per_pass = sum(len(a.sentences) for a in usable)
    passes = max(1, round(args.sentences / per_pass))
    statements = 0
    started = time.perf_counter()
    for _ in range(passes):
        for article in usable:
            statements += len(extract(article))
    elapsed = time.perf_counter() - started
    rate = passes * per_pass / elapsed

    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, 1 used"
    )
    print(f"articles: {len(usable)} ({per_pass} sentences), skipped {len(skipped)}:")
    for line in skipped:
        print(f"  {line}")
    print(f"first pass (compiles rules and gazetteer): {first:.2f} s")
    done = passes * per_pass
    print(f"{passes} passes, {done} sentences, {statements} statements: {elapsed:.2f} s")
    print(f"throughput: {rate:,.0f} sentences/s (floor {FLOOR:.0f})")
    return 0 if rate >= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
