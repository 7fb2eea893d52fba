"""Saved HTML pages of the old (2008–2015) IMDb layout → ``TitleRecord``.

``parse_html_page(data, url=…)`` decodes the bytes (meta charset, see
``common.decode_html``), decides the page type (``html_page_type``) and hands the
tree to the title-page parser, or to the reviews / full-credits page parsers of
``catalogue.parsing.pages`` (imported only when such a page comes).
"""

from __future__ import annotations

from ..record import PageError, TitleRecord
from .common import parse_html
from .pagetype import html_page_type
from .title import parse_title_tree

__all__ = ["html_page_type", "parse_html_page"]

# Pages bigger than this are not saved title pages (the largest real ones are ~300 KiB).
MAX_PAGE_BYTES = 16 * 1024 * 1024


def parse_html_page(data: bytes, *, url: str | None = None) -> TitleRecord:
    """Parse one saved HTML page; raise ``PageError`` for anything that is not a page we read."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or not data.strip():
        raise PageError("empty HTML page")
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(f"HTML page too large ({len(data)} bytes) to be a saved title page")
    try:
        tree = parse_html(bytes(data))
        page_type = html_page_type(tree, url)
        if page_type == "reviews":
            from catalogue.parsing.pages.html_reviews import parse_html_reviews_page

            return parse_html_reviews_page(data, url=url)
        if page_type == "fullcredits":
            from catalogue.parsing.pages.html_fullcredits import parse_html_fullcredits_page

            return parse_html_fullcredits_page(data, url=url)
        if page_type != "title":
            raise PageError(f"not an IMDb title page ({_what_it_is(tree)})")
        return parse_title_tree(tree, url=url)
    except PageError:
        raise
    except ImportError as error:
        raise PageError(f"no parser for this page type here: {error}") from None
    except Exception as error:  # noqa: BLE001 - the safety net below
        # A safety net for hostile pages: never a crash, always a clear error.
        raise PageError(f"unreadable HTML title page: {type(error).__name__}: {error}") from None


def _what_it_is(tree) -> str:
    title = tree.css_first("title")
    text = " ".join(title.text(deep=True).split()) if title is not None else ""
    return f"page title {text[:80]!r}" if text else "no title header"
