"""`kg build`: extract articles and ingest them into the store (idempotent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kg.cli.common import default_store, lang_option, published_option, store_option


@click.command(name="build")
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@published_option
@lang_option
@click.option("--verbose", "-v", is_flag=True, help="Also report the boilerplate lines dropped.")
def command(
    articles: tuple[Path, ...],
    store: Path | None,
    published: date | None,
    lang: str | None,
    verbose: bool,
) -> None:
    """Extract ARTICLES and store their statements; re-running changes nothing.

    A file that cannot be read is reported and skipped; the others are still built.

    \b
    Example:
        kg build news/*.txt --published 2024-09-13 --store kg-store
    """
    from kg.build import build

    target = store or default_store()
    report = build(list(articles), target, published=published, lang=lang)
    for r in report.results:
        state = "stored" if r.changed else "unchanged"
        click.echo(f"{r.path}: {r.statements} statements, {state}")
        if verbose:
            for line in r.dropped_lines:
                click.echo(f"{r.path}: dropped boilerplate line: {line[:80]}", err=True)
    for err in report.errors:
        click.echo(f"error: {err}", err=True)
    click.echo(f"store: {target}", err=True)
    if report.errors:
        raise SystemExit(1)
