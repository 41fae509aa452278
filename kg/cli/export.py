"""`kg export`: write the store in an RDF, JSON Lines or GraphML format."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import default_store, store_option
from kg.export import EXPORTERS, export_store


@click.command(name="export")
@click.option(
    "--format", "fmt", type=click.Choice(list(EXPORTERS)), default="turtle", show_default=True
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: stdout).",
)
@store_option
def command(fmt: str, out: Path | None, store: Path | None) -> None:
    """Export the store: facts and claims with their provenance.

    \b
    Example:
        kg export --format turtle --out exports/kg.ttl
        kg export --format jsonl | head -3
    """
    data = export_store(store or default_store(), fmt)
    if out is None:
        click.echo(data, nl=False)
    else:
        out.write_bytes(data)
        click.echo(f"wrote {out} ({len(data)} bytes, {fmt})", err=True)
