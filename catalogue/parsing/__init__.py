"""Parsing saved title pages into records: pure Python, no Django.

``parse_page(data)`` takes a page's bytes (or text) in any supported format (plain
text extraction, saved HTML, a JSON record), detects the format and returns a
``TitleRecord``, or raises ``PageError`` with a clear message. See docs/page-record.md.

The route a page takes, in three steps:

1. ``detect.detect_format``: "text", "html" or "json";
2. ``READERS[format]``: the bytes as that format's parsers read them (decoded text, the
   parsed tree, the bytes themselves);
3. ``pagetype.detect_page``: the page type (title, reviews, fullcredits, name, other),
   and ``PARSERS[(format, page type)]`` parses the page or refuses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .decoding import decode_bytes, decode_page
from .detect import detect_format
from .html import read_html_tree, refuse_html_page
from .html.title import parse_title_tree
from .jsonrecord import parse_json_record
from .pages import (
    parse_html_fullcredits_page,
    parse_html_reviews_page,
    parse_text_fullcredits_page,
    parse_text_reviews_page,
)
from .pagetype import FULLCREDITS, NAME, OTHER, REVIEWS, TITLE, PageKind, detect_page, raise_not_a_title_page
from .record import PARSER_VERSION, PageError, TitleRecord
from .text import parse_text_page

__all__ = [
    "PARSERS",
    "PARSER_VERSION",
    "PageError",
    "READERS",
    "TitleRecord",
    "decode_bytes",
    "detect_format",
    "parse_page",
    "parse_page_as",
    "parse_title_page",
]


@dataclass(frozen=True, slots=True)
class Page:
    """One page on its way to its parser."""

    raw: bytes  # the bytes as given
    content: object  # what READERS made of them: text, an HTML tree, or the bytes
    kind: PageKind
    url: str | None


# Each format's bytes as its parsers and the page-type detector read them.
READERS: dict[str, Callable[[bytes], object]] = {
    "text": decode_bytes,
    "html": read_html_tree,
    "json": bytes,
}


def _refuse_text(page: Page) -> TitleRecord:
    raise_not_a_title_page(page.kind.looks_like)  # "not an IMDb title page: looks like a name page"


def _refuse_html(page: Page) -> TitleRecord:
    refuse_html_page(page.content)  # "not an IMDb title page (page title 'Ingrid Bergman')"


def _json_record(page: Page) -> TitleRecord:
    return parse_json_record(page.raw)


# The routing, all in one place: (format, page type) → the parser (or the refusal).
PARSERS: dict[tuple[str, str], Callable[[Page], TitleRecord]] = {
    ("text", TITLE): lambda page: parse_text_page(page.content, url=page.url),
    ("text", REVIEWS): lambda page: parse_text_reviews_page(page.content, url=page.url),
    ("text", FULLCREDITS): lambda page: parse_text_fullcredits_page(page.content, url=page.url),
    ("text", NAME): _refuse_text,
    ("text", OTHER): _refuse_text,
    ("html", TITLE): lambda page: parse_title_tree(page.content, url=page.url),
    ("html", REVIEWS): lambda page: parse_html_reviews_page(page.raw, url=page.url),
    ("html", FULLCREDITS): lambda page: parse_html_fullcredits_page(page.raw, url=page.url),
    ("html", NAME): _refuse_html,
    ("html", OTHER): _refuse_html,
    # A JSON record says its own page type; one reader takes them all.
    ("json", TITLE): _json_record,
    ("json", REVIEWS): _json_record,
    ("json", FULLCREDITS): _json_record,
}


def parse_page(data: bytes | str, *, url: str | None = None) -> TitleRecord:
    """Parse one saved page (title, reviews or full-credits page) into a record.

    ``url``, when known (a WARC record's target URI), gives the IMDb id and page type.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    return parse_page_as(detect_format(raw), raw, url=url)


def parse_page_as(page_format: str, raw: bytes, *, url: str | None = None) -> TitleRecord:
    """``parse_page`` for bytes whose format is already known ("text", "html" or "json")."""
    if page_format != "html":
        return _route(page_format, raw, url)
    try:
        return _route(page_format, raw, url)
    except PageError:
        raise
    except Exception as error:  # noqa: BLE001 - the safety net below
        # A safety net for hostile pages: never a crash, always a clear error.
        raise PageError(f"unreadable HTML title page: {type(error).__name__}: {error}") from None


def _route(page_format: str, raw: bytes, url: str | None) -> TitleRecord:
    raw, content, repairs = _read(page_format, raw)
    kind = detect_page(page_format, content, url=url)
    return _with_repairs(PARSERS[page_format, kind.route](Page(raw, content, kind, url)), repairs)


def _read(page_format: str, raw: bytes) -> tuple[bytes, object, list[str]]:
    """The page as its format's parsers read it, and what decoding had to repair (warnings)."""
    if page_format == "text":
        decoded = decode_page(raw)
        return raw, decoded.text, decoded.repairs
    repairs: list[str] = []
    if page_format == "html":
        raw, repairs = _repaired_html(raw)
    return raw, READERS[page_format](raw), repairs


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
    _bound_unparsed(record)
    return record


# The record keeps lines nothing could place so that a person can read them; the raw
# page (always stored beside the record) keeps them whole. Past these bounds a huge or
# hostile page would be stored three times over (raw, record, unparsed lines).
UNPARSED_LINE_CHARS = 2_000
UNPARSED_TOTAL_CHARS = 200_000


def _bound_unparsed(record: TitleRecord) -> None:
    lines, total, cut = [], 0, 0
    for line in record.unparsed:
        if total >= UNPARSED_TOTAL_CHARS:
            cut += len(line)
            continue
        if len(line) > UNPARSED_LINE_CHARS:
            cut += len(line) - UNPARSED_LINE_CHARS
            line = line[:UNPARSED_LINE_CHARS] + " …"
        lines.append(line)
        total += len(line)
    if cut:
        lines.append(f"… and {cut:,} more characters of unplaced text: see the stored page")
        record.warnings.append(
            f"unparsed lines cut to {UNPARSED_TOTAL_CHARS:,} characters; the stored page has them all"
        )
        record.unparsed = lines


# The name the contract uses.
parse_title_page = parse_page
