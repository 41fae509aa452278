"""Options shared by several commands: --store, --published, --lang."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_STORE = Path("kg-store")
"""Where the store lives unless --store or $KG_STORE says otherwise (relative to the cwd)."""


def default_store() -> Path:
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def store_option(f: F) -> F:
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Store directory (default: $KG_STORE, else ./kg-store).",
    )(f)


def published_option(f: F) -> F:
    return click.option(
        "--published",
        callback=_parse_date,
        metavar="YYYY-MM-DD",
        help='Publication date that relative times ("el viernes") are resolved against.',
    )(f)


def lang_option(f: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["es", "en"]),
        default=None,
        help="Article language (default: guessed from the text).",
    )(f)
