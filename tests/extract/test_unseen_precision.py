"""Wrong statements found on Spanish news the extractor had never seen (tests/data/unseen/).

Each case is a sentence written for this audit, the wrong reading it once gave, and, where the
sentence has one, the right reading that must stay.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.extract import extract
from kg.model import Statement
from kg.read import read_text

UNSEEN = Path(__file__).parent.parent / "data" / "unseen"


def _statements(text: str, published: date = date(2025, 4, 14)) -> list[Statement]:
    article = read_text(text, article_id="t", published=published, lang="es")
    return list(extract(article))


def _find(stmts: list[Statement], subj: str, rel: str, obj: str) -> list[Statement]:
    return [
        s for s in stmts if s.subject.label == subj and s.relation == rel and s.object.label == obj
    ]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a leader meeting a guest in his own capital does not visit it
        (
            "El jefe de la junta de Malí, Assimi Goïta, se reunió el lunes en Bamako con un "
            "enviado ruso.",
            ("Assimi Goïta", "visits", "Bamako"),
        ),
        # a gap never crosses a conditional "si": Maduro is in the condition, not sanctioned
        (
            "Washington podría imponer nuevas sanciones al sector petrolero venezolano si "
            "Maduro no publica los resultados.",
            ("United States", "sanctions", "Nicolás Maduro"),
        ),
        (
            "Bruselas impondrá sanciones a las navieras si Irán sigue enviando drones.",
            ("European Union", "sanctions", "Iran"),
        ),
        # people sent to watch are no goods
        (
            "El Centro Carter, que envió observadores a Venezuela, criticó los comicios.",
            ("Carter Center", "supplies", "Venezuela"),
        ),
        (
            "La ONU envió una delegación a Sudán para evaluar la situación.",
            ("United Nations", "supplies", "Sudan"),
        ),
        # the visitor named after the noun ("de su presidente") is not the sentence's topic
        (
            "China despliega decenas de buques tras la visita de su presidente a EE.UU.",
            ("China", "visits", "United States"),
        ),
    ],
)
def test_unseen_sentence_gives_no_wrong_statement(text: str, wrong: tuple[str, str, str]) -> None:
    assert not _find(_statements(text), *wrong)


def test_threatened_sanction_is_hypothetical_but_the_threat_is_asserted() -> None:
    stmts = _statements("Trump amenazó con imponer aranceles a Madrid por su negativa a pagar.")
    assert [s.modality for s in _find(stmts, "Donald Trump", "sanctions", "Spain")] in (
        [],
        ["hypothetical"],
    )
    threat = _find(stmts, "Donald Trump", "threatens", "Spain")
    assert [s.modality for s in threat] == ["asserted"]


def test_offered_venue_makes_the_talks_hypothetical() -> None:
    stmts = _statements(
        "Erdogan ofreció Estambul como sede de nuevas negociaciones entre Kiev y Moscú."
    )
    meets = _find(stmts, "Ukraine", "meets", "Russia")
    assert meets
    assert all(s.modality == "hypothetical" for s in meets)


def test_coming_meeting_noun_is_planned() -> None:
    stmts = _statements("Los preparativos de la próxima reunión entre Rusia y China avanzan.")
    assert all(s.modality == "planned" for s in _find(stmts, "Russia", "meets", "China"))
    held = _statements("La reunión entre Rusia y China terminó ayer.")
    assert [s.modality for s in _find(held, "Russia", "meets", "China")] == ["asserted"]


def test_agent_of_an_apposition_does_not_speak_for_its_head() -> None:
    stmts = _statements(
        "El Ejército sudanés, liderado por el general Abdelfatah al Burhan, acusó a los "
        "Emiratos Árabes Unidos de suministrar armas a las Fuerzas de Apoyo Rápido."
    )
    supply = _find(stmts, "United Arab Emirates", "supplies", "Rapid Support Forces")
    assert supply
    speakers = {e.label for s in supply for e in s.attributed_to}
    assert "Abdel Fattah al-Burhan" not in speakers
    assert "Sudanese Armed Forces" in speakers


def test_relative_clause_takes_no_time_from_the_main_clause() -> None:
    stmts = _statements(
        "Egipto, que apoya al Ejército sudanés, acogerá la próxima semana una conferencia de "
        "donantes en El Cairo."
    )
    support = _find(stmts, "Egypt", "supports", "Sudanese Armed Forces")
    assert support
    assert all(s.time == () for s in support)


def test_sipri_spanish_name_is_the_source() -> None:
    stmts = _statements(
        "China suministró a Pakistán cazas J-10C, según el Instituto Internacional de "
        "Estudios para la Paz de Estocolmo (SIPRI)."
    )
    supply = _find(stmts, "China", "supplies", "Pakistan")
    assert supply
    speakers = {e.label for s in supply for e in s.attributed_to}
    assert speakers == {"Stockholm International Peace Research Institute"}


def test_unseen_articles_are_all_there() -> None:
    assert len(sorted(UNSEEN.glob("es-*.txt"))) == 12


def test_condition_after_the_match_makes_it_hypothetical() -> None:
    stmts = _statements("Alemania enviará tanques a Ucrania si Estados Unidos hace lo mismo.")
    supply = _find(stmts, "Germany", "supplies", "Ukraine")
    assert [s.modality for s in supply] == ["hypothetical"]
    though = _statements("Alemania envió tanques a Ucrania, si bien en menor número.")
    assert [s.modality for s in _find(though, "Germany", "supplies", "Ukraine")] == ["asserted"]


def test_people_sent_along_with_aid_are_not_items() -> None:
    stmts = _statements("Polonia envió observadores y ayuda humanitaria a Moldavia.")
    supply = _find(stmts, "Poland", "supplies", "Moldova")
    assert supply
    assert {i.label for s in supply for i in s.items} == {"humanitarian aid"}


def test_denial_verb_before_the_subject_denies_the_reported_clause() -> None:
    stmts = _statements(
        "El ministro de Exteriores iraní, Abás Araqchí, negó este jueves que Irán haya "
        "suministrado misiles balísticos a Rusia."
    )
    supply = _find(stmts, "Iran", "supplies", "Russia")
    assert supply
    assert all(s.modality == "alleged" for s in supply)
    assert all("Abbas Araghchi" in {e.label for e in s.denied_by} for s in supply)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a title hanging from a person noun: the name after it is that person's
        (
            "El portavoz del presidente ruso, Dmitri Peskov, habló con la prensa.",
            ("Dmitry Peskov", "leader_of", "Russia"),
        ),
        (
            "La esposa del presidente francés, Brigitte Macron, visitó Egipto.",
            ("Brigitte Macron", "leader_of", "France"),
        ),
        # "antiguo" marks a former holder
        (
            "El antiguo jefe del Pentágono Lloyd Austin visitó Israel.",
            ("Lloyd Austin", "holds_position", "United States Department of Defense"),
        ),
    ],
)
def test_title_of_someone_else_gives_no_office(text: str, wrong: tuple[str, str, str]) -> None:
    assert not _find(_statements(text, date(2025, 11, 20)), *wrong)


def test_title_hanging_from_an_institution_still_names_its_holder() -> None:
    stmts = _statements(
        "El Gobierno del primer ministro israelí, Benjamín Netanyahu, aprobó el plan.",
        date(2024, 11, 20),
    )
    assert _find(stmts, "Benjamin Netanyahu", "leader_of", "Israel")


def test_not_ruled_out_is_speculative_not_negated() -> None:
    stmts = _statements("Estados Unidos no ha descartado enviar misiles Tomahawk a Ucrania.")
    supply = _find(stmts, "United States", "supplies", "Ukraine")
    assert supply
    assert all(not s.negated and s.modality == "speculative" for s in supply)


def test_gap_does_not_cross_a_coordinated_que_clause() -> None:
    stmts = _statements(
        "El Kremlin afirmó que Ucrania atacó una refinería en Briansk y que Occidente le "
        "suministra los drones."
    )
    assert not _find(stmts, "Ukraine", "attacks", "the West")


def test_security_council_of_a_veto_is_the_uns() -> None:
    stmts = _statements(
        "Rusia vetó en el Consejo de Seguridad una resolución que pedía un alto el fuego en Sudán."
    )
    assert not _find(stmts, "Russia", "vetoes", "Security Council of Russia")
    assert _find(stmts, "Russia", "vetoes", "United Nations Security Council")


def test_destination_before_a_purpose_is_no_subject() -> None:
    stmts = _statements(
        "El presidente iraní, Masud Pezeshkián, viajará a Moscú en enero para firmar un tratado "
        "de asociación estratégica con Putin.",
        date(2024, 12, 20),
    )
    assert not _find(stmts, "Russia", "agrees_with", "Vladimir Putin")


def test_object_of_a_post_posed_verb_is_no_speaker() -> None:
    stmts = _statements(
        "Estados Unidos, que vetó la semana pasada una resolución sobre Gaza en el Consejo de "
        "Seguridad, anunció ayuda a Jordania.",
        date(2024, 12, 20),
    )
    speakers = {e.label for s in stmts for e in s.attributed_to}
    assert "Jordan" not in speakers


def test_ceasing_to_send_is_no_planned_supply() -> None:
    stmts = _statements(
        "Eslovaquia dejará de enviar armas a Ucrania, anunció el primer ministro Robert Fico."
    )
    supply = _find(stmts, "Slovakia", "supplies", "Ukraine")
    assert all(s.negated for s in supply)


def test_report_of_un_experts_is_the_source() -> None:
    stmts = _statements(
        "Irán suministró a los hutíes misiles de crucero, de acuerdo con un informe de expertos "
        "de la ONU."
    )
    supply = _find(stmts, "Iran", "supplies", "Houthis")
    assert supply
    assert all(s.modality == "reported" for s in supply)


def test_studying_a_deployment_is_hypothetical() -> None:
    stmts = _statements(
        "El Reino Unido y Francia estudian enviar tropas de paz a Ucrania tras un eventual alto "
        "el fuego."
    )
    supply = _find(stmts, "France", "supplies", "Ukraine")
    assert supply
    assert all(s.modality == "hypothetical" for s in supply)


def test_only_if_condition_makes_the_meeting_hypothetical() -> None:
    stmts = _statements("Zelenski se reunirá con Trump solo si Rusia acepta la tregua.")
    meets = _find(stmts, "Volodymyr Zelensky", "meets", "Donald Trump")
    assert meets
    assert all(s.modality == "hypothetical" for s in meets)


def test_emphatic_si_is_no_condition() -> None:
    stmts = _statements("Rusia, sin embargo, sí envió tropas a Bielorrusia.")
    supply = _find(stmts, "Russia", "supplies", "Belarus")
    assert [s.modality for s in supply] == ["asserted"]


def test_thanks_are_no_goods() -> None:
    stmts = _statements("Qatar, que medió entre Israel y Hamás, recibió las gracias de Biden.")
    assert not [s for s in stmts if s.relation == "supplies"]
