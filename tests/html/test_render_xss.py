"""Article text is data: hostile labels, sentences, items and sources never run in the page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kg.html.render import render_html
from kg.model import Entity, Evidence, Item, Statement

pytestmark = pytest.mark.browser

Opener = Callable[..., tuple[Any, Any]]

HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    "javascript:window.__pwned = 3",
    '" onmouseover="window.__pwned = 4" x="',
    '<a href="javascript:window.__pwned = 5">href</a>',
    "</script><script>window.__pwned = 6</script>",
    "<!-- <svg onload=alert(7)>",
    "line\u2028separator\u2029{{ 7 * 7 }}",
    "' + alert(8) + '",
]


def hostile_statements() -> list[Statement]:
    people = [Entity(text, "Person", "javascript:alert(9)") for text in HOSTILE]
    country = Entity('<b onclick="window.__pwned = 10">href</b>', "Country")
    sts = []
    for i, (person, text) in enumerate(zip(people, HOSTILE, strict=True)):
        sts.append(
            Statement(
                person,
                "visits" if i % 2 else "supplies",
                country,
                modality="alleged" if i % 3 else "asserted",
                attributed_to=(Entity(text, "Organization"),),
                denied_by=(Entity(HOSTILE[-1 - i], "Country"),) if i % 4 == 0 else (),
                items=(Item(text, 3), Item(f'<iframe src="javascript:alert({i})">')),
                time=(text,),
                role=text,
                evidence=(Evidence(text, f"Sentence {i}: {text} href", 0, 10),),
                rule=text,
            )
        )
    return sts


INJECTED = (
    "#kg-panel img, #kg-panel iframe, #kg-panel a, #kg-panel svg, #kg-panel b, #kg-panel script"
)


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "without-csp"])
def test_render_xss_nothing_runs_on_hover_or_in_the_panel(
    open_page: Opener, tmp_path: Path, csp: bool
) -> None:
    out = render_html(hostile_statements(), tmp_path / "xss.html", title=HOSTILE[0])
    if not csp:  # the page must be safe on its own, not only thanks to its security policy
        html = out.read_text(encoding="utf-8")
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert "Content-Security-Policy" not in html
        out.write_text(html, encoding="utf-8")
    page, record = open_page(out)
    page.evaluate("window.__pwned = undefined")  # the hook: any injected code would set it

    ids = page.evaluate("window.kg.nodes.getIds()")
    assert len(ids) == len(HOSTILE) + 1
    # hover every node (vis-network tooltips) and wait for its title to show as plain text
    for node_id in ids:
        x, y = page.evaluate(
            """(id) => {
              const net = window.kg.network, dom = net.canvasToDOM(net.getPositions([id])[id]);
              const box = document.querySelector('#kg-network canvas').getBoundingClientRect();
              return [box.left + dom.x, box.top + dom.y];
            }""",
            node_id,
        )
        page.mouse.move(x, y)
        page.wait_for_function(
            "(label) => { const t = document.querySelector('div.vis-tooltip');"
            " return t && t.style.visibility !== 'hidden' && t.innerText.startsWith(label); }",
            arg=page.evaluate("(id) => window.kg.nodes.get(id).label", node_id),
            timeout=5000,
        )
        page.mouse.move(2, 2)
    # open the panel for every node and every statement, as a click would
    injected = 0
    panel_texts = []
    for node_id in ids:
        page.evaluate("(id) => window.kg.showNode(id)", node_id)
        injected += page.evaluate(f"document.querySelectorAll('{INJECTED}').length")
    for edge_id in page.evaluate("window.kg.edges.getIds()"):
        page.evaluate("(id) => window.kg.showEdge(id)", edge_id)
        injected += page.evaluate(f"document.querySelectorAll('{INJECTED}').length")
        panel_texts.append(page.locator("#kg-panel").inner_text())
    page.fill("#kg-search", HOSTILE[1])
    page.press("#kg-search", "Enter")

    assert page.evaluate("window.__pwned") is None
    assert record.dialogs == []
    assert record.blocked == []
    assert injected == 0
    assert record.errors == []  # with the policy on, a refused injection would log an error
    assert page.title() == HOSTILE[0]  # the title is text too
    # the hostile strings are shown, literally, as text
    joined = "\n".join(panel_texts)
    for text in HOSTILE[:6]:
        assert f"claimed by\n{text}" in joined or f"claimed by\t{text}" in joined
    assert page.evaluate("document.scripts.length") == 7  # 5 JSON blocks, vis-network, page script


def test_render_xss_data_cannot_close_its_script_block(tmp_path: Path) -> None:
    html = render_html(hostile_statements(), tmp_path / "xss.html").read_text(encoding="utf-8")
    assert html.count("</script>") == 7
    assert "<script>window.__pwned" not in html
    assert "\u2028" not in html and "\u2029" not in html
