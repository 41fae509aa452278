"""KG and ontology/kg.ttl list the same terms; the relations are those of ANNOTATION.md."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal

from kg.model import MODALITIES, RELATIONS, SYMMETRIC
from kg.rdf.namespace import KG, ontology_path

ANNOTATION = Path("/work/shared/ANNOTATION.md")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("kg.ttl"))


def test_namespace_terms_equal_ontology_terms(ontology: Graph) -> None:
    ns = str(KG)
    in_ttl = {str(s)[len(ns) :] for s in ontology.subjects() if str(s).startswith(ns)}
    in_python = set(KG.__annotations__)
    assert in_python == in_ttl


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = KG.supply


def test_namespace_every_relation_is_an_object_property(ontology: Graph) -> None:
    for rel in RELATIONS:
        prop = KG[rel]
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology, rel
        assert {lit.language for lit in ontology.objects(prop, RDFS.label)} == {"en", "es"}
        assert (prop, RDFS.comment, None) in ontology
        assert (prop, RDFS.domain, None) in ontology and (prop, RDFS.range, None) in ontology
    symmetric = {str(s)[len(str(KG)) :] for s in ontology.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC)


@pytest.mark.skipif(not ANNOTATION.exists(), reason="shared ANNOTATION.md not present")
def test_namespace_annotation_relations_in_ontology(ontology: Graph) -> None:
    text = ANNOTATION.read_text(encoding="utf-8")
    section = text.split("## Relations", 1)[1].split("\n## ", 1)[0]
    ids = [i for i in re.findall(r"^\| ([a-z_]+) \|", section, flags=re.M) if i != "id"]
    assert len(ids) == 24 and set(ids) == set(RELATIONS)
    for rel in ids:
        assert (KG[rel], RDF.type, OWL.ObjectProperty) in ontology


def test_namespace_modalities_are_individuals(ontology: Graph) -> None:
    found = {str(s)[len(str(KG)) :] for s in ontology.subjects(RDF.type, KG.Modality)}
    assert found == set(MODALITIES)
    assert (KG.asserted, RDFS.label, Literal("asserted", lang="en")) in ontology


def test_namespace_ontology_has_no_blank_nodes_and_parses_strictly() -> None:
    quads = list(ox.parse(path=str(ontology_path("kg.ttl"))))
    assert quads
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))
    assert list(ox.parse(path=str(ontology_path("shapes.ttl"))))


def test_namespace_ontology_path_unknown_file() -> None:
    from kg.errors import DataError

    with pytest.raises(DataError, match="nope.ttl"):
        ontology_path("nope.ttl")
