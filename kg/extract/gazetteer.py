"""The gazetteer: actors and places from kg/extract/data/*.yaml, matched with Aho-Corasick."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from kg.errors import DataError
from kg.extract.tokens import fold
from kg.model import ENTITY_TYPES, Entity

DATA_FILES = ("countries.yaml", "organizations.yaml", "people.yaml", "events.yaml")

# Kinds of alias: a name of the entity itself; a demonym ("norcoreano") naming a country; a
# seat of power ("Kremlin") acting for a country; a short form shared by several entities.
NAME, DEMONYM, SEAT, SHORT = "name", "demonym", "seat", "short"


@dataclass(frozen=True)
class Position:
    role: str
    of: str
    start: date | None
    end: date | None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Record:
    """An entity with what the extractor needs beyond the JSONL fields."""

    entity: Entity
    capital_of: str | None = None
    seat_of: str | None = None
    country: str | None = None
    part_of: str | None = None
    positions: tuple[Position, ...] = ()
    parties: tuple[str, ...] = ()  # for wars: the sides, so a mention yields at_war_with
    kind: str | None = None  # for organisations: igo, organ, media, … (organizations.yaml)


@dataclass(frozen=True)
class Hit:
    """A gazetteer match in a text: characters [start, end) and the candidate entities."""

    start: int
    end: int
    kind: str
    labels: tuple[str, ...]


@dataclass
class Gazetteer:
    records: dict[str, Record] = field(default_factory=dict)
    # folded alias -> list of (label, kind, alias as written)
    index: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    _automaton: Any = None
    _names: dict[str, tuple[str, ...]] | None = None  # label -> every alias, as written

    def get(self, label: str) -> Record | None:
        return self.records.get(label)

    def entity(self, label: str) -> Entity:
        return self.records[label].entity

    def add(self, rec: Record, aliases: Iterable[tuple[str, str]]) -> None:
        self.records[rec.entity.label] = rec
        for alias, kind in aliases:
            key = fold(alias).strip()
            if not key:
                continue
            entries = self.index.setdefault(key, [])
            entry = (rec.entity.label, kind, alias)
            if entry not in entries:
                entries.append(entry)
        self._automaton = None
        self._names = None

    def names_of(self, label: str) -> tuple[str, ...]:
        """Every name of an entity as written: label, aliases, short forms (not demonyms)."""
        if self._names is None:
            names: dict[str, list[str]] = {}
            for entries in self.index.values():
                for lab, kind, alias in entries:
                    if kind != DEMONYM:
                        names.setdefault(lab, []).append(alias)
            self._names = {k: tuple(dict.fromkeys(v)) for k, v in names.items()}
        return self._names.get(label, (label,))

    def _compile(self) -> Any:
        auto = ahocorasick.Automaton()
        for key in self.index:
            auto.add_word(key, key)
        auto.make_automaton()
        return auto

    def find(self, text: str) -> list[Hit]:
        """Longest non-overlapping matches of known names in ``text`` (word-bounded, case-aware).

        The longest name wins an overlap: "la guerra en Ucrania" is the war in Ukraine, not the
        generic "la guerra" followed by Ucrania.

        Names written with a capital must be capitalised in the text ("Rusia", not "rusia"),
        so common words that are also names do not match; demonyms match in any case.
        """
        if self._automaton is None:
            self._automaton = self._compile()
        folded = fold(text)
        if len(folded) != len(text):  # folding changed lengths (rare ligatures): fall back
            folded = "".join(fold(c)[:1] or c for c in text)
        cands: list[tuple[int, int, str]] = []
        for end_idx, key in self._automaton.iter(folded):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if start > 0 and (folded[start - 1].isalnum()):
                continue
            if end < len(folded) and folded[end].isalnum():
                continue
            cands.append((start, end, key))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        hits: list[Hit] = []
        used = bytearray(len(text) + 1)
        for start, end, key in cands:
            if any(used[start:end]):
                continue
            surface = text[start:end]
            entries = [e for e in self.index[key] if _case_ok(surface, e)]
            if not entries:
                continue
            kinds = {k for _, k, _ in entries}
            kind = NAME if NAME in kinds else (SEAT if SEAT in kinds else sorted(kinds)[0])
            labels = tuple(dict.fromkeys(label for label, k, _ in entries if k == kind))
            if kind == NAME and len(labels) > 1:
                kind = SHORT
            hits.append(Hit(start, end, kind, labels))
            used[start:end] = b"\x01" * (end - start)
        return sorted(hits, key=lambda h: h.start)

    def holders(self, role: str | None, of: str, day: date | None) -> list[str]:
        """People holding ``role`` (any role if None) of ``of`` on ``day``."""
        out = []
        for label, rec in self.records.items():
            for p in rec.positions:
                if p.of == of and (role is None or p.role == role) and p.holds_on(day):
                    out.append(label)
        return sorted(set(out))

    def positions_of(self, label: str, day: date | None) -> list[Position]:
        rec = self.records.get(label)
        if rec is None:
            return []
        return [p for p in rec.positions if p.holds_on(day)] or list(rec.positions)


def _case_ok(surface: str, entry: tuple[str, str, str]) -> bool:
    """Short all-capital aliases (UN, EU, NIS) match exactly; a word the alias capitalises
    must be capitalised in the text; demonyms match in any case."""
    _, kind, alias = entry
    if kind == DEMONYM:
        return True
    letters = [c for c in alias if c.isalpha()]
    if letters and len(letters) <= 5 and all(c.isupper() for c in letters):
        return surface.replace(" ", "") == alias.replace(" ", "")
    for a, s in zip(alias.split(), surface.split(), strict=False):
        if a[:1].isupper() and not s[:1].isupper():
            return False
    return True


def _date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text)
    except ValueError:
        raise DataError(f"{where}: {text!r} is not an ISO date") from None


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise DataError(f"{where}: expected a list of strings")


def load_records(path: Path | Any, gaz: Gazetteer) -> None:
    """Validate one data file and add its entities to ``gaz``."""
    name = getattr(path, "name", str(path))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"{name}: invalid YAML: {exc}".replace("\n", " ")) from exc
    entries = (data or {}).get("entities") or []
    for i, raw in enumerate(entries):
        where = f"{name}: entities[{i}]"
        if not isinstance(raw, dict) or "label" not in raw or "type" not in raw:
            raise DataError(f"{where}: needs at least label and type")
        label, type_ = str(raw["label"]), str(raw["type"])
        where = f"{name}: {label}"
        if type_ not in ENTITY_TYPES:
            raise DataError(f"{where}: unknown type {type_!r} (known: {', '.join(ENTITY_TYPES)})")
        aliases = _strings(raw.get("aliases"), f"{where}: aliases")
        positions = tuple(
            Position(
                str(p["role"]),
                str(p["of"]),
                _date(p.get("start"), where),
                _date(p.get("end"), where),
            )
            for p in raw.get("positions") or []
        )
        rec = Record(
            entity=Entity(label, type_, raw.get("wikidata"), tuple([label, *aliases])),
            capital_of=raw.get("capital_of"),
            seat_of=raw.get("seat_of"),
            country=raw.get("country"),
            part_of=raw.get("part_of"),
            positions=positions,
            parties=tuple(_strings(raw.get("parties"), f"{where}: parties")),
            kind=raw.get("kind"),
        )
        pairs = [(label, NAME)] + [(a, NAME) for a in aliases]
        pairs += [(d, DEMONYM) for d in _strings(raw.get("demonyms"), f"{where}: demonyms")]
        for seat in _strings(raw.get("seats"), f"{where}: seats"):
            pairs += [(seat, SEAT), (f"el {seat}", SEAT), (f"la {seat}", SEAT)]
        pairs += [(s, SHORT) for s in _strings(raw.get("short"), f"{where}: short")]
        gaz.add(rec, pairs)


def _default_files() -> list[Any]:
    root = resources.files("kg.extract") / "data"
    return [root / f for f in DATA_FILES if (root / f).is_file()]


@cache
def load_gazetteer(paths: tuple[Path, ...] | None = None) -> Gazetteer:
    """Load and index the gazetteer (the package's data files unless ``paths`` are given)."""
    gaz = Gazetteer()
    for p in paths if paths is not None else _default_files():
        load_records(p, gaz)
    return gaz
