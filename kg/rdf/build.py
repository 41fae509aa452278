"""Building RDF: one named graph per article, each statement reified with its provenance."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

import pyoxigraph as ox
from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.errors import DataError
from kg.model import (
    BASE,
    ENTITY_TYPES,
    MODALITIES,
    RELATIONS,
    Article,
    Entity,
    Evidence,
    Item,
    Statement,
    slug,
)
from kg.rdf.namespace import KG, PREFIXES, WIKIDATA, term

_TIME_TYPES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


def _digest(*parts: object) -> str:
    """Sixteen hex digits of SHA-1 over ``parts``, separated so that ("ab", "c") != ("a", "bc")."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """Return the SHA-256 of ``text`` (UTF-8) in hexadecimal: the article's content hash.

    Examples:
        >>> content_hash("")[:12]
        'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def time_literal(value: str, where: str) -> Literal:
    """Return ``value`` (ISO 8601 year, year-month or date) as a typed literal.

    Args:
        value: ``"2024"``, ``"2024-06"`` or ``"2024-06-19"``.
        where: what to name in the error message.

    Raises:
        DataError: for anything else.

    Examples:
        >>> time_literal("2024-06", "x").datatype
        rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
    """
    for pattern, datatype in _TIME_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=datatype)
    raise DataError(f"{where}: time {value!r} is not an ISO 8601 year, year-month or date")


def _decimal(quantity: int | float) -> Literal:
    # format(..., "f") never writes an exponent, which xsd:decimal does not allow.
    return Literal(format(Decimal(repr(quantity)), "f"), datatype=XSD.decimal)


def _add_entity(graph: Graph, entity: Entity, where: str) -> URIRef:
    if entity.type not in ENTITY_TYPES:
        known = ", ".join(ENTITY_TYPES)
        raise DataError(f"{where}: unknown entity type {entity.type!r} (known: {known})")
    node = URIRef(entity.id)
    graph.add((node, RDF.type, term(entity.type)))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases:
        graph.add((node, KG.alias, Literal(alias)))
    if entity.wikidata:
        if not _WIKIDATA_ID.fullmatch(entity.wikidata):
            raise DataError(f"{where}: {entity.label}: Wikidata id {entity.wikidata!r} is not Q<n>")
        graph.add((node, OWL.sameAs, WIKIDATA[entity.wikidata]))
    return node


def _article_node(graph: Graph, article: Article) -> URIRef:
    node = URIRef(article.iri)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    graph.add((node, KG.contentHash, Literal(content_hash(article.text))))
    graph.add((node, KG.language, Literal(article.lang)))
    if article.published is not None:
        graph.add((node, KG.published, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.source:
        graph.add((node, KG.source, Literal(article.source)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    return node


def _evidence_article(article: Article, ref: str) -> URIRef:
    """The article an evidence sentence belongs to: normally this one, named by id or IRI."""
    if ref in (article.id, article.iri) or not ref:
        return URIRef(article.iri)
    if ref.startswith(f"{BASE}id/article/"):
        return URIRef(ref)
    return URIRef(f"{BASE}id/article/{slug(ref)}")


def statement_iri(statement: Statement, article: Article, repeat: int = 0) -> str:
    """Return the IRI of ``statement`` in ``article``: a hash of its ends, relation and article.

    ``repeat`` counts earlier statements of the article with the same ends and relation (say,
    one negated and one not), so each still gets its own node.

    Examples:
        >>> from kg.model import Entity
        >>> s = Statement(Entity("North Korea", "Country"), "supplies", Entity("Russia", "Country"))
        >>> statement_iri(s, Article("a1", "text")).startswith("https://w3id.org/kg-geo/id/statement/")
        True
    """
    parts: list[object] = [
        statement.subject.id,
        statement.relation,
        statement.object.id,
        article.id,
    ]
    if repeat:
        parts.append(repeat)
    return f"{BASE}id/statement/{_digest(*parts)}"


def _add_statement(graph: Graph, article: Article, statement: Statement, iri: str) -> None:
    where = f"article {article.id}: {statement.subject.label} {statement.relation} "
    where += statement.object.label
    if statement.relation not in RELATIONS:
        raise DataError(f"{where}: unknown relation {statement.relation!r}")
    if statement.modality not in MODALITIES:
        known = ", ".join(MODALITIES)
        raise DataError(f"{where}: unknown modality {statement.modality!r} (known: {known})")
    node = URIRef(iri)
    subject = _add_entity(graph, statement.subject, where)
    obj = _add_entity(graph, statement.object, where)
    relation = term(statement.relation)
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, KG.subject, subject))
    graph.add((node, KG.relation, relation))
    graph.add((node, KG.object, obj))
    graph.add((node, KG.modality, term(statement.modality)))
    graph.add((node, KG.negated, Literal(statement.negated)))
    if statement.rule:
        graph.add((node, KG.rule, Literal(statement.rule)))
    for entity in statement.attributed_to:
        graph.add((node, KG.attributedTo, _add_entity(graph, entity, where)))
    for entity in statement.denied_by:
        graph.add((node, KG.deniedBy, _add_entity(graph, entity, where)))
    for value in statement.time:
        graph.add((node, KG.time, time_literal(value, where)))
    for prop, bound in ((KG.start, statement.start), (KG.end, statement.end)):
        if bound is not None:
            graph.add((node, prop, time_literal(bound, where)))
    if statement.role is not None:
        graph.add((node, KG.role, Literal(statement.role)))
    for item in statement.items:
        item_node = URIRef(
            f"{BASE}id/item/{_digest(iri, item.label, item.quantity, item.approximate)}"
        )
        graph.add((node, KG.item, item_node))
        graph.add((item_node, RDF.type, KG.Item))
        graph.add((item_node, KG.label, Literal(item.label)))
        graph.add((item_node, KG.approximate, Literal(item.approximate)))
        if item.quantity is not None:
            graph.add((item_node, KG.quantity, _decimal(item.quantity)))
    for ev in statement.evidence:
        if ev.start < 0 or ev.end <= ev.start:
            raise DataError(
                f"{where}: evidence offsets {ev.start}-{ev.end} are not 0 <= start < end"
            )
        source = _evidence_article(article, ev.article)
        ev_node = URIRef(f"{BASE}id/evidence/{_digest(source, ev.start, ev.end, ev.sentence)}")
        graph.add((node, KG.evidence, ev_node))
        graph.add((node, PROV.wasDerivedFrom, ev_node))
        graph.add((ev_node, RDF.type, KG.Evidence))
        graph.add((ev_node, KG.article, source))
        graph.add((ev_node, KG.sentence, Literal(ev.sentence)))
        graph.add((ev_node, KG.startOffset, Literal(ev.start, datatype=XSD.integer)))
        graph.add((ev_node, KG.endOffset, Literal(ev.end, datatype=XSD.integer)))
    # A claim is never stored as a fact: the plain triple is there only for facts.
    if statement.is_fact:
        graph.add((subject, relation, obj))


def article_graph(article: Article, statements: Sequence[Statement]) -> Graph:
    """Return the named graph of one article: the article node, entities and statements.

    Every node has a deterministic IRI (no blank nodes), so building twice gives the same
    triples. The plain triple ``subject relation object`` is written only for facts
    (``Statement.is_fact``); every statement is also a ``kg:Statement`` node.

    Args:
        article: the article as read (its IRI names the graph).
        statements: what was extracted from it.

    Returns:
        An rdflib graph whose identifier is ``article.iri``.

    Raises:
        DataError: a statement with an unknown relation, modality or entity type, a time
            that is not ISO 8601, a malformed Wikidata id, or bad evidence offsets.

    Examples:
        >>> from kg.model import Entity
        >>> nk, ru = Entity("North Korea", "Country"), Entity("Russia", "Country")
        >>> claim = Statement(nk, "supplies", ru, modality="alleged", denied_by=(ru,))
        >>> g = article_graph(Article("a1", "Texto."), [claim])
        >>> (URIRef(nk.id), KG.supplies, URIRef(ru.id)) in g
        False
        >>> len(list(g.subjects(RDF.type, KG.Statement)))
        1
    """
    graph = Graph(identifier=URIRef(article.iri))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    _article_node(graph, article)
    seen: dict[str, int] = {}
    for statement in statements:
        iri = statement_iri(statement, article)
        repeat = seen.get(iri, 0)
        seen[iri] = repeat + 1
        if repeat:
            iri = statement_iri(statement, article, repeat)
        _add_statement(graph, article, statement, iri)
    return graph


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal) else str(term)


def _quantity(lexical: str) -> int | float:
    number = Decimal(lexical)
    return int(number) if number == number.to_integral_value() else float(number)


class _Index:
    """The triples of one article graph by subject and predicate, for rebuilding statements."""

    def __init__(self, quads: Iterable[ox.Quad]) -> None:
        self.by_subject: dict[str, dict[str, list[str]]] = {}
        for quad in quads:
            props = self.by_subject.setdefault(_value(quad.subject), {})
            props.setdefault(quad.predicate.value, []).append(_value(quad.object))

    def all(self, node: str, prop: URIRef) -> list[str]:
        return self.by_subject.get(node, {}).get(str(prop), [])

    def one(self, node: str, prop: URIRef) -> str | None:
        values = self.all(node, prop)
        return min(values) if values else None

    def entity(self, node: str) -> Entity:
        kinds = [t[len(str(KG)) :] for t in self.all(node, RDF.type) if t.startswith(str(KG))]
        wikidata = self.one(node, OWL.sameAs)
        return Entity(
            label=self.one(node, RDFS.label) or node,
            type=min(kinds) if kinds else "Entity",
            wikidata=wikidata[len(str(WIKIDATA)) :] if wikidata else None,
            aliases=tuple(sorted(self.all(node, KG.alias))),
        )

    def article_id(self, node: str) -> str:
        return self.one(node, DCTERMS.identifier) or node

    def statement(self, node: str) -> Statement:
        local = len(str(KG))
        items = sorted(
            (
                Item(
                    label=self.one(i, KG.label) or "",
                    quantity=_quantity(q) if (q := self.one(i, KG.quantity)) else None,
                    approximate=self.one(i, KG.approximate) == "true",
                )
                for i in self.all(node, KG.item)
            ),
            key=lambda i: (i.label, i.quantity or 0, i.approximate),
        )
        evidence = sorted(
            (
                Evidence(
                    article=self.article_id(self.one(e, KG.article) or ""),
                    sentence=self.one(e, KG.sentence) or "",
                    start=int(self.one(e, KG.startOffset) or 0),
                    end=int(self.one(e, KG.endOffset) or 0),
                )
                for e in self.all(node, KG.evidence)
            ),
            key=lambda e: (e.start, e.end, e.article, e.sentence),
        )
        return Statement(
            subject=self.entity(self.one(node, KG.subject) or ""),
            relation=(self.one(node, KG.relation) or "")[local:],
            object=self.entity(self.one(node, KG.object) or ""),
            modality=(self.one(node, KG.modality) or "")[local:],
            negated=self.one(node, KG.negated) == "true",
            attributed_to=self._entities(node, KG.attributedTo),
            denied_by=self._entities(node, KG.deniedBy),
            items=tuple(items),
            time=tuple(sorted(self.all(node, KG.time))),
            start=self.one(node, KG.start),
            end=self.one(node, KG.end),
            role=self.one(node, KG.role),
            evidence=tuple(evidence),
            rule=self.one(node, KG.rule) or "",
        )

    def _entities(self, node: str, prop: URIRef) -> tuple[Entity, ...]:
        return tuple(sorted((self.entity(e) for e in self.all(node, prop)), key=lambda e: e.id))


def statements_from_quads(quads: Iterable[ox.Quad]) -> list[Statement]:
    """Rebuild the statements of one article graph (the inverse of :func:`article_graph`).

    Lists come back in a normal order: entities by IRI, items by label, times and evidence
    sorted; statements are sorted by their first evidence offset, then ends and relation.

    Args:
        quads: every quad of one article's named graph.

    Returns:
        The statements, with their evidence.
    """
    index = _Index(quads)
    nodes = [
        node
        for node, props in index.by_subject.items()
        if str(KG.Statement) in props.get(str(RDF.type), [])
    ]
    statements = [index.statement(node) for node in nodes]
    return sorted(statements, key=statement_sort_key)


def statement_sort_key(s: Statement) -> tuple[str, int, str, str, str, str, bool, str]:
    """Sort key of statements: article, first evidence offset, subject, relation, object, …"""
    first = s.evidence[0] if s.evidence else None
    return (
        first.article if first else "",
        first.start if first else -1,
        s.subject.id,
        s.relation,
        s.object.id,
        s.modality,
        s.negated,
        s.rule,
    )
