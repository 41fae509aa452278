"""GraphML export: the statement graph for Gephi, yEd or Cytoscape; equal input, equal bytes."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import networkx as nx

from kg.graph import to_networkx
from kg.model import Statement

__all__ = ["graph_to_graphml", "statements_to_graphml", "to_graphml"]

# XML 1.0 forbids most control characters even when escaped; article text may carry them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _StatementSource(Protocol):
    def statements(self) -> Sequence[Statement]: ...


def to_graphml(store: _StatementSource) -> bytes:
    """Return every statement of ``store`` as GraphML (UTF-8 bytes).

    Args:
        store: an open ``kg.rdf.store.Store`` (anything with a ``statements()`` method).
    """
    return statements_to_graphml(store.statements())


def statements_to_graphml(statements: Iterable[Statement]) -> bytes:
    """Return ``statements`` as GraphML: entities as nodes, statements as edges.

    Examples:
        >>> from kg.model import Entity, Statement
        >>> st = Statement(Entity("Chile", "Country"), "meets", Entity("Peru", "Country"))
        >>> xml = statements_to_graphml([st]).decode()
        >>> '<edge source="https://w3id.org/kg-geo/id/country/Chile"' in xml
        True
    """
    return graph_to_graphml(to_networkx(statements))


def graph_to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """Return a graph from :func:`kg.graph.to_networkx` as GraphML.

    GraphML holds only scalars, so lists of labels or times become ``"; "``-joined strings,
    items and evidence become JSON arrays, and missing values (``None``) are left out. Nodes and
    edges are written sorted, so equal graphs give equal bytes whatever the insertion order.
    """
    flat = nx.MultiDiGraph()
    for node in sorted(graph):
        flat.add_node(node, **_flatten(graph.nodes[node]))
    for u, v, key in sorted(graph.edges(keys=True)):
        flat.add_edge(u, v, key, **_flatten(graph.edges[u, v, key]))
    buffer = io.BytesIO()
    nx.write_graphml_xml(flat, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def _flatten(attrs: dict[str, Any]) -> dict[str, str | bool | int | float]:
    flat: dict[str, str | bool | int | float] = {}
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            if all(isinstance(v, str) for v in value):
                value = "; ".join(value)
            else:
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if isinstance(value, str):
            value = _NOT_XML.sub("\ufffd", value)
        flat[name] = value
    return flat
