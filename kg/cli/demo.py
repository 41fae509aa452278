"""`kg demo`: build the sample article and regenerate the exports folder."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from kg.cli.common import default_store, store_option


@click.command(name="demo")
@store_option
@click.option(
    "--exports",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("exports"),
    show_default=True,
    help="Folder for sample.ttl, .trig, .jsonl, .html and .png.",
)
@click.option("--png/--no-png", default=True, show_default=True, help="Screenshot the page.")
def command(store: Path | None, exports: Path, png: bool) -> None:
    """Build the sample article (Spanish news, 2024-09-13) and write its exports.

    \b
    Example:
        kg demo --store kg-store --exports exports
    """
    from kg.demo import run_demo

    report = run_demo(store or default_store(), exports, png=png)
    for path in report.written:
        click.echo(f"wrote {path}")
    for line in report.skipped:
        click.echo(line)
    modalities = Counter(s.modality for s in report.statements if not s.is_fact)
    detail = ", ".join(f"{n} {m}" for m, n in sorted(modalities.items()))
    state = "stored" if report.changed else "unchanged"
    click.echo(f"store: {report.store} (sample article {state})")
    click.echo(f"{len(report.statements)} statements: {report.facts} facts, {report.claims} claims")
    click.echo(f"  (claims: {detail}; denied or negated ones count as claims too)")
    store_arg = f" --store {store}" if store else ""
    click.echo(f"try: kg query{store_arg} --saved supplies")
    facts = "'SELECT ?s ?o WHERE { ?s kg:supplies ?o }'  # facts only"
    click.echo(f"     kg query{store_arg} {facts}")
