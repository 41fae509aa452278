"""Validate the gazetteer data files: schema, unique names, references, terms, UN coverage."""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from kg.model import ENTITY_TYPES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "kg" / "extract" / "data"
FILES = ("countries.yaml", "organizations.yaml", "people.yaml", "events.yaml")
KEYS = {
    "label", "type", "wikidata", "iso", "aliases", "demonyms", "short", "seats", "capital",
    "capital_of", "seat_of", "part_of", "country", "kind", "positions", "parties",
}  # fmt: skip
ROLES = {
    "President", "Vice President", "Prime Minister", "Chancellor", "Supreme Leader", "King",
    "Queen", "Emperor", "Emir", "Crown Prince", "Pope", "Minister of Foreign Affairs",
    "Minister of Defence", "Minister of Finance", "Secretary of State", "Secretary of Defense",
    "Secretary of the Treasury", "Secretary-General", "General Secretary",
    "Secretary of the Security Council", "Deputy Chairman of the Security Council",
    "National Security Advisor", "Spokesperson", "Chairman", "Speaker", "Leader",
    "Commander-in-Chief", "Chief of the General Staff", "Ambassador to the United Nations",
    "High Representative", "Director General", "Director", "Managing Director", "Prosecutor",
    "High Commissioner", "Commissioner-General", "Chief Cabinet Secretary", "Presidential Aide",
    "Head of the Presidential Office", "President of the Senate", "Minister of Civil Service",
}  # fmt: skip
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("entities"), list), name
    return list(data["entities"])


def _norm(name: str) -> str:
    """Case-fold, strip accents and collapse spaces, as the scorer compares names."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@pytest.fixture(scope="module")
def entities() -> dict[str, list[dict[str, Any]]]:
    return {name: _load(name) for name in FILES}


@pytest.fixture(scope="module")
def everything(entities: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [e for name in FILES for e in entities[name]]


@pytest.fixture(scope="module")
def curated() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "curated" / "countries.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("name", FILES)
def test_gazetteer_data_entries_follow_format(
    entities: dict[str, list[dict[str, Any]]], name: str
) -> None:
    for entity in entities[name]:
        where = f"{name}: {entity.get('label')!r}"
        assert isinstance(entity.get("label"), str) and entity["label"].strip(), where
        assert entity.get("type") in ENTITY_TYPES, where
        assert set(entity) <= KEYS, f"{where}: unknown keys {set(entity) - KEYS}"
        for key in ("aliases", "demonyms", "short", "seats"):
            values = entity.get(key, [])
            assert isinstance(values, list), f"{where}: {key}"
            assert all(isinstance(v, str) and v.strip() == v and v for v in values), where
        if "wikidata" in entity:
            assert re.fullmatch(r"Q[1-9]\d*", entity["wikidata"]), where
        if "iso" in entity:
            assert entity["type"] == "Country" and re.fullmatch(r"[A-Z]{2}", entity["iso"]), where


def test_gazetteer_data_labels_are_unique(everything: list[dict[str, Any]]) -> None:
    seen: dict[str, int] = defaultdict(int)
    for entity in everything:
        seen[entity["label"]] += 1
    assert [label for label, n in seen.items() if n > 1] == []


def test_gazetteer_data_no_name_shared_outside_short(everything: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in everything:
        for name in [entity["label"], *entity.get("aliases", []), *entity.get("demonyms", [])]:
            owners[_norm(name)].add(entity["label"])
    clashes = {name: sorted(labels) for name, labels in owners.items() if len(labels) > 1}
    assert clashes == {}


def test_gazetteer_data_references_resolve(everything: list[dict[str, Any]]) -> None:
    by_label = {e["label"]: e for e in everything}
    for entity in everything:
        where = entity["label"]
        if "capital" in entity:
            assert by_label[entity["capital"]]["type"] == "City", where
            assert by_label[entity["capital"]].get("capital_of") == where, where
        if "capital_of" in entity:
            assert entity["type"] == "City" and by_label[entity["capital_of"]]["type"] == "Country"
        for key in ("seat_of", "part_of"):
            if key in entity:
                assert entity[key] in by_label, f"{where}: {key} {entity[key]!r}"
        for party in entity.get("parties", []):
            assert entity["type"] == "Event" and party in by_label, f"{where}: party {party!r}"
        if entity.get("country") is not None:
            assert by_label[entity["country"]]["type"] == "Country", where


def test_gazetteer_data_positions_are_valid(entities: dict[str, list[dict[str, Any]]]) -> None:
    labels = {e["label"] for name in FILES for e in entities[name]}
    for person in entities["people.yaml"]:
        assert person["type"] == "Person"
        for position in person.get("positions", []):
            where = f"{person['label']}: {position}"
            assert set(position) <= {"role", "of", "start", "end"}, where
            assert position["role"] in ROLES, where
            assert position["of"] in labels, where
            dates = [position[k] for k in ("start", "end") if k in position]
            assert all(isinstance(d, str) and ISO_DATE.match(d) for d in dates), where
            parsed = [date.fromisoformat(d) for d in dates]
            assert parsed == sorted(parsed), where


def test_gazetteer_data_positions_only_on_people(everything: list[dict[str, Any]]) -> None:
    assert [e["label"] for e in everything if "positions" in e and e["type"] != "Person"] == []


def test_gazetteer_data_un_members_have_names_and_demonyms(
    curated: dict[str, Any], entities: dict[str, list[dict[str, Any]]]
) -> None:
    from babel import Locale

    members = {e["iso"]: e for e in curated["entities"] if e.get("un") == "member"}
    assert len(members) == 193
    observers = {e["iso"] for e in curated["entities"] if e.get("un") == "observer"}
    assert observers == {"PS", "VA"}
    countries = {e["iso"]: e for e in entities["countries.yaml"] if "iso" in e}
    spanish = Locale("es").territories
    for code, entry in members.items():
        country = countries[code]
        names = set(country["aliases"]) | set(country.get("short", []))
        assert spanish[code] in names or entry.get("label"), code
        assert country["label"] in names, code
        es, en = entry["dem"]
        forms = set(country.get("demonyms", [])) | set(country.get("short", []))
        assert es in forms and en in forms, code
        assert not es[0].isupper() and en[0].isupper(), code
    assert all(countries[code].get("wikidata") for code in members)


@pytest.mark.parametrize(
    ("label", "alias"),
    [
        ("United States", "EE. UU."),
        ("North Korea", "norcoreanas"),
        ("Russia", "Rusia"),
        ("the West", "Occidente"),
        ("Moscow", "Moscú"),
        ("United Nations Security Council", "UNSC"),
        ("Security Council of Russia", "Consejo de Seguridad de Rusia"),
        ("Ministry of National Defense of South Korea", "ministerio de Defensa de Corea del Sur"),
        ("Ministry of Defence of Russia", "Russian defence ministry"),
        ("RIA Novosti", "RIA"),
        ("war in Ukraine", "guerra en Ucrania"),
        ("Saint Petersburg International Economic Forum", "SPIEF"),
        ("Vladimir Putin", "Vladímir Putin"),
    ],
)
def test_gazetteer_data_knows_gold_names(
    everything: list[dict[str, Any]], label: str, alias: str
) -> None:
    entity = next(e for e in everything if e["label"] == label)
    assert alias in entity.get("aliases", []) + entity.get("demonyms", [])


def test_gazetteer_data_shoigu_terms_resolve_by_date(
    entities: dict[str, list[dict[str, Any]]],
) -> None:
    shoigu = next(e for e in entities["people.yaml"] if e["label"] == "Sergei Shoigu")
    roles = {p["role"]: p for p in shoigu["positions"]}
    assert roles["Minister of Defence"]["end"] == "2024-05-12"
    assert roles["Secretary of the Security Council"]["start"] == "2024-05-12"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "tools" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_data_generator_reproduces_committed_file(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    pytest.importorskip("babel")
    output = tmp_path / "countries.yaml"
    assert _generator().main(["--output", str(output)]) == 0
    assert output.read_bytes() == (DATA / "countries.yaml").read_bytes()


def test_gazetteer_data_generator_rejects_clashing_names(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    pytest.importorskip("babel")
    curated = tmp_path / "curated.yaml"
    curated.write_text(
        "entities:\n  - {label: A, type: Bloc, aliases: [Rusia]}\n", encoding="utf-8"
    )
    assert _generator().main(["--curated", str(curated), "--output", str(tmp_path / "o")]) == 1
    assert not (tmp_path / "o").exists()
