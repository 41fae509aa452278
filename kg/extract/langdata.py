"""Reading a language's data files (lang/<xx>/*.yaml): one loader, one check for YAML's traps."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from kg.errors import DataError


def check_words(node: Any, where: str, path: str = "") -> None:
    """Refuse what YAML read as a boolean: a bare ``on``, ``no`` or ``yes`` is no word.

    Raises:
        DataError: naming the file, the section and the value.
    """
    if isinstance(node, bool):
        raise DataError(f"{where}: {path or 'top'}: {node} is not a word (quote on/off/yes/no)")
    if isinstance(node, dict):
        for key, value in node.items():
            check_words(key, where, path)
            check_words(value, where, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for value in node:
            check_words(value, where, path)


@cache
def load_lang_data(lang: str, name: str, *, required: bool = False) -> dict[str, Any]:
    """Load another data file of a language (cues.yaml, roles.yaml, time.yaml, items.yaml).

    Raises:
        DataError: the file is invalid, or missing when ``required``.
    """
    path = resources.files("kg.extract") / "lang" / lang / name
    if not path.is_file():
        if required:
            raise DataError(f"lang/{lang}/{name}: cannot read: no such file")
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DataError(f"lang/{lang}/{name}: invalid YAML: {exc}".replace("\n", " ")) from exc
    if not isinstance(data, dict):
        raise DataError(f"lang/{lang}/{name}: expected a mapping at the top level")
    return data
