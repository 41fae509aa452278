"""The page in headless Chromium, offline: it draws, filters, searches and opens the panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sample_graph import KP, PUTIN, PY, RU, sample_statements

from kg.html.render import render_html

pytestmark = pytest.mark.browser

Opener = Callable[..., tuple[Any, Any]]

VISIBLE_EDGES = "window.kg.edges.get({filter: (e) => !e.hidden})"


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(sample_statements(), tmp_path_factory.mktemp("html") / "graph.html")


def test_render_browser_draws_offline(open_page: Opener, page_file: Path) -> None:
    page, record = open_page(page_file)
    assert record.blocked == []
    assert all(url.startswith(("file:", "data:")) for url in record.requests), record.requests
    assert record.errors == []  # nothing refused by the Content-Security-Policy either
    counts = page.evaluate(
        "[window.kg.network.body.nodeIndices.length, window.kg.network.body.edgeIndices.length]"
    )
    assert counts == [12, len(sample_statements())]
    # the canvas holds a drawing, not a blank page
    inked = page.evaluate(
        """() => {
          const c = document.querySelector('#kg-network canvas');
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 200) n++;
          return n;
        }"""
    )
    assert inked > 2000
    assert page.locator("#kg-legend").is_visible()
    assert page.locator("#kg-message").is_hidden()
    assert page.locator("#kg-counts").inner_text() == "12 entities · 19 statements shown"


def test_render_browser_facts_only_hides_claims(open_page: Opener, page_file: Path) -> None:
    page, _ = open_page(page_file)
    facts = sum(st.is_fact for st in sample_statements())
    assert page.evaluate(f"{VISIBLE_EDGES}.length") == len(sample_statements())
    page.get_by_label("facts only").check()
    shown = page.evaluate(f"{VISIBLE_EDGES}.map((e) => [e.fact, e.label])")
    assert len(shown) == facts
    assert all(fact and "?" not in label for fact, label in shown)
    page.get_by_label("include claims").check()
    assert page.evaluate(f"{VISIBLE_EDGES}.length") == len(sample_statements())


def test_render_browser_relation_type_and_time_filters(open_page: Opener, page_file: Path) -> None:
    page, _ = open_page(page_file)
    page.click(".kg-none[data-target=kg-relations]")
    page.locator("#kg-relations input[value=supplies]").check()
    assert set(page.evaluate(f"{VISIBLE_EDGES}.map((e) => e.relation)")) == {"supplies"}
    page.click(".kg-all[data-target=kg-relations]")
    page.locator("#kg-types input[value=Person]").uncheck()
    shown = page.evaluate("window.kg.nodes.get({filter: (n) => !n.hidden}).map((n) => n.type)")
    assert shown and "Person" not in shown
    assert "Country" in shown  # (City and Event go too: here only people link to them)
    page.locator("#kg-types input[value=Person]").check()
    page.fill("#kg-since", "2024-06-01")
    page.dispatch_event("#kg-since", "change")
    times = page.evaluate(f"{VISIBLE_EDGES}.map((e) => e.span && e.span[1])")
    assert times and all(t is not None and t >= "2024-06-01" for t in times)


def click_edge_midpoint(page: Any, source: str, target: str) -> None:
    """Click on the canvas halfway along the straight edge between two nodes."""
    x, y = page.evaluate(
        """([a, b]) => {
          const net = window.kg.network, p = net.getPositions([a, b]);
          const dom = net.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2});
          const box = document.querySelector('#kg-network canvas').getBoundingClientRect();
          return [box.left + dom.x, box.top + dom.y];
        }""",
        [source, target],
    )
    page.mouse.click(x, y)


def test_render_browser_edge_click_shows_evidence(open_page: Opener, page_file: Path) -> None:
    page, _ = open_page(page_file)
    assert page.locator("#kg-panel").is_hidden()
    click_edge_midpoint(page, PUTIN.id, PY.id)
    panel = page.locator("#kg-panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Vladimir Putin → Pyongyang" in text
    assert "Putin visitó Pionyang." in text
    assert "2024-06-19" in text and "r14" in text and "es-01" in text
    page.click("#kg-panel-close")
    assert panel.is_hidden()


def test_render_browser_panel_shows_claims_and_denials(open_page: Opener, page_file: Path) -> None:
    page, _ = open_page(page_file)
    edge_id = page.evaluate(
        "([a, b]) => window.kg.edges.get({filter: (e) => e.from === a && e.to === b"
        " && e.relation === 'supplies'})[0].id",
        [KP.id, RU.id],
    )
    page.evaluate("(id) => window.kg.showEdge(id)", edge_id)
    text = page.locator("#kg-panel").inner_text()
    for expected in (
        "alleged (claim)",
        "United States",
        "Russia; North Korea",
        "artillery shells (~5,000,000)",
    ):
        assert expected in text


def test_render_browser_search_focuses_entity(open_page: Opener, page_file: Path) -> None:
    page, _ = open_page(page_file)
    page.fill("#kg-search", "pyongyang")
    page.press("#kg-search", "Enter")
    assert page.evaluate("window.kg.network.getSelectedNodes()") == [PY.id]
    assert "Pyongyang" in page.locator("#kg-panel h3").inner_text()
    # the node's statements are listed, and one click opens a statement
    page.locator("#kg-panel li button").first.click()
    assert "Putin visitó Pionyang." in page.locator("#kg-panel").inner_text()
    page.fill("#kg-search", "Atlantis")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-search-status").inner_text() == "no entity matches"


def test_render_browser_reduced_graph_says_so(open_page: Opener, tmp_path: Path) -> None:
    out = render_html(sample_statements(), tmp_path / "reduced.html", max_statements=5)
    page, record = open_page(out)
    message = page.locator("#kg-message")
    assert message.is_visible()
    assert message.inner_text().startswith("Graph reduced: showing")
    assert page.evaluate("window.kg.network.body.edgeIndices.length") <= 5
    assert record.blocked == []
