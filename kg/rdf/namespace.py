"""The kg ontology as Python: a closed rdflib namespace mirroring ontology/kg.ttl, and its files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.errors import DataError
from kg.model import BASE

ONTOLOGY_IRI = f"{BASE}ontology"
"""IRI of the ontology itself, also the name of the store's ontology graph."""

WIKIDATA = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "kg": f"{BASE}ontology#",
    "kgid": f"{BASE}id/",
    "country": f"{BASE}id/country/",
    "bloc": f"{BASE}id/bloc/",
    "person": f"{BASE}id/person/",
    "organization": f"{BASE}id/organization/",
    "city": f"{BASE}id/city/",
    "event": f"{BASE}id/event/",
    "article": f"{BASE}id/article/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": str(WIKIDATA),
}
"""Prefixes written into Turtle/TriG exports and predeclared in every SPARQL query, so that
``SELECT ?s WHERE { ?s kg:supplies country:Russia }`` works as written."""


class KG(DefinedNamespace):
    """Terms of ontology/kg.ttl; unknown names raise AttributeError (a test keeps both equal).

    Examples:
        >>> KG.supplies
        rdflib.term.URIRef('https://w3id.org/kg-geo/ontology#supplies')
        >>> KG["at_war_with"] == KG.at_war_with
        True
    """

    _fail = True
    _NS = Namespace(f"{BASE}ontology#")

    # Entity classes
    Entity: URIRef
    Country: URIRef
    Bloc: URIRef
    Person: URIRef
    Organization: URIRef
    City: URIRef
    Event: URIRef
    alias: URIRef

    # Relations (ids of ANNOTATION.md)
    meets: URIRef
    visits: URIRef
    hosts: URIRef
    invites: URIRef
    agrees_with: URIRef
    cooperates_with: URIRef
    allied_with: URIRef
    supports: URIRef
    supplies: URIRef
    seeks: URIRef
    trades_with: URIRef
    sanctions: URIRef
    vetoes: URIRef
    violates: URIRef
    at_war_with: URIRef
    attacks: URIRef
    threatens: URIRef
    criticizes: URIRef
    investigates: URIRef
    leader_of: URIRef
    holds_position: URIRef
    member_of: URIRef
    parent_of: URIRef
    affiliated_with: URIRef

    # Modalities
    Modality: URIRef
    asserted: URIRef
    reported: URIRef
    alleged: URIRef
    speculative: URIRef
    hypothetical: URIRef
    planned: URIRef

    # Statements
    Statement: URIRef
    subject: URIRef
    relation: URIRef
    object: URIRef
    modality: URIRef
    negated: URIRef
    attributedTo: URIRef
    deniedBy: URIRef
    time: URIRef
    start: URIRef
    end: URIRef
    role: URIRef
    rule: URIRef

    # Items
    Item: URIRef
    item: URIRef
    label: URIRef
    quantity: URIRef
    approximate: URIRef

    # Evidence and articles
    Evidence: URIRef
    evidence: URIRef
    article: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    Article: URIRef
    published: URIRef
    source: URIRef
    contentHash: URIRef
    language: URIRef


def term(name: str) -> URIRef:
    """Return the ontology term ``name`` (a relation or modality id); AttributeError if unknown.

    Examples:
        >>> term("supplies") == KG.supplies
        True
    """
    return URIRef(getattr(KG, name))


def ontology_path(name: str) -> Path:
    """Return the path of ``name`` among the ontology files (kg.ttl, shapes.ttl).

    An installed wheel carries them as ``kg/ontology/<name>``; an editable install reads them
    from ``<repo>/ontology/<name>``.

    Args:
        name: a file name such as ``"kg.ttl"``.

    Returns:
        The path of an existing file.

    Raises:
        DataError: when neither place has the file.

    Examples:
        >>> ontology_path("kg.ttl").name
        'kg.ttl'
    """
    packaged = Path(str(resources.files("kg"))) / "ontology" / name
    if packaged.is_file():
        return packaged
    repo = Path(__file__).resolve().parents[2] / "ontology" / name
    if repo.is_file():
        return repo
    raise DataError(f"{name}: ontology file not found in {packaged.parent} nor {repo.parent}")
