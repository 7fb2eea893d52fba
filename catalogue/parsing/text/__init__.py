"""Plain-text extractions of old-layout (2008–2015) IMDb title pages → ``TitleRecord``.

The text is read line by line. At each line the parser asks, in order: is it a
section's label (``LABELS``)? page furniture (``is_boilerplate``)? a value whose label
the extraction dropped, known by its shape (``SHAPES``)? Each section function reads
its own lines and leaves the cursor after them; a line nothing takes is kept in
``unparsed``. Every step is a dictionary look-up or an anchored regular expression
without nested quantifiers, so the time is linear in the size of the text.
"""

from __future__ import annotations

import re

from ..record import PageError, TitleRecord
from . import values as v
from .lines import Page, collapse, is_boilerplate, is_footer, is_terminator
from .sections import FIXED_LINES, SHAPES, apply_header, drop_title_repeat, exact_label, find_label, merge_summaries

__all__ = ["parse_text_page"]

_TITLE_ID = re.compile(r"tt\d{7,8}")
_HEADER_SCAN_LINES = 400
# Words only an IMDb title page prints: a lone "Title (1999)" line needs one of them too.
_IMDB_MARKERS = ("IMDb", "User Rating:", "Directed by", "Release Date:", "MOVIEmeter", "Also Known As:")


def parse_text_page(text: str, *, url: str | None = None) -> TitleRecord:
    """Parse one decoded plain-text title page; raise ``PageError`` for anything else."""
    if not isinstance(text, str):
        raise PageError("a text page must be given as decoded text")
    try:
        record = _parse(text)
    except PageError:
        raise
    except Exception as error:  # a parser bug must still reach the caller as a clear PageError
        raise PageError(f"internal parser error ({type(error).__name__}: {error}); please report this page") from error
    if url:
        match = _TITLE_ID.search(url[:2000])
        if match:
            record.imdb_id = match.group(0)
    return record


def _parse(text: str) -> TitleRecord:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    page = Page(text)
    start = _find_header(page, text)
    page.bare_more = any(line == "more" for line in page.lines)
    page.truncated = not text.endswith("\n") and "You may report errors" not in text
    _read_sections(page, start)
    return _finish(page)


def _find_header(page: Page, text: str) -> int:
    """The line where the page starts (its ``IMDb >`` header or title line); ``PageError`` if there is none."""
    first = None
    for index in range(min(page.count, _HEADER_SCAN_LINES)):
        line = page.lines[index]
        if not line:
            continue
        collapsed = collapse(line[:600])
        if first is None:
            first = (index, collapsed)
        if collapsed.startswith("IMDb >") and any(v.parse_title_with_year(crumb.strip()) for crumb in collapsed[6:].split(" > ")[:8]):
            return index
        if "More at IMDb" in collapsed and v.parse_title_with_year(collapsed.partition("More at IMDb")[0].strip()):
            return index
    if first is not None:
        index, collapsed = first
        header = v.parse_title_with_year(collapsed)
        if header is not None and any(marker in text[:200_000] for marker in _IMDB_MARKERS):
            page.zone = "overview"
            page.title_line_seen = True
            apply_header(page, header, from_title_line=True)
            return index + 1
    raise PageError('not an IMDb title page: no "IMDb > Title (year)" header and no title line with a year')


def _read_sections(page: Page, start: int) -> None:
    for index in range(start):
        collapsed = page.collapsed[index]
        if collapsed and not is_boilerplate(collapsed):
            page.unparsed(collapsed)
    page.i = start
    collapsed_lines = page.collapsed
    lowered = page.lowered
    while page.i < page.count:
        before = page.i
        collapsed = collapsed_lines[before]
        if not collapsed:
            page.i += 1
            continue
        if page.zone == "footer":
            _read_footer_line(page, collapsed)
        else:
            # Most lines are a heading, a label or furniture as printed: one look-up.
            handler = FIXED_LINES.get(lowered[before])
            if handler is not None:
                handler(page, "")
            else:
                _read_line(page, collapsed)
        if page.i <= before:
            page.i = before + 1


def _read_footer_line(page: Page, collapsed: str) -> None:
    """After "Related Links": link lists and the footer; the Amazon affiliate block runs to the end."""
    page.i += 1
    if page.amazon_block:
        return
    if collapsed.startswith("Amazon Affiliates"):
        page.amazon_block = True
        return
    handler = exact_label(collapsed)
    if handler:
        page.i -= 1
        handler(page, "")
    elif not is_footer(collapsed):
        page.unparsed(collapsed)


def _read_line(page: Page, collapsed: str) -> None:
    found = find_label(collapsed)
    if found:
        handler, value = found
        handler(page, value)
        return
    if is_boilerplate(collapsed) or is_terminator(collapsed):
        page.i += 1
        return
    for applies, handler in SHAPES:
        if applies(page, collapsed):
            handler(page, "")
            return
    page.unparsed(collapsed)
    page.i += 1


def _finish(page: Page) -> TitleRecord:
    record = page.record
    if not record.title:
        raise PageError("not an IMDb title page: the header names no title")
    merge_summaries(page)
    drop_title_repeat(page)
    if record.series is not None and not record.series.title:
        record.series.title = None
        record.warnings.append("the page gives a season and episode but not the series' title")
    if record.kind == "movie" and "Short" in record.genres:
        record.kind = "short"
    if page.truncated:
        record.warnings.append(
            f"the page is cut off after line {page.count}: it has no footer, so sections after that are missing"
        )
    record.source_format = "text"
    record.page_type = "title"
    return record
