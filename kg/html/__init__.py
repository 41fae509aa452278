"""Interactive HTML: ``view`` turns a graph into node/edge dicts, ``render`` writes the page."""

from kg.html.render import render_html, render_png

__all__ = ["render_html", "render_png"]
