"""Lines of a web page that are not the article: teasers, related links, credits, bylines."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from kg.errors import DataError


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    path = resources.files("kg.read") / "boilerplate.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        return tuple(re.compile(p["pattern"]) for p in data["patterns"])
    except (KeyError, TypeError, re.error) as exc:
        raise DataError(f"boilerplate.yaml: invalid pattern list: {exc}") from exc


def is_boilerplate(line: str) -> bool:
    """True when a whole line is page furniture rather than article text.

    Examples:
        >>> is_boilerplate("Han surgido rumores sobre el cierre de Disney Channel, pero Disney…")
        True
        >>> is_boilerplate("Moscú y Pyongyang han negado cualquier transferencia de armas.")
        False
    """
    stripped = line.strip()
    return any(p.search(stripped) for p in _patterns())
