"""Store: ingest is idempotent and replaces edited articles; statements come back from RDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdf_samples import normal
from rdf_store_worker import make_article

from kg.errors import StoreError
from kg.model import Article, Statement
from kg.rdf.store import Store

Sample = tuple[Article, list[Statement]]


def test_store_ingest_same_article_twice_changes_nothing(tmp_path: Path, sample: Sample) -> None:
    with Store.open(tmp_path / "s") as store:
        assert store.ingest(*sample) is True
        before = store.export("nquads")
        assert store.ingest(*sample) is False
        assert store.export("nquads") == before


def test_store_statements_round_trip(tmp_path: Path, sample: Sample) -> None:
    article, statements = sample
    with Store.open(tmp_path / "s") as store:
        store.ingest(article, statements)
        back = store.statements()
        assert store.statements(article.id) == back
        assert store.statements("no-such-article") == []
    assert sorted(map(str, map(normal, back))) == sorted(map(str, map(normal, statements)))
    by_rule = {s.rule: s for s in back}
    weird = by_rule["es.visits.x"]
    assert weird.subject.label == 'Grupo "Wagner" <X>\nlínea'
    assert weird.subject.aliases == ('«Grupo "Wagner" <X>»',)
    assert weird.items[0].quantity == 2.5
    claim = by_rule["es.supplies.verb_a"]
    assert claim.items[0].quantity == 5000000 and claim.items[0].approximate
    assert claim.evidence[0].article == article.id
    assert (
        claim.evidence[0].sentence == article.text[claim.evidence[0].start : claim.evidence[0].end]
    )


def test_store_edited_article_replaces_only_its_graph(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        for i in range(3):
            store.ingest(*make_article(i, 0))
        assert store.ingest(*make_article(1, 1)) is True
        assert store.articles() == ["art-0", "art-1", "art-2"]
        assert {s.rule for s in store.statements("art-1")} == {"r1", "m"}
        assert {s.rule for s in store.statements("art-0")} == {"r0", "m"}
        fewer = make_article(2, 0)
        assert store.ingest(fewer[0], fewer[1][:1]) is True
        assert len(store.statements("art-2")) == 1


def test_store_persists_and_reopens_read_only(tmp_path: Path, sample: Sample) -> None:
    with Store.open(tmp_path / "s") as store:
        store.ingest(*sample)
    with Store.open(tmp_path / "s", read_only=True) as store:
        assert store.articles() == ["sample-es"]
        with pytest.raises(StoreError, match="read-only"):
            store.ingest(*sample)


def test_store_second_writer_in_same_process_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s"):
        with pytest.raises(StoreError, match="in use by another kg process"):
            Store.open(tmp_path / "s")
    with Store.open(tmp_path / "s"):
        pass


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: (p.mkdir(), (p / "notes.txt").write_text("x")), "not a kg store"),
        (lambda p: p.write_text("x"), "not a directory"),
        (lambda p: (p.mkdir(), (p / "kg-store.json").write_text("{")), "damaged store"),
    ],
    ids=["foreign-dir", "file", "bad-marker"],
)
def test_store_refuses_non_store_paths(tmp_path: Path, setup: object, message: str) -> None:
    path = tmp_path / "s"
    setup(path)  # type: ignore[operator]
    with pytest.raises(StoreError, match=message) as info:
        Store.open(path)
    assert str(path) in str(info.value)


def test_store_damaged_database_is_a_store_error(tmp_path: Path, sample: Sample) -> None:
    with Store.open(tmp_path / "s") as store:
        store.ingest(*sample)
    data = tmp_path / "s" / "oxigraph"
    for f in data.iterdir():
        if f.name == "CURRENT" or f.name.startswith("MANIFEST"):
            f.write_bytes(b"garbage\n")
    with pytest.raises(StoreError, match="damaged store") as info:
        Store.open(tmp_path / "s")
    assert str(tmp_path / "s") in str(info.value)


def test_store_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no kg store here"):
        Store.open(tmp_path / "missing", read_only=True)


def test_store_thousand_articles(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        changed = [store.ingest(*make_article(i, 0)) for i in range(1000)]
        assert all(changed)
        assert len(store.articles()) == 1000


def test_store_rdflib_view(tmp_path: Path, sample: Sample) -> None:
    import pyoxigraph as ox
    from rdflib import URIRef

    article, _ = sample
    with Store.open(tmp_path / "s") as store:
        store.ingest(*sample)
        graph = store.rdflib_graph(article.iri)
        assert len(store.rdflib_dataset()) > len(graph)  # the union: ontology and article
        assert (URIRef(article.iri), None, None) in graph
        stored = list(store.db.quads_for_pattern(None, None, None, ox.NamedNode(article.iri)))
        assert len(graph) == len(stored) > 0


def test_store_closed_store_says_so(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.articles()


def test_store_edit_keeps_unrelated_statement(tmp_path: Path, sample: Sample) -> None:
    article, statements = sample
    with Store.open(tmp_path / "s") as store:
        store.ingest(article, statements)
        edited = replace(article, text=article.text + " Nada más.")
        assert store.ingest(edited, statements[:2]) is True
        assert len(store.statements(article.id)) == 2
