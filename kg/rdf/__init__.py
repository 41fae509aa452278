"""RDF: the ontology namespace, per-article graphs with provenance, the store, SPARQL queries."""

from kg.rdf.build import article_graph
from kg.rdf.namespace import KG, ontology_path
from kg.rdf.query import QueryResult, render, saved_queries
from kg.rdf.store import Store

__all__ = [
    "KG",
    "QueryResult",
    "Store",
    "article_graph",
    "ontology_path",
    "render",
    "saved_queries",
]
