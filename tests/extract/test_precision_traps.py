"""Sentences that once gave wrong statements: each must give none of them."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.read import read_text


def _triples(text: str) -> set[tuple[str, str, str]]:
    article = read_text(text, article_id="t", published=date(2024, 5, 1), lang="es")
    out = set()
    for s in extract(article):
        out.add((s.subject.label, s.relation, s.object.label))
        out |= {(e.label, "attributed", s.relation) for e in s.attributed_to}
    return out


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # "bombardeo" (noun) folds like "bombardeó" (verb)
        ("La OTAN denunció el bombardeo de Jerson.", ("NATO", "attacks", "Kherson")),
        ("Francia condenó el ataque contra Odesa.", ("France", "attacks", "Odesa")),
        # a list between a verb and a clitic + verb is two clauses
        (
            "Rusia atacó Kiev y Zelenski les pidió a los aliados más defensas antiaéreas.",
            ("Russia", "attacks", "Volodymyr Zelensky"),
        ),
        # a subordinate subject is not whom "les" stands for
        (
            "Maduro dijo que Venezuela no cederá y les pidió calma a los ciudadanos.",
            ("Nicolás Maduro", "seeks", "Venezuela"),
        ),
        # "dijo que Lula…": Lula is spoken of, not the speaker of the relative clause's visit
        (
            "El asesor brasileño Celso Amorim, que viajó a Caracas la semana pasada, dijo que "
            "Lula no permitirá una guerra.",
            ("Luiz Inácio Lula da Silva", "attributed", "visits"),
        ),
        # "la Comisión de la Unión Africana" is not the European Commission
        (
            "El presidente de la Comisión de la Unión Africana, Moussa Faki, pidió calma.",
            ("Moussa Faki", "leader_of", "European Commission"),
        ),
        # the earlier holder of a title is not the one named after it
        (
            "El ministro de Exteriores estonio, Margus Tsahkna, habló. "
            "La jefa de la diplomacia europea, Kaja Kallas, visitó Kiev.",
            ("Margus Tsahkna", "visits", "Kyiv"),
        ),
    ],
)
def test_precision_trap_gives_no_wrong_statement(text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in _triples(text)


def test_precision_trap_continued_bombing_is_still_an_attack() -> None:
    found = _triples("Las tropas israelíes continúan sus bombardeos en la Franja de Gaza.")
    assert ("Israel", "attacks", "Gaza Strip") in found


@pytest.mark.parametrize(
    "text",
    [
        "El Gobierno de Malí acusó a París de injerencia.",
        "La junta militar de Malí acusó a París de injerencia.",
    ],
)
def test_precision_trap_a_states_own_body_is_the_state(text: str) -> None:
    assert ("Mali", "criticizes", "France") in _triples(text)


@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        (
            "El canciller alemán, Olaf Scholz, conversó por teléfono con Putin.",
            ("Olaf Scholz", "leader_of", "Germany"),
            ("Olaf Scholz", "holds_position", "Germany"),
        ),
        (
            "Irán, principal aliado de Hamás en la región, celebró el anuncio.",
            ("Iran", "allied_with", "Hamas"),
            ("Iran", "supports", "Hamas"),
        ),
        (
            "Rusia lanzó un ataque masivo con misiles y drones contra la infraestructura "
            "energética de Ucrania.",
            ("Russia", "attacks", "Ukraine"),
            ("Ukraine", "attacks", "Russia"),
        ),
        (
            "Catar y Egipto anunciaron un acuerdo de alto el fuego entre Israel y Hamás.",
            ("Israel", "agrees_with", "Hamas"),
            ("Qatar", "agrees_with", "Egypt"),
        ),
    ],
)
def test_precision_trap_unseen_news_forms(
    text: str, right: tuple[str, str, str], wrong: tuple[str, str, str]
) -> None:
    found = _triples(text)
    assert right in found
    assert wrong not in found


def test_precision_trap_not_ruling_out_is_no_negation() -> None:
    article = read_text(
        "Corea del Sur no descarta enviar armas directamente a Ucrania.",
        article_id="t",
        published=date(2024, 10, 29),
        lang="es",
    )
    found = [s for s in extract(article) if s.relation == "supplies"]
    assert [(s.subject.label, s.object.label, s.modality, s.negated) for s in found] == [
        ("South Korea", "Ukraine", "speculative", False)
    ]


def _held(text: str, lang: str) -> list[tuple[str, str, str, str, bool, list[str], list[str]]]:
    article = read_text(text, article_id="t", published=date(2024, 11, 18), lang=lang)
    return [
        (
            s.subject.label,
            s.relation,
            s.object.label,
            s.modality,
            s.negated,
            [e.label for e in s.attributed_to],
            [e.label for e in s.denied_by],
        )
        for s in extract(article)
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hungría se ha negado a enviar armas a Ucrania.", "es"),
        ("Hungría rechazó enviar armas a Ucrania.", "es"),
        ("Hungary has refused to send weapons to Ukraine.", "en"),
    ],
)
def test_precision_trap_a_refusal_is_a_negation_not_a_denial(text: str, lang: str) -> None:
    assert _held(text, lang) == [("Hungary", "supplies", "Ukraine", "asserted", True, [], [])]


def test_precision_trap_denying_having_done_it_stays_a_denial() -> None:
    held = _held("Irán rechazó haber enviado misiles a Rusia.", "es")
    assert held == [("Iran", "supplies", "Russia", "alleged", False, [], ["Iran"])]


def test_precision_trap_a_speaker_before_a_post_posed_verb() -> None:
    held = _held(
        "Russia launched a massive drone attack on Ukraine overnight, Ukrainian officials said.",
        "en",
    )
    assert ("Russia", "attacks", "Ukraine", "reported", False, ["Ukraine"], []) in held


def test_precision_trap_a_firms_nationality_takes_no_date() -> None:
    article = read_text(
        "La petrolera estadounidense ExxonMobil opera desde 2015 en aguas de Guyana.",
        article_id="t",
        published=date(2024, 12, 9),
        lang="es",
    )
    found = [s for s in extract(article) if s.relation == "affiliated_with"]
    assert [(s.subject.label, s.object.label, s.time) for s in found] == [
        ("ExxonMobil", "United States", ())
    ]


def test_precision_trap_a_government_and_a_guerrilla_agree() -> None:
    found = _triples(
        "El Gobierno de Colombia y el Ejército de Liberación Nacional (ELN) acordaron el viernes "
        "en Caracas prorrogar el alto el fuego."
    )
    assert ("Colombia", "agrees_with", "National Liberation Army (Colombia)") in found
    assert not any(r == "visits" for _, r, _ in found)


def test_precision_trap_a_denial_with_the_relative_pronoun_left_out() -> None:
    held = _held(
        "The United States has accused Iran of supplying ballistic missiles to Russia, a charge "
        "Tehran denies.",
        "en",
    )
    assert ("Iran", "supplies", "Russia", "alleged", False, ["United States"], ["Iran"]) in held


def test_precision_trap_ruling_out_refuses_and_not_ruling_out_hedges() -> None:
    assert _held("Alemania descartó enviar misiles Taurus a Ucrania.", "es") == [
        ("Germany", "supplies", "Ukraine", "asserted", True, [], [])
    ]
    assert _held("Alemania no descarta enviar misiles Taurus a Ucrania.", "es") == [
        ("Germany", "supplies", "Ukraine", "speculative", False, [], [])
    ]


def test_precision_trap_a_continuing_state_is_no_plan() -> None:
    held = _held("Alemania seguirá siendo el mayor proveedor de ayuda militar de Ucrania.", "es")
    assert held == [("Germany", "supplies", "Ukraine", "asserted", False, [], [])]
