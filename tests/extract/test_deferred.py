"""Objects left to earlier sentences: an unnamed attack's author, a visit's visitor, a clitic."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.deferred import event_has_actor, is_placeholder, placeholder
from kg.extract.pipeline import extract_raw
from kg.read import read_text


def _triples(text: str) -> set[tuple[str, str, str]]:
    article = read_text(text, article_id="t", published=date(2024, 11, 20), lang="es")
    raws, _, _ = extract_raw(article)
    assert not any(is_placeholder(r.object) for r in raws), "a placeholder leaked out"
    return {(r.subject, r.relation, r.object) for r in raws}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        pytest.param(
            "Marruecos bombardeó posiciones en Argelia. Túnez y Libia condenaron el bombardeo.",
            {("Tunisia", "criticizes", "Morocco"), ("Libya", "criticizes", "Morocco")},
            set(),
            id="event-author",
        ),
        pytest.param(
            "Israel bombardeó Beirut y Estados Unidos atacó posiciones en Yemen. "
            "Arabia Saudí condenó los bombardeos.",
            {("United States", "attacks", "Yemen")},
            {("Saudi Arabia", "criticizes", "Israel"), ("Israel", "attacks", "United States")},
            id="two-authors-none",
        ),
        pytest.param(
            "Marruecos bombardeó posiciones en Argelia. Argelia condenó el bombardeo. "
            "También lo condenó Túnez.",
            {("Algeria", "criticizes", "Morocco"), ("Tunisia", "criticizes", "Morocco")},
            set(),
            id="clitic-repeats",
        ),
        pytest.param(
            "Viktor Orbán viajó a Moscú. Polonia calificó el viaje de «traición».",
            {("Poland", "criticizes", "Viktor Orbán")},
            set(),
            id="visitor",
        ),
        pytest.param(
            "Túnez condenó el ataque.",
            set(),
            {("Tunisia", "criticizes", "Tunisia")},
            id="nothing-before",
        ),
    ],
)
def test_anaphora_resolves_or_drops(
    text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    got = _triples(text)
    assert expected <= got
    assert not absent & got
    if not expected:
        assert not any(rel == "criticizes" for _, rel, _ in got)


def test_anaphora_old_attack_is_out_of_reach() -> None:
    filler = " ".join(f"El día {n} hubo lluvia en la costa." for n in range(1, 11))
    got = _triples(f"Marruecos bombardeó posiciones en Argelia. {filler} Túnez condenó el ataque.")
    assert ("Tunisia", "criticizes", "Morocco") not in got


def test_anaphora_event_has_actor_reads_only_its_phrase() -> None:
    assert event_has_actor(" ataque/ataque/N de/de/W @0/@/A", 0)
    assert not event_has_actor(" ataque/ataque/N ,/,/C de/de/W @0/@/A", 0)
    assert placeholder("visitor") == "?visitor" and is_placeholder("?visitor")
