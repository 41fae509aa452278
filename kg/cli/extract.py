"""`kg extract`: print the statements of one article (nothing is stored)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from kg.cli.common import lang_option, published_option
from kg.model import Statement

FORMATS = ("jsonl", "table", "turtle")


def _table(statements: list[Statement]) -> str:
    rows = []
    for s in statements:
        mark = ("¬" if s.negated else "") + s.relation + ("" if s.is_fact else "?")
        extra = []
        if s.attributed_to:
            extra.append("by " + ", ".join(e.label for e in s.attributed_to))
        if s.denied_by:
            extra.append("denied by " + ", ".join(e.label for e in s.denied_by))
        if s.time:
            extra.append("@" + ",".join(s.time))
        rows.append((s.subject.label, mark, s.object.label, s.modality, "; ".join(extra)))
    widths = [max([len(r[i]) for r in rows] + [1]) for i in range(4)]
    return "\n".join(
        "  ".join(c.ljust(widths[i]) if i < 4 else c for i, c in enumerate(r)).rstrip()
        for r in rows
    )


@click.command(name="extract")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@published_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="Also report the boilerplate lines dropped.")
def command(
    article: Path, published: date | None, lang: str | None, fmt: str, verbose: bool
) -> None:
    """Extract the statements of ARTICLE and print them.

    \b
    Example:
        kg extract article.txt --published 2024-09-13 --format jsonl
    """
    from kg.build import read_and_extract

    art, statements = read_and_extract(article, published=published, lang=lang)
    if verbose:
        for line in art.dropped:
            click.echo(
                f"{article}: dropped boilerplate at {line.start}: {line.text[:80]}", err=True
            )
    if fmt == "jsonl":
        for s in statements:
            click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
    elif fmt == "turtle":
        from kg.rdf.build import article_graph

        click.echo(article_graph(art, statements).serialize(format="turtle"), nl=False)
    else:
        click.echo(_table(statements))
