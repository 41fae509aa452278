"""Time expressions: normalisation against the publication date, anchors, ranges, robustness."""

from __future__ import annotations

import time
from datetime import date

import pytest

from kg.errors import DataError
from kg.extract import timex
from kg.extract.timex import TimeMention, find_times, load_time_lexicon, number_words

FRI = date(2024, 9, 13)  # Friday, the seed article
TUE = date(2024, 9, 10)

# (id, lang, published, text, [(value, anchor), ...])
CASES = [
    # weekdays: the most recent one on or before publication; future verbs look ahead
    (
        "es-viernes-same-day",
        "es",
        FRI,
        "durante su visita a Pyongyang el viernes",
        [("2024-09-13", None)],
    ),
    ("es-lunes-day-before", "es", TUE, "Se reunieron el lunes en Moscú.", [("2024-09-09", None)]),
    (
        "es-martes",
        "es",
        date(2024, 9, 11),
        "Estados Unidos acusó el martes a Irán",
        [("2024-09-10", None)],
    ),
    (
        "es-este-sabado",
        "es",
        date(2024, 10, 26),
        "en la madrugada de este sábado",
        [("2024-10-26", None)],
    ),
    (
        "es-este-viernes-ahead",
        "es",
        date(2024, 5, 15),
        "viajará este viernes a Harbin",
        [("2024-05-17", None)],
    ),
    ("es-pasado-lunes", "es", date(2024, 9, 9), "el pasado lunes", [("2024-09-02", None)]),
    ("es-lunes-pasado", "es", FRI, "el lunes pasado", [("2024-09-09", None)]),
    ("es-proximo-lunes", "es", FRI, "el próximo lunes", [("2024-09-16", None)]),
    (
        "es-future-sera",
        "es",
        date(2024, 3, 8),
        "La bandera será izada el lunes en Bruselas",
        [("2024-03-11", None)],
    ),
    (
        "es-future-podria",
        "es",
        date(2024, 3, 23),
        "un texto que podría votarse el lunes",
        [("2024-03-25", None)],
    ),
    (
        "es-past-verb-then-future",
        "es",
        date(2024, 4, 18),
        "anunció el miércoles que restablecerá",
        [("2024-04-17", None)],
    ),
    (
        "en-on-wednesday",
        "en",
        date(2024, 11, 21),
        "The United States on Wednesday vetoed",
        [("2024-11-20", None)],
    ),
    ("en-bare-monday", "en", FRI, "Officials said Monday", [("2024-09-09", None)]),
    ("en-last-friday", "en", FRI, "last Friday", [("2024-09-06", None)]),
    ("en-next-tuesday", "en", FRI, "next Tuesday", [("2024-09-17", None)]),
    ("en-this-friday", "en", date(2024, 9, 11), "this Friday", [("2024-09-13", None)]),
    # a Monday's "este domingo" is the day before, not six days ahead
    (
        "es-este-domingo-monday",
        "es",
        date(2024, 5, 20),
        "acusaron este domingo a Emiratos",
        [("2024-05-19", None)],
    ),
    ("en-will", "en", FRI, "The council will vote on Monday.", [("2024-09-16", None)]),
    # days relative to publication
    ("es-hoy-ayer", "es", FRI, "hoy y ayer", [("2024-09-13", None), ("2024-09-12", None)]),
    ("es-anteayer", "es", FRI, "anteayer", [("2024-09-11", None)]),
    ("es-manana", "es", FRI, "mañana se vota", [("2024-09-14", None)]),
    ("es-la-manana-no", "es", FRI, "por la mañana", []),
    ("es-hoy-en-dia-no", "es", FRI, "hoy en día", []),
    (
        "en-today-yesterday",
        "en",
        FRI,
        "today, yesterday",
        [("2024-09-13", None), ("2024-09-12", None)],
    ),
    # months: the most recent one not after the publication month, unless the text looks ahead
    ("es-en-junio", "es", FRI, "una visita de estado en junio", [("2024-06", None)]),
    (
        "es-diciembre-in-january",
        "es",
        date(2024, 1, 6),
        "se reunieron en diciembre",
        [("2023-12", None)],
    ),
    ("es-febrero-in-september", "es", FRI, "En febrero, Putin le regaló", [("2024-02", None)]),
    (
        "es-octubre-in-january",
        "es",
        date(2024, 1, 6),
        "En octubre, la Comisión",
        [("2023-10", None)],
    ),
    ("es-same-month", "es", FRI, "en septiembre", [("2024-09", None)]),
    (
        "es-pasado-septiembre",
        "es",
        date(2024, 4, 4),
        "viajó a Pekín el pasado septiembre",
        [("2023-09", None)],
    ),
    ("es-octubre-pasado", "es", date(2024, 3, 23), "en octubre pasado", [("2023-10", None)]),
    ("es-mes-de-mayo", "es", FRI, "el pasado mes de mayo", [("2024-05", None)]),
    (
        "es-agosto-ano-pasado",
        "es",
        date(2024, 4, 4),
        "en agosto del año pasado",
        [("2023-08", None)],
    ),
    (
        "es-abril-ano-pasado",
        "es",
        date(2024, 3, 8),
        "se adhirió en abril del año pasado",
        [("2023-04", None)],
    ),
    (
        "es-future-asumira",
        "es",
        date(2024, 10, 24),
        "Brasil asumirá en enero la presidencia",
        [("2025-01", None)],
    ),
    (
        "es-future-celebrara",
        "es",
        date(2024, 5, 17),
        "la cumbre que se celebrará en octubre",
        [("2024-10", None)],
    ),
    (
        "es-enero-past",
        "es",
        date(2024, 10, 24),
        "se incorporaron en enero al bloque",
        [("2024-01", None)],
    ),
    ("es-principios-mayo", "es", date(2024, 5, 17), "a principios de mayo", [("2024-05", None)]),
    ("es-plaza-de-mayo-no", "es", FRI, "en la Plaza de Mayo", []),
    ("es-bare-month-no", "es", FRI, "mayo", []),
    (
        "en-in-may",
        "en",
        date(2024, 7, 31),
        "killed in a helicopter crash in May",
        [("2024-05", None)],
    ),
    ("en-may-modal-no", "en", FRI, "it may rain", []),
    (
        "en-january-future",
        "en",
        date(2024, 11, 21),
        "Trump, who takes office in January,",
        [("2025-01", None)],
    ),
    ("en-mid-may", "en", FRI, "in mid-May", [("2024-05", None)]),
    ("en-last-may", "en", FRI, "last May", [("2024-05", None)]),
    # months and years relative to publication
    (
        "es-mes-pasado",
        "es",
        date(2024, 11, 5),
        "la Duma lo ratificó el mes pasado",
        [("2024-10", None)],
    ),
    ("es-ano-pasado", "es", FRI, "el año pasado", [("2023", None)]),
    ("es-este-ano", "es", FRI, "A principios de este año, Moscú", [("2024", None)]),
    ("es-proximo-ano", "es", date(2024, 3, 8), "prevé enviar el próximo año", [("2025", None)]),
    ("es-semana-pasada", "es", FRI, "la semana pasada", [("2024-09", None)]),
    (
        "en-last-month",
        "en",
        date(2024, 11, 21),
        "Last month, the administration",
        [("2024-10", None)],
    ),
    ("en-last-year", "en", date(2024, 5, 2), "a record last year", [("2023", None)]),
    (
        "en-earlier-this-month",
        "en",
        date(2024, 7, 31),
        "won a vote earlier this month",
        [("2024-07", None)],
    ),
    ("en-late-last-year", "en", FRI, "late last year", [("2023", None)]),
    # "hace …", "… ago", "dentro de …"
    ("es-hace-tres-meses", "es", FRI, "su cumbre hace tres meses", [("2024-06", None)]),
    ("es-hace-dos-anos", "es", FRI, "hace dos años", [("2022", None)]),
    ("es-hace-veinte-anos", "es", FRI, "hace veinte años", [("2004", None)]),
    ("es-hace-10-dias", "es", FRI, "hace 10 días", [("2024-09-03", None)]),
    ("es-hace-una-semana", "es", FRI, "hace una semana", [("2024-09-06", None)]),
    ("es-desde-hace", "es", FRI, "desde hace tres meses", [("2024-06", "start")]),
    ("es-dentro-de", "es", FRI, "dentro de dos semanas", [("2024-09-27", None)]),
    (
        "en-years-ago-this-week",
        "en",
        date(2024, 2, 28),
        "two years ago this week",
        [("2022-02", None)],
    ),
    ("en-three-years-ago", "en", FRI, "three years ago", [("2021", None)]),
    ("en-decade-ago", "en", FRI, "a decade ago", [("2014", None)]),
    ("en-months-ago", "en", FRI, "six months ago", [("2024-03", None)]),
    # full dates
    (
        "es-26-febrero",
        "es",
        date(2024, 3, 8),
        "ratificó la adhesión el 26 de febrero",
        [("2024-02-26", None)],
    ),
    ("es-full-date", "es", FRI, "el 26 de febrero de 2024", [("2024-02-26", None)]),
    (
        "es-pasado-1-octubre",
        "es",
        date(2024, 10, 26),
        "el pasado 1 de octubre",
        [("2024-10-01", None)],
    ),
    ("es-weekday-date", "es", FRI, "el miércoles 11 de septiembre", [("2024-09-11", None)]),
    ("es-ordinal-day", "es", FRI, "el 1.º de mayo", [("2024-05-01", None)]),
    (
        "es-date-ahead",
        "es",
        date(2024, 4, 18),
        "las elecciones del 28 de julio",
        [("2024-07-28", None)],
    ),
    (
        "es-hasta-1-marzo",
        "es",
        date(2024, 12, 10),
        "un Gobierno que dirigirá hasta el 1 de marzo",
        [("2025-03-01", "end")],
    ),
    ("es-numeric", "es", FRI, "el 26/02/2024", [("2024-02-26", None)]),
    ("en-month-day-year", "en", FRI, "on October 7, 2023, killing", [("2023-10-07", None)]),
    ("en-day-month-year", "en", FRI, "24 February 2022", [("2022-02-24", None)]),
    ("en-day-month", "en", date(2024, 3, 8), "26 February", [("2024-02-26", None)]),
    ("en-abbrev", "en", FRI, "Sept. 11, 2001", [("2001-09-11", None)]),
    ("en-ordinal", "en", FRI, "September 9th", [("2024-09-09", None)]),
    ("en-iso", "en", None, "published 2024-02-26 online", [("2024-02-26", None)]),
    # months with years, years, seasons
    ("es-junio-2024", "es", FRI, "en junio de 2024", [("2024-06", None)]),
    ("es-octubre-2023", "es", FRI, "en octubre de 2023, cuando", [("2023-10", None)]),
    ("en-february-2022", "en", FRI, "in February 2022", [("2022-02", None)]),
    ("en-since-october-2023", "en", FRI, "since October 2023", [("2023-10", "start")]),
    ("es-en-2000", "es", FRI, "la primera en 2000 al inicio", [("2000", None)]),
    ("es-desde-2006", "es", FRI, "sometida desde 2006 a sanciones", [("2006", "start")]),
    ("es-otono-2022", "es", FRI, "Desde el otoño de 2022, las fuerzas", [("2022", "start")]),
    ("es-finales-2023", "es", FRI, "a finales de 2023", [("2023", None)]),
    ("es-ano-2020", "es", FRI, "el año 2020", [("2020", None)]),
    ("en-in-2017", "en", FRI, "stockpiles in 2017 under", [("2017", None)]),
    ("en-adjective-year", "en", FRI, "in the 2022 elections", [("2022", None)]),
    ("en-early-2023", "en", FRI, "early 2023", [("2023", None)]),
    # anchors and ranges
    ("es-hasta-mayo", "es", FRI, "ministro de Defensa hasta mayo", [("2024-05", "end")]),
    (
        "es-hasta-julio",
        "es",
        date(2024, 10, 4),
        "durante catorce años, hasta julio,",
        [("2024-07", "end")],
    ),
    (
        "es-desde-ano-pasado",
        "es",
        date(2024, 4, 4),
        "ministro desde el año pasado",
        [("2023", "start")],
    ),
    ("es-a-partir-de", "es", FRI, "a partir de enero", [("2024-01", "start")]),
    ("es-range-de-a", "es", FRI, "de 2016 a 2022", [("2016", "start"), ("2022", "end")]),
    ("es-range-entre", "es", FRI, "entre 2016 y 2022", [("2016", "start"), ("2022", "end")]),
    ("es-desde-hasta", "es", FRI, "desde 1971 hasta 2000", [("1971", "start"), ("2000", "end")]),
    (
        "en-range-from-to",
        "en",
        FRI,
        "led the country from 2016 to 2022.",
        [("2016", "start"), ("2022", "end")],
    ),
    ("en-range-between", "en", FRI, "between 2016 and 2022", [("2016", "start"), ("2022", "end")]),
    ("en-since", "en", FRI, "a post she had held since 2022", [("2022", "start")]),
    ("en-until-june", "en", FRI, "until June", [("2024-06", "end")]),
    ("en-two-years-not-range", "en", FRI, "in 2022 and 2023", [("2022", None), ("2023", None)]),
    # shifts from the date just mentioned
    (
        "es-tres-dias-despues-de-que",
        "es",
        date(2024, 3, 8),
        "ratificó el 26 de febrero, tres días después de que Kristersson viajara",
        [("2024-02-26", None), ("2024-02-23", None)],
    ),
    (
        "es-tres-dias-despues",
        "es",
        date(2024, 3, 8),
        "Firmaron el 26 de febrero. Tres días después, Orbán viajó.",
        [("2024-02-26", None), ("2024-02-29", None)],
    ),
    (
        "en-a-week-after",
        "en",
        date(2024, 5, 2),
        "On Wednesday it imposed sanctions. In 2017 it did not. They came a week after Blinken"
        " visited Beijing.",
        [("2024-05-01", None), ("2017", None), ("2024-04-24", None)],
    ),
    (
        "en-previous-evening",
        "en",
        date(2024, 7, 9),
        "talks on Tuesday. Putin had welcomed his guest the previous evening",
        [("2024-07-09", None), ("2024-07-08", None)],
    ),
    (
        "es-dos-anos-despues-de",
        "es",
        date(2024, 3, 8),
        "Suecia entró el jueves, casi dos años después de haber solicitado su ingreso",
        [("2024-03-07", None), ("2022", None)],
    ),
    ("es-shift-without-anchor", "es", FRI, "tres días después, viajó", []),
    ("es-duration-not-shift", "es", FRI, "gobernó durante casi cuatro décadas antes de ceder", []),
    (
        "es-horas-antes",
        "es",
        FRI,
        "Huyó el domingo, horas antes de que",
        [("2024-09-08", None), ("2024-09-08", None)],
    ),
    # numbers that are no years
    ("es-unos-2000", "es", FRI, "unos 2000 soldados", []),
    ("es-resolucion", "es", FRI, "la resolución 2231 del Consejo", []),
    ("es-thousands", "es", FRI, "más de 2.000 personas y 1.700 millones", []),
    ("en-resolution", "en", FRI, "UN resolution 2334", []),
    ("en-2000-troops", "en", FRI, "about 2000 troops", []),
    ("en-decade-words-no", "en", FRI, "in the 1990s", []),
]


@pytest.mark.parametrize(
    ("lang", "published", "text", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_timex_finds_and_normalises(
    lang: str, published: date | None, text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = find_times(text, published, lang)
    assert [(t.value, t.anchor) for t in found] == expected
    for t in found:
        assert text[t.start : t.end] == t.text


def test_timex_seed_article_values() -> None:
    text = (
        "Sergei Shoigu discutió con Kim Jong Un durante su visita a Pyongyang el viernes. "
        "Kim recibió a Putin para una visita de estado en junio. Shoigu, quien fue ministro "
        "de Defensa de Rusia hasta mayo, es ahora el secretario. Los acuerdos alcanzados "
        "durante su cumbre hace tres meses. La primera en 2000 al inicio de su mandato. "
        "A principios de este año, Moscú asestó un golpe. En febrero, Putin le regaló a Kim "
        "una limusina rusa de lujo."
    )
    found = find_times(text, FRI, "es")
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("el viernes", "2024-09-13", None),
        ("en junio", "2024-06", None),
        ("hasta mayo", "2024-05", "end"),
        ("hace tres meses", "2024-06", None),
        ("en 2000", "2000", None),
        ("A principios de este año", "2024", None),
        ("En febrero", "2024-02", None),
    ]


def test_timex_without_published_keeps_only_absolute_times() -> None:
    text = "El viernes, en junio, hace tres meses, en 2000 y el 26 de febrero de 2024."
    assert [t.value for t in find_times(text, None, "es")] == ["2000", "2024-02-26"]


def test_timex_absolute_anchor_serves_shift_without_published() -> None:
    text = "el 26 de febrero de 2024, tres días después de que viajara"
    assert [t.value for t in find_times(text, None, "es")] == ["2024-02-26", "2024-02-23"]


def test_timex_offsets_point_into_the_text() -> None:
    text = "Intro.\n\nEl martes, Francia y Armenia firmaron; el año pasado, otro acuerdo."
    found = find_times(text, date(2024, 6, 19), "es")
    assert found == [
        TimeMention(8, 17, "2024-06-18", None, "El martes"),
        TimeMention(47, 60, "2023", None, "el año pasado"),
    ]


def test_timex_leap_day_is_resolved_or_skipped() -> None:
    assert [t.value for t in find_times("el 29 de febrero", date(2024, 3, 8), "es")] == [
        "2024-02-29"
    ]
    assert find_times("el 31 de abril", FRI, "es") == []


def test_timex_number_words_reach_twenty_and_beyond() -> None:
    for lang, word in (("es", "veinte"), ("en", "twenty")):
        words, _ = number_words(lang)
        assert words[word] == 20
        assert all(n in words.values() for n in range(1, 21))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_timex_lexicon_loads_and_compiles(lang: str) -> None:
    lex = load_time_lexicon(lang)
    assert lex.lang == lang
    kinds = {kind for kind, _ in lex.patterns}
    assert {"date", "month", "year", "weekday", "relative", "ago", "shift"} <= kinds


def test_timex_refuses_booleans_in_word_lists() -> None:
    with pytest.raises(DataError, match=r"test\.yaml: prepositions\.other: True is not a word"):
        timex.check_words({"prepositions": {"other": [True, "en"]}}, "test.yaml")


def test_timex_refuses_unknown_placeholder() -> None:
    data = dict(load_time_lexicon("es").data)
    data["patterns"] = {"year": ["{P}{NOPE}"]}
    with pytest.raises(DataError, match=r"unknown placeholder \{NOPE\}"):
        timex._compile("es", data, "test.yaml")


def test_timex_refuses_unknown_kind() -> None:
    data = dict(load_time_lexicon("es").data)
    data["patterns"] = {"century": ["{YEAR}"]}
    with pytest.raises(DataError, match=r"test\.yaml: patterns: unknown kind 'century'"):
        timex._compile("es", data, "test.yaml")


def test_timex_missing_language_is_a_data_error() -> None:
    with pytest.raises(DataError, match=r"lang/xx/time\.yaml"):
        find_times("hoy", FRI, "xx")


ADVERSARIAL = {
    "digits": "1" * 100_000,
    "separated-digits": "1.000," * 10_000,
    "punctuation": ".,;:-–—«»()" * 10_000,
    "months-es": "enero de " * 6_000,
    "months-en": "January, " * 6_000,
    "years": "2024 " * 10_000,
    "spaces": "en " + " " * 100_000 + "junio",
    "weekdays": "el lunes el " * 5_000,
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_timex_adversarial_input_is_fast(text: str) -> None:
    began = time.perf_counter()
    for lang in ("es", "en"):
        find_times(text, FRI, lang)
    # Linear matching takes well under a second here; a quadratic or exponential pattern
    # would take minutes.
    assert time.perf_counter() - began < 5.0
