"""`kg eval`: score the extractor against gold files."""

from __future__ import annotations

from pathlib import Path

import click

from kg.eval.report import REPORTERS

_FLOOR = click.FloatRange(0.0, 1.0)


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--details", is_flag=True, help="List misses, false positives and disagreements.")
@click.option("--by-relation", is_flag=True, help="Add the per-relation P/R table.")
@click.option("--min-precision", type=_FLOOR, help="Exit 1 when micro precision is lower.")
@click.option("--min-recall", type=_FLOOR, help="Exit 1 when micro recall is lower.")
@click.option("--min-f1", type=_FLOOR, help="Exit 1 when micro F1 is lower (e.g. 0.85).")
@click.option("--min-modality", type=_FLOOR, help="Exit 1 when modality accuracy is lower.")
def command(
    gold: tuple[Path, ...],
    format_: str,
    details: bool,
    by_relation: bool,
    min_precision: float | None,
    min_recall: float | None,
    min_f1: float | None,
    min_modality: float | None,
) -> None:
    """Score extraction against GOLD files (YAML, FORMATS.md §2): P, R, F1 and more.

    Files in a language with no rules are listed as skipped.  Exit 1 when a --min-* floor is
    not met.

    \b
    Example:
        kg eval ../shared/gold/seed-es.yaml --min-f1 0.85
        kg eval ../shared/corpus/dev/*.yaml --by-relation --details
    """
    from kg.eval import evaluate, render

    report = evaluate(gold)
    click.echo(render(report, format_, details=details, by_relation=by_relation))
    floors = {
        "precision": min_precision,
        "recall": min_recall,
        "f1": min_f1,
        "modality": min_modality,
    }
    failed = report.below(floors)
    for line in failed:
        click.echo(f"Error: {line}", err=True)
    if failed:
        raise SystemExit(1)
