"""The statement graph as plain node/edge dicts for vis-network, with the legend that explains them.

Encoding: an entity's type is its colour and shape, its size grows with its statements; a
statement's modality is its line style (fact solid, alleged dashed, speculative, hypothetical or
planned dotted) and its label ends in ``?`` when it is a claim; denied statements are red with a
``✗``, negated ones grey with a ``¬``. Nothing here is markup: every string is shown as text.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.graph import layout, time_span
from kg.model import ENTITY_TYPES, FACT_MODALITIES, SYMMETRIC

__all__ = ["MAX_STATEMENTS", "TYPE_STYLE", "View", "edge_style", "to_view"]

MAX_STATEMENTS = 6000
"""Above this many statements the view keeps the most connected entities only, and says so."""

TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Country": ("#4e79a7", "dot"),
    "Bloc": ("#f28e2b", "hexagon"),
    "Person": ("#e15759", "diamond"),
    "Organization": ("#59a14f", "square"),
    "City": ("#b07aa1", "triangle"),
    "Event": ("#d4a017", "star"),
}
"""Entity type -> (colour, vis-network shape); shapes that put the label below, legibly."""
OTHER_TYPE = ("#8c8c8c", "dot")

FACT_COLOUR, DENIED_COLOUR, NEGATED_COLOUR = "#3d4b5c", "#d62728", "#9a9a9a"
DASHED: list[int] = [9, 6]
DOTTED: list[int] = [2, 5]
DOTTED_MODALITIES = frozenset({"speculative", "hypothetical", "planned"})


@dataclass(frozen=True)
class View:
    """What the page shows: vis-network node and edge dicts, legend and facts about the view."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: dict[str, list[dict[str, Any]]]
    meta: dict[str, Any] = field(default_factory=dict)


def edge_style(
    relation: str, modality: str, *, negated: bool = False, denied: bool = False
) -> dict[str, Any]:
    """Return the label, line style, dashes and colour that show a statement's modality.

    Examples:
        >>> edge_style("supplies", "asserted")["label"]
        'supplies'
        >>> s = edge_style("supplies", "alleged", denied=True)
        >>> s["label"], s["style"], s["color"]["color"]
        ('✗ supplies?', 'dashed', '#d62728')
        >>> edge_style("meets", "planned")["dashes"]
        [2, 5]
        >>> edge_style("attacks", "reported", negated=True)["label"]
        '¬ attacks'
    """
    claim = modality not in FACT_MODALITIES
    label = relation + ("?" if claim else "")
    if negated:
        label = "¬ " + label
    if denied:
        label = "✗ " + label
    dashes: list[int] | bool
    if modality in DOTTED_MODALITIES:
        style, dashes = "dotted", list(DOTTED)
    elif claim:
        style, dashes = "dashed", list(DASHED)
    else:
        style, dashes = "solid", False
    colour = DENIED_COLOUR if denied else NEGATED_COLOUR if negated else FACT_COLOUR
    return {
        "label": label,
        "style": style,
        "dashes": dashes,
        "color": {"color": colour, "highlight": colour, "hover": colour},
    }


def to_view(graph: nx.MultiDiGraph, *, max_statements: int = MAX_STATEMENTS) -> View:
    """Turn a graph from :func:`kg.graph.to_networkx` into vis-network dicts, laid out.

    Args:
        graph: the statements to show.
        max_statements: keep at most this many; above it only the entities with most statements
            are kept (with the statements among them) and ``meta["message"]`` says so.

    Returns:
        A :class:`View`; its node and edge dicts carry positions (``x``, ``y``) and every detail
        the page's side panel shows, so the page needs no other data.

    Examples:
        >>> from kg.graph import to_networkx
        >>> from kg.model import Entity, Statement
        >>> ru, ua = Entity("Russia", "Country"), Entity("Ukraine", "Country")
        >>> v = to_view(to_networkx([Statement(ru, "attacks", ua, modality="alleged")]))
        >>> [(e["label"], e["style"]) for e in v.edges]
        [('attacks?', 'dashed')]
        >>> sorted((n["label"], n["shape"]) for n in v.nodes)
        [('Russia', 'dot'), ('Ukraine', 'dot')]
    """
    total = graph.number_of_edges()
    shown = _reduce(graph, max_statements) if total > max_statements else graph
    positions = layout(shown)
    degree = dict(shown.degree())
    nodes = [
        _node(node, attrs, degree[node], positions[node])
        for node, attrs in sorted(
            shown.nodes(data=True), key=lambda na: (str(na[1].get("label")), na[0])
        )
    ]
    labels = {node: str(attrs.get("label", node)) for node, attrs in shown.nodes(data=True)}
    edges = _edges(shown, labels)
    meta = _meta(shown, edges, total)
    return View(nodes=nodes, edges=edges, legend=legend(), meta=meta)


def _reduce(graph: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """Keep the entities with most statements, adding them while their statements fit ``limit``."""
    order = sorted(graph, key=lambda n: (-graph.degree(n), str(graph.nodes[n].get("label")), n))
    chosen: set[str] = set()
    count = 0
    for node in order:
        joins = sum(1 for _, v in graph.out_edges(node) if v in chosen or v == node)
        joins += sum(1 for u, _ in graph.in_edges(node) if u in chosen)
        if count + joins > limit:
            break
        chosen.add(node)
        count += joins
    return graph.subgraph(chosen).copy()


def _node(node: str, attrs: dict[str, Any], degree: int, xy: tuple[float, float]) -> dict[str, Any]:
    type_ = str(attrs.get("type", ""))
    colour, shape = TYPE_STYLE.get(type_, OTHER_TYPE)
    label = str(attrs.get("label", node))
    wikidata = attrs.get("wikidata") or ""
    counted = f"{degree} statement" + ("" if degree == 1 else "s")
    title = "\n".join(line for line in (label, f"{type_}  {wikidata}".strip(), counted) if line)
    return {
        "id": node,
        "label": label,
        "type": type_,
        "wikidata": wikidata,
        "statements": degree,
        "shape": shape,
        "color": {
            "background": colour,
            "border": colour,
            "highlight": {"background": colour, "border": "#111111"},
        },
        "size": round(min(12 + 5 * math.sqrt(degree), 44), 1),
        "title": title,
        "x": xy[0],
        "y": xy[1],
    }


def _edges(graph: nx.MultiDiGraph, labels: dict[str, str]) -> list[dict[str, Any]]:
    ordered = sorted(
        graph.edges(keys=True, data=True),
        key=lambda e: (labels[e[0]], e[2], labels[e[1]], e[0], e[1]),
    )
    # statements joining the same two entities are bent apart so that none hides another
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (u, v, _, _) in enumerate(ordered):
        pairs[(min(u, v), max(u, v))].append(i)
    bends: dict[int, float] = {}
    for members in pairs.values():
        for rank, i in enumerate(members):
            bends[i] = 0.0 if len(members) == 1 else 0.3 * (rank - (len(members) - 1) / 2)
    return [
        _edge(f"e{i}", u, v, attrs, labels, bends[i]) for i, (u, v, _, attrs) in enumerate(ordered)
    ]


def _edge(
    id_: str, u: str, v: str, attrs: dict[str, Any], labels: dict[str, str], bend: float
) -> dict[str, Any]:
    relation, modality = str(attrs.get("relation", "")), str(attrs.get("modality", "asserted"))
    negated, denied = bool(attrs.get("negated")), bool(attrs.get("denied"))
    style = edge_style(relation, modality, negated=negated, denied=denied)
    sources = [str(s) for s in attrs.get("attributed_to", ())]
    denied_by = [str(s) for s in attrs.get("denied_by", ())]
    items = [_item(i) for i in attrs.get("items", ())]
    times = [str(t) for t in attrs.get("time", ())]
    bounds = [str(t) for t in (attrs.get("start"), attrs.get("end")) if t]
    span = time_span([*times, *bounds])
    evidence = [
        {"article": str(e.get("article", "")), "sentence": str(e.get("sentence", ""))}
        for e in attrs.get("evidence", ())
    ]
    fact = bool(attrs.get("fact", modality in FACT_MODALITIES and not negated and not denied))
    arrow = u != v and relation not in SYMMETRIC
    smooth: dict[str, Any] | bool = False
    if bend:
        forward = u < v  # the same side for a pair whatever each statement's direction
        clockwise = (bend > 0) == forward
        smooth = {
            "enabled": True,
            "type": "curvedCW" if clockwise else "curvedCCW",
            "roundness": abs(bend),
        }
    title_lines = [
        f"{labels[u]} → {labels[v]}",
        f"{relation} ({modality}{', negated' if negated else ''})",
        f"claimed by: {', '.join(sources)}" if sources else "",
        f"denied by: {', '.join(denied_by)}" if denied_by else "",
        f"items: {'; '.join(items)}" if items else "",
        f"time: {', '.join(times)}" if times else "",
        f"{len(evidence)} evidence sentence{'' if len(evidence) == 1 else 's'}: click for details",
    ]
    return {
        "id": id_,
        "from": u,
        "to": v,
        "relation": relation,
        "modality": modality,
        "fact": fact,
        "negated": negated,
        "denied": denied,
        **style,
        "arrows": "to" if arrow else "",
        "smooth": smooth,
        "width": 2 if fact else 1.5,
        "title": "\n".join(line for line in title_lines if line),
        "sources": sources,
        "denied_by": denied_by,
        "times": times,
        "span": [span[0].isoformat(), span[1].isoformat()] if span else None,
        "start": attrs.get("start"),
        "end": attrs.get("end"),
        "role": attrs.get("role"),
        "items": items,
        "evidence": evidence,
        "article": str(attrs.get("article", "")),
        "rule": str(attrs.get("rule", "")),
    }


def _item(item: dict[str, Any]) -> str:
    """``artillery shells (~5,000,000)``: an item with its quantity, if known."""
    label, quantity = str(item.get("label", "")), item.get("quantity")
    if quantity is None:
        return label
    number = f"{quantity:,}" if isinstance(quantity, int | float) else str(quantity)
    return f"{label} ({'~' if item.get('approximate') else ''}{number})"


def _meta(graph: nx.MultiDiGraph, edges: list[dict[str, Any]], total: int) -> dict[str, Any]:
    shown = len(edges)
    message = ""
    if not shown:
        message = "No statements to show: the store is empty or the filters leave nothing."
    elif shown < total:
        message = (
            f"Graph reduced: showing {shown:,} of {total:,} statements, those among the "
            f"{graph.number_of_nodes():,} entities with most statements. Narrow it with "
            "--entity, --relation, --type or a time range to see the rest."
        )
    spans = [e["span"] for e in edges if e["span"]]
    return {
        "statements": shown,
        "total_statements": total,
        "entities": graph.number_of_nodes(),
        "reduced": shown < total,
        "message": message,
        "relations": [[r, n] for r, n in sorted(Counter(e["relation"] for e in edges).items())],
        "types": sorted({str(t) for _, t in graph.nodes(data="type")}),
        "time_min": min((s[0] for s in spans), default=None),
        "time_max": max((s[1] for s in spans), default=None),
    }


def legend() -> dict[str, list[dict[str, Any]]]:
    """Return what every colour, shape and line style of the page means.

    Examples:
        >>> [row["style"] for row in legend()["edges"]]
        ['solid', 'dashed', 'dotted', 'dashed', 'solid']
    """
    types = [
        {"type": t, "color": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1]} for t in ENTITY_TYPES
    ]
    rows = [
        ("asserted", False, False, "fact: asserted or reported"),
        ("alleged", False, False, "alleged: a claim"),
        ("speculative", False, False, "speculative, hypothetical, planned"),
        ("alleged", False, True, "denied by someone"),
        ("asserted", True, False, "negated: did not happen"),
    ]
    edges = []
    for modality, negated, denied, text in rows:
        style = edge_style("supplies", modality, negated=negated, denied=denied)
        edges.append(
            {
                "label": style["label"],
                "style": style["style"],
                "dashes": style["dashes"],
                "color": style["color"]["color"],
                "text": text,
            }
        )
    notes = [{"text": "Node size: number of statements. Arrow: from subject to object."}]
    return {"types": types, "edges": edges, "notes": notes}
