"""Exports: byte-identical across builds, strict-parseable, isomorphic to the store's content."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.export import EXPORTERS, export_store
from kg.model import Article, Entity, Evidence, Statement
from kg.rdf.namespace import ONTOLOGY_IRI
from kg.rdf.store import Store

ODD = [
    Entity("Kim Jong Un", "Person", "Q56226", ("Kim",)),
    Entity('Grupo "Wagner" <X>\nlínea\tdos', "Organization"),
    Entity("Москва", "City"),
    Entity("東京 'quote' & \\ back", "City"),
    Entity("#hash ?query %25 /slash", "Event"),
]


def build(path: Path) -> Path:
    """A store of three articles whose entities have awkward labels."""
    with Store.open(path) as store:
        for n in range(3):
            text = f'Texto {n} con «comillas», "dobles" y\nnueva línea.'
            ev = Evidence(f"art {n}", text, 0, len(text))
            statements = [
                Statement(a, "meets", b, "alleged" if n else "asserted", evidence=(ev,), rule="r")
                for a, b in zip(ODD, ODD[1:], strict=False)
            ]
            article = Article(f"art {n}", text, "es", date(2024, 9, 13), f"file {n}.txt")
            store.ingest(article, statements)
    return path


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build(tmp_path_factory.mktemp("one") / "s"), build(tmp_path_factory.mktemp("two") / "s")


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "nt", "jsonld", "jsonl"])
def test_export_formats_are_byte_identical_across_builds(
    stores: tuple[Path, Path], fmt: str
) -> None:
    first, second = (export_store(path, fmt) for path in stores)
    assert first == second and first


def _plain(graph: Graph) -> Graph:
    """The graph with ``"x"^^xsd:string`` written ``"x"`` (the same literal in RDF 1.1; oxrdflib
    spells the datatype out, rdflib's parsers do not)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


def _union(path: Path) -> Graph:
    union = Graph()
    with Store.open(path, read_only=True) as store:
        dataset: Dataset = store.rdflib_dataset()
        for graph in dataset.graphs():
            if str(graph.identifier).startswith("https://w3id.org/kg-geo/id/article/"):
                union += graph
    return _plain(union)


@pytest.mark.parametrize(
    ("fmt", "syntax"), [("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)]
)
def test_export_triples_parse_strictly_and_match_the_store(
    stores: tuple[Path, Path], fmt: str, syntax: ox.RdfFormat
) -> None:
    data = export_store(stores[0], fmt)
    parsed = list(ox.parse(data, format=syntax))  # strict: raises on any bad IRI or escape
    graph = Graph().parse(data=data, format="turtle" if fmt == "turtle" else "nt")
    assert len(parsed) == len(graph)
    union = _union(stores[0])
    assert isomorphic(graph, union)
    labels = {
        str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    }
    assert {e.label for e in ODD} <= labels


def test_export_trig_holds_every_graph(stores: tuple[Path, Path]) -> None:
    data = export_store(stores[0], "trig")
    quads = list(ox.parse(data, format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert ONTOLOGY_IRI in graphs and len(graphs) == 4
    with Store.open(stores[0], read_only=True) as store:
        assert set(quads) == set(store.db)
    article = ox.NamedNode("https://w3id.org/kg-geo/id/article/art_1")
    triples = [q.triple for q in quads if q.graph_name == article]
    exported = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    with Store.open(stores[0], read_only=True) as store:
        stored = store.rdflib_graph(article.value)
        assert isomorphic(exported, _plain(stored))


def test_export_jsonl_lines_are_statements(stores: tuple[Path, Path]) -> None:
    lines = export_store(stores[0], "jsonl").decode("utf-8").splitlines()
    assert len(lines) == 12
    first = json.loads(lines[0])
    assert list(first)[:3] == ["subject", "relation", "object"]
    assert "Москва" in "\n".join(lines)  # ensure_ascii=False


def test_export_registry_and_lazy_graphml(stores: tuple[Path, Path]) -> None:
    assert set(EXPORTERS) == {"turtle", "trig", "nquads", "nt", "jsonld", "jsonl", "graphml"}
    assert EXPORTERS["turtle"].extension == "ttl"
    code = "import sys, kg.export; print('kg.export.graphml' in sys.modules)"
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "False"  # graphml is registered, imported only when used
    with pytest.raises(KgError, match="unknown export format 'xml'"):
        export_store(stores[0], "xml")


def test_export_jsonld_parses(stores: tuple[Path, Path]) -> None:
    data = export_store(stores[0], "jsonld")
    assert len(list(ox.parse(data, format=ox.RdfFormat.JSON_LD))) == len(_union(stores[0]))


def test_export_claim_in_one_article_is_no_fact(tmp_path: Path) -> None:
    a, b = Entity("North Korea", "Country"), Entity("Russia", "Country")
    claim = Statement(a, "supplies", b, "alleged", denied_by=(b,))
    with Store.open(tmp_path / "s") as store:
        store.ingest(Article("x", "t"), [claim])
        store.ingest(Article("y", "u"), [replace(claim, modality="planned", denied_by=())])
    graph = Graph().parse(data=export_store(tmp_path / "s", "turtle"), format="turtle")
    assert (
        URIRef(a.id),
        URIRef("https://w3id.org/kg-geo/ontology#supplies"),
        URIRef(b.id),
    ) not in graph
