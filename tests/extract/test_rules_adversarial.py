"""No rule's regular expression backtracks catastrophically on adversarial input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("regex_worker.py")


def test_rules_adversarial_inputs_finish() -> None:
    # A catastrophic pattern would run for hours; linear ones take about a second in total.
    done = subprocess.run(
        [sys.executable, str(WORKER)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")


def test_rules_adversarial_long_sentence_extracts() -> None:
    from datetime import date

    from kg.extract import extract
    from kg.read import read_text

    text = ("Rusia envió municiones a Corea del Norte y " * 2500) + "fin."
    statements = extract(read_text(text, published=date(2024, 9, 13), lang="es"))
    assert any(s.relation == "supplies" for s in statements)
