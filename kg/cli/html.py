"""`kg html`: the store's statements as one interactive HTML file that works offline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from kg.cli.common import default_store, store_option
from kg.model import ENTITY_TYPES, RELATIONS

DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command(name="html")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("kg-graph.html"),
    show_default=True,
    help="HTML file to write.",
)
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
@click.option(
    "--entity", metavar="NAME", help="Show only the neighbourhood of this entity (label or IRI)."
)
@click.option(
    "--hops",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="How far from --entity to reach.",
)
@click.option(
    "--relation",
    "relations",
    multiple=True,
    type=click.Choice(RELATIONS),
    metavar="RELATION",
    help="Keep this relation id, e.g. supplies (repeatable; ids of ANNOTATION.md).",
)
@click.option("--facts-only", is_flag=True, help="Drop claims, denied and negated statements.")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(ENTITY_TYPES),
    metavar="TYPE",
    help=f"Keep entities of this type (repeatable): {', '.join(ENTITY_TYPES)}.",
)
@click.option(
    "--since", type=DAY, metavar="YYYY-MM-DD", help="Keep statements dated this day or later."
)
@click.option(
    "--until", type=DAY, metavar="YYYY-MM-DD", help="Keep statements dated this day or earlier."
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also save a screenshot (headless Chromium).",
)
@store_option
def command(
    out: Path,
    open_: bool,
    entity: str | None,
    hops: int,
    relations: tuple[str, ...],
    facts_only: bool,
    types: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    png: Path | None,
    store: Path | None,
) -> None:
    """Draw the statements of the store as an interactive graph in one HTML file.

    \b
    Example:
        kg html --entity "North Korea" --hops 2 --facts-only --out nk.html --open
    """
    from kg.html.render import render_html, render_png
    from kg.rdf.store import Store

    with Store.open(store or default_store(), read_only=True) as opened:
        statements = opened.statements()
    render_html(
        statements,
        out,
        entity=entity,
        hops=hops,
        relations=relations or None,
        facts_only=facts_only,
        types=types or None,
        since=since and since.date(),
        until=until and until.date(),
        title=f"kg · {entity}" if entity else "kg",
    )
    click.echo(f"wrote {out}")
    if png is not None:
        click.echo(f"wrote {render_png(out, png)}")
    if open_:
        click.launch(str(out))
