"""article_graph: deterministic IRIs, facts only for facts, SHACL-valid, clear errors."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pyshacl import validate
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import DataError
from kg.model import Article, Entity, Evidence, Statement
from kg.rdf.build import article_graph
from kg.rdf.namespace import KG, ontology_path

Sample = tuple[Article, list[Statement]]
NK = Entity("North Korea", "Country", "Q423")
RU = Entity("Russia", "Country", "Q159")
US = Entity("United States", "Country", "Q30")
ARTICLE = Article("a1", "Corea del Norte envió municiones a Rusia.")
EV = Evidence("a1", ARTICLE.text, 0, len(ARTICLE.text))


def conforms(graph: Graph) -> tuple[bool, str]:
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none")
    return bool(ok), str(text)


def test_build_graph_is_deterministic_and_blank_node_free(sample: Sample) -> None:
    article, statements = sample
    first, second = article_graph(article, statements), article_graph(article, statements)
    assert set(first) == set(second)
    assert isomorphic(first, second)
    assert first.identifier == URIRef(article.iri)
    assert not any(isinstance(t, BNode) for triple in first for t in triple)
    assert len(set(first.subjects(RDF.type, KG.Statement))) == len(statements)


def test_build_graph_sample_conforms_to_shapes(sample: Sample) -> None:
    ok, report = conforms(article_graph(*sample))
    assert ok, report


@pytest.mark.parametrize(
    ("change", "fact"),
    [
        ({"modality": "asserted"}, True),
        ({"modality": "reported", "attributed_to": (US,)}, True),
        ({"modality": "alleged", "attributed_to": (US,)}, False),
        ({"modality": "speculative"}, False),
        ({"modality": "hypothetical"}, False),
        ({"modality": "planned"}, False),
        ({"modality": "asserted", "negated": True}, False),
        ({"modality": "reported", "denied_by": (RU,)}, False),
    ],
    ids=["asserted", "reported", "alleged", "speculative", "hypothetical", "planned", "negated",
         "denied"],
)  # fmt: skip
def test_build_graph_plain_triple_only_for_facts(change: dict[str, object], fact: bool) -> None:
    statement = replace(Statement(NK, "supplies", RU, evidence=(EV,)), **change)  # type: ignore[arg-type]
    graph = article_graph(ARTICLE, [statement])
    assert ((URIRef(NK.id), KG.supplies, URIRef(RU.id)) in graph) is fact
    node = next(graph.subjects(RDF.type, KG.Statement))
    assert graph.value(node, KG.modality) == KG[statement.modality]
    assert graph.value(node, KG.negated) == Literal(statement.negated)
    assert conforms(graph)[0]


def test_build_graph_same_ends_twice_get_two_nodes() -> None:
    a = Statement(NK, "supplies", RU, evidence=(EV,))
    b = replace(a, negated=True)
    graph = article_graph(ARTICLE, [a, b])
    assert len(set(graph.subjects(RDF.type, KG.Statement))) == 2
    assert conforms(graph)[0]


def test_build_graph_time_precision_and_items() -> None:
    s = Statement(NK, "supplies", RU, time=("2024", "2024-06", "2024-06-19"), evidence=(EV,))
    graph = article_graph(ARTICLE, [s])
    node = next(graph.subjects(RDF.type, KG.Statement))
    kinds = sorted(str(t.datatype).rsplit("#", 1)[1] for t in graph.objects(node, KG.time))  # type: ignore[attr-defined]
    assert kinds == ["date", "gYear", "gYearMonth"]


def test_build_graph_shapes_catch_a_broken_graph() -> None:
    graph = article_graph(ARTICLE, [Statement(NK, "supplies", RU, evidence=(EV,))])
    node = next(graph.subjects(RDF.type, KG.Statement))
    graph.remove((node, KG.modality, None))
    graph.add((node, KG.relation, KG.meets))
    ok, report = conforms(graph)
    assert not ok
    assert "modality" in report and "relation" in report


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (Statement(NK, "supply", RU), "unknown relation 'supply'"),
        (Statement(NK, "supplies", RU, modality="rumoured"), "unknown modality"),
        (Statement(NK, "supplies", Entity("Mars", "Planet")), "unknown entity type 'Planet'"),
        (Statement(NK, "supplies", RU, time=("last week",)), "not an ISO 8601"),
        (Statement(NK, "supplies", Entity("X", "Country", "423")), "is not Q<n>"),
        (Statement(NK, "supplies", RU, evidence=(Evidence("a1", "x", 5, 5),)), "offsets 5-5"),
        (Statement(NK, "supplies", RU, evidence=(Evidence("a1", "x", -1, 5),)), "offsets -1-5"),
    ],
    ids=["relation", "modality", "type", "time", "wikidata", "empty-span", "negative"],
)
def test_build_graph_refuses_bad_statements(statement: Statement, message: str) -> None:
    with pytest.raises(DataError, match=message) as info:
        article_graph(ARTICLE, [statement])
    assert "article a1" in str(info.value)
