"""kg.extract.curation: explain why statements exist, review what the extractor left out."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.extract import curation
from kg.extract.curation import (
    CODE_RULES,
    EXPLAIN_FORMATS,
    REVIEW_FORMATS,
    Explanation,
    Review,
    explain,
    review,
)
from kg.extract.rules import load_rules
from kg.model import Article
from kg.read import read_article, read_text


def _es(text: str) -> Article:
    return read_text(text, lang="es")


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    return read_article(seed_path, published=date(2024, 9, 13))


@pytest.fixture(scope="module")
def seed_review(seed: Article) -> Review:
    return review(seed)


# -- explain ----------------------------------------------------------------------------------
def test_curation_explain_shows_rule_pattern_mentions_and_evidence() -> None:
    article = _es("Francia apoya a Ucrania.")
    [e] = explain(article)
    assert (e.statement.subject.label, e.statement.relation, e.statement.object.label) == (
        "France",
        "supports",
        "Ukraine",
    )
    [src] = e.sources
    patterns = {r.id: r.pattern for r in load_rules("es").rules}
    assert src.rule == e.statement.rule == "es.supports.verb_a"
    assert src.pattern == patterns["es.supports.verb_a"]
    assert [(m.surface, m.label, m.kind) for m in src.mentions] == [
        ("Francia", "France", "name"),
        ("Ucrania", "Ukraine", "name"),
    ]
    assert all(article.text[m.start : m.end] == m.surface for m in src.mentions)
    ev = src.evidence
    assert article.text[ev.start : ev.end] == ev.sentence == "Francia apoya a Ucrania."


@pytest.mark.parametrize(
    ("text", "modality", "cue", "attributed"),
    [
        ("Francia afirma que Rusia apoya a Ucrania.", "alleged", "afirma", ("France",)),
        ("Rusia podría apoyar a Ucrania.", "speculative", "podría", ()),
        ("Rusia apoya a Ucrania.", "asserted", "", ()),
    ],
    ids=["speech-verb", "hedge", "none"],
)
def test_curation_explain_gives_the_cue_that_set_the_modality(
    text: str, modality: str, cue: str, attributed: tuple[str, ...]
) -> None:
    [e] = explain(_es(text), subject="Rusia")
    [src] = e.sources
    assert (src.modality, src.cue, src.attributed_to) == (modality, cue, attributed)
    assert e.statement.modality == modality


@pytest.mark.parametrize(
    ("filters", "found"),
    [
        ({}, 1),
        ({"subject": "France"}, 1),
        ({"subject": "francia"}, 1),
        ({"subject": "FRANCIA", "object": "ucrania"}, 1),
        ({"relation": "supports"}, 1),
        ({"relation": "attacks"}, 0),
        ({"subject": "Ucrania"}, 0),
        ({"object": "Alemania"}, 0),
        ({"subject": "Franc"}, 0),
    ],
    ids=lambda x: repr(x),
)
def test_curation_explain_filters_by_label_or_alias(filters: dict[str, str], found: int) -> None:
    assert len(explain(_es("Francia apoya a Ucrania."), **filters)) == found


def test_curation_explain_accents_are_ignored() -> None:
    [e] = explain(_es("Moscú critica a Ucrania."), subject="rusia", object="UCRANIA")
    assert e.statement.subject.label == "Russia"
    assert e.sources[0].mentions[0].kind == "capital"


def test_curation_explain_describes_rules_made_in_code() -> None:
    found = explain(_es("El presidente francés Emmanuel Macron apoya a Ucrania."))
    office = next(e for e in found if e.statement.relation == "leader_of")
    assert office.sources[0].rule == "es.office.title"
    assert office.sources[0].pattern == CODE_RULES["office.title"]
    assert office.sources[0].mentions[0].kind == "title"


def test_curation_every_rule_made_in_code_has_a_description() -> None:
    # rules made in code are named "<lang>.office.<name>" (titles.py: self._rule("name"))
    # and "<lang>.war.named_event" (pipeline.py); their descriptions are keyed without <lang>
    root = resources.files("kg.extract")
    code = (root / "titles.py").read_text(encoding="utf-8")
    ids = {f"office.{name}" for name in re.findall(r'_rule\(\s*"([a-z_]+)"', code)}
    ids |= {
        f"office.{name}"
        for name in re.findall(r'_rule\("([a-z_]+)" if', code)
        + re.findall(r'else "([a-z_]+)"\)', code)
    }
    ids.add("war.named_event")
    assert len(ids) >= 6, ids
    assert ids - set(CODE_RULES) == set()


def test_curation_explain_seed_north_korea_supplies_russia(seed: Article) -> None:
    [e] = explain(seed, subject="Corea del Norte", relation="supplies", object="Russia")
    assert e.statement.modality == "alleged"
    assert {s.rule for s in e.sources} == {"es.supplies.verb_items_a"}
    assert all(s.pattern.startswith("{SUBJ}") and "{SUPPLY_V}" in s.pattern for s in e.sources)
    assert all(s.cue for s in e.sources)
    assert "afirma" in {s.cue for s in e.sources}
    evidence = [s.evidence for s in e.sources]
    assert len({ev.start for ev in evidence}) == 2
    assert evidence == sorted(evidence, key=lambda ev: ev.start)
    assert all(seed.text[ev.start : ev.end] == ev.sentence for ev in evidence)
    assert list(e.statement.evidence) == evidence
    for s in e.sources:
        assert ("Corea del Norte", "North Korea") in {(m.surface, m.label) for m in s.mentions}


def test_curation_explain_traces_every_seed_statement(seed: Article) -> None:
    found = explain(seed)
    assert found and all(e.sources for e in found)
    for e in found:
        assert {s.evidence for s in e.sources} == set(e.statement.evidence)


def test_curation_explain_renders_text_and_json() -> None:
    found = explain(_es("Francia afirma que Rusia apoya a Ucrania."))
    text = EXPLAIN_FORMATS["text"](found)
    assert "Russia supports Ukraine" in text
    assert "es.supports.verb_a" in text and "cue: afirma" in text
    assert "Francia -> France (name)" in text
    [row] = json.loads(EXPLAIN_FORMATS["json"](found))
    assert row["statement"]["rule"] == "es.supports.verb_a"
    assert row["sources"][0]["cue"] == "afirma"
    assert row["sources"][0]["evidence"]["start"] == 0


def test_curation_explain_refuses_a_language_without_rules() -> None:
    article = Article(id="x", text="Bonjour.", lang="fr")
    with pytest.raises(DataError, match="no rules for language 'fr'"):
        explain(article)


# -- review -----------------------------------------------------------------------------------
def test_curation_review_lists_sentences_with_actors_and_no_statement() -> None:
    r = review(
        _es(
            "Francia apoya a Ucrania. Francia y Alemania celebraron el aniversario. "
            "El ministro habló en Estocolmo con Francia."
        )
    )
    assert [(s.sentence.text, s.actors) for s in r.silent] == [
        ("Francia y Alemania celebraron el aniversario.", ("France", "Germany"))
    ]


def test_curation_review_counts_unresolved_names_not_at_sentence_start() -> None:
    text = (
        "Francia habló el Lunes con Olaf Müller. Olaf Müller llegó a Madrid. "
        "Ucrania recibió a Olaf Müller el Lunes en la Plaza de la Revolución, en Enero."
    )
    r = review(_es(text))
    assert [(u.text, u.count) for u in r.unresolved] == [
        ("Olaf Müller", 2),
        ("Plaza de la Revolución", 1),
    ]
    assert r.unresolved[0].starts == (text.index("Olaf"), text.rindex("Olaf"))


def test_curation_review_ignore_list_is_data() -> None:
    words, links = curation._review_data("es")
    assert {"enero", "lunes", "miercoles", "navidad"} <= words
    assert ("de", "la") in links and links.index(("de", "la")) < links.index(("de",))


def test_curation_review_rejects_a_malformed_ignore_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(curation, "load_lang_data", lambda lang, name: {"ignore": {"m": "enero"}})
    with pytest.raises(DataError, match=r"lang/es/review.yaml: m: expected a list"):
        curation._review_data("es")


def test_curation_review_lists_statements_about_new_entities() -> None:
    r = review(_es("Francia apoya a Ucrania. El analista Tomás Ibarra criticó a Rusia."))
    [n] = r.new_entities
    assert (n.entity.label, n.entity.type, n.side) == ("Tomás Ibarra", "Person", "subject")
    assert n.statement.relation == "criticizes"
    assert n.start == len("Francia apoya a Ucrania. ")


def test_curation_review_seed_is_sorted_and_deterministic(
    seed: Article, seed_review: Review
) -> None:
    r = seed_review
    assert len(r.silent) >= 1
    assert all(len(s.actors) >= 2 for s in r.silent)
    starts = [s.sentence.start for s in r.silent]
    assert starts == sorted(starts)
    firsts = [u.starts[0] for u in r.unresolved]
    assert firsts == sorted(firsts)
    assert REVIEW_FORMATS["json"](review(seed)) == REVIEW_FORMATS["json"](r)


def test_curation_review_renders_text_and_json(seed_review: Review) -> None:
    text = REVIEW_FORMATS["text"](seed_review)
    assert text.startswith(f"seed-es: {len(seed_review.silent)} sentences")
    data = json.loads(REVIEW_FORMATS["json"](seed_review))
    assert list(data) == ["article", "silent", "unresolved", "new_entities"]
    assert data["silent"][0]["sentence"]["text"] == seed_review.silent[0].sentence.text


def test_curation_explanation_is_frozen() -> None:
    [e] = explain(_es("Francia apoya a Ucrania."))
    assert isinstance(e, Explanation)
    with pytest.raises(AttributeError):
        e.sources = ()  # type: ignore[misc]


def test_curation_every_rule_made_in_code_is_described(shared_dir: Path) -> None:
    from kg.extract.curation import CODE_RULES
    from kg.extract.pipeline import extract_raw
    from kg.extract.rules import load_rules
    from kg.read import read_article

    made = set()
    for path in sorted((shared_dir / "corpus" / "dev").glob("*.txt")):
        raws, _, _ = extract_raw(read_article(path))
        made |= {r.rule for r in raws}
    data = {r.id for lang in ("es", "en") for r in load_rules(lang).rules}
    undescribed = {r for r in made - data if r.split(".", 1)[1] not in CODE_RULES}
    assert undescribed == set()
