"""Discourse references: organisation nouns, kin possessives, succession, nationality."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.extract.anaphora import head_noun
from kg.read import read_text

Triple = tuple[str, str, str]


def _triples(text: str, published: date = date(2025, 11, 1)) -> set[Triple]:
    article = read_text(text, article_id="t", published=published, lang="es")
    return {(s.subject.label, s.relation, s.object.label) for s in extract(article)}


def test_anaphora_head_noun_skips_articles() -> None:
    assert head_noun("el bloque comunitario", frozenset({"el"})) == "bloque"
    assert head_noun("", frozenset({"el"})) == ""


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "Los líderes llegaron a la cumbre de los BRICS. Egipto e Irán se incorporaron en "
            "enero al bloque, que ya incluía a Brasil y Sudáfrica.",
            {("Egypt", "member_of", "BRICS"), ("Brazil", "member_of", "BRICS")},
            set(),
            id="bloc-named-inside-an-event",
        ),
        pytest.param(
            "La OTAN se reunió en Bruselas. Suecia ingresó después en el bloque.",
            set(),
            {("Sweden", "member_of", "NATO")},
            id="noun-the-body-is-never-called",
        ),
        pytest.param(
            "La Unión Europea aprobó sanciones. Hungría ingresó en el grupo de trabajo.",
            set(),
            {("Hungary", "member_of", "European Union")},
            id="noun-with-a-complement-is-something-else",
        ),
        pytest.param(
            "Bielorrusia solicitó su ingreso en la Organización de Cooperación de Shanghái.",
            set(),
            {("Belarus", "member_of", "Shanghai Cooperation Organisation")},
            id="requested-accession-is-no-membership",
        ),
    ],
)
def test_anaphora_membership(text: str, present: set[Triple], absent: set[Triple]) -> None:
    got = _triples(text)
    assert present <= got
    assert not absent & got


def test_kinship_possessive_resolves_to_the_previous_subject() -> None:
    got = _triples("Ilham Alíyev gobierna Azerbaiyán. Una de sus hijas, Leyla Alíyeva, habló.")
    assert ("Ilham Aliyev", "parent_of", "Leyla Alíyeva") in got


def test_kinship_possessive_is_ambiguous_with_two_people() -> None:
    got = _triples(
        "El presidente ruso, Vladímir Putin, recibió al líder norcoreano Kim Jong Un. "
        "Su hija, Kim Ju Ae, no viajó."
    )
    assert not {t for t in got if t[1] == "parent_of"}


def test_succession_passes_the_office_to_the_predecessor_and_successor() -> None:
    got = _triples(
        "El nuevo secretario general de la OTAN, Mark Rutte, asumió el cargo en sustitución "
        "del noruego Jens Stoltenberg. El primer ministro japonés Shigeru Ishiba dimitió en "
        "septiembre; le sucedió Sanae Takaichi.",
        date(2024, 10, 4),
    )
    assert ("Jens Stoltenberg", "leader_of", "NATO") in got
    assert ("Sanae Takaichi", "leader_of", "Japan") in got
    # before he became Norway's finance minister, "el noruego" is his nationality
    assert ("Jens Stoltenberg", "affiliated_with", "Norway") in got


def test_succession_ignores_dismissals_and_other_offices() -> None:
    got = _triples(
        "El presidente Volodímir Zelenski sustituyó en febrero a Valeri Zaluzhni por "
        "Oleksandr Sirski."
    )
    assert {t for t in got if t[1] == "leader_of"} == {
        ("Volodymyr Zelensky", "leader_of", "Ukraine")
    }


def test_government_of_a_person_is_led_by_that_person() -> None:
    got = _triples("El Gobierno de Nicolás Maduro liberó a los presos.")
    assert ("Nicolás Maduro", "leader_of", "Venezuela") in got


def test_affiliation_dropped_when_an_office_links_the_same_ends() -> None:
    got = _triples("El presidente ruso Vladímir Putin habló con el iraní Masud Pezeshkian.")
    assert ("Vladimir Putin", "leader_of", "Russia") in got
    assert ("Masoud Pezeshkian", "affiliated_with", "Iran") not in got


def test_frozen_participation_keeps_membership() -> None:
    got = _triples("Kazajistán ha congelado su participación en la Unión Económica Euroasiática.")
    assert ("Kazakhstan", "member_of", "Eurasian Economic Union") in got
