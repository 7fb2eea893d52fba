"""Plain-text extractions of old-layout (2008–2015) IMDb title pages → ``TitleRecord``.

Extractions differ from tool to tool: html2text's markdown and one-fragment-a-line text
(``get_text("\\n")``) are first rewritten into plain lines (``markdown``); text browsers'
bullets, rules and wrapped lines are read by the sections themselves.

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
from .markdown import (
    apply_link_ids,
    is_fragmented,
    is_markdown,
    link_ids,
    rejoin_fragments,
    split_run_together,
    unmarkdown,
    unwrap_markdown,
)
from .lines import Page, is_boilerplate, is_footer, is_terminator
from .sections import FIXED_LINES, SHAPES, apply_header, drop_title_repeat, exact_label, find_label, merge_summaries

__all__ = ["parse_text_page"]

_TITLE_ID = re.compile(r"tt\d{7,8}")
_HEADER_SCAN_LINES = 400
_NOTE_MORE = re.compile(r"\) more[ \t\xa0]*$", re.M)
# The end of a whole page: without any of these, the page was cut off (or its footer dropped).
_FOOTER_MARKERS = ("Related Links", "You may report errors", "Copyright ©", "Terms and Privacy Policy")
# Labels only an IMDb title page prints: a title line without the breadcrumb needs two of them.
_IMDB_MARKERS = (
    "User Rating:",
    "Your Rating:",
    "Directed by",
    "Writing credits",
    "Release Date:",
    "Also Known As:",
    "Certification:",
)


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
    markdown = is_markdown(text)
    ids = None
    if markdown:
        text = unwrap_markdown(text)
        ids = link_ids(text)
        text = unmarkdown(text)
    fragmented = not markdown and is_fragmented(text)
    if fragmented:
        text = rejoin_fragments(text)
    elif not markdown:
        text = split_run_together(text)
    page = Page(text)
    page.fragmented = fragmented
    start = _find_header(page, text)
    # Bare "more" links: on their own line, or after a value's note ("24 March 1972 (USA) more", 2006–2008).
    page.bare_more = any(line == "more" for line in page.lines) or bool(_NOTE_MORE.search(text))
    tail = text[-20_000:]
    page.truncated = not any(marker in tail for marker in _FOOTER_MARKERS)
    page.cut_mid_line = page.truncated and not text.endswith("\n")
    _read_sections(page, start)
    record = _finish(page)
    if ids:
        apply_link_ids(record, ids)
    return record


def _find_header(page: Page, text: str) -> int:
    """The line where the page starts (its ``IMDb >`` header or title line); ``PageError`` if there is none.

    Without the breadcrumb and "More at IMDbPro", the first ``Title (1959)`` line before the
    rating counts, if the page also has at least two labels only an IMDb title page prints.
    """
    candidate = None
    for index in range(min(page.count, _HEADER_SCAN_LINES)):
        collapsed = page.collapsed[index][:600]
        if not collapsed:
            continue
        if collapsed.startswith("IMDb >") and any(
            v.parse_title_with_year(crumb.strip()) for crumb in collapsed[6:].split(" > ")[:8]
        ):
            return index
        if "More at IMDb" in collapsed and v.parse_title_with_year(collapsed.partition("More at IMDb")[0].strip()):
            return index
        if collapsed in _IMDB_MARKERS:
            break
        if candidate is None and len(collapsed) <= 300:
            header = v.parse_title_with_year(collapsed)
            if header is not None:
                candidate = (index, header)
    if candidate is not None:
        head = text[:500_000]
        if sum(1 for marker in _IMDB_MARKERS if marker in head) >= 2:
            index, header = candidate
            page.zone = "overview"
            page.title_line_seen = True
            apply_header(page, header, from_title_line=True)
            return index + 1
    raise PageError('not an IMDb title page: no "IMDb > Title (year)" header and no title line with a year')


def _read_sections(page: Page, start: int) -> None:
    # Above the page's header: the site's menu (short link texts), kept only if it is more than that.
    for index in range(start):
        collapsed = page.collapsed[index]
        if collapsed and len(collapsed) > 40 and not is_boilerplate(collapsed):
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
    if page.cut_mid_line and not any("cut off:" in warning for warning in record.warnings):
        last = page.collapsed[-1] if page.collapsed else ""
        if last:
            record.warnings.append(f"line {page.count}: the last line is cut off: {last[:200]}")
    if page.truncated:
        record.warnings.append(
            f"the page may be cut off after line {page.count}: it has no footer, so later sections may be missing"
        )
    record.source_format = "text"
    record.page_type = "title"
    return record
