"""Parsing saved title pages into records: pure Python, no Django.

``parse_page(data)`` takes a page's bytes (or text) in any supported format (plain
text extraction, saved HTML, a JSON record), detects the format and returns a
``TitleRecord``, or raises ``PageError`` with a clear message. See docs/page-record.md.
"""

from __future__ import annotations

from .decoding import decode_bytes
from .detect import detect_format
from .record import PARSER_VERSION, PageError, TitleRecord

__all__ = ["PARSER_VERSION", "PageError", "TitleRecord", "decode_bytes", "detect_format", "parse_page", "parse_title_page"]


def parse_page(data: bytes | str, *, url: str | None = None) -> TitleRecord:
    """Parse one saved page (title, reviews or full-credits page) into a record.

    ``url``, when known (a WARC record's target URI), gives the IMDb id and page type.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    page_format = detect_format(raw)
    if page_format == "json":
        from .jsonrecord import parse_json_record

        return parse_json_record(raw)
    if page_format == "html":
        from .html import parse_html_page

        return parse_html_page(raw, url=url)
    from .pages import describe_page, parse_text_fullcredits_page, parse_text_reviews_page, raise_not_a_title_page

    text = decode_bytes(raw)
    page = describe_page(text, url=url)
    if page.page_type == "reviews":
        return parse_text_reviews_page(text, url=url)
    if page.page_type == "fullcredits":
        return parse_text_fullcredits_page(text, url=url)
    if page.page_type == "other":
        raise_not_a_title_page(page.looks_like)
    from .text import parse_text_page

    return parse_text_page(text, url=url)


# The name the contract uses.
parse_title_page = parse_page
