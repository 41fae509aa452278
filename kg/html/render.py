"""Statements -> one self-contained interactive HTML file (pyvis + vis-network), and its screenshot.

pyvis sets the options and renders the page from kg's own template (``assets/page.html``), in
which vis-network, the stylesheet and the page script are inlined: nothing is fetched from the
network, and a Content-Security-Policy allows only those two scripts. Node and edge data go into
``<script type="application/json">`` blocks, never through pyvis's ``href``/``heading`` paths.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.graph import ego, filter_graph, to_networkx
from kg.html.view import MAX_STATEMENTS, View, to_view
from kg.model import Statement

__all__ = ["CHROMIUM_FLAGS", "page_html", "render_html", "render_png", "script_json"]

ASSETS = Path(__file__).parent / "assets"
VIS_JS = "vendor/vis-network-9.1.2.min.js"

CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
"""Flags every headless Chromium run of kg uses (screenshots here, browser tests, benchmark)."""

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def script_json(value: Any) -> str:
    """Serialise ``value`` as JSON safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so no ``</script>`` or ``<!--`` can close
    the element early; so do U+2028/2029, which older JavaScript parsers take as line ends.

    Examples:
        >>> script_json({"s": "</script><b>&"})
        '{"s": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    return json.dumps(value, ensure_ascii=False).translate(_ESCAPE_TABLE)


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _options(edge_count: int) -> dict[str, Any]:
    """vis-network options: positions come from Python, so physics is off and edges straight."""
    big = edge_count > 1500
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1,
            "font": {
                "size": 16,
                "face": "system-ui, sans-serif",
                "color": "#1f2933",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 0.5,
            "arrows": {"to": {"scaleFactor": 0.6}},
            "font": {
                "size": 13,
                "align": "horizontal",
                "color": "#3d4b5c",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": False,
            "multiselect": False,
        },
    }


def page_html(view: View, *, title: str = "kg") -> str:
    """Render a :class:`~kg.html.view.View` into the HTML of one self-contained page."""
    from pyvis.network import Network  # imported here: it pulls in IPython (about 0.3 s)

    vis_js = (ASSETS / VIS_JS).read_text(encoding="utf-8")
    app_js = (ASSETS / "app.js").read_text(encoding="utf-8")
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.options = _options(len(view.edges))
    # filled directly: add_node/add_edge scan every edge on each call (MEASURED.md)
    net.nodes = view.nodes
    net.edges = view.edges
    net.set_template_dir(str(ASSETS), "page.html")
    env = net.templateEnv
    env.filters["kg_json"] = script_json
    env.filters["kg_escape"] = lambda text: str(text).translate(_ESCAPE_TABLE)
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    env.globals.update(
        kg_title=title,
        kg_csp=csp,
        kg_css=(ASSETS / "app.css").read_text(encoding="utf-8"),
        kg_legend=script_json(view.legend),
        kg_meta=script_json(view.meta),
        kg_vis_js=vis_js,
        kg_app_js=app_js,
    )
    html: str = net.generate_html(name="graph.html")
    return html


def render_html(
    statements: Sequence[Statement],
    out: Path,
    *,
    entity: str | None = None,
    hops: int = 1,
    relations: Iterable[str] | None = None,
    facts_only: bool = False,
    types: Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    title: str = "kg",
    max_statements: int = MAX_STATEMENTS,
) -> Path:
    """Write the statements as one interactive HTML file that works offline.

    Filters apply first, then the neighbourhood of ``entity``, so ``facts_only`` with an entity
    shows what is held true around it.

    Args:
        statements: what to draw (typically ``Store.statements()``).
        out: the file to write.
        entity: label or IRI to centre on; only entities within ``hops`` statements are kept.
        hops: how far from ``entity`` to reach.
        relations: relation ids to keep (``None``: all).
        facts_only: drop claims, denied and negated statements.
        types: entity types to keep.
        since: keep statements dated this day or later.
        until: keep statements dated this day or earlier.
        title: the page's title and heading.
        max_statements: above this the page shows the most connected part, and says so.

    Returns:
        ``out``.

    Raises:
        KgError: unknown relation or type, ``entity`` not found, bad time, or ``out`` unwritable.
    """
    graph = filter_graph(
        to_networkx(statements),
        relations=relations,
        facts_only=facts_only,
        types=types,
        since=since,
        until=until,
    )
    if entity is not None:
        graph = ego(graph, entity, hops)
    html = page_html(to_view(graph, max_statements=max_statements), title=title)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise KgError(f"{out}: cannot write the page ({exc.strerror or exc})") from exc
    return out


def render_png(html: Path, png: Path, *, width: int = 1400, height: int = 900) -> Path:
    """Screenshot an HTML file with headless Chromium.

    Args:
        html: the page to open (a local file).
        png: the PNG file to write.
        width: window width in pixels.
        height: window height in pixels.

    Returns:
        ``png``.

    Raises:
        KgError: Chromium is not installed, fails, or writes no screenshot.
    """
    chromium = shutil.which("chromium")
    if chromium is None:
        raise KgError(f"{png}: cannot take a screenshot: chromium is not on the PATH")
    if not html.is_file():
        raise KgError(f"{html}: no such file")
    png = png.absolute()
    png.unlink(missing_ok=True)  # so that an old file never passes for a new screenshot
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            f"--user-data-dir={profile}",
            html.absolute().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            raise KgError(f"{html}: chromium took over 120 s to take the screenshot") from None
    if done.returncode != 0 or not png.is_file():
        detail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise KgError(f"{png}: chromium failed (exit {done.returncode}): {detail}")
    return png
