"""`kg explain`: why the extractor made a statement (rule, cue words, mentions, evidence)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kg.cli.common import lang_option, published_option
from kg.model import RELATIONS


@click.command(name="explain")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--subject", help="Subject label or alias (case and accents ignored).")
@click.option("--relation", type=click.Choice(RELATIONS), help="Relation id.")
@click.option("--object", "object_", help="Object label or alias (case and accents ignored).")
@published_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def command(
    article: Path,
    subject: str | None,
    relation: str | None,
    object_: str | None,
    published: date | None,
    lang: str | None,
    fmt: str,
) -> None:
    """Show why each statement of ARTICLE exists: rule, cue words, mentions, evidence.

    \b
    Example:
        kg explain article.txt --subject "Corea del Norte" --relation supplies
    """
    from kg.extract.curation import EXPLAIN_FORMATS, explain
    from kg.read import read_article

    art = read_article(article, published=published, lang=lang)
    found = explain(art, subject=subject, relation=relation, object=object_)
    if not found:
        wanted = {"subject": subject, "relation": relation, "object": object_}
        terms = ", ".join(f"{k} {v!r}" for k, v in wanted.items() if v) or "any"
        raise click.ClickException(f"{article}: no statement matches ({terms})")
    click.echo(EXPLAIN_FORMATS[fmt](found))
