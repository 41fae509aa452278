"""Benchmark `kg html`: a synthetic 2,000-entity, 5,000-statement graph in headless Chromium.

Prints the time to build the page in Python, then, in the browser, the time from navigation
start to the first drawing and to the page being interactive (``window.__kgReady``), and how
long one filter change takes. Target: interactive within 3 s.

    .venv/bin/python benchmarks/html_bench.py [--entities 2000] [--statements 5000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from kg.html.render import CHROMIUM_FLAGS, render_html
from kg.model import ENTITY_TYPES, MODALITIES, RELATIONS, Entity, Evidence, Statement

CHROMIUM = "/usr/bin/chromium"


def synthetic(entities: int, statements: int, seed: int = 1) -> list[Statement]:
    """Statements between entities drawn with a heavy tail, as in news: a few actors everywhere."""
    rng = random.Random(seed)
    actors = [Entity(f"Actor {i:04}", ENTITY_TYPES[i % len(ENTITY_TYPES)]) for i in range(entities)]
    weights = [1 / (i + 1) ** 0.8 for i in range(entities)]
    out = []
    for i in range(statements):
        subject, obj = rng.choices(actors, weights, k=2)
        if subject == obj:
            obj = actors[(actors.index(subject) + 1 + i) % entities]
        modality = MODALITIES[0] if rng.random() < 0.6 else rng.choice(MODALITIES)
        year, month = rng.randint(2019, 2024), rng.randint(1, 12)
        sentence = f"{subject.label} and {obj.label}: sentence {i} of a synthetic article."
        out.append(
            Statement(
                subject,
                rng.choice(RELATIONS),
                obj,
                modality=modality,
                negated=rng.random() < 0.03,
                time=(f"{year}-{month:02}",),
                evidence=(Evidence(f"art-{i % 900}", sentence, 0, len(sentence)),),
                rule="bench",
            )
        )
    return out


def offline(route: Any) -> None:
    """Let the page read itself (file:, data:) and nothing else."""
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    statements = synthetic(args.entities, args.statements)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.html"
        started = time.perf_counter()
        render_html(statements, out, title="kg benchmark")
        built = time.perf_counter() - started
        size = out.stat().st_size / 1e6
        print(f"{args.entities} entities, {args.statements} statements")
        print(f"python: page built in {built:.2f} s ({size:.1f} MB)")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
            for run in range(1, args.runs + 1):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.route("**/*", offline)
                page.goto(out.as_uri())
                page.wait_for_function("() => window.__kgReady !== undefined", timeout=60000)
                first, ready = page.evaluate("[window.__kgFirstDraw, window.__kgReady]")
                shown = page.evaluate("window.kg.network.body.edgeIndices.length")
                toggled = page.evaluate(
                    """() => {
                      const t = performance.now();
                      document.querySelector('input[name=kg-modality][value=facts]').checked = true;
                      window.kg.applyFilters();
                      window.kg.network.redraw();
                      return performance.now() - t;
                    }"""
                )
                print(
                    f"browser run {run}: first drawn {first / 1000:.2f} s, interactive "
                    f"{ready / 1000:.2f} s, {shown} edges, 'facts only' in {toggled:.0f} ms"
                )
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
