"""`kg query`: run a read-only SPARQL query, a .rq file or a saved query over the store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import default_store, store_option
from kg.rdf.query import FORMATTERS, render, run_saved, saved_queries
from kg.rdf.store import Store


def _param(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    pairs = [v.partition("=") for v in values]
    if any(not sep or not name for name, sep, _ in pairs):
        raise click.BadParameter("expected NAME=VALUE, e.g. entity=Russia")
    return {name: value for name, _, value in pairs}


@click.command(name="query")
@click.argument("sparql", required=False, metavar="QUERY|FILE.rq")
@click.option("--saved", metavar="NAME", help="Run a saved query (see --list).")
@click.option("--param", "params", multiple=True, callback=_param, metavar="NAME=VALUE")
@click.option("--format", "fmt", type=click.Choice(list(FORMATTERS)), default="table")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds.")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and exit.")
@store_option
def command(
    sparql: str | None,
    saved: str | None,
    params: dict[str, str],
    fmt: str,
    timeout: float,
    list_saved: bool,
    store: Path | None,
) -> None:
    """Query the store with SPARQL (read-only; kg:, rdfs:, country: … prefixes predeclared).

    \b
    Example:
        kg query 'SELECT ?s WHERE { ?s kg:supplies country:Russia }'
        kg query --saved timeline --param entity="North Korea" --format csv
    """
    if list_saved:
        for q in saved_queries():
            click.echo(f"{q.name:10} {q.description}")
        return
    if (sparql is None) == (saved is None):
        raise click.UsageError("give a query (text or FILE.rq) or --saved NAME, not both")
    if sparql is not None and (sparql.endswith(".rq") or Path(sparql).is_file()):
        sparql = Path(sparql).read_text(encoding="utf-8")
    with Store.open(store or default_store(), read_only=True) as st:
        if saved is not None:
            result = run_saved(st, saved, params, timeout=timeout)
        else:
            result = st.query(sparql or "", params, timeout=timeout)
    click.echo(render(result, fmt))
