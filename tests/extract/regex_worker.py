"""Run every compiled rule over adversarial encoded sentences (used in a subprocess by the test)."""

from __future__ import annotations

import sys

from kg.extract.rules import load_rules


def adversarial() -> list[str]:
    word = " a/a/W"
    actor = " @0/@/A"
    return [
        word * 3000,
        actor * 3000,
        (actor + word) * 1500,
        (" ,/,/C" + word) * 1500,
        (" «/«/Q" + word * 2) * 1000,
        (" enviar/enviar/W" + word) * 1500,
        (actor + " y/y/W") * 1500 + " vetar/vetar/W",
        (" sanciones/sancion/N" + " occidentales/occidental/D0") * 1500,
    ]


def main() -> int:
    rules = load_rules("es").rules
    for text in adversarial():
        for rule in rules:
            pos = 0
            for _ in range(200):  # as the pipeline does: search again after each match start
                m = rule.regex.search(text, pos)
                if m is None:
                    break
                pos = m.start() + 1
    print(f"ok {len(rules)} rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
