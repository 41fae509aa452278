"""Adversarial inputs finish in bounded time: each runs in a subprocess with a generous timeout.

The bounds are 20-100 times what the inputs take (well under a second each); they catch
quadratic or exponential behaviour (a run of 100,000 dots took 75 s before the splitter's
look-behind), not normal speed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import sys
from kg.read import read_text
cases = {
    "dots": "." * 100_000 + "a",
    "marks": "?!" * 50_000 + "x",
    "ellipses": "…" * 100_000 + " a",
    "quotes": '."' * 50_000 + "a",
    "digits": "1." * 50_000 + "1",
    "pysbd-79": "Lorem ipsum " + "." * 2000 + " " + "...... ,,,,,, " * 5000,
    "one sentence": "palabra " * 12_500,
    "no spaces": "x" * 100_000 + ".",
    "spaces": "a." + " " * 100_000 + "b",
    "initials": "A. " * 50_000,
    "one line": "Hola mundo. " * 100_000,
    "byline-like": "By A" + "a" * 100_000 + "!",
    "controls": "".join(map(chr, range(32))) * 3_000,
    "teaser-like": ("a" * 399 + "…\n") * 1_000,
}
for name, text in cases.items():
    article = read_text(text)
    for s in (*article.sentences, *article.dropped):
        assert article.text[s.start : s.end] == s.text, name
        assert len(s.text) <= 5000, name
print("ok", len(cases))
"""


def _run(script: str, *args: str, timeout: float) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=timeout,  # raises TimeoutExpired, failing the test, if the bound is broken
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_sentences_adversarial_strings_finish() -> None:
    assert _run(SCRIPT, timeout=60).startswith("ok 14")


BIG = r"""
import sys
from pathlib import Path
from kg.read import read_article
path = Path(sys.argv[1])
article = read_article(path)
print(len(article.sentences))
"""


def test_sentences_big_file_finishes(tmp_path: Path) -> None:
    # Near the 10 MB limit: many short sentences on one line, then a run of dots.
    path = tmp_path / "big.txt"
    path.write_text("Rusia ataca a Ucrania. " * 150_000 + "." * 4_000_000, encoding="utf-8")
    assert int(_run(BIG, str(path), timeout=120)) == 150_000 + 800
