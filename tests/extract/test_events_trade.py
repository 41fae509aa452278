"""Sanctions evaded, trade, investigations and coordinated verbs (issue 3, events helper)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.apposition import counted
from kg.extract.coordination import joins_verbs
from kg.extract.deferred import is_placeholder
from kg.extract.grammar import load_grammar
from kg.extract.langdata import load_lang_data
from kg.extract.pipeline import extract_raw
from kg.extract.tokens import tokenize
from kg.read import read_text


def test_counted_apposition_needs_actor_noun() -> None:
    lexicon = load_lang_data("es", "roles.yaml")
    tokens = tokenize("condenó el ataque contra Israel, dos días después")
    assert counted(tokens, 5, lexicon) == 0
    assert counted(tokenize("contra Hezbolá, los dos grupos"), 2, lexicon) == 2


def _triples(text: str) -> set[tuple[str, str, str]]:
    article = read_text(text, article_id="t", published=date(2024, 5, 10), lang="es")
    raws, _, _ = extract_raw(article)
    assert not any(is_placeholder(r.object) for r in raws), "a placeholder leaked out"
    return {(r.subject, r.relation, r.object) for r in raws}


@pytest.mark.parametrize(
    ("text", "coord", "verb", "expected"),
    [
        ("podrá seguir extrayendo y exportando crudo", 3, 4, True),
        ("quiere comprar y vender gas", 2, 3, True),
        ("extrayendo y exportó crudo", 1, 2, False),  # a gerund and a finite verb
        ("Caracas y exportando crudo", 1, 2, False),  # a name, not a verb
        ("extrayendo crudo y luego exportando", 2, 4, False),  # not right before the trigger
    ],
)
def test_joins_verbs(text: str, coord: int, verb: int, expected: bool) -> None:
    tokens = tokenize(text)
    assert joins_verbs(tokens, coord, verb, load_grammar("es")) is expected


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        pytest.param(
            "La petrolera estadounidense Chevron, que opera en el país, podrá seguir extrayendo "
            "y exportando crudo venezolano.",
            {
                ("Chevron", "trades_with", "Venezuela"),
                ("Chevron", "affiliated_with", "United States"),
            },
            set(),
            id="coordinated-gerunds",
        ),
        pytest.param(
            "Estados Unidos impuso sanciones a Irán en 2018. Irán vende petróleo a China "
            "mediante intermediarios para eludir las sanciones.",
            {("Iran", "violates", "United States"), ("Iran", "trades_with", "China")},
            set(),
            id="unnamed-sanctions-one-sanctioner",
        ),
        pytest.param(
            "Estados Unidos y la Unión Europea sancionaron a Irán. "
            "Irán busca eludir las sanciones.",
            set(),
            {("Iran", "violates", "United States"), ("Iran", "violates", "European Union")},
            id="unnamed-sanctions-two-sanctioners",
        ),
        pytest.param(
            "Irán busca eludir las sanciones.",
            set(),
            {("Iran", "violates", "United States")},
            id="unnamed-sanctions-none",
        ),
        pytest.param(
            "El intercambio comercial entre Japón y el gigante asiático creció un 5 %.",
            {("Japan", "trades_with", "China")},
            set(),
            id="trade-exchange-epithet",
        ),
        pytest.param(
            "El intercambio de prisioneros entre Rusia y Ucrania se aplazó.",
            set(),
            {("Russia", "trades_with", "Ukraine")},
            id="prisoner-exchange",
        ),
        pytest.param(
            "Si Caracas permite elecciones libres, Washington podría autorizar la compra de "
            "crudo venezolano.",
            {("United States", "trades_with", "Venezuela")},
            set(),
            id="second-subject-after-rejected-first",
        ),
        pytest.param(
            "El Estado hebreo y el país nipón firmaron un acuerdo de cooperación.",
            {("Israel", "agrees_with", "Japan")},
            set(),
            id="press-epithets",
        ),
        pytest.param(
            "Turquía combate en Siria contra el EI y en Irak contra el PKK, dos grupos armados "
            "que reciben dinero de Irán.",
            {
                ("Iran", "supplies", "Islamic State"),
                ("Iran", "supplies", "Kurdistan Workers' Party"),
            },
            set(),
            id="counted-apposition",
        ),
        pytest.param(
            "Marruecos bombardeó posiciones en Argelia. Túnez condenó el ataque como una "
            "violación de la soberanía argelina.",
            {("Morocco", "violates", "Algeria"), ("Tunisia", "criticizes", "Morocco")},
            set(),
            id="condemned-as-violation",
        ),
        pytest.param(
            "Pekín advirtió de que, si Bruselas impone aranceles a sus coches, habrá represalias.",
            {("China", "threatens", "European Union")},
            {("China", "threatens", "Belgium")},
            id="brussels-acting-is-the-eu",
        ),
        pytest.param(
            "Pekín advirtió de que, si Washington gana las elecciones, la región será inestable.",
            set(),
            {("China", "threatens", "United States")},
            id="conditional-without-reprisal",
        ),
    ],
)
def test_events(
    text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    got = _triples(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not (absent & got), f"unexpected {absent & got}"


def test_violation_named_by_a_condemner_is_its_claim() -> None:
    text = (
        "Turquía bombardeó el lunes posiciones en Irak. Irán condenó el bombardeo como una "
        "violación de la soberanía iraquí."
    )
    article = read_text(text, article_id="t", published=date(2024, 5, 10), lang="es")
    raws, _, _ = extract_raw(article)
    found = [r for r in raws if r.relation == "violates"]
    assert [(r.subject, r.object) for r in found] == [("Turkey", "Iraq")]
    assert found[0].holding.modality == "alleged"
    assert found[0].holding.attributed_to == ["Iran"]


def test_cap_setter_sanctions_are_background() -> None:
    text = "Según la Aduana, Rusia exporta crudo eludiendo el tope de precios fijado por el G7."
    article = read_text(text, article_id="t", published=date(2024, 5, 10), lang="es")
    raws, _, _ = extract_raw(article)
    found = [r for r in raws if r.relation == "sanctions"]
    assert [(r.subject, r.object) for r in found] == [("G7", "Russia")]
    assert found[0].holding.modality == "asserted"
    assert found[0].holding.attributed_to == []
