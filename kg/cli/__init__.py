"""The `kg` command: a click group whose commands each live in their own module of this package.

Each command parses its options, calls one library function and writes the result.  A KgError
raised by the library becomes a one-line message and exit status 1 here, in one place.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from kg.errors import KgError

# command name -> module under kg.cli that defines `command`; imported only when used, so
# `kg --help` stays fast and no heavy library loads at import time.
COMMANDS: dict[str, str] = {
    "demo": "demo",
    "extract": "extract",
    "build": "build",
    "query": "query",
    "html": "html",
    "export": "export",
    "eval": "eval",
    "explain": "explain",
    "review": "review",
}


class KgGroup(click.Group):
    """Lazy command loading, and KgError turned into a clean one-line error."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        cmd = importlib.import_module(f"kg.cli.{module}").command
        assert isinstance(cmd, click.Command)
        return cmd

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """Build knowledge graphs of geopolitical relations from news articles.

    \b
    Example:
        kg demo                                # the sample article, end to end
        kg build articles/*.txt --published 2024-09-13
        kg query --saved supplies
    """
