"""kg.html.render: one self-contained file, data in escaped JSON blocks, a strict policy, PNGs."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sample_graph import sample_statements

from kg.errors import KgError
from kg.graph import to_networkx
from kg.html.render import render_html, render_png
from kg.html.view import to_view


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Tags:
    out = render_html(
        sample_statements(), tmp_path_factory.mktemp("page") / "g.html", title="A <b>&"
    )
    tags = Tags()
    tags.feed(out.read_text(encoding="utf-8"))
    return tags


def test_render_page_loads_nothing_from_outside(page: Tags) -> None:
    for tag, attrs in page.tags:
        assert tag not in {"link", "iframe", "img", "base"}, tag
        assert not {"src", "href"} & set(attrs), (tag, attrs)


def test_render_page_data_round_trips_through_json_blocks(page: Tags) -> None:
    view = to_view(to_networkx(sample_statements()))
    blocks = {
        a["id"]: json.loads(text) for a, text in page.scripts if a.get("type") == "application/json"
    }
    assert set(blocks) == {"kg-nodes", "kg-edges", "kg-options", "kg-legend-data", "kg-meta"}
    assert blocks["kg-nodes"] == view.nodes
    assert blocks["kg-edges"] == view.edges
    assert blocks["kg-meta"] == view.meta
    assert blocks["kg-options"]["physics"] == {"enabled": False}
    assert blocks["kg-options"]["edges"]["smooth"] is False


def test_render_page_policy_allows_only_its_own_scripts(page: Tags) -> None:
    (policy,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert policy is not None and "default-src 'none'" in policy
    runnable = [text for attrs, text in page.scripts if "type" not in attrs]
    assert len(runnable) == 2  # vis-network and the page script
    for text in runnable:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_render_page_title_is_escaped(page: Tags, tmp_path: Path) -> None:
    html = render_html(sample_statements()[:1], tmp_path / "t.html", title="A <b>&").read_text()
    assert "<title>A &lt;b&gt;&amp;</title>" in html
    assert not [t for t, _ in page.tags if t == "b"]


def test_render_page_vendored_vis_keeps_its_licence(page: Tags) -> None:
    vis = next(
        text for attrs, text in page.scripts if "type" not in attrs and "vis-network" in text[:200]
    )
    assert "@license" in vis[:1000] and "Apache 2.0" in vis[:1000] and "MIT" in vis[:1000]


def test_render_page_entity_and_filters(tmp_path: Path) -> None:
    out = render_html(sample_statements(), tmp_path / "g.html", entity="pyongyang", hops=1)
    meta = json.loads(re.search(r'id="kg-meta">(.*?)</script>', out.read_text()).group(1))  # type: ignore[union-attr]
    assert (meta["entities"], meta["statements"]) == (2, 1)
    out = render_html(sample_statements(), tmp_path / "g.html", facts_only=True, since="2024-01-01")
    edges = json.loads(re.search(r'id="kg-edges">(.*?)</script>', out.read_text()).group(1))  # type: ignore[union-attr]
    assert edges and all(e["fact"] and e["span"][1] >= "2024-01-01" for e in edges)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"entity": "Atlantis"}, 'no entity "Atlantis"'),
        ({"relations": ["supply"]}, 'unknown relation "supply"'),
        ({"types": ["Planet"]}, 'unknown entity type "Planet"'),
    ],
    ids=["entity", "relation", "type"],
)
def test_render_page_bad_request_is_a_kg_error(
    tmp_path: Path, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(KgError, match=message):
        render_html(sample_statements(), tmp_path / "g.html", **kwargs)  # type: ignore[arg-type]


def test_render_page_unwritable_output_is_a_kg_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="cannot write the page"):
        render_html(sample_statements(), tmp_path / "missing" / "g.html")


def test_render_png_without_chromium_is_a_kg_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.html.render.shutil.which", lambda name: None)
    with pytest.raises(KgError, match="chromium is not on the PATH"):
        render_png(tmp_path / "g.html", tmp_path / "g.png")


@pytest.mark.browser
def test_render_png_takes_a_screenshot(tmp_path: Path) -> None:
    import shutil

    if shutil.which("chromium") is None:
        pytest.skip("chromium is not installed: no screenshot")
    html = render_html(sample_statements(), tmp_path / "g.html")
    png = render_png(html, tmp_path / "g.png", width=800, height=600)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (800, 600)
