"""A child process for the store tests: ingest many articles, or hold the store open.

Run as ``python rdf_store_worker.py ingest DIR N ROUND`` or ``python rdf_store_worker.py hold DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.model import Article, Entity, Evidence, Item, Statement
from kg.rdf.store import Store


def make_article(i: int, round_: int) -> tuple[Article, list[Statement]]:
    """Article ``i`` as edited in ``round_``: its text and statements depend on both."""
    text = f"Artículo {i}, versión {round_}. País {i} suministra armas a País {i + 1}."
    a, b = Entity(f"País {i}", "Country"), Entity(f"País {i + 1}", "Country")
    ev = Evidence(f"art-{i}", text[text.index("País") :], text.index("País"), len(text))
    statements = [
        Statement(
            a, "supplies", b, "alleged" if round_ % 2 else "asserted",
            attributed_to=(Entity(f"Fuente {round_}", "Organization"),),
            items=tuple(Item(f"arma {k}", k + round_) for k in range(3)),
            time=(f"20{10 + round_}",), evidence=(ev,), rule=f"r{round_}",
        ),
        Statement(b, "meets", a, evidence=(ev,), rule="m"),
    ]  # fmt: skip
    return Article(f"art-{i}", text, source=f"round {round_}"), statements


def main(argv: list[str]) -> None:
    mode, path = argv[0], Path(argv[1])
    with Store.open(path) as store:
        if mode == "hold":
            print("ready", flush=True)
            sys.stdin.read()
            return
        count, round_ = int(argv[2]), int(argv[3])
        for i in range(count):
            store.ingest(*make_article(i, round_))
            print(i, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
