"""How a sentence holds a statement: denials of an act, of what was just said, sources cited,
condemnation of a fact, and a bare title standing for the person titled so before."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.model import Statement
from kg.read import read_text


def _statements(text: str, lang: str = "es") -> dict[tuple[str, str, str], Statement]:
    article = read_text(text, article_id="t", published=date(2024, 5, 1), lang=lang)
    return {(s.subject.label, s.relation, s.object.label): s for s in extract(article)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Washington acusa a Pekín de vender drones a Rusia. "
            "China niega haber enviado armas a ninguna de las partes.",
            "es",
        ),
        ("Estados Unidos acusa a China de enviar drones a Rusia, algo que Pekín niega.", "es"),
        (
            "Washington accuses Beijing of selling drones to Russia. "
            "China denied having sent weapons to either side.",
            "en",
        ),
    ],
)
def test_holding_denial_of_an_act_or_of_the_accusation(text: str, lang: str) -> None:
    found = _statements(text, lang)[("China", "supplies", "Russia")]
    assert found.modality == "alleged"
    assert [e.label for e in found.denied_by] == ["China"]
    assert [e.label for e in found.attributed_to] == ["United States"]


def test_holding_denial_of_another_act_denies_nothing() -> None:
    text = (
        "Washington acusa a Pekín de vender drones a Rusia. "
        "China niega haber atacado a ninguna de las partes."
    )
    found = _statements(text)[("China", "supplies", "Russia")]
    assert not found.denied_by


def test_holding_source_cited_by() -> None:
    text = (
        "Funcionarios estadounidenses citados por la agencia Reuters acusan a Irán de "
        "atacar Israel."
    )
    found = _statements(text)[("United States", "criticizes", "Iran")]
    assert found.modality == "reported"
    assert "Reuters" in [e.label for e in found.attributed_to]


def test_holding_condemning_a_fact_reports_it_and_claiming_it_alleges_it() -> None:
    fact = _statements("La OTAN denunció la cooperación militar de Rusia con Irán.")
    held = fact[("Russia", "cooperates_with", "Iran")]
    assert (held.modality, [e.label for e in held.attributed_to]) == ("reported", ["NATO"])
    claim = _statements("La OTAN denunció que la cooperación militar de Rusia con Irán crece.")
    assert claim[("Russia", "cooperates_with", "Iran")].modality == "alleged"


def test_holding_bare_title_is_the_person_titled_so_before() -> None:
    text = (
        "El secretario general de la OTAN, Mark Rutte, visitó Kiev. "
        "El secretario general denunció la cooperación militar de Rusia con Irán."
    )
    held = _statements(text)[("Russia", "cooperates_with", "Iran")]
    assert [e.label for e in held.attributed_to] == ["Mark Rutte"]


def test_holding_bare_title_before_a_name_is_not_the_earlier_holder() -> None:
    text = (
        "El ministro de Exteriores estonio, Margus Tsahkna, habló con la prensa. "
        "La jefa de la diplomacia europea, Kaja Kallas, visitó Kiev."
    )
    found = _statements(text)
    assert ("Kaja Kallas", "visits", "Kyiv") in found
    assert ("Margus Tsahkna", "visits", "Kyiv") not in found


def test_holding_every_member_of_a_coordinated_speaker_speaks() -> None:
    found = _statements(
        "Catar y Egipto anunciaron un acuerdo de alto el fuego entre Israel y Hamás."
    )
    held = found[("Israel", "agrees_with", "Hamas")]
    assert [e.label for e in held.attributed_to] == ["Qatar", "Egypt"]


def test_holding_sanctions_package_approved_after_a_date() -> None:
    found = _statements(
        "La Unión Europea aprobó el lunes un nuevo paquete de sanciones contra Rusia que incluye "
        "restricciones al gas ruso."
    )
    assert ("European Union", "sanctions", "Russia") in found


def test_holding_a_subject_among_several_sources_keeps_the_others() -> None:
    found = _statements(
        "Asad se encuentra en Moscú, donde Rusia le ha concedido asilo, según informaron las "
        "agencias rusas citando a una fuente del Kremlin."
    )
    held = found[("Russia", "hosts", "Bashar al-Assad")]
    assert [e.label for e in held.attributed_to] == ["Russian news agencies", "Russia"]


def test_holding_a_source_with_a_described_name_is_no_topic() -> None:
    found = _statements(
        "Según la consultora caraqueña Petroanálisis, la medida podría empujar a Caracas a "
        "estrechar sus lazos con Rusia."
    )
    held = found[("Venezuela", "cooperates_with", "Russia")]
    assert [e.label for e in held.attributed_to] == ["Petroanálisis"]
    assert not any(s == "Petroanálisis" for s, _, _ in found)


def test_holding_a_speech_verb_without_subject_is_the_person_the_article_follows() -> None:
    found = _statements(
        "El analista Ricardo Ferrer cree que Irán responderá. Aun así, advierte de que un "
        "error de cálculo podría arrastrar a Estados Unidos a una guerra abierta con Irán."
    )
    held = found[("United States", "at_war_with", "Iran")]
    assert (held.modality, [e.label for e in held.attributed_to]) == (
        "speculative",
        ["Ricardo Ferrer"],
    )
