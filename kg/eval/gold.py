"""Gold files (FORMATS.md §2): read, validate and resolve them into frozen records."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from kg.errors import GoldError
from kg.model import ENTITY_TYPES, MODALITIES, RELATIONS

ANY = "*"
"""The gold end that matches any entity (used where the text names no actor)."""


def normalise(name: str) -> str:
    """Return ``name`` case-folded, without accents, with white space collapsed (FORMATS §2.1).

    Examples:
        >>> normalise("  Volodímir   ZELENSKI ")
        'volodimir zelenski'
        >>> normalise("Teherán") == normalise("teheran")
        True
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare).strip()


@dataclass(frozen=True)
class GoldEntity:
    """An entity the article mentions: canonical label, type, Wikidata id, aliases."""

    label: str
    type: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        """The normalised label and aliases."""
        return frozenset(normalise(n) for n in (self.label, *self.aliases))


@dataclass(frozen=True)
class GoldItem:
    """A gold item: a label, with a quantity when the text gives one."""

    label: str
    quantity: int | float | None = None
    approximate: bool = False


@dataclass(frozen=True)
class GoldStatement:
    """One gold statement; ends, relation and modality list every acceptable value.

    An end holds gold entity labels, or ``"*"`` for any entity.
    """

    id: str
    subject: tuple[str, ...]
    relation: tuple[str, ...]
    object: tuple[str, ...]
    modality: tuple[str, ...]
    negated: bool = False
    attributed_to: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    items: tuple[GoldItem, ...] = ()
    time: tuple[str, ...] = ()
    role: str | None = None
    start: str | None = None
    end: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class Gold:
    """A parsed gold file: where its article is, what it mentions, what it states."""

    path: Path
    article: Path
    language: str | None
    published: date | None
    entities: tuple[GoldEntity, ...]
    not_entities: tuple[str, ...]
    statements: tuple[GoldStatement, ...]

    def entity(self, label: str) -> GoldEntity:
        """Return the gold entity named ``label`` (its label or an alias, normalised).

        Raises:
            KeyError: no entity of this file has that name.
        """
        key = normalise(label)
        for e in self.entities:
            if key in e.names:
                return e
        raise KeyError(label)


def read_gold(path: str | Path) -> Gold:
    """Read and validate a gold file.

    Args:
        path: the YAML file; ``article.file`` is resolved against its folder, then against
            ``../seeds/`` next to it.

    Returns:
        The gold file as frozen records, every end resolved to an entity of the file.

    Raises:
        GoldError: the file is unreadable, not YAML, or breaks FORMATS.md §2 (the message names
            the file, the place and what would be right).
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GoldError(f"{p}: no such gold file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{p}: cannot read gold file ({exc})") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise GoldError(f"{p}: not valid YAML{where}: {problem}") from exc
    return _Parser(p).gold(data)


class _Parser:
    """Validation with error messages of the form ``<file>: <where>: <problem>``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> GoldError:
        return GoldError(f"{self.path}: {where}: {problem}" if where else f"{self.path}: {problem}")

    def gold(self, data: Any) -> Gold:
        if not isinstance(data, Mapping):
            raise self.fail("", "a gold file is a mapping with article, entities, statements")
        article = self._mapping(data, "article", "article")
        file_ = article.get("file")
        if not isinstance(file_, str) or not file_.strip():
            raise self.fail("article", "missing field 'file'")
        language = article.get("language")
        if language is not None and language not in ("es", "en"):
            raise self.fail("article.language", f"unknown language {language!r} (known: es, en)")
        entities = tuple(
            self._entity(e, f"entities[{i}]")
            for i, e in enumerate(self._list(data, "entities", "entities"))
        )
        self._check_unique_names(entities)
        not_entities = tuple(self._names(data.get("not_entities"), "not_entities"))
        raw = self._list(data, "statements", "statements")
        statements = tuple(self._statement(s, i) for i, s in enumerate(raw))
        gold = Gold(
            path=self.path,
            article=self._article_path(file_),
            language=language,
            published=self._date(article.get("published"), "article.published"),
            entities=entities,
            not_entities=not_entities,
            statements=statements,
        )
        self._check_labels(gold)
        return gold

    def _mapping(self, data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(where, f"missing field '{key}' (a mapping)")
        return value

    def _list(self, data: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, "expected a list")
        return value

    def _article_path(self, file_: str) -> Path:
        folder = self.path.parent
        candidates = [folder / file_, folder / ".." / "seeds" / file_]
        for candidate in candidates:
            if candidate.is_file():
                return candidate.resolve()
        raise self.fail("article.file", f"article {file_!r} not found next to the gold file")

    def _date(self, value: Any, where: str) -> date | None:
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(where, f"{value!r} is not a date in YYYY-MM-DD form") from None

    def _entity(self, e: Any, where: str) -> GoldEntity:
        if not isinstance(e, Mapping):
            raise self.fail(where, "an entity is a mapping {label, type, wikidata?, aliases?}")
        label, type_ = e.get("label"), e.get("type")
        if not isinstance(label, str) or not label.strip():
            raise self.fail(where, "missing field 'label'")
        where = f"{where} ({label})"
        if type_ not in ENTITY_TYPES:
            raise self.fail(where, f"unknown type {type_!r} (known: {', '.join(ENTITY_TYPES)})")
        wikidata = e.get("wikidata")
        if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wikidata)):
            raise self.fail(where, f"wikidata {wikidata!r} is not an id like Q159")
        aliases = tuple(self._names(e.get("aliases"), f"{where}.aliases"))
        return GoldEntity(label, type_, None if wikidata is None else str(wikidata), aliases)

    def _names(self, value: Any, where: str) -> list[str]:
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(where, "expected a name or a list of names")
        return list(values)

    def _check_unique_names(self, entities: tuple[GoldEntity, ...]) -> None:
        seen: dict[str, str] = {}
        for i, e in enumerate(entities):
            for name in e.names:
                other = seen.setdefault(name, e.label)
                if other != e.label:
                    raise self.fail(
                        f"entities[{i}] ({e.label})", f"name {name!r} also names {other!r}"
                    )

    def _statement(self, s: Any, i: int) -> GoldStatement:
        where = f"statements[{i}]"
        if not isinstance(s, Mapping):
            raise self.fail(where, "a statement is a mapping")
        id_ = s.get("id")
        if id_ is not None:
            where = f"{where} ({id_})"
        for key in ("subject", "relation", "object", "modality"):
            if s.get(key) is None:
                raise self.fail(where, f"missing field '{key}'")
        relation = tuple(self._names(s["relation"], f"{where}.relation"))
        for r in relation:
            if r not in RELATIONS:
                raise self.fail(where, _unknown("relation", r, RELATIONS))
        modality = tuple(self._names(s["modality"], f"{where}.modality"))
        for m in modality:
            if m not in MODALITIES:
                raise self.fail(where, _unknown("modality", m, MODALITIES))
        for key in ("negated", "optional"):
            if not isinstance(s.get(key, False), bool):
                raise self.fail(where, f"'{key}' must be true or false")
        return GoldStatement(
            id=str(id_) if id_ is not None else f"#{i + 1}",
            subject=tuple(self._names(s["subject"], f"{where}.subject")),
            relation=relation,
            object=tuple(self._names(s["object"], f"{where}.object")),
            modality=modality,
            negated=s.get("negated", False),
            attributed_to=tuple(self._names(s.get("attributed_to"), f"{where}.attributed_to")),
            denied_by=tuple(self._names(s.get("denied_by"), f"{where}.denied_by")),
            items=tuple(
                self._item(it, f"{where}.items[{j}]") for j, it in enumerate(s.get("items") or [])
            ),
            time=tuple(self._time(t, f"{where}.time") for t in s.get("time") or []),
            role=_opt_str(s.get("role")),
            start=None if s.get("start") is None else self._time(s["start"], f"{where}.start"),
            end=None if s.get("end") is None else self._time(s["end"], f"{where}.end"),
            optional=s.get("optional", False),
        )

    def _item(self, it: Any, where: str) -> GoldItem:
        if isinstance(it, str) and it.strip():
            return GoldItem(it)
        if isinstance(it, Mapping) and isinstance(it.get("label"), str):
            quantity = it.get("quantity")
            if quantity is not None and (
                isinstance(quantity, bool) or not isinstance(quantity, int | float)
            ):
                raise self.fail(where, f"quantity {quantity!r} is not a number")
            return GoldItem(it["label"], quantity, bool(it.get("approximate", False)))
        raise self.fail(where, "an item is a label or a mapping {label, quantity?, approximate?}")

    def _time(self, value: Any, where: str) -> str:
        # YAML reads an unquoted 2024-06-19 as a date and 2000 as an int: both mean the string.
        text = value.isoformat() if isinstance(value, date) else str(value)
        if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", text):
            raise self.fail(where, f"{value!r} is not an ISO year, year-month or date")
        return text

    def _check_labels(self, gold: Gold) -> None:
        for i, s in enumerate(gold.statements):
            ends = {
                "subject": s.subject,
                "object": s.object,
                "attributed_to": s.attributed_to,
                "denied_by": s.denied_by,
            }
            for field, names in ends.items():
                for name in names:
                    if name == ANY and field in ("subject", "object"):
                        continue
                    try:
                        gold.entity(name)
                    except KeyError:
                        raise self.fail(
                            f"statements[{i}] ({s.id}).{field}",
                            f"{name!r} is not an entity of this file",
                        ) from None


def _unknown(kind: str, value: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown {kind} {value!r} ({hint}known: {', '.join(known)})"


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
