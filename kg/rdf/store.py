"""The store: a persistent embedded RDF dataset in a directory (pyoxigraph), one graph per article.

Everything else reads and writes RDF through this module, so a SPARQL server could later take
its place. Layout of a store directory::

    kg-store.json   marker: format version and the hash of the loaded ontology
    lock            advisory lock (exclusive for a writer, shared for readers)
    oxigraph/       the pyoxigraph (RocksDB) database

Each article is its own named graph (the article IRI); the ontology is the graph
``https://w3id.org/kg-geo/ontology``. SPARQL sees the union of all graphs as default graph.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import StoreError
from kg.model import BASE as _BASE
from kg.model import Article, Statement, slug
from kg.rdf.build import article_graph, content_hash, statement_sort_key, statements_from_quads
from kg.rdf.namespace import ONTOLOGY_IRI, PREFIXES, ontology_path
from kg.rdf.query import Binding, QueryResult, run_query

MARKER = "kg-store.json"
DATA = "oxigraph"
LOCK = "lock"
FORMAT_VERSION = 1

_RDF_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    # name -> (pyoxigraph format, whether it carries named graphs)
    "turtle": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "jsonld": (ox.RdfFormat.JSON_LD, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nquads": (ox.RdfFormat.N_QUADS, True),
}
RDF_FORMATS: tuple[str, ...] = tuple(_RDF_FORMATS)
"""Formats of :meth:`Store.export`."""


def to_ox(term: Node) -> ox.NamedNode | ox.Literal:
    """Convert an rdflib IRI or literal to pyoxigraph (kg graphs have no blank nodes).

    Examples:
        >>> to_ox(Literal("Rusia", lang="es"))
        <Literal value=Rusia language=es>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    kind = "blank node" if isinstance(term, BNode) else type(term).__name__
    raise StoreError(f"cannot store a {kind} ({term!r}): kg graphs use IRIs only")


def _replace_graph(name: str, triples: Sequence[ox.Triple]) -> str:
    """One SPARQL update, hence one transaction: drop graph ``name`` and insert ``triples``."""
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return (
        f"DROP SILENT GRAPH <{name}> ;\n"
        f"INSERT DATA {{ GRAPH <{name}> {{\n{body.decode('utf-8')}}} }}"
    )


def _serialize(
    terms: Sequence[ox.Triple] | Sequence[ox.Quad],
    fmt: ox.RdfFormat,
    prefixes: Mapping[str, str] | None,
) -> bytes:
    return ox.serialize(terms, format=fmt, prefixes=dict(prefixes or {})) or b""


def _sorted_prefixes(data: bytes) -> bytes:
    """Sort the leading ``@prefix`` lines, whose order the serialiser does not promise."""
    lines = data.split(b"\n")
    count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), 0)
    return b"\n".join(sorted(lines[:count]) + lines[count:])


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _lock(path: Path, *, shared: bool) -> int:
    """Take the store's advisory lock, or say clearly who holds it."""
    try:
        fd = os.open(path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store lock: {_first_line(exc)}") from exc
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        doing = "writing to" if shared else "using"
        raise StoreError(
            f"{path}: store in use by another kg process {doing} it; wait for it to finish"
        ) from None
    return fd


def _read_marker(path: Path) -> dict[str, object] | None:
    """The marker of a store at ``path``; None for a new (missing or empty) directory."""
    if not path.exists():
        return None
    if not path.is_dir():
        raise StoreError(f"{path}: not a directory, so not a kg store")
    marker = path / MARKER
    if not marker.is_file():
        # A store whose creation was interrupted has only our own entries: create it again.
        if {p.name for p in path.iterdir()} <= {DATA, LOCK}:
            return None
        raise StoreError(f"{path}: not a kg store (no {MARKER}); use a new or empty directory")
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: damaged store: {MARKER}: {_first_line(exc)}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise StoreError(f"{path}: {MARKER}: unsupported store format (expected {FORMAT_VERSION})")
    return data


class Store:
    """A kg store in a directory: open it, ingest articles, read statements, query, export.

    Use it as a context manager, or call :meth:`close`. One process may write at a time;
    read-only opens may share the store with each other but not with a writer.
    """

    def __init__(self, path: Path, db: ox.Store, lock_fd: int, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._db: ox.Store | None = db
        self._lock_fd = lock_fd

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Store:
        """Open (and, for writing, create if needed) the store in directory ``path``.

        Args:
            path: the store directory.
            read_only: open for reading only; the store must exist.

        Returns:
            The open store.

        Raises:
            StoreError: the directory is not a kg store or is damaged, no store exists
                (read-only), or another kg process holds it.
        """
        path = Path(path)
        marker = _read_marker(path)
        if read_only and marker is None:
            raise StoreError(f"{path}: no kg store here; build one first (kg build)")
        if not read_only:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create the store: {_first_line(exc)}") from exc
        fd = _lock(path, shared=read_only)
        try:
            data = str(path / DATA)
            db = ox.Store.read_only(data) if read_only else ox.Store(data)
        except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
            os.close(fd)
            raise StoreError(f"{path}: damaged store: {_first_line(exc)}") from exc
        store = cls(path, db, fd, read_only=read_only)
        if not read_only:
            try:
                store._load_ontology(marker)
            except BaseException:
                store.close()
                raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store; closing twice is harmless."""
        if self._db is None:
            return
        if not self.read_only:
            self._db.flush()
        self._db = None
        os.close(self._lock_fd)

    @property
    def db(self) -> ox.Store:
        """The underlying pyoxigraph store (raises StoreError once closed)."""
        if self._db is None:
            raise StoreError(f"{self.path}: store is closed")
        return self._db

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.path}: store opened read-only")
        return self.db

    def _load_ontology(self, marker: Mapping[str, object] | None) -> None:
        """Load ontology/kg.ttl into its graph when new or changed, then write the marker."""
        source = ontology_path("kg.ttl").read_bytes()
        digest = content_hash(source.decode("utf-8"))
        if marker is not None and marker.get("ontology") == digest:
            return
        triples = list(ox.parse(source, format=ox.RdfFormat.TURTLE))
        self._writable().update(_replace_graph(ONTOLOGY_IRI, triples))
        self.db.flush()
        tmp = self.path / f"{MARKER}.tmp"
        tmp.write_text(json.dumps({"format": FORMAT_VERSION, "ontology": digest}), "utf-8")
        os.replace(tmp, self.path / MARKER)

    def ingest(self, article: Article, statements: Sequence[Statement]) -> bool:
        """Store one article's graph, replacing an earlier version of it, in one transaction.

        Args:
            article: the article as read.
            statements: what was extracted from it.

        Returns:
            True if the store changed; False when the same graph was already there.

        Raises:
            DataError: the statements cannot be built into RDF (see ``article_graph``).
            StoreError: the store is read-only or closed.
        """
        db = self._writable()
        graph = article_graph(article, statements)
        triples = article_triples(graph)
        name = ox.NamedNode(article.iri)
        stored = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in db.quads_for_pattern(None, None, None, name)
        }
        if stored == set(triples):
            return False
        db.update(_replace_graph(article.iri, triples))
        return True

    def _article_graphs(self) -> list[ox.NamedNode]:
        prefix = f"{_BASE}id/article/"
        names = [
            g
            for g in self.db.named_graphs()
            if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)
        ]
        return sorted(names, key=lambda g: g.value)

    def articles(self) -> list[str]:
        """Return the ids of the stored articles, sorted."""
        identifier = ox.NamedNode("http://purl.org/dc/terms/identifier")
        ids: list[str] = []
        for graph in self._article_graphs():
            quads = self.db.quads_for_pattern(graph, identifier, None, graph)
            ids.extend(str(getattr(q.object, "value", q.object)) for q in quads)
        return sorted(ids)

    def statements(self, article_id: str | None = None) -> list[Statement]:
        """Rebuild statements from RDF, evidence included, sorted deterministically.

        Args:
            article_id: only this article's statements; all when None.

        Returns:
            The statements (empty for an unknown article).
        """
        if article_id is not None:
            graphs = [ox.NamedNode(f"{_BASE}id/article/{slug(article_id)}")]
        else:
            graphs = self._article_graphs()
        found: list[Statement] = []
        for graph in graphs:
            found.extend(statements_from_quads(self.db.quads_for_pattern(None, None, None, graph)))
        return sorted(found, key=statement_sort_key)

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        timeout: float = 30,
    ) -> QueryResult:
        """Run a read-only SPARQL query over the union of all graphs (see ``kg.rdf.query``).

        Raises:
            QueryError: syntax error (with line and column), refused query, or time-out.
        """
        graphs = {g.value for g in self.db.named_graphs() if isinstance(g, ox.NamedNode)}
        return run_query(self.db, sparql, bindings, timeout=timeout, graphs=graphs)

    def export(self, fmt: str) -> bytes:
        """Serialise the store deterministically (sorted triples or quads).

        Triple formats (turtle, nt, jsonld) hold the union of the article graphs, without the
        ontology, which ships as kg.ttl. Quad formats (trig, nquads) hold every graph as
        stored, ontology graph included, so loading one rebuilds the store's content.

        Args:
            fmt: one of :data:`RDF_FORMATS`.

        Raises:
            StoreError: for an unknown format.
        """
        if fmt not in _RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r} (known: {', '.join(RDF_FORMATS)})")
        rdf_format, with_graphs = _RDF_FORMATS[fmt]
        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if with_graphs:
            quads = sorted(self.db, key=lambda q: (str(q.graph_name), str(q.triple)))
            return _sorted_prefixes(_serialize(quads, rdf_format, prefixes))
        triples: set[ox.Triple] = set()
        for graph in self._article_graphs():
            triples.update(q.triple for q in self.db.quads_for_pattern(None, None, None, graph))
        ordered = sorted(triples, key=str)
        return _sorted_prefixes(_serialize(ordered, rdf_format, prefixes))

    def rdflib_dataset(self) -> Dataset:
        """Return an rdflib view of the store, for rdflib users; write through :meth:`ingest`.

        The view's default graph is the store's default graph (empty); for one article use
        :meth:`rdflib_graph` (``Dataset.graph`` tries to write, which read-only stores refuse).
        Plain literals come back with an explicit ``xsd:string`` datatype (the same in RDF 1.1).
        """
        from oxrdflib import OxigraphStore

        # Pass the store object itself: oxrdflib opening a path would take a second lock, and a
        # Graph without DATASET_DEFAULT_GRAPH_ID would file triples under a random name.
        return Dataset(store=OxigraphStore(store=self.db))

    def rdflib_graph(self, name: str) -> Graph:
        """Return an rdflib view of the named graph ``name`` (an article IRI, or ONTOLOGY_IRI)."""
        return Graph(store=self.rdflib_dataset().store, identifier=URIRef(name))


def article_triples(graph: Graph) -> list[ox.Triple]:
    """Return an rdflib graph's triples as pyoxigraph triples (kg graphs have no blank nodes)."""
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]  # type: ignore[arg-type]
