"""How clauses are read around actors: lists between two verbs, plurals that are no verbs,
a coordinated clause that is no apposition."""

from __future__ import annotations

from datetime import date

from kg.extract.context import is_verb
from kg.extract.grammar import load_grammar
from kg.extract.pipeline import extract_raw
from kg.extract.tokens import tokenize
from kg.read import read_text


def _triples(text: str) -> set[tuple[str, str, str]]:
    article = read_text(text, article_id="t", published=date(2024, 11, 20), lang="es")
    raws, _, _ = extract_raw(article)
    return {(r.subject, r.relation, r.object) for r in raws}


def test_views_plural_noun_is_no_verb() -> None:
    g = load_grammar("es")
    words = {t.low: t for t in tokenize("radares militares atacaron", 0, "es")}
    assert not is_verb(words["radares"], g)
    assert not is_verb(words["militares"], g)
    assert is_verb(words["atacaron"], g)


def test_pipeline_list_between_two_verbs_is_split() -> None:
    got = _triples("Israel bombardeó Beirut y Estados Unidos atacó posiciones en Yemen.")
    assert ("United States", "attacks", "Yemen") in got
    assert ("Israel", "attacks", "United States") not in got
    assert not any(s == "Lebanon" for s, _, _ in got)


def test_views_coordinated_clause_is_no_apposition() -> None:
    got = _triples(
        "Rusia tiene sus fuerzas en Ucrania, y Hezbolá, la milicia libanesa aliada de Irán, "
        "ha quedado debilitada tras un año de guerra con Israel."
    )
    assert ("Hezbollah", "at_war_with", "Israel") in got
    assert ("Hezbollah", "allied_with", "Iran") in got
