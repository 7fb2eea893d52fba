"""Parsing saved title pages into records: pure Python, no Django.

``parse_page(data)`` takes a page's bytes (or text) in any supported format (plain
text extraction, saved HTML, a JSON record), detects the format and returns a
``TitleRecord``, or raises ``PageError`` with a clear message. See docs/page-record.md.
"""

from __future__ import annotations

from .decoding import decode_bytes, decode_page
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

        raw, repairs = _repaired_html(raw)
        return _with_repairs(parse_html_page(raw, url=url), repairs)
    from .pages import describe_page, parse_text_fullcredits_page, parse_text_reviews_page, raise_not_a_title_page

    text, _, repairs = decode_page(raw)
    page = describe_page(text, url=url)
    if page.page_type == "reviews":
        return _with_repairs(parse_text_reviews_page(text, url=url), repairs)
    if page.page_type == "fullcredits":
        return _with_repairs(parse_text_fullcredits_page(text, url=url), repairs)
    if page.page_type == "other":
        raise_not_a_title_page(page.looks_like)
    from .text import parse_text_page

    return _with_repairs(parse_text_page(text, url=url), repairs)


def _repaired_html(raw: bytes) -> tuple[bytes, list[str]]:
    """An HTML page's bytes, as UTF-8 text when decoding had to repair them, and the repairs.

    The HTML parsers decode by themselves (valid UTF-8, else the meta charset, else
    ``decode_bytes``); a page that needs a repair (a double-encoded page, a UTF-8 page
    with stray bytes) is handed to them already repaired, as UTF-8.
    """
    if raw.isascii():
        return raw, []
    try:
        raw.decode("utf-8")
        declared = None
    except UnicodeDecodeError:
        from .html.common import meta_charset

        declared = meta_charset(raw)
    decoded = decode_page(raw, declared=declared)
    if not decoded.repairs:
        return raw, []
    return decoded.text.encode("utf-8"), decoded.repairs


def _with_repairs(record: TitleRecord, repairs: list[str]) -> TitleRecord:
    if repairs:
        record.warnings[:0] = repairs
    return record


# The name the contract uses.
parse_title_page = parse_page
