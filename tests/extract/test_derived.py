"""A speaker who says someone violates a norm criticises them; a source does not."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.read import read_text


def _triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    article = read_text(text, article_id="t", published=date(2024, 10, 25), lang=lang)
    return {(s.subject.label, s.relation, s.object.label) for s in extract(article)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Guterres reiteró que la invasión rusa de Ucrania viola la Carta de las Naciones "
            "Unidas.",
            "es",
        ),
        ("Guterres said that Russia violated the UN Charter.", "en"),
    ],
)
def test_derived_speaker_of_a_violation_criticizes_the_violator(text: str, lang: str) -> None:
    found = _triples(text, lang)
    assert ("Russia", "violates", "United Nations") in found
    assert ("António Guterres", "criticizes", "Russia") in found


def test_derived_a_source_is_no_critic() -> None:
    found = _triples("Según Reuters, Irán viola las resoluciones del Consejo de Seguridad.", "es")
    assert ("Iran", "violates", "United Nations Security Council") in found
    assert not any(r == "criticizes" for _, r, _ in found)


def test_derived_bare_security_council_is_the_un_one_unless_the_sentence_says_otherwise() -> None:
    found = _triples(
        "Putin met Shoigu in Moscow. The UN chief said Iran had violated Security Council "
        "resolutions.",
        "en",
    )
    assert ("Iran", "violates", "United Nations Security Council") in found
