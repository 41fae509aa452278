"""Times lent by an event the text refers back to, and times anchored on the last one said."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.extract.timex import find_times
from kg.model import Statement
from kg.read import read_text

PUBLISHED = date(2024, 6, 20)  # a Thursday


def _statements(text: str, published: date = PUBLISHED) -> dict[tuple[str, str, str], Statement]:
    article = read_text(text, article_id="t", published=published, lang="es")
    return {(s.subject.label, s.relation, s.object.label): s for s in extract(article)}


def test_event_times_the_agreement_referred_back_to_dates_its_signing() -> None:
    found = _statements(
        "Rusia y China firmaron el lunes en Pekín un tratado comercial. "
        "El acuerdo fue rubricado por el ministro de Exteriores ruso, Serguéi Lavrov, "
        "y su homólogo chino, Wang Yi."
    )
    signed = found.get(("Sergey Lavrov", "agrees_with", "Wang Yi")) or found.get(
        ("Wang Yi", "agrees_with", "Sergey Lavrov")
    )
    assert signed is not None
    assert signed.time == ("2024-06-17",)


def test_event_times_another_visit_lends_no_time() -> None:
    found = _statements(
        "La ministra de Exteriores norcoreana, Choe Son Hui, visitó Moscú el lunes. "
        "Durante aquella visita a Pyongyang, Putin regaló a Kim Jong Un una limusina."
    )
    assert found[("Choe Son Hui", "visits", "Moscow")].time == ("2024-06-17",)
    assert found[("Vladimir Putin", "visits", "Pyongyang")].time == ()


def test_event_times_then_takes_the_last_time_at_its_precision() -> None:
    text = "En octubre, la Comisión abrió una investigación. La presidenta acusó entonces a Pekín."
    values = [(t.text, t.value) for t in find_times(text, PUBLISHED, "es")]
    assert values == [("En octubre", "2023-10"), ("entonces", "2023-10")]


def test_event_times_a_former_office_is_no_time() -> None:
    text = "El 3 de mayo, el entonces ministro de Defensa viajó a Kiev."
    assert [t.text for t in find_times(text, PUBLISHED, "es")] == ["El 3 de mayo"]


def test_event_times_recent_days_and_the_evening_after_a_date() -> None:
    text = (
        "Jamenei había advertido en los últimos días a Israel. "
        "El 7 de marzo Suecia ingresó en la OTAN. Por la noche, Kristersson asistió al discurso."
    )
    values = [t.value for t in find_times(text, date(2024, 3, 8), "es")]
    assert values == ["2024-03", "2024-03-07", "2024-03-07"]


def test_event_times_a_condemnation_takes_the_date_of_the_attack_it_condemns() -> None:
    found = _statements(
        "Israel bombardeó el lunes objetivos militares en Irán. "
        "Arabia Saudí, que normalizó el año pasado sus relaciones con Teherán, condenó el "
        "bombardeo."
    )
    assert found[("Israel", "attacks", "Iran")].time == ("2024-06-17",)
    # the relative clause's "el año pasado" is not when Saudi Arabia condemned it
    assert found[("Saudi Arabia", "criticizes", "Israel")].time == ("2024-06-17",)


def test_event_times_a_meeting_where_the_visitor_went_takes_the_visit_date() -> None:
    found = _statements(
        "El secretario general de la OTAN, Mark Rutte, viajó el lunes a Kiev. En la capital "
        "ucraniana, el exprimer ministro neerlandés se reunió con el presidente Volodímir "
        "Zelenski.",
        date(2024, 10, 4),
    )
    assert found[("Mark Rutte", "visits", "Kyiv")].time == ("2024-09-30",)
    assert found[("Mark Rutte", "meets", "Volodymyr Zelensky")].time == ("2024-09-30",)


def test_event_times_a_meeting_elsewhere_takes_no_visit_date() -> None:
    found = _statements(
        "Mark Rutte viajó el lunes a Kiev. Más tarde, en Bruselas, Rutte se reunió con el "
        "primer ministro belga."
    )
    meets = [s for k, s in found.items() if k[1] == "meets"]
    assert all(s.time != ("2024-06-17",) for s in meets)


def test_event_times_a_war_dated_in_apposition() -> None:
    found = _statements(
        "Era la primera vez desde el inicio de la guerra entre Israel y Hamás, en octubre "
        "pasado, que Washington sometía a votación un borrador.",
        date(2024, 3, 23),
    )
    assert found[("Israel", "at_war_with", "Hamas")].time == ("2023-10",)


def test_event_times_hosting_a_gathering_takes_the_month_of_a_meeting_there() -> None:
    found = _statements(
        "El secretario general de la ONU, António Guterres, se reunió el lunes en Kazán con "
        "Vladímir Putin. Guterres no habló con la prensa. Putin, anfitrión de la cita, recibió a "
        "más de veinte jefes de Estado, entre ellos el indio Narendra Modi."
    )
    assert found[("António Guterres", "meets", "Vladimir Putin")].time == ("2024-06-17",)
    assert found[("Vladimir Putin", "hosts", "Narendra Modi")].time == ("2024-06",)


def test_event_times_a_gathering_of_other_people_lends_nothing() -> None:
    found = _statements(
        "El secretario general de la ONU, António Guterres, se reunió el lunes en Kazán con "
        "Vladímir Putin. Erdogan, anfitrión de la cita de Estambul, recibió a Narendra Modi."
    )
    hosted = found.get(("Recep Tayyip Erdoğan", "hosts", "Narendra Modi"))
    assert hosted is None or hosted.time == ()


def test_event_times_a_recalled_visit_is_dated_by_the_agreement_told_before() -> None:
    found = _statements(
        "Rusia y Corea del Norte firmaron en junio un tratado de defensa. Durante aquella visita "
        "a Pyongyang, Putin regaló a Kim Jong Un una limusina.",
        date(2024, 11, 5),
    )
    assert found[("Vladimir Putin", "visits", "Pyongyang")].time == ("2024-06",)
    assert found[("Vladimir Putin", "supplies", "Kim Jong Un")].time == ("2024-06",)


def test_event_times_a_guest_received_at_home_was_there_that_day() -> None:
    found = _statements(
        "La ministra de Exteriores norcoreana, Choe Son Hui, fue recibida el lunes en el Kremlin "
        "por el presidente Vladímir Putin, tras reunirse el viernes en Moscú con Serguéi Lavrov.",
        date(2024, 11, 5),
    )
    assert set(found[("Choe Son Hui", "visits", "Moscow")].time) == {"2024-11-01", "2024-11-04"}


def test_event_times_the_clauses_far_time_yields_to_a_visit_to_the_place() -> None:
    found = _statements(
        "Putin fue recibido el jueves por Xi Jinping en Pekín, al comienzo de una visita a China. "
        "Tras varias horas de conversaciones en Pekín, ambos líderes firmaron una declaración "
        "entre sus países, que celebran este año su aniversario."
    )
    signed = found.get(("Vladimir Putin", "agrees_with", "Xi Jinping")) or found.get(
        ("Xi Jinping", "agrees_with", "Vladimir Putin")
    )
    assert signed is not None and signed.time == ("2024-06-20",)


def test_event_times_a_standing_trade_dated_since_by_a_relative_on_its_partners() -> None:
    found = _statements(
        "Las exportaciones rusas de petróleo no han caído gracias a compradores como la India y "
        "China, que han multiplicado sus importaciones desde 2022.",
        date(2024, 12, 27),
    )
    assert found[("Russia", "trades_with", "China")].time == ("2022",)
    assert found[("Russia", "trades_with", "India")].time == ("2022",)


def test_event_times_the_day_of_a_denial_is_not_the_day_of_the_denied_act() -> None:
    found = _statements(
        "El Kremlin negó este miércoles que Rusia haya suministrado armas a los hutíes de Yemen.",
        date(2024, 7, 17),
    )
    supplied = found[("Russia", "supplies", "Houthis")]
    assert supplied.modality == "alleged" and supplied.time == ()


def test_event_times_a_shift_before_de_que_still_dates_the_event() -> None:
    found = _statements(
        "El Parlamento húngaro ratificó la adhesión el 26 de febrero, tres días después de que "
        "Kristersson viajara a Budapest.",
        date(2024, 3, 8),
    )
    assert found[("Ulf Kristersson", "visits", "Budapest")].time == ("2024-02-23",)
