"""Saved HTML pages of the old (2008–2015) IMDb layout → ``TitleRecord``.

``read_html_tree`` decodes the bytes (meta charset, see ``common.decode_html``) and parses
them; ``catalogue.parsing.pagetype.html_page_kind`` decides the page type from the tree;
the dispatch table of ``catalogue.parsing`` hands the tree to the title-page parser
(``title.parse_title_tree``), the page to the reviews / full-credits page parsers of
``catalogue.parsing.pages``, or refuses it (``refuse_html_page``).
``parse_html_page(data, url=…)`` is ``parse_page`` for a page known to be HTML.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ..pagetype import html_page_type
from ..record import PageError, TitleRecord
from .common import TITLE_MAX_DEPTH, check_nesting, parse_html

__all__ = ["MAX_PAGE_BYTES", "html_page_type", "parse_html_page", "read_html_tree", "refuse_html_page"]

# Pages bigger than this are not saved title pages (the largest real ones are ~300 KiB).
MAX_PAGE_BYTES = 16 * 1024 * 1024


def parse_html_page(data: bytes | str, *, url: str | None = None) -> TitleRecord:
    """Parse one saved HTML page; raise ``PageError`` for anything that is not a page we read."""
    from .. import parse_page_as

    return parse_page_as("html", data.encode("utf-8") if isinstance(data, str) else bytes(data), url=url)


def read_html_tree(data: bytes) -> LexborHTMLParser:
    """The tree of a page's bytes; PageError when empty or too large to be a saved page."""
    if not data or not data.strip():
        raise PageError("empty HTML page")
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(f"HTML page too large ({len(data)} bytes) to be a saved title page")
    check_nesting(data, max_depth=TITLE_MAX_DEPTH)
    return parse_html(data)


def refuse_html_page(tree: LexborHTMLParser) -> None:
    """The error for an HTML page that is not one we read, naming the page by its ``<title>``."""
    title = tree.css_first("title")
    text = " ".join(title.text(deep=True).split()) if title is not None else ""
    raise PageError(f"not an IMDb title page ({f'page title {text[:80]!r}' if text else 'no title header'})")
