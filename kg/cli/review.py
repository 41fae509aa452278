"""`kg review`: what the extractor left on the table in one article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kg.cli.common import lang_option, published_option


@click.command(name="review")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@published_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def command(article: Path, published: date | None, lang: str | None, fmt: str) -> None:
    """List sentences of ARTICLE with actors and no statement, names nothing resolved, and
    entities the gazetteer lacks: what rule or gazetteer entry to add next.

    \b
    Example:
        kg review article.txt --published 2024-09-13
    """
    from kg.extract.curation import REVIEW_FORMATS, review
    from kg.read import read_article

    art = read_article(article, published=published, lang=lang)
    click.echo(REVIEW_FORMATS[fmt](review(art)))
