"""The sample article end to end: extraction floors on its gold file, and the claim that North
Korea supplies Russia stays a denied claim in the store, never a fact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.build import build
from kg.rdf.store import Store


@pytest.fixture(scope="module")
def seed_report(shared_dir: Path):  # type: ignore[no-untyped-def]
    from kg.eval import evaluate

    return evaluate([shared_dir / "gold" / "seed-es.yaml"])


def test_seed_extraction_floors(seed_report) -> None:  # type: ignore[no-untyped-def]
    total = seed_report.total
    assert total.f1 >= 0.90
    assert total.modality_accuracy >= 0.85
    assert total.attribution_recall >= 0.8
    assert total.time_accuracy >= 0.8
    assert not any(f.teasers for f in seed_report.files), "an entity came from a teaser line"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    store = tmp_path_factory.mktemp("seed") / "kg-store"
    report = build([seed_path], store, published=date(2024, 9, 13), lang="es")
    assert report.ok and report.results[0].statements > 20
    return store


def test_seed_north_korea_supplies_russia_is_a_denied_claim(seed_store: Path) -> None:
    with Store.open(seed_store, read_only=True) as store:
        claims = [
            s
            for s in store.statements()
            if (s.subject.label, s.relation, s.object.label)
            == ("North Korea", "supplies", "Russia")
        ]
    assert len(claims) == 1
    claim = claims[0]
    assert claim.modality == "alleged" and not claim.is_fact
    assert {e.label for e in claim.denied_by} == {"Russia", "North Korea"}
    assert {"United States", "Bloomberg"} <= {e.label for e in claim.attributed_to}
    assert {i.label for i in claim.items} >= {"munitions", "ballistic missiles", "artillery shells"}
    assert all(e.sentence and e.end > e.start for e in claim.evidence)


def test_seed_plain_triple_query_does_not_return_the_claim(seed_store: Path) -> None:
    query = (
        "PREFIX kg: <https://w3id.org/kg-geo/ontology#> "
        "SELECT ?s WHERE { ?s kg:supplies <https://w3id.org/kg-geo/id/country/Russia> }"
    )
    with Store.open(seed_store, read_only=True) as store:
        rows = store.query(query).rows
        facts = [s for s in store.statements() if s.is_fact and s.relation == "supplies"]
    subjects = {str(r[0]) for r in rows}
    assert "https://w3id.org/kg-geo/id/country/North_Korea" not in subjects
    # facts are written as plain triples: the query does find what the article asserts
    for f in facts:
        if f.object.label == "Russia":
            assert f.subject.id in subjects
