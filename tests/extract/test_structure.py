"""Pairs, bare titles, offices, ceremonies and implied bodies (helper 3, issue 3)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.read import read_text

Triple = tuple[str, str, str]


def _triples(text: str, published: date = date(2025, 11, 1)) -> set[Triple]:
    article = read_text(text, article_id="t", published=published, lang="es")
    return {(s.subject.label, s.relation, s.object.label) for s in extract(article)}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "El presidente francés, Emmanuel Macron, fue recibido por el canciller alemán, "
            "Olaf Scholz. Tras la reunión, ambos líderes firmaron una declaración conjunta.",
            {("Emmanuel Macron", "agrees_with", "Olaf Scholz")},
            set(),
            id="pair-of-leaders-named-just-before",
        ),
        pytest.param(
            "Irán negó haber enviado misiles a Rusia. Los dos países firmaron en enero un "
            "tratado de cooperación.",
            {("Iran", "agrees_with", "Russia")},
            set(),
            id="pair-of-countries-previous-sentence",
        ),
        pytest.param(
            "Francia, Alemania e Italia pidieron calma. Ambos países firmaron un acuerdo.",
            set(),
            {("France", "agrees_with", "Germany"), ("Germany", "agrees_with", "Italy")},
            id="three-candidates-no-pair",
        ),
        pytest.param(
            "Emmanuel Macron habló con Olaf Scholz sobre Ucrania. Ambos países firmaron un "
            "acuerdo.",
            set(),
            {("France", "agrees_with", "Germany"), ("Emmanuel Macron", "agrees_with", "Ukraine")},
            id="people-are-not-countries",
        ),
    ],
)
def test_pairs_resolve_only_two_candidates(
    text: str, present: set[Triple], absent: set[Triple]
) -> None:
    got = _triples(text)
    assert present <= got
    assert not absent & got


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "El ex primer ministro camboyano Hun Sen fue elegido presidente del Senado el lunes. "
            "El veterano dirigente, de 71 años, cedió en agosto la jefatura del Gobierno a su "
            "hijo mayor, Hun Manet. El primer ministro viajó a Pekín y fue recibido por el "
            "presidente Xi Jinping.",
            {
                ("Hun Sen", "parent_of", "Hun Manet"),
                ("Hun Manet", "leader_of", "Cambodia"),
                ("Hun Manet", "visits", "Beijing"),
                ("Xi Jinping", "hosts", "Hun Manet"),
            },
            {("Hun Sen", "visits", "Beijing"), ("Hun Sen", "leader_of", "United States Senate")},
            id="epithet-handover-and-bare-title",
        ),
        pytest.param(
            "Rusia recibió a Kim Jong Un en Moscú. El veterano dirigente, de 71 años, viajó "
            "después a Vladivostok.",
            set(),
            {("Kim Jong Un", "visits", "Vladivostok")},
            id="epithet-after-a-sentence-opened-by-no-person",
        ),
        pytest.param(
            "El ex primer ministro camboyano Hun Sen fue elegido el lunes presidente del "
            "Senado. El presidente viajó después a Pekín.",
            {("Hun Sen", "holds_position", "Senate of Cambodia")},
            {("Hun Sen", "visits", "Beijing")},
            id="chair-of-a-body-is-not-the-president",
        ),
        pytest.param(
            "El primer ministro indio, Narendra Modi, llegó el lunes a Moscú. El mandatario, "
            "de 73 años, se reunió con Vladímir Putin en el Kremlin.",
            {("Narendra Modi", "meets", "Vladimir Putin")},
            set(),
            id="epithet-before-a-reflexive-verb",
        ),
        pytest.param(
            "El primer ministro viajó a Pekín el lunes.",
            set(),
            {("Li Qiang", "visits", "Beijing")},
            id="bare-title-with-no-holder-named",
        ),
    ],
)
def test_bare_titles_refer_back(text: str, present: set[Triple], absent: set[Triple]) -> None:
    got = _triples(text, date(2024, 4, 4))
    assert present <= got
    assert not absent & got


def test_bare_senate_is_the_context_countrys() -> None:
    got = _triples(
        "El primer ministro camboyano Hun Manet felicitó a su padre. Hun Sen fue elegido el "
        "miércoles presidente del Senado.",
        date(2024, 4, 4),
    )
    assert ("Hun Sen", "holds_position", "Senate of Cambodia") in got
    assert not any(o == "United States Senate" for _, _, o in got)


def test_senate_stays_american_in_an_american_context() -> None:
    got = _triples(
        "El presidente estadounidense, Joe Biden, habló en Washington. Kamala Harris fue "
        "elegida el martes presidenta del Senado.",
        date(2024, 4, 4),
    )
    assert ("Kamala Harris", "holds_position", "United States Senate") in got


def test_minister_of_a_portfolio_serves_the_context_country() -> None:
    got = _triples(
        "El Gobierno camboyano aprobó la reforma. Hun Many, hijo de Hun Sen, es ministro de la "
        "Función Pública desde 2023.",
        date(2024, 4, 4),
    )
    assert ("Hun Many", "holds_position", "Cambodia") in got


def test_minister_with_two_countries_in_context_is_left_alone() -> None:
    got = _triples(
        "Francia y Alemania firmaron un acuerdo. Pierre Dubois es ministro de la Función "
        "Pública desde 2023.",
    )
    assert not any(s == "Pierre Dubois" and r == "holds_position" for s, r, _ in got)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "Suecia ingresó en la OTAN. Finlandia, que comparte frontera con Rusia, se adhirió "
            "en abril.",
            {("Finland", "member_of", "NATO")},
            set(),
            id="joined-the-one-body-named",
        ),
        pytest.param(
            "La OTAN y la Unión Europea se reunieron. Finlandia se adhirió en abril.",
            set(),
            {("Finland", "member_of", "NATO"), ("Finland", "member_of", "European Union")},
            id="two-bodies-no-object",
        ),
        pytest.param(
            "El primer ministro polaco, Donald Tusk, viajó a Roma y cerró con Giorgia Meloni "
            "un acuerdo migratorio.",
            {("Donald Tusk", "agrees_with", "Giorgia Meloni")},
            set(),
            id="deal-closed-with",
        ),
        pytest.param(
            "El Parlamento húngaro aprobó la ley después de que Donald Tusk viajara a Budapest "
            "y cerrara con Viktor Orbán un acuerdo energético.",
            {("Donald Tusk", "agrees_with", "Viktor Orbán")},
            {("National Assembly of Hungary", "agrees_with", "Viktor Orbán")},
            id="subjunctive-coordination-keeps-the-subordinate-subject",
        ),
        pytest.param(
            "El canciller alemán, Olaf Scholz, firmó el acuerdo con Emmanuel Macron, en una "
            "ceremonia celebrada en París.",
            {("Olaf Scholz", "visits", "Paris")},
            {("Emmanuel Macron", "visits", "Paris")},
            id="ceremony-abroad-not-at-home",
        ),
        pytest.param(
            "Georgia abandonó la Comunidad de Estados Independientes, la alianza liderada por "
            "Moscú, a la que reprocha su pasividad.",
            {("Georgia", "criticizes", "Commonwealth of Independent States")},
            {("Georgia", "criticizes", "Russia")},
            id="relative-after-apposition",
        ),
    ],
)
def test_bodies_deals_and_ceremonies(text: str, present: set[Triple], absent: set[Triple]) -> None:
    got = _triples(text)
    assert present <= got
    assert not absent & got


def test_presupposed_cooperation_inside_a_condition_is_asserted() -> None:
    article = read_text(
        "El presidente surcoreano, Yoon Suk Yeol, advirtió de que, si la cooperación militar "
        "entre Rusia y Corea del Norte sigue avanzando, su Gobierno podría enviar armas.",
        article_id="t",
        published=date(2024, 11, 1),
        lang="es",
    )
    coop = [s for s in extract(article) if s.relation == "cooperates_with"]
    assert [(s.subject.label, s.object.label) for s in coop] == [("Russia", "North Korea")]
    assert coop[0].modality == "asserted"
