"""Statements as a networkx MultiDiGraph (entities as nodes, statements as edges); analytics."""

from __future__ import annotations

import math
import unicodedata
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.model import ENTITY_TYPES, MODALITIES, RELATIONS, Statement

__all__ = [
    "Actor",
    "ego",
    "filter_graph",
    "find_entities",
    "layout",
    "time_span",
    "to_networkx",
    "top_actors",
]


def to_networkx(statements: Iterable[Statement]) -> nx.MultiDiGraph:
    """Build a graph whose nodes are entities and whose edges are statements.

    Nodes are keyed by entity IRI and carry ``label``, ``type`` and ``wikidata``. Each statement
    is one edge from subject to object keyed by its relation id; should a second statement join
    the same pair with the same relation (say, a fact and a claim from another article), its key
    becomes ``supplies#2`` and so on, while the ``relation`` attribute stays the plain id.
    Edge attributes: ``relation``, ``modality``, ``negated``, ``denied``, ``fact``,
    ``attributed_to`` and ``denied_by`` (labels), ``items`` and ``evidence`` (lists of dicts),
    ``time`` (ISO strings), ``start``, ``end``, ``role``, ``rule`` and ``article`` (that of the
    first evidence sentence, or ``""``).

    Args:
        statements: statements as read from the store or produced by extraction.

    Returns:
        A new ``networkx.MultiDiGraph``.

    Examples:
        >>> from kg.model import Entity, Statement
        >>> kp, ru = Entity("North Korea", "Country"), Entity("Russia", "Country")
        >>> g = to_networkx([Statement(kp, "supplies", ru, modality="alleged")])
        >>> [(g.nodes[u]["label"], k, g.nodes[v]["label"]) for u, v, k in g.edges(keys=True)]
        [('North Korea', 'supplies', 'Russia')]
        >>> g.edges[kp.id, ru.id, "supplies"]["fact"]
        False
    """
    graph = nx.MultiDiGraph()
    for st in statements:
        for ent in (st.subject, st.object):
            if ent.id not in graph:
                graph.add_node(ent.id, label=ent.label, type=ent.type, wikidata=ent.wikidata)
        key = st.relation
        n = 1
        while graph.has_edge(st.subject.id, st.object.id, key):
            n += 1
            key = f"{st.relation}#{n}"
        graph.add_edge(st.subject.id, st.object.id, key, **_edge_attrs(st))
    return graph


def _edge_attrs(st: Statement) -> dict[str, Any]:
    return {
        "relation": st.relation,
        "modality": st.modality,
        "negated": st.negated,
        "denied": bool(st.denied_by),
        "fact": st.is_fact,
        "attributed_to": [e.label for e in st.attributed_to],
        "denied_by": [e.label for e in st.denied_by],
        "items": [i.to_dict() for i in st.items],
        "time": list(st.time),
        "start": st.start,
        "end": st.end,
        "role": st.role,
        "evidence": [e.to_dict() for e in st.evidence],
        "rule": st.rule,
        "article": st.evidence[0].article if st.evidence else "",
    }


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def find_entities(graph: nx.MultiDiGraph, label_or_id: str) -> list[str]:
    """Return the ids of the nodes named ``label_or_id``: an exact IRI, else a label match.

    Labels match ignoring case, accents and repeated spaces.

    Examples:
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("https://w3id.org/kg-geo/id/country/Mexico", label="México")
        >>> find_entities(g, "mexico")
        ['https://w3id.org/kg-geo/id/country/Mexico']
    """
    if label_or_id in graph:
        return [label_or_id]
    wanted = _fold(label_or_id)
    return sorted(n for n, label in graph.nodes(data="label") if _fold(str(label)) == wanted)


def ego(graph: nx.MultiDiGraph, label_or_id: str, hops: int = 1) -> nx.MultiDiGraph:
    """Return the part of ``graph`` within ``hops`` statements of an entity, either direction.

    Args:
        graph: a graph from :func:`to_networkx`.
        label_or_id: the entity's IRI or label (every entity of that label is a centre).
        hops: how many statements away to reach (0 keeps the entity alone).

    Raises:
        KgError: no entity has that label or id, or ``hops`` is negative.

    Examples:
        >>> g = nx.MultiDiGraph([("a", "b", "meets"), ("b", "c", "meets")])
        >>> sorted(ego(g, "a", 1))
        ['a', 'b']
    """
    if hops < 0:
        raise KgError(f"hops must be 0 or more, not {hops}")
    centres = find_entities(graph, label_or_id)
    if not centres:
        raise KgError(
            f'no entity "{label_or_id}" among the {graph.number_of_nodes()} entities of the graph'
        )
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
    return graph.subgraph(keep).copy()


def _check(kind: str, given: Iterable[str] | None, known: Iterable[str]) -> set[str] | None:
    if given is None:
        return None
    wanted, allowed = set(given), set(known)
    unknown = sorted(wanted - allowed)
    if unknown:
        raise KgError(f'unknown {kind} "{unknown[0]}" (known: {", ".join(sorted(allowed))})')
    return wanted


def time_span(values: Iterable[str]) -> tuple[date, date] | None:
    """Return the first and last day covered by ISO times (year, year-month or date).

    Values in other forms are ignored; ``None`` when nothing is covered.

    Examples:
        >>> time_span(["2024-09", "2023"])
        (datetime.date(2023, 1, 1), datetime.date(2024, 9, 30))
        >>> time_span(["yesterday"]) is None
        True
    """
    spans = [s for s in map(_one_span, values) if s is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _one_span(value: str) -> tuple[date, date] | None:
    parts = value[:10].split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            year = int(parts[0])
            return date(year, 1, 1), date(year, 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year, month, 1), date(year, month, monthrange(year, month)[1])
        if len(parts) == 3:
            day = date.fromisoformat(value[:10])
            return day, day
    except ValueError:
        return None
    return None


def _as_date(value: date | str | None, *, last: bool) -> date | None:
    if value is None or isinstance(value, date):
        return value
    span = _one_span(value)
    if span is None:
        raise KgError(f'"{value}" is not a time in YYYY, YYYY-MM or YYYY-MM-DD form')
    return span[1] if last else span[0]


def filter_graph(
    graph: nx.MultiDiGraph,
    *,
    relations: Iterable[str] | None = None,
    modalities: Iterable[str] | None = None,
    facts_only: bool = False,
    types: Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
) -> nx.MultiDiGraph:
    """Return a copy of ``graph`` keeping only the statements that pass every given filter.

    Entities left without any statement are dropped.

    Args:
        graph: a graph from :func:`to_networkx`.
        relations: relation ids to keep (``None``: all).
        modalities: modality ids to keep (``None``: all).
        facts_only: keep only facts: asserted or reported, neither denied nor negated.
        types: entity types to keep; a statement stays when both its ends have one of them.
        since: keep statements whose times reach this day or later (undated ones are dropped).
        until: keep statements whose times reach this day or earlier (undated ones are dropped).
            Both accept a date or an ISO string; ``"2024"`` as ``until`` means up to 2024-12-31.

    Raises:
        KgError: an unknown relation, modality or type, or a time that is not ISO 8601.

    Examples:
        >>> g = nx.MultiDiGraph()
        >>> g.add_edge("a", "b", "meets", relation="meets", fact=True, time=["2024-05"])
        'meets'
        >>> g.add_edge("a", "c", "attacks", relation="attacks", fact=False, time=[])
        'attacks'
        >>> sorted(filter_graph(g, facts_only=True))
        ['a', 'b']
        >>> filter_graph(g, since="2024-06").number_of_edges()
        0
    """
    keep_rel = _check("relation", relations, RELATIONS)
    keep_mod = _check("modality", modalities, MODALITIES)
    keep_type = _check("entity type", types, ENTITY_TYPES)
    start, stop = _as_date(since, last=False), _as_date(until, last=True)
    node_type = dict(graph.nodes(data="type"))
    kept = nx.MultiDiGraph()
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        if keep_rel is not None and attrs.get("relation") not in keep_rel:
            continue
        if keep_mod is not None and attrs.get("modality") not in keep_mod:
            continue
        if facts_only and not attrs.get("fact"):
            continue
        if keep_type is not None and not {node_type[u], node_type[v]} <= keep_type:
            continue
        if start is not None or stop is not None:
            bounds = (attrs.get("start"), attrs.get("end"))
            span = time_span([*attrs.get("time", ()), *(t for t in bounds if t)])
            if span is None:
                continue
            # a position held since `start` with no `end` is still held
            last = date.max if attrs.get("start") and not attrs.get("end") else span[1]
            if (start is not None and last < start) or (stop is not None and span[0] > stop):
                continue
        for node in (u, v):
            if node not in kept:
                kept.add_node(node, **graph.nodes[node])
        kept.add_edge(u, v, key, **attrs)
    return kept


@dataclass(frozen=True)
class Actor:
    """An entity ranked by :func:`top_actors`."""

    id: str
    label: str
    type: str
    statements: int
    """Statements the entity takes part in, as subject or object."""
    neighbours: int
    """Distinct entities it shares a statement with."""
    centrality: float
    """``neighbours`` over the number of other entities (networkx degree centrality)."""


def top_actors(graph: nx.MultiDiGraph, n: int = 10) -> list[Actor]:
    """Return the ``n`` entities taking part in most statements, most first (ties by label).

    Examples:
        >>> g = nx.MultiDiGraph([("a", "b", "meets"), ("a", "c", "meets"), ("a", "b", "visits")])
        >>> [(a.id, a.statements, a.neighbours, a.centrality) for a in top_actors(g, 2)]
        [('a', 3, 2, 1.0), ('b', 2, 1, 0.5)]
    """
    simple = nx.Graph(graph)
    others = max(graph.number_of_nodes() - 1, 1)
    actors = [
        Actor(
            id=node,
            label=str(attrs.get("label", node)),
            type=str(attrs.get("type", "")),
            statements=graph.degree(node),
            neighbours=simple.degree(node) - (1 if simple.has_edge(node, node) else 0),
            centrality=(simple.degree(node) - (1 if simple.has_edge(node, node) else 0)) / others,
        )
        for node, attrs in graph.nodes(data=True)
    ]
    actors.sort(key=lambda a: (-a.statements, a.label, a.id))
    return actors[:n]


def layout(graph: nx.Graph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Compute node positions in pixels, deterministic for a given graph and seed.

    Small graphs get networkx's Fruchterman-Reingold layout; above 300 nodes a sampled variant
    (repulsion from a random sample of nodes each round) keeps 2,000 nodes well under a second,
    where the exact one takes several.

    Examples:
        >>> pos = layout(nx.path_graph(["a", "b", "c"]))
        >>> sorted(pos) == ["a", "b", "c"] and pos["a"] != pos["c"]
        True
    """
    nodes = list(graph)
    if not nodes:
        return {}
    # built in sorted order: positions depend on the graph, not on the order it was filled in
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(nodes))
    undirected.add_edges_from(sorted({(min(u, v), max(u, v)) for u, v in graph.edges() if u != v}))
    if len(nodes) <= 300:
        # small graphs are read label by label: of a few tries, keep the least cluttered
        tries = 8 if len(nodes) <= 80 and undirected.number_of_edges() <= 300 else 1
        candidates = [_spring(undirected, seed + i, spacing=1.0 + i % 2) for i in range(tries)]
        unit = min(candidates, key=lambda pos: _clutter(pos, list(undirected.edges())))
    else:
        unit = _sampled_layout(undirected, seed=seed)
    # spread so that neighbours sit some 150 px apart whatever the size, and wider than tall
    # like a screen: once vis-network zooms to fit, labels stay legible
    scale = 90.0 * math.sqrt(len(nodes)) + 100.0
    return {n: (round(x * scale * 1.4, 1), round(y * scale, 1)) for n, (x, y) in unit.items()}


def _spring(graph: nx.Graph, seed: int, spacing: float) -> dict[str, tuple[float, float]]:
    k = spacing / math.sqrt(max(len(graph), 1))  # networkx's default, or wider apart
    raw = nx.spring_layout(graph, k=k, seed=seed, iterations=100, method="force")
    return {n: (float(p[0]), float(p[1])) for n, p in raw.items()}


def _clutter(
    pos: dict[str, tuple[float, float]], edges: list[tuple[str, str]]
) -> tuple[int, float]:
    """Crossing edges plus nodes lying on edges not theirs, then closeness: lower reads better."""
    import numpy as np

    index = {n: i for i, n in enumerate(pos)}
    p = np.array(list(pos.values()), dtype=float).reshape(-1, 2)
    size = max(float(np.ptp(p[:, 0])), float(np.ptp(p[:, 1])), 1e-9)
    pairs = np.array([(index[u], index[v]) for u, v in edges], dtype=np.int64).reshape(-1, 2)
    a, b = p[pairs[:, 0]], p[pairs[:, 1]]

    def side(o: Any, q: Any, r: Any) -> Any:
        return np.sign(
            (q[..., 0] - o[..., 0]) * (r[..., 1] - o[..., 1])
            - (q[..., 1] - o[..., 1]) * (r[..., 0] - o[..., 0])
        )

    s1, e1, s2, e2 = a[:, None], b[:, None], a[None, :], b[None, :]
    # segments sharing an end have a zero orientation there, so they never count as crossing
    crossing = (side(s1, e1, s2) * side(s1, e1, e2) < 0) & (side(s2, e2, s1) * side(s2, e2, e1) < 0)
    ab = b - a
    t = ((p[:, None] - a[None]) * ab[None]).sum(-1) / np.maximum((ab**2).sum(-1), 1e-12)[None]
    gap = np.linalg.norm(p[:, None] - (a[None] + np.clip(t, 0, 1)[..., None] * ab[None]), axis=-1)
    ids = np.arange(len(p))[:, None]
    own = (pairs[None, :, 0] == ids) | (pairs[None, :, 1] == ids)
    on_edge = int(((gap < 0.04 * size) & ~own).sum())
    dist = np.linalg.norm(p[:, None] - p[None], axis=-1) + np.eye(len(p)) * size
    crowded = int(np.triu(dist < 0.08 * size, 1).sum())  # labels of such pairs collide
    clutter = int(np.triu(crossing, 1).sum()) + 3 * on_edge + 3 * crowded
    return clutter, -float(dist.min()) / size


def _sampled_layout(graph: nx.Graph, *, seed: int) -> dict[str, tuple[float, float]]:
    import numpy as np

    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    count = len(nodes)
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, (count, 2))
    edges = np.array([(index[u], index[v]) for u, v in graph.edges()], np.int64).reshape(-1, 2)
    k = 2.0 / math.sqrt(count)  # ideal distance in a [-1, 1] square
    sample, temperature = min(count, 64), 0.2
    for _ in range(60):
        picks = rng.choice(count, size=sample, replace=False)
        delta = pos[:, None, :] - pos[None, picks, :]
        dist2 = np.maximum((delta**2).sum(axis=2), 1e-6)
        force = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * (count / sample)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            length = np.sqrt(np.maximum((d**2).sum(axis=1), 1e-9))
            pull = d * (length / k)[:, None]
            np.add.at(force, edges[:, 0], -pull)
            np.add.at(force, edges[:, 1], pull)
        force -= pos * (0.05 * count / k)  # gravity keeps separate components nearby
        norm = np.sqrt(np.maximum((force**2).sum(axis=1), 1e-9))
        pos += force * (np.minimum(norm, temperature) / norm)[:, None]
        temperature *= 0.94
    pos -= pos.mean(axis=0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {n: (float(pos[i, 0]), float(pos[i, 1])) for n, i in index.items()}
