"""Sample data for the RDF tests: a small Spanish article and its hand-written statements."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from kg.model import Article, Statement

DATA = Path(__file__).parent.parent / "data" / "rdf"


def load_sample() -> tuple[Article, list[Statement]]:
    """The sample article and statements (tests/data/rdf), aliases restored on both ends."""
    text = (DATA / "sample-es.txt").read_text(encoding="utf-8")
    article = Article("sample-es", text, "es", date(2024, 9, 13), "sample-es.txt")
    statements = []
    for line in (DATA / "sample-es.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        s = Statement.from_dict(record)
        for end in ("subject", "object"):
            aliases = tuple(record[end].get("aliases", ()))
            s = replace(s, **{end: replace(getattr(s, end), aliases=aliases)})
        statements.append(s)
    return article, statements


def normal(s: Statement) -> dict[str, object]:
    """A statement's JSONL form with its lists in the order the store returns them."""
    d = s.to_dict()
    for key in ("attributed_to", "denied_by"):
        d[key] = sorted(d[key], key=lambda e: e["id"])
    d["items"] = sorted(d["items"], key=lambda i: (i["label"], i["quantity"] or 0))
    d["evidence"] = sorted(d["evidence"], key=lambda e: (e["start"], e["end"]))
    d["time"] = sorted(d["time"])
    return d
