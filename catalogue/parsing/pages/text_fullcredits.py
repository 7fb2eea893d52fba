"""Text extractions of old-layout full cast and crew pages: first line
``IMDb > Seven Samurai (1954) > Full cast and crew``, department headings on their own
lines, crew rows by the contract's table, cast rows ``Name ... Character``."""

from __future__ import annotations

import re

from ..common import imdb_id_from_href
from ..decoding import decode_bytes
from ..record import TitleRecord
from ._boilerplate import is_footer_start, is_navigation
from ._credits import LIST_NOTES, REST_OF_CAST, CreditCollector
from ._records import new_record, refuse_other
from ..common import MAX_LINE, clean
from ..reviews import Line
from ._shared import check_not_binary, is_known_heading, looks_like_heading
from ._shared import split_cast_row, split_crew_row
from ._text import header_from_lines
from ..pagetype import describe_page

# Lines after which no credits follow (a title page's next sections, a page's footer).
_END_OF_CREDITS = re.compile(
    r"(?:Production Companies.*|Distributors|Other Companies|Special Effects Companies|Additional Details|Also Known As:?"
    r"|Company:|Fun Stuff|Did You Know\?|Crew verified as complete|Create a character page for:.*|Related Links"
    r"|Company credits|Message Boards|Recommendations|User Reviews:?)",
    re.I,
)
_CAST_INTRO = re.compile(r"(?:(?:Series )?Cast\s*)?\((?:in credits order|credits order)\).*|Cast\s*\(.*\)", re.I)


def parse_text_fullcredits_page(text: str | bytes, *, url: str | None = None) -> TitleRecord:
    """Every cast and crew row of the page, with the title's header; PageError for what is not one."""
    text = decode_bytes(text)
    check_not_binary(text)
    refuse_other(describe_page(text[:65536], url=url))
    lines = [
        Line(text=raw.replace("\u00a0", " ").rstrip(), number=number)
        for number, raw in enumerate(text.split("\n"), start=1)
    ]
    header, header_lines = header_from_lines([Line(text=clean(line.text)) for line in lines])
    record = new_record(
        header,
        page_type="fullcredits",
        source_format="text",
        imdb_id=imdb_id_from_href(url, "tt"),
        what="full cast and crew",
    )
    parse_credit_lines(lines, record, skip=header_lines)
    if not record.cast and not record.crew:
        record.warnings.append("no cast or crew rows found on the page")
    return record


_DOTS_ONLY = re.compile(r"\.{3,}")


def _join_cell_lines(lines: list[Line], skip: set[int]) -> list[tuple[int, str]]:
    """Rows whose table cells an extractor put on lines of their own, joined back:
    ``Name`` / ``....`` / ``job`` and ``Name`` / ``(screenplay)``."""
    joined: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        raw = lines[index].text
        text = clean(raw)
        if index in skip or not text or len(text) > MAX_LINE or is_known_heading(text) or _CAST_INTRO.fullmatch(text):
            joined.append((index, raw))
            index += 1
            continue
        following = clean(lines[index + 1].text) if index + 1 < len(lines) else ""
        if _DOTS_ONLY.fullmatch(following) and index + 2 < len(lines) and clean(lines[index + 2].text):
            joined.append((index, f"{text} {following} {clean(lines[index + 2].text)}"))
            index += 3
            continue
        if (
            following.startswith("(")
            and not text.startswith("(")
            and not LIST_NOTES.fullmatch(following)
            and not REST_OF_CAST.fullmatch(text)
            and "..." not in text
        ):
            joined.append((index, f"{text} {following}"))
            index += 2
            continue
        joined.append((index, raw))
        index += 1
    return joined


def parse_credit_lines(lines: list[Line], record: TitleRecord, *, skip: set[int] = frozenset()) -> None:
    """Add the cast and crew rows among ``lines`` to ``record``, in page order."""
    collector = CreditCollector(record)
    for index, raw in _join_cell_lines(lines, skip):
        text = clean(raw)
        if not text or index in skip:
            continue
        if len(text) > MAX_LINE:
            record.unparsed.append(text[:MAX_LINE])
            continue
        if _CAST_INTRO.fullmatch(text):
            collector.heading("Cast")
            collector.note_cast_text(text)
            continue
        if is_known_heading(text):
            collector.heading(text)
            continue
        if _END_OF_CREDITS.fullmatch(text) or is_footer_start(text):
            collector.stop()
            continue
        if collector.department is None:
            if not is_navigation(text):
                record.unparsed.append(text)
            continue
        if REST_OF_CAST.fullmatch(text) or LIST_NOTES.fullmatch(text):
            if collector.in_cast:
                collector.note_cast_text(text)
            continue
        if looks_like_heading(text) and not _has_separator(raw):
            collector.heading(text)
            continue
        if collector.in_cast:
            parts = split_cast_row(raw)
            if parts is not None:
                collector.add_cast(parts)
                continue
        else:
            parts = split_crew_row(raw)
            if parts is not None:
                collector.add_crew(parts)
                continue
        record.unparsed.append(text)


def _has_separator(raw: str) -> bool:
    return "..." in raw or "  " in raw.strip()
