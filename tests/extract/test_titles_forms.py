"""Title forms of Spanish news: the nationality inside the title and portfolios no gazetteer
names."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract_raw
from kg.read import read_text


def _offices(text: str) -> set[tuple[str, str, str]]:
    article = read_text(text, article_id="t", published=date(2024, 6, 20), lang="es")
    raws, _, _ = extract_raw(article)
    return {
        (r.subject, r.relation, r.object)
        for r in raws
        if r.relation in ("holds_position", "leader_of")
    }


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "El ministro ruso de Exteriores, Serguéi Lavrov, visitó Pekín.",
            ("Sergey Lavrov", "holds_position", "Russia"),
        ),
        (
            "El ministro francés de Economía, Bruno Le Maire, visitó Pekín.",
            ("Bruno Le Maire", "holds_position", "France"),
        ),
        (
            "La ministra alemana de Asuntos Exteriores y Cooperación, Annalena Baerbock, habló.",
            ("Annalena Baerbock", "holds_position", "Germany"),
        ),
    ],
)
def test_titles_nationality_inside_and_unnamed_portfolio(
    text: str, office: tuple[str, str, str]
) -> None:
    assert office in _offices(text)


def test_titles_portfolio_without_a_comma_is_not_skipped() -> None:
    # "de Economía" is followed by a verb, not by the holder's name: no office is read
    assert _offices("El ministro francés de Economía Digital presentó el plan.") == set()


def test_titles_former_title_is_the_one_named_person_who_held_it() -> None:
    text = (
        "El secretario general de la OTAN, Mark Rutte, viajó a Kiev. En la capital ucraniana, "
        "el exprimer ministro neerlandés se reunió con el presidente Volodímir Zelenski."
    )
    article = read_text(text, article_id="t", published=date(2024, 10, 3), lang="es")
    raws, _, _ = extract_raw(article)
    met = {(r.subject, r.object) for r in raws if r.relation == "meets"}
    assert ("Mark Rutte", "Volodymyr Zelensky") in met
    former = [r for r in raws if r.rule == "es.office.former_title"]
    assert [(r.subject, r.object, r.end) for r in former] == [
        ("Mark Rutte", "Netherlands", "2024-07-02")
    ]


def test_titles_former_title_with_no_one_named_who_held_it_is_nobody() -> None:
    text = "El expresidente ruso habló con la prensa en Moscú sobre Ucrania."
    assert _offices(text) == set()


def test_titles_person_noun_with_a_field_before_the_name() -> None:
    text = (
        "El experto en seguridad marítima Jukka Salminen, de la Universidad de Turku, señaló "
        "que Finlandia podría pedir consultas a la OTAN."
    )
    article = read_text(text, article_id="t", published=date(2024, 12, 27), lang="es")
    raws, _, _ = extract_raw(article)
    seeks = [r for r in raws if r.relation == "seeks"]
    assert seeks and all(r.holding.attributed_to == ["Jukka Salminen"] for r in seeks)
    affiliated = [r for r in raws if r.relation == "affiliated_with"]
    assert [(r.subject, r.holding.modality, r.holding.attributed_to) for r in affiliated] == [
        ("Jukka Salminen", "asserted", [])
    ]


def test_titles_plural_title_before_a_pair_of_names() -> None:
    text = "Hubo una reunión entre los presidentes Nicolás Maduro e Irfaan Ali en San Vicente."
    article = read_text(text, article_id="t", published=date(2023, 12, 15), lang="es")
    raws, _, _ = extract_raw(article)
    assert ("Nicolás Maduro", "meets", "Irfaan Ali") in {
        (r.subject, r.relation, r.object) for r in raws
    }
