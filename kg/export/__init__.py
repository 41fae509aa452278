"""Exports: a registry of formats, each a function from an open store to bytes.

RDF formats come from the store (``Store.export``): turtle, nt and jsonld hold the union of
the article graphs (ontology excluded: it ships as kg.ttl); trig and nquads hold every stored
graph, ontology included. jsonl writes one statement per line (FORMATS.md §1); graphml is
written by ``kg.export.graphml`` and imported only when used. Every export is deterministic:
the same store content gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.rdf.store import Store


@dataclass(frozen=True)
class Exporter:
    """How to write one format: the function and the usual file extension."""

    function: Callable[[Store], bytes]
    extension: str


def _rdf(fmt: str) -> Callable[[Store], bytes]:
    def export_rdf(store: Store) -> bytes:
        return store.export(fmt)

    export_rdf.__doc__ = f"The store as {fmt} (see Store.export)."
    return export_rdf


def _jsonl(store: Store) -> bytes:
    from kg.export.jsonl import to_jsonl

    return to_jsonl(store)


def _graphml(store: Store) -> bytes:
    # Imported here: kg.export.graphml (networkx) is another module's, loaded only when used.
    from kg.export.graphml import to_graphml

    data: bytes = to_graphml(store)
    return data


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter(_rdf("turtle"), "ttl"),
    "trig": Exporter(_rdf("trig"), "trig"),
    "nquads": Exporter(_rdf("nquads"), "nq"),
    "nt": Exporter(_rdf("nt"), "nt"),
    "jsonld": Exporter(_rdf("jsonld"), "jsonld"),
    "jsonl": Exporter(_jsonl, "jsonl"),
    "graphml": Exporter(_graphml, "graphml"),
}
"""Format name -> exporter."""


def export_store(store_dir: Path, fmt: str) -> bytes:
    """Export the store in ``store_dir`` (opened read-only) as ``fmt``.

    Args:
        store_dir: the store directory.
        fmt: a name of :data:`EXPORTERS`.

    Returns:
        The serialised store.

    Raises:
        KgError: an unknown format; StoreError when the store cannot be opened.
    """
    from kg.rdf.store import Store

    if fmt not in EXPORTERS:
        raise KgError(f"unknown export format {fmt!r} (known: {', '.join(EXPORTERS)})")
    with Store.open(store_dir, read_only=True) as store:
        return EXPORTERS[fmt].function(store)


__all__ = ["EXPORTERS", "Exporter", "export_store"]
