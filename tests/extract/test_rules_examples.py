"""Every example sentence of every rule: the rule fires as the example says, or not at all."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import languages
from kg.extract.pipeline import extract_raw
from kg.extract.rules import Example, Rule, load_rules
from kg.read import read_text

LANGS = languages()
CASES = [
    pytest.param(lang, rule, ex, id=f"{rule.id}[{n}]")
    for lang in LANGS
    for rule in load_rules(lang).rules
    for n, ex in enumerate(rule.examples)
]


@pytest.mark.parametrize("lang", LANGS)
def test_rules_every_rule_has_an_example(lang: str) -> None:
    missing = [r.id for r in load_rules(lang).rules if not r.examples]
    assert missing == []


@pytest.mark.parametrize(("lang", "rule", "example"), CASES)
def test_rules_example(lang: str, rule: Rule, example: Example) -> None:
    article = read_text(example.text, article_id="example", published=date(2024, 9, 13), lang=lang)
    raws, _, _ = extract_raw(article)
    fired = [r for r in raws if r.rule == rule.id]
    if example.expect is None:
        assert fired == [], f"{rule.id} fired on a negative example"
        return
    want = example.expect
    matching = [
        r
        for r in fired
        if r.subject == want["subject"]
        and r.relation == want["relation"]
        and r.object == want["object"]
    ]
    got = [(r.subject, r.relation, r.object) for r in fired]
    assert matching, f"{rule.id}: expected {want}, rule gave {got}"
    for item in want.get("items", []):
        labels = [i.label for r in matching for i in r.items]
        assert any(item in label for label in labels), f"{rule.id}: item {item!r} not in {labels}"
