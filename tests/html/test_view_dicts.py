"""kg.html.view: the node/edge dicts and legend the page is drawn from (no markup involved)."""

from __future__ import annotations

from typing import Any

import pytest
from sample_graph import CN, KIM, KP, NATO, PUTIN, RU, UA, US, sample_statements

from kg.graph import to_networkx
from kg.html.view import DENIED_COLOUR, FACT_COLOUR, NEGATED_COLOUR, TYPE_STYLE, to_view
from kg.model import ENTITY_TYPES, Entity, Item, Statement


@pytest.fixture(scope="module")
def view() -> Any:
    return to_view(to_networkx(sample_statements()))


def edge(view: Any, subject: Entity, relation: str, obj: Entity) -> dict[str, Any]:
    found = [
        e
        for e in view.edges
        if e["from"] == subject.id and e["to"] == obj.id and e["relation"] == relation
    ]
    assert len(found) == 1, found
    one: dict[str, Any] = found[0]
    return one


def node(view: Any, entity: Entity) -> dict[str, Any]:
    found: dict[str, Any] = next(n for n in view.nodes if n["id"] == entity.id)
    return found


def test_view_node_type_is_colour_and_shape(view: Any) -> None:
    for entity in (KP, NATO, KIM):
        n = node(view, entity)
        assert (n["color"]["background"], n["shape"]) == TYPE_STYLE[entity.type]
        assert n["label"] == entity.label and n["type"] == entity.type
    shapes = [shape for _, shape in TYPE_STYLE.values()]
    assert len(set(shapes)) == len(shapes)  # every type tells itself apart by shape alone


def test_view_node_size_grows_with_statements(view: Any) -> None:
    russia, ukraine = node(view, RU), node(view, UA)
    assert russia["statements"] > ukraine["statements"]
    assert russia["size"] > ukraine["size"]
    assert "Russia" in russia["title"] and f"{russia['statements']} statements" in russia["title"]


def test_view_nodes_have_positions_apart(view: Any) -> None:
    points = {(n["x"], n["y"]) for n in view.nodes}
    assert len(points) == len(view.nodes)


@pytest.mark.parametrize(
    ("subject", "relation", "obj", "label", "style", "colour"),
    [
        (US, "supplies", UA, "supplies", "solid", FACT_COLOUR),
        (US, "sanctions", KP, "sanctions", "solid", FACT_COLOUR),  # reported: a fact
        (KP, "supplies", RU, "✗ supplies?", "dashed", DENIED_COLOUR),  # alleged and denied
        (CN, "supplies", RU, "supplies?", "dotted", FACT_COLOUR),  # speculative
        (UA, "seeks", NATO, "seeks?", "dotted", FACT_COLOUR),  # hypothetical
        (CN, "supports", RU, "¬ supports", "solid", NEGATED_COLOUR),  # negated
    ],
    ids=["asserted", "reported", "denied", "speculative", "hypothetical", "negated"],
)
def test_view_edge_style_shows_modality(
    view: Any, subject: Entity, relation: str, obj: Entity, label: str, style: str, colour: str
) -> None:
    e = edge(view, subject, relation, obj)
    assert (e["label"], e["style"], e["color"]["color"]) == (label, style, colour)
    assert bool(e["dashes"]) == (style != "solid")
    assert e["fact"] == (style == "solid" and colour == FACT_COLOUR)


def test_view_edge_carries_everything_the_panel_shows(view: Any) -> None:
    e = edge(view, KP, "supplies", RU)
    assert e["modality"] == "alleged" and e["denied"] is True
    assert e["sources"] == ["United States"]
    assert e["denied_by"] == ["Russia", "North Korea"]
    assert e["items"] == ["artillery shells (~5,000,000)", "ballistic missiles"]
    assert e["times"] == ["2024-09"] and e["span"] == ["2024-09-01", "2024-09-30"]
    assert e["evidence"] == [
        {
            "article": "es-01",
            "sentence": "Según EE. UU., Corea del Norte envió millones de proyectiles a Rusia.",
        }
    ]
    assert e["article"] == "es-01" and e["rule"] == "es.supplies.verb_a"
    for text in (
        "North Korea → Russia",
        "alleged",
        "claimed by: United States",
        "denied by: Russia",
    ):
        assert text in e["title"]


def test_view_symmetric_relations_have_no_arrow(view: Any) -> None:
    assert edge(view, KIM, "meets", PUTIN)["arrows"] == ""
    assert edge(view, RU, "attacks", UA)["arrows"] == "to"


def test_view_parallel_statements_are_bent_apart(view: Any) -> None:
    between = [e for e in view.edges if {e["from"], e["to"]} == {CN.id, RU.id}]
    assert len(between) == 3
    bends = sorted(
        (
            0.0 if not e["smooth"] else e["smooth"]["roundness"],
            str(e["smooth"] and e["smooth"]["type"]),
        )
        for e in between
    )
    assert len(set(bends)) == 3  # no two drawn on the same curve
    assert edge(view, US, "supplies", UA)["smooth"] is False  # alone: a straight line


def test_view_legend_explains_every_type_and_line(view: Any) -> None:
    assert [row["type"] for row in view.legend["types"]] == list(ENTITY_TYPES)
    assert {row["style"] for row in view.legend["edges"]} == {"solid", "dashed", "dotted"}
    colours = {row["color"] for row in view.legend["edges"]}
    assert {FACT_COLOUR, DENIED_COLOUR, NEGATED_COLOUR} <= colours
    marks = " ".join(row["label"] for row in view.legend["edges"])
    assert "?" in marks and "✗" in marks and "¬" in marks


def test_view_meta_lists_relations_types_and_time_bounds(view: Any) -> None:
    meta = view.meta
    assert meta["reduced"] is False and meta["message"] == ""
    assert meta["statements"] == meta["total_statements"] == len(sample_statements())
    assert ["supplies", 3] in meta["relations"]
    assert meta["types"] == ["Bloc", "City", "Country", "Event", "Organization", "Person"]
    assert (meta["time_min"], meta["time_max"]) == ("2023-01-01", "2024-10-31")


def test_view_reduces_big_graphs_to_best_connected_and_says_so() -> None:
    hub = Entity("Hub", "Country")
    spokes = [Entity(f"Spoke {i:02}", "Country") for i in range(30)]
    sts = [Statement(hub, "meets", s) for s in spokes]
    sts += [Statement(spokes[0], "attacks", spokes[1]), Statement(spokes[0], "visits", spokes[2])]
    v = to_view(to_networkx(sts), max_statements=10)
    assert 0 < len(v.edges) <= 10
    assert v.meta["reduced"] is True and v.meta["total_statements"] == 32
    assert v.meta["message"].startswith(f"Graph reduced: showing {len(v.edges)} of 32 statements")
    labels = {n["label"] for n in v.nodes}
    assert {"Hub", "Spoke 00"} <= labels  # the most connected stay


def test_view_of_nothing_says_so() -> None:
    v = to_view(to_networkx([]))
    assert v.nodes == [] and v.edges == []
    assert v.meta["message"].startswith("No statements to show")


def test_view_item_quantities_are_readable() -> None:
    st = Statement(
        RU, "seeks", KP, items=(Item("troops", 10000), Item("fuel", 2.5, True), Item("aid"))
    )
    (e,) = to_view(to_networkx([st])).edges
    assert e["items"] == ["troops (10,000)", "fuel (~2.5)", "aid"]
