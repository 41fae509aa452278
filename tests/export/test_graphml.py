"""kg.export.graphml: GraphML that other tools read back, the same bytes every time."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Sequence

import networkx as nx

from kg.export.graphml import statements_to_graphml, to_graphml
from kg.model import Entity, Evidence, Item, Statement

KP, RU = Entity("North Korea", "Country", "Q423"), Entity("Russia", "Country", "Q159")
UA, US = Entity("Ukraine", "Country"), Entity("United States", "Country")


def statements() -> list[Statement]:
    return [
        Statement(
            KP,
            "supplies",
            RU,
            modality="alleged",
            attributed_to=(US, Entity("Bloomberg", "Organization")),
            denied_by=(RU,),
            items=(Item("artillery shells", 5000000, True),),
            time=("2024-09", "2024-10"),
            evidence=(Evidence("es-01", "Corea del Norte envió proyectiles.\x0b", 3, 38),),
            rule="es.supplies.verb_a",
        ),
        Statement(KP, "supplies", RU, time=("2023",), rule="es.r\x0c1"),
        Statement(RU, "attacks", UA, negated=True),
        Statement(US, "meets", UA, modality="planned"),
    ]


def read(data: bytes) -> nx.MultiDiGraph:
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    return graph


def test_graphml_reads_back_nodes_and_flattened_edges() -> None:
    data = statements_to_graphml(statements())
    assert b"\x0b" not in data and b"\x0c" not in data  # XML 1.0 forbids them
    graph = read(data)
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 4
    assert graph.nodes[KP.id] == {"label": "North Korea", "type": "Country", "wikidata": "Q423"}
    assert "wikidata" not in graph.nodes[UA.id]  # None is left out, not written as "None"
    edge = graph.edges[KP.id, RU.id, "supplies"]
    assert edge["relation"] == "supplies" and edge["modality"] == "alleged"
    assert edge["denied"] is True and edge["fact"] is False and edge["negated"] is False
    assert edge["attributed_to"] == "United States; Bloomberg"
    assert edge["time"] == "2024-09; 2024-10"
    assert json.loads(edge["items"]) == [
        {"label": "artillery shells", "quantity": 5000000, "approximate": True}
    ]
    (evidence,) = json.loads(edge["evidence"])
    assert evidence["sentence"] == "Corea del Norte envió proyectiles.\x0b"  # JSON-escaped
    assert graph.edges[KP.id, RU.id, "supplies#2"]["fact"] is True
    assert graph.edges[KP.id, RU.id, "supplies#2"]["rule"] == "es.r\ufffd1"  # replaced
    assert graph.edges[RU.id, UA.id, "attacks"]["negated"] is True


def test_graphml_same_statements_same_bytes_in_any_order() -> None:
    first = statements_to_graphml(statements())
    for seed in range(3):
        shuffled = statements()
        # keep the two North Korea -> Russia statements in order: their keys depend on it
        rest = shuffled[2:]
        random.Random(seed).shuffle(rest)
        assert statements_to_graphml([*rest, *shuffled[:2]]) == first


def test_graphml_from_a_store() -> None:
    class FakeStore:
        def statements(self) -> Sequence[Statement]:
            return statements()

    assert to_graphml(FakeStore()) == statements_to_graphml(statements())


def test_graphml_of_no_statements_is_an_empty_graph() -> None:
    assert read(statements_to_graphml([])).number_of_nodes() == 0
