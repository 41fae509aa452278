"""SPARQL: refused queries, syntax errors with position, time limit, bindings, saved queries."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest

from kg.errors import QueryError
from kg.model import Article, Entity, Evidence, Statement
from kg.rdf.query import check_query, render, run_saved, saved_queries
from kg.rdf.store import Store

NK = Entity("North Korea", "Country", "Q423")
RU = Entity("Russia", "Country", "Q159")
US = Entity("United States", "Country", "Q30")
TEXT = "Estados Unidos afirma que Corea del Norte suministra armas a Rusia, que lo niega."
EV = Evidence("a1", TEXT, 0, len(TEXT))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    claim = Statement(
        NK, "supplies", RU, "alleged", attributed_to=(US,), denied_by=(RU,), time=("2024-09",),
        evidence=(EV,), rule="claim",
    )  # fmt: skip
    fact = Statement(RU, "supplies", NK, "asserted", time=("2023",), evidence=(EV,), rule="fact")
    with Store.open(tmp_path_factory.mktemp("query") / "s") as s:
        s.ingest(Article("a1", TEXT), [claim, fact])
        yield s


def test_query_plain_triple_never_returns_a_claim(store: Store) -> None:
    result = store.query("SELECT ?s WHERE { ?s kg:supplies country:Russia }")
    assert result.rows == ()
    result = store.query(
        "SELECT ?s WHERE { ?s kg:supplies <https://w3id.org/kg-geo/id/country/North_Korea> }"
    )
    assert [r["s"] for r in result.records()] == [RU.id]


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "updates are refused"),
        ("DROP ALL", "updates are refused"),
        ("LOAD <http://example.org/data.ttl>", "updates are refused"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
        (
            "SELECT * FROM NAMED <http://example.org/g> WHERE { ?s ?p ?o }",
            "FROM NAMED <http://example",
        ),
        ("SELECT * WHERE { ?s nope:p ?o }", "invalid SPARQL query"),
    ],
    ids=["insert", "drop", "load", "service", "from-file", "from-named", "prefix"],
)
def test_query_refused(store: Store, sparql: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        store.query(sparql)


def test_query_from_a_store_graph_is_allowed(store: Store) -> None:
    article = "https://w3id.org/kg-geo/id/article/a1"
    result = store.query(f"SELECT (COUNT(*) AS ?n) FROM <{article}> WHERE {{ ?s ?p ?o }}")
    assert int(result.records()[0]["n"] or 0) > 0


def test_query_syntax_error_names_line_and_column() -> None:
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        check_query("SELECT ?s\nWHERE { ?s ?p }")


def test_query_bindings_are_not_pasted(store: Store) -> None:
    sparql = "SELECT ?e ?label WHERE { ?e rdfs:label ?label }"
    assert [r["e"] for r in store.query(sparql, {"label": "Russia"}).records()] == [RU.id]
    assert store.query(sparql, {"label": 'x" } ; DROP ALL ; #'}).rows == ()


def test_query_ask_and_construct(store: Store) -> None:
    assert store.query("ASK { ?s kg:supplies country:North_Korea }").boolean is True
    graph = store.query("CONSTRUCT { ?s kg:supplies ?o } WHERE { ?s kg:supplies ?o }")
    assert graph.variables == ("subject", "predicate", "object") and len(graph.rows) == 1


def test_query_saved_list_has_descriptions() -> None:
    names = {q.name: q for q in saved_queries()}
    assert {"supplies", "claims", "entity", "timeline", "relations", "facts"} <= set(names)
    assert all(q.description for q in names.values())
    assert names["entity"].params == ("entity",)


def test_query_saved_supplies_and_claims(store: Store) -> None:
    rows = run_saved(store, "supplies").records()
    assert [(r["subject"], r["modality"], r["fact"]) for r in rows] == [
        ("North Korea", "alleged", "false"),
        ("Russia", "asserted", "true"),
    ]
    assert rows[0]["sources"] == "United States" and rows[0]["deniedBy"] == "Russia"
    claims = run_saved(store, "claims").records()
    assert [(c["subject"], c["relation"], c["deniedBy"]) for c in claims] == [
        ("North Korea", "supplies", "Russia")
    ]


def test_query_saved_timeline_and_entity(store: Store) -> None:
    rows = run_saved(store, "timeline", {"entity": "North Korea"}).records()
    assert [r["time"] for r in rows] == ["2023", "2024-09"]
    roles = {r["as"] for r in run_saved(store, "entity", {"entity": "Russia"}).records()}
    assert roles == {"subject", "object", "denier"}


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("nope", {}, "unknown saved query 'nope'"),
        ("entity", {}, "missing parameter 'entity'"),
        ("supplies", {"entity": "x"}, "unexpected parameter 'entity'"),
    ],
)
def test_query_saved_errors(store: Store, name: str, params: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        run_saved(store, name, params)


def test_query_render_formats(store: Store) -> None:
    result = store.query("SELECT ?s ?t WHERE { ?s kg:supplies ?o OPTIONAL { ?s kg:nothing ?t } }")
    table = render(result, "table").splitlines()
    assert table[0].split() == ["s", "t"] and table[2].strip() == "country:Russia"
    rows = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert rows == [["s", "t"], [RU.id, ""]]
    doc = json.loads(render(result, "json"))
    assert doc["head"]["vars"] == ["s", "t"]
    assert doc["results"]["bindings"] == [{"s": {"type": "uri", "value": RU.id}}]
    assert render(store.query("ASK { ?s ?p ?o }"), "json") == '{"head": {}, "boolean": true}'
    with pytest.raises(QueryError, match="unknown result format"):
        render(result, "xml")


def test_query_time_limit(store: Store) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a ?i }"  # a few seconds
    with pytest.raises(QueryError, match="time limit"):
        store.query(slow, timeout=0.2)
