"""SPARQL over the store: read-only checks, bound parameters, time limits, saved queries, output.

Queries are parsed with rdflib's SPARQL parser before they run, and refused when they could
write or reach outside the store (updates, LOAD, SERVICE, FROM/FROM NAMED with a graph the
store does not hold). They then run on pyoxigraph in a worker thread, with the union of all
graphs as default graph and the prefixes of ``kg.rdf.namespace.PREFIXES`` predeclared.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import QueryError
from kg.rdf.namespace import PREFIXES

if TYPE_CHECKING:
    from kg.rdf.store import Store

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Binding = str | int | float | bool | Decimal | date | URIRef
"""A value bound to a query variable: URIRef is an IRI, anything else a typed literal."""

T = TypeVar("T")


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT (or a CONSTRUCT/DESCRIBE as subject/predicate/object rows), or an ASK.

    Attributes:
        variables: column names, in query order.
        rows: one tuple of terms per solution; None where a variable is unbound.
        boolean: the answer of an ASK query, else None.
    """

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None

    def records(self) -> list[dict[str, str | None]]:
        """The rows as dicts of plain strings (IRI or literal value).

        Examples:
            >>> QueryResult(("s",), ((ox.Literal("1"),), (None,))).records()
            [{'s': '1'}, {'s': None}]
        """
        return [
            {v: None if t is None else _plain(t) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]


def _plain(term: Term) -> str:
    return str(term) if isinstance(term, ox.Triple) else term.value


def _to_term(value: Binding) -> Term:
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal(value)
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(f"{PREFIXES['xsd']}date"))
    if isinstance(value, Decimal):
        return ox.Literal(format(value, "f"), datatype=ox.NamedNode(f"{PREFIXES['xsd']}decimal"))
    return ox.Literal(value)


def _walk(node: object) -> Iterable[CompValue]:
    """Every CompValue in a parsed query or its algebra, depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, CompValue):
            yield current
            stack.extend(current.values())
        elif isinstance(current, list | tuple):
            stack.extend(current)


def check_query(sparql: str, graphs: Iterable[str] = ()) -> None:
    """Refuse what is not a read-only query over the store's own graphs.

    Args:
        sparql: the query text (``kg:``, ``rdfs:`` … prefixes may be used undeclared).
        graphs: IRIs of the store's named graphs, which FROM/FROM NAMED may name.

    Raises:
        QueryError: a syntax error (line and column), an update or LOAD, a SERVICE call,
            or FROM/FROM NAMED naming a graph outside the store.

    Examples:
        >>> check_query("SELECT ?s WHERE { ?s kg:supplies ?o }")
        >>> check_query("DROP ALL")
        Traceback (most recent call last):
        ...
        kg.errors.QueryError: updates are refused: queries are read-only
    """
    try:
        parsed = parseQuery(sparql)
    except ParseException as exc:
        try:
            parseUpdate(sparql)
        except ParseException:
            raise QueryError(
                f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}"
            ) from None
        raise QueryError("updates are refused: queries are read-only") from None
    try:
        algebra = translateQuery(parsed, initNs=PREFIXES).algebra
    except Exception as exc:  # rdflib raises bare Exceptions, e.g. for an unknown prefix
        raise QueryError(f"invalid SPARQL query: {_first_line(exc)}") from exc
    allowed = set(graphs)
    for node in _walk(algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError(f"SERVICE <{node.get('term')}> is refused: queries stay in the store")
        if node.name == "DatasetClause":
            keyword = "FROM" if "default" in node else "FROM NAMED"
            iri = node["default"] if "default" in node else node["named"]
            if str(iri) not in allowed:
                raise QueryError(f"{keyword} <{iri}> is refused: the store has no such graph")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _in_thread(work: Callable[[], T], timeout: float) -> T:
    """Run ``work`` in a daemon thread; give up after ``timeout`` seconds.

    A query given up on keeps its thread until it ends, but the caller is free at once.
    """
    box: dict[str, Any] = {}
    done = threading.Event()

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=target, name="kg-query", daemon=True).start()
    if not done.wait(timeout):
        raise QueryError(f"query gave up after {timeout:g} s (time limit)")
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value


def run_query(
    db: ox.Store,
    sparql: str,
    bindings: Mapping[str, Binding] | None = None,
    *,
    timeout: float = 30,
    graphs: Iterable[str] = (),
) -> QueryResult:
    """Check and run a read-only query on a pyoxigraph store, with values bound to variables.

    Args:
        db: the pyoxigraph store.
        sparql: query text.
        bindings: variable name (without ``?``) -> value; never pasted into the text.
        timeout: seconds before giving up.
        graphs: the store's named graphs (FROM may name only these).

    Returns:
        The materialised result.

    Raises:
        QueryError: invalid, refused, failed or timed out.
    """
    check_query(sparql, graphs)
    substitutions = {ox.Variable(k): _to_term(v) for k, v in (bindings or {}).items()}

    def work() -> QueryResult:
        result = db.query(
            sparql,
            prefixes=PREFIXES,
            use_default_graph_as_union=True,
            substitutions=substitutions,
        )
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            names = tuple(v.value for v in result.variables)
            return QueryResult(names, tuple(tuple(s) for s in result))
        rows = tuple((t.subject, t.predicate, t.object) for t in result)
        return QueryResult(("subject", "predicate", "object"), rows)

    try:
        return _in_thread(work, timeout)
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {_first_line(exc)}") from exc


# ---------------------------------------------------------------------------------------------
# Saved queries


@dataclass(frozen=True)
class SavedQuery:
    """A query shipped in kg/rdf/queries/<name>.rq.

    Its first comment line is the description; ``# param: NAME  what it is`` lines declare
    the values it needs.
    """

    name: str
    description: str
    params: tuple[str, ...]
    text: str


_PARAM = re.compile(r"#\s*param:\s*(\w+)")


def _parse_saved(name: str, text: str) -> SavedQuery:
    comments = [line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")]
    params = tuple(m.group(1) for line in text.splitlines() if (m := _PARAM.match(line)))
    return SavedQuery(name, comments[0] if comments else "", params, text)


def saved_queries() -> list[SavedQuery]:
    """Return the saved queries, sorted by name.

    Examples:
        >>> [q.name for q in saved_queries()][:3]
        ['claims', 'entity', 'facts']
    """
    folder = resources.files("kg.rdf") / "queries"
    found = [
        _parse_saved(entry.name.removesuffix(".rq"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    ]
    return sorted(found, key=lambda q: q.name)


def saved_query(name: str) -> SavedQuery:
    """Return the saved query ``name``; QueryError listing the known names otherwise."""
    queries = {q.name: q for q in saved_queries()}
    if name not in queries:
        raise QueryError(f"unknown saved query {name!r} (known: {', '.join(queries)})")
    return queries[name]


def run_saved(
    store: Store, name: str, params: Mapping[str, str] | None = None, *, timeout: float = 30
) -> QueryResult:
    """Run saved query ``name`` with its parameters bound (``{"entity": "Russia"}``).

    Raises:
        QueryError: unknown query, a missing or unexpected parameter, or the query failed.
    """
    query = saved_query(name)
    given = dict(params or {})
    missing = [p for p in query.params if p not in given]
    unknown = [p for p in given if p not in query.params]
    if missing or unknown:
        wanted = ", ".join(query.params) or "none"
        bad = "missing" if missing else "unexpected"
        raise QueryError(
            f"{name}.rq: {bad} parameter {(missing or unknown)[0]!r} (takes: {wanted})"
        )
    return store.query(query.text, dict(given), timeout=timeout)


# ---------------------------------------------------------------------------------------------
# Output formats


def _short(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        best = max(
            (ns for ns in PREFIXES.values() if term.value.startswith(ns)), key=len, default=""
        )
        if best:
            prefix = next(p for p, ns in PREFIXES.items() if ns == best)
            return f"{prefix}:{term.value[len(best) :]}"
        return f"<{term.value}>"
    return _plain(term)


def to_table(result: QueryResult) -> str:
    """Aligned text columns, IRIs shortened with the kg prefixes.

    Examples:
        >>> print(to_table(QueryResult(("a", "b"), ((ox.Literal("x"), ox.NamedNode("https://w3id.org/kg-geo/ontology#supplies")),))))
        a  b
        -  -----------
        x  kg:supplies
    """
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    cells = [[_short(t).replace("\n", " ") for t in row] for row in result.rows]
    header = list(result.variables)
    widths = [max(len(r[i]) for r in [header, *cells]) for i in range(len(header))]
    lines = [header, ["-" * w for w in widths], *cells]
    out = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    ]
    if not cells:
        out.append("(no results)")
    return "\n".join(out)


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: a header, full IRIs, literal values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for record in result.records():
        writer.writerow(["" if v is None else v for v in record.values()])
    return buffer.getvalue()


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": str(term)}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != f"{PREFIXES['xsd']}string":
        out["datatype"] = term.datatype.value
    return out


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1)


FORMATTERS: dict[str, Callable[[QueryResult], str]] = {
    "table": to_table,
    "csv": to_csv,
    "json": to_json,
}
"""Output format name -> renderer."""


def render(result: QueryResult, fmt: str = "table") -> str:
    """Render ``result`` as ``table``, ``csv`` or ``json``.

    Raises:
        QueryError: for an unknown format.
    """
    if fmt not in FORMATTERS:
        raise QueryError(f"unknown result format {fmt!r} (known: {', '.join(FORMATTERS)})")
    return FORMATTERS[fmt](result)
