"""Rules files are validated on load: errors name the file, the rule and what was expected."""

from __future__ import annotations

from typing import Any

import pytest

from kg.errors import DataError
from kg.extract.rules import load_rules, parse_rules


def _rules(**rule: Any) -> dict[str, Any]:
    base = {"id": "t.rule", "relation": "supplies", "pattern": "{SUBJ} enviar a {OBJ}"}
    base.update(rule)
    return {"classes": {"V": ["enviar"]}, "rules": [base]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            _rules(relation="supply"), "unknown relation 'supply' (known: meets", id="relation"
        ),
        pytest.param(_rules(modality="certain"), "unknown modality 'certain'", id="modality"),
        pytest.param(
            _rules(pattern="{SUBJ} {NOPE} a {OBJ}"), "unknown word class {NOPE}", id="class"
        ),
        pytest.param(_rules(pattern="{SUBJ} a {SUBJ}"), "slot {SUBJ} used twice", id="slot-twice"),
        pytest.param(_rules(pattern="enviar a {OBJ}"), "no {SUBJ}", id="no-subject"),
        pytest.param(
            _rules(pattern="{SUBJ} a (b) {OBJ}"), "cannot read pattern element", id="element"
        ),
        pytest.param(_rules(subject_types=["Nation"]), "unknown type 'Nation'", id="type"),
        pytest.param(
            {"rules": [{"id": "a", "relation": "meets", "pattern": "{PAIR} x"}] * 2},
            "duplicate rule id",
            id="duplicate",
        ),
        pytest.param({"classes": {}}, "needs a top-level 'rules' list", id="no-rules"),
        pytest.param(
            _rules(pattern="{SUBJ} enviar", implied_object="UN", object="topic"),
            "implied_object must be one label, without object:",
            id="implied-and-object",
        ),
        pytest.param(
            _rules(pattern="{SUBJ} enviar"), "no object: and no implied_object:", id="no-object"
        ),
    ],
)
def test_rules_load_refuses_invalid_rules(data: dict[str, Any], message: str) -> None:
    with pytest.raises(DataError) as err:
        parse_rules(data, "relations.yaml", "es")
    text = str(err.value)
    assert text.startswith("relations.yaml")
    assert message in text
    assert "\n" not in text


def test_rules_load_every_relation_has_a_spanish_rule() -> None:
    from kg.model import RELATIONS

    covered = {r.relation for r in load_rules("es").rules}
    # leader_of, holds_position and affiliated_with also come from titles (mentions.py)
    assert set(RELATIONS) - covered <= {"holds_position", "affiliated_with"}


def test_rules_load_unknown_language() -> None:
    with pytest.raises(DataError, match="no relation rules for language 'xx'"):
        load_rules("xx")


def test_rules_load_refuses_a_phrase_in_a_word_class() -> None:
    data = {"classes": {"V": ["enviar", "hacer llegar"]}, "rules": []}
    with pytest.raises(
        DataError, match="relations.yaml: classes: V: 'hacer llegar' is not one word"
    ):
        parse_rules(data, "relations.yaml", "es")


def test_rules_load_implied_objects_are_gazetteer_labels() -> None:
    from kg.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    implied = [r for lang in ("es", "en") for r in load_rules(lang).rules if r.implied_object]
    assert implied, "no rule leaves its object implied"
    for rule in implied:
        assert rule.implied_object in gaz.records, rule.id


def test_rules_load_trade_goods_and_sale_words_are_folded() -> None:
    rules = load_rules("es")
    assert {"petroleo", "crudo", "oil"} <= rules.trade_goods
    assert {"vender", "exportaciones"} <= rules.sale_words
