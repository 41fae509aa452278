"""The gazetteer resolves every UN member state from its Spanish and English names and demonyms."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from kg.extract.gazetteer import load_gazetteer
from kg.extract.tokens import fold


def _un_members() -> list[dict[str, Any]]:
    from importlib import resources

    data = yaml.safe_load(
        (resources.files("kg.extract") / "data" / "countries.yaml").read_text("utf-8")
    )
    curated = yaml.safe_load(
        (resources.files("kg.extract") / "data" / "curated" / "countries.yaml").read_text("utf-8")
    )
    members = {e["iso"] for e in curated["entities"] if e.get("un") == "member" and "iso" in e}
    return [e for e in data["entities"] if e.get("iso") in members]


MEMBERS = _un_members()


def test_gazetteer_resolution_193_members() -> None:
    assert len(MEMBERS) == 193


@pytest.mark.parametrize("country", MEMBERS, ids=[c["label"] for c in MEMBERS])
def test_gazetteer_resolution_un_member(country: dict[str, Any]) -> None:
    gaz = load_gazetteer()
    label = country["label"]
    names = [label, *country.get("aliases", [])]
    for name in names:
        hits = gaz.find(f"Según {name}, la reunión terminó.")
        found = {lab for h in hits for lab in h.labels}
        assert label in found, f"{name!r} does not resolve to {label}"
    # a demonym two countries share ("congoleño") is listed under `short` and resolved by context
    demonyms = country.get("demonyms", []) + country.get("short", [])
    spanish = [d for d in demonyms if d[:1].islower()]
    english = [d for d in demonyms if d[:1].isupper() and d not in names]
    assert spanish and english, f"{label}: needs Spanish and English demonyms"
    for dem in (spanish[0], english[0]):
        if dem in country.get("short", []):
            # shared with another country: a candidate, chosen by context when met
            assert label in {lab for lab, _, _ in gaz.index[fold(dem)]}, dem
            continue
        hits = gaz.find(f"El gobierno {dem} habló.")
        assert any(label in h.labels and h.kind == "demonym" for h in hits), (
            f"demonym {dem!r} does not resolve to {label}"
        )
    assert fold(label)
