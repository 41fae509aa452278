"""kg.graph: statements as a MultiDiGraph, ego networks, filters, rankings and layout."""

from __future__ import annotations

import itertools
import math
from datetime import date

import networkx as nx
import pytest

from kg.errors import KgError
from kg.graph import ego, filter_graph, find_entities, layout, time_span, to_networkx, top_actors
from kg.model import Entity, Evidence, Item, Statement

KP, RU, UA = (
    Entity("North Korea", "Country", "Q423"),
    Entity("Russia", "Country"),
    Entity("Ukraine", "Country"),
)
US, KIM = Entity("United States", "Country"), Entity("Kim Jong Un", "Person")
NATO = Entity("NATO", "Bloc")


def statements() -> list[Statement]:
    return [
        Statement(
            KP,
            "supplies",
            RU,
            modality="alleged",
            attributed_to=(US,),
            denied_by=(RU,),
            items=(Item("artillery shells", 5000000, True),),
            time=("2024-09",),
            evidence=(Evidence("es-01", "Corea del Norte envió proyectiles a Rusia.", 10, 52),),
            rule="es.supplies.verb_a",
        ),
        Statement(KP, "supplies", RU, modality="asserted", time=("2023-11-02",)),
        Statement(RU, "attacks", UA, time=("2024",)),
        Statement(KIM, "leader_of", KP),
        Statement(US, "supplies", UA, negated=True, time=("2022-03",)),
        Statement(US, "member_of", NATO, modality="reported"),
        Statement(NATO, "holds_position", KIM, start="2020-01-01"),  # odd, but exercises start
    ]


def test_graph_nodes_and_edge_attributes() -> None:
    g = to_networkx(statements())
    assert g.nodes[KP.id] == {"label": "North Korea", "type": "Country", "wikidata": "Q423"}
    attrs = g.edges[KP.id, RU.id, "supplies"]
    assert attrs["modality"] == "alleged"
    assert attrs["denied"] is True and attrs["fact"] is False and attrs["negated"] is False
    assert attrs["attributed_to"] == ["United States"] and attrs["denied_by"] == ["Russia"]
    assert attrs["items"] == [
        {"label": "artillery shells", "quantity": 5000000, "approximate": True}
    ]
    assert attrs["time"] == ["2024-09"]
    assert attrs["evidence"][0]["sentence"].startswith("Corea del Norte")
    assert attrs["article"] == "es-01" and attrs["rule"] == "es.supplies.verb_a"


def test_graph_same_relation_twice_keeps_both_statements() -> None:
    g = to_networkx(statements())
    keys = sorted(k for _, _, k in g.edges(KP.id, keys=True))
    assert keys == ["supplies", "supplies#2"]
    assert g.edges[KP.id, RU.id, "supplies#2"]["relation"] == "supplies"
    assert g.edges[KP.id, RU.id, "supplies#2"]["fact"] is True


def test_graph_find_entities_by_label_ignoring_case_and_accents() -> None:
    g = to_networkx([Statement(Entity("México", "Country"), "meets", RU)])
    assert find_entities(g, "  MEXICO ") == [Entity("México", "Country").id]
    assert find_entities(g, RU.id) == [RU.id]
    assert find_entities(g, "Peru") == []


@pytest.mark.parametrize(
    ("hops", "expected"),
    [
        (0, {"Ukraine"}),
        (1, {"Ukraine", "Russia", "United States"}),
        (2, {"Ukraine", "Russia", "United States", "North Korea", "NATO"}),
    ],
    ids=["zero", "one", "two"],
)
def test_graph_ego_follows_statements_both_ways(hops: int, expected: set[str]) -> None:
    g = ego(to_networkx(statements()), "ukraine", hops)
    assert {label for _, label in g.nodes(data="label")} == expected


def test_graph_ego_unknown_entity_is_a_kg_error() -> None:
    with pytest.raises(KgError, match='no entity "Atlantis"'):
        ego(to_networkx(statements()), "Atlantis")


def labels(g: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return sorted(
        (g.nodes[u]["label"], a["relation"], g.nodes[v]["label"]) for u, v, a in g.edges(data=True)
    )


def test_graph_filter_facts_only_drops_claims_denials_and_negations() -> None:
    kept = labels(filter_graph(to_networkx(statements()), facts_only=True))
    assert ("North Korea", "supplies", "Russia") in kept  # the asserted one
    assert len([k for k in kept if k == ("North Korea", "supplies", "Russia")]) == 1
    assert ("United States", "supplies", "Ukraine") not in kept  # negated
    assert ("United States", "member_of", "NATO") in kept  # reported is a fact


def test_graph_filter_relations_modalities_and_types() -> None:
    g = to_networkx(statements())
    assert labels(filter_graph(g, relations=["attacks"])) == [("Russia", "attacks", "Ukraine")]
    assert labels(filter_graph(g, modalities=["alleged"])) == [
        ("North Korea", "supplies", "Russia")
    ]
    only_countries = filter_graph(g, types=["Country"])
    assert {t for _, t in only_countries.nodes(data="type")} == {"Country"}
    assert "Kim Jong Un" not in {lab for _, lab in only_countries.nodes(data="label")}


def test_graph_filter_drops_entities_left_without_statements() -> None:
    g = filter_graph(to_networkx(statements()), relations=["leader_of"])
    assert sorted(lab for _, lab in g.nodes(data="label")) == ["Kim Jong Un", "North Korea"]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024-01-01", None, {"2024-09", "2024", "start"}),
        (None, "2023-12-31", {"2023-11-02", "2022-03", "start"}),
        (date(2024, 9, 30), date(2024, 9, 30), {"2024-09", "2024", "start"}),
        ("2023", "2023", {"2023-11-02", "start"}),
        ("2019-01-01", "2019-12-31", set()),
    ],
    ids=["since", "until", "one-day", "one-year", "before-everything"],
)
def test_graph_filter_time_range_overlaps_and_drops_undated(
    since: str | date | None, until: str | date | None, expected: set[str]
) -> None:
    g = filter_graph(to_networkx(statements()), since=since, until=until)
    got = {(a["time"][0] if a["time"] else "start") for _, _, a in g.edges(data=True)}
    assert got == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"relations": ["supply"]}, 'unknown relation "supply"'),
        ({"modalities": ["rumoured"]}, 'unknown modality "rumoured"'),
        ({"types": ["Planet"]}, 'unknown entity type "Planet"'),
        ({"since": "last week"}, '"last week" is not a time'),
    ],
    ids=["relation", "modality", "type", "time"],
)
def test_graph_filter_rejects_unknown_ids(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(KgError, match=message):
        filter_graph(to_networkx(statements()), **kwargs)  # type: ignore[arg-type]


def test_graph_time_span_of_mixed_precision() -> None:
    assert time_span(["2024-02", "2023-12-31"]) == (date(2023, 12, 31), date(2024, 2, 29))
    assert time_span(["2024-13", "soon"]) is None
    assert time_span([]) is None


def test_graph_top_actors_rank_by_statements() -> None:
    top = top_actors(to_networkx(statements()), 3)
    assert [(a.label, a.statements) for a in top] == [
        ("North Korea", 3),
        ("Russia", 3),
        ("Kim Jong Un", 2),  # ties go by label
    ]
    assert top[0].neighbours == 2
    assert top[0].centrality == pytest.approx(2 / 5)


@pytest.mark.parametrize("size", [12, 400], ids=["small-exact", "large-sampled"])
def test_graph_layout_deterministic_and_spread(size: int) -> None:
    g = nx.barabasi_albert_graph(size, 2, seed=3)
    first, second = layout(g), layout(g)
    assert first == second
    assert set(first) == set(g)
    closest = min(math.dist(first[a], first[b]) for a, b in itertools.combinations(first, 2))
    assert closest > (20 if size < 100 else 1)  # no two nodes piled on one another


def test_graph_layout_of_nothing() -> None:
    assert layout(nx.MultiDiGraph()) == {}
