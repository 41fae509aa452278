"""Property tests on the whole extractor: for any text it finishes, its evidence offsets slice
the input to the evidence sentence, and its JSONL and Turtle parse."""

from __future__ import annotations

import json
from datetime import date

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.rdf.build import article_graph
from kg.read import read_text

# Words that make rules fire, so generated texts exercise matching, not just the tokenizer.
VOCAB = [
    "Rusia", "Corea del Norte", "Moscú", "Pyongyang", "Kim", "Putin", "el presidente ruso",
    "envió", "municiones", "a", "negó", "según", "Reuters", "podría", "no", "y", ",", ".",
    "«", "»", "vetó", "una resolución del Consejo de Seguridad de la ONU", "el viernes",
    "<script>", "\"", "'", "\n", "EE. UU.", "…", "sanciones", "contra", "1.000", "hace tres meses",
    "x" * 40, "¿", "?", "\u2028", "Ωμέγα", "Москва", "\t",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(VOCAB), max_size=60).map(" ".join),
)


def _check(text: str) -> None:
    article = read_text(text, article_id="prop", published=date(2024, 9, 13), lang="es")
    statements = extract(article)
    for s in statements:
        for ev in s.evidence:
            assert text[ev.start : ev.end] == ev.sentence
        line = json.dumps(s.to_dict(), ensure_ascii=False)
        assert json.loads(line)["relation"] == s.relation
    turtle = article_graph(article, statements).serialize(format="turtle")
    list(ox.parse(turtle.encode("utf-8"), ox.RdfFormat.TURTLE))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_properties_any_text(text: str) -> None:
    _check(text)


def test_extract_properties_known_statement() -> None:
    text = "Según Reuters, Corea del Norte envió municiones a Rusia el viernes."
    _check(text)
    statements = extract(read_text(text, published=date(2024, 9, 13), lang="es"))
    assert [(s.subject.label, s.relation, s.object.label, s.modality) for s in statements] == [
        ("North Korea", "supplies", "Russia", "reported")
    ]
