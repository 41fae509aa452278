"""JSON Lines export: one statement per line in the shape of FORMATS.md §1."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from kg.model import Statement

if TYPE_CHECKING:
    from kg.rdf.store import Store


def write_jsonl(statements: list[Statement]) -> bytes:
    """Return ``statements`` as UTF-8 JSON Lines, keys in the documented order.

    Examples:
        >>> from kg.model import Entity
        >>> s = Statement(Entity("Rusia", "Country"), "meets", Entity("Corea", "Country"))
        >>> write_jsonl([s]).decode().count("\\n")
        1
    """
    lines = (json.dumps(s.to_dict(), ensure_ascii=False, sort_keys=False) for s in statements)
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def to_jsonl(store: Store) -> bytes:
    """Every statement of the store, rebuilt from RDF and sorted, as JSON Lines."""
    return write_jsonl(store.statements())
