"""Web pages saved from a browser: the article's main text, title and publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.errors import InputError

# The start of an HTML document, after white space and comments: a doctype, <html>, <head> or
# <body>.  Only the first 4 KB are looked at.
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_MIN_WORDS = 8  # a line of prose has at least this many words
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


@dataclass(frozen=True)
class Page:
    """What a web page yields: main text (a paragraph per line), title, publication date."""

    text: str
    title: str | None = None
    published: date | None = None


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document.

    Examples:
        >>> looks_like_html("<!DOCTYPE html><html><body><p>Hola.</p></body></html>")
        True
        >>> looks_like_html("  <!-- saved from url -->\\n<html lang='es'>")
        True
        >>> looks_like_html("El <b>presidente</b> habló.")
        False
    """
    return _HTML_START.match(text[:4096]) is not None


def extract_page(html: str, name: str) -> Page:
    """Extract the main text, title and publication date of a saved page, offline.

    Scripts, styles, navigation, comments and related-links blocks are left out (trafilatura);
    the date comes from the page's own metadata (meta tags, JSON-LD, ``<time>``), never from a
    search of the running text, and nothing is fetched.

    Args:
        html: the decoded page.
        name: the file name, for error messages.

    Raises:
        InputError: no article text could be found in the page.
    """
    import trafilatura  # heavy (lxml, htmldate, justext): only when a page is read

    # The main-content extractor alone first; its fallbacks (readability, jusText) only when it
    # finds nothing, and then only prose counts: a menu is not an article.
    text = _extract(html, precise=True) or _extract(html, precise=False)
    if not text or not any(len(line.split()) >= _MIN_WORDS for line in text.splitlines()):
        raise InputError(f"{name}: HTML page without article text")
    meta = trafilatura.extract_metadata(html, extensive=False)
    title = (meta.title or "").strip() or None
    return Page(text=_tidy(text), title=title, published=_date(meta.date))


def _extract(html: str, *, precise: bool) -> str | None:
    import trafilatura

    text: str | None = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        favor_precision=precise,
        fast=precise,
    )
    return text


def _tidy(text: str) -> str:
    # One paragraph per line, no trailing spaces, no blank-line runs: what news text files hold.
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
