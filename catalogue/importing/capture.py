"""A page's capture date, in order of trust, and the batch's check for shared dates.

1. A date the input states: ``--captured-at``, a WARC record's ``WARC-Date`` (or a
   ``Page`` built with its date, as the tests and ``reparse`` do): kept as given.
2. The file name (``catalogue.parsing.capture_date.from_file_name``): a Wayback
   timestamp, a day, a month, a year.
3. The page itself (``from_page``): the footer's copyright year, the newest NewsDesk
   item's day. When the file name gives only a year or a month and the page a day
   inside it, the page's day is taken (it refines, never contradicts, the name).
4. The file's mtime (or an archive member's date): when the file was last copied.

What was used is kept on the ``SourcePage`` (``captured_precision``, ``captured_from``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from catalogue.parsing.capture_date import CaptureDate, from_file_name, from_page
from catalogue.parsing.decoding import decode_bytes

from .sources import FILE_DATES, Page


def capture_date(page: Page, *, title_year: int | None, source_format: str | None) -> CaptureDate | None:
    """The best capture date for ``page`` (see the module's doc); None when nothing gives one."""
    if page.captured_from not in FILE_DATES:
        return _as_given(page)
    now = datetime.now(UTC)
    named = from_file_name(page.name, title_year=title_year)
    if named is not None and named.when > now:
        named = None
    if named is None or named.precision in ("year", "month"):
        # A JSON record (an export) is no page: it shows no footer of its own.
        read = from_page(decode_bytes(page.data)) if source_format != "json" else None
        if read is not None and read.when > now:
            read = None
        if named is None:
            named = read
        elif read is not None and read.precision == "day" and _within(read.when, named):
            named = CaptureDate(
                read.when,
                read.precision,
                f"{read.source}, inside the file name's {named.precision}",
                f"{named.evidence}; {read.evidence}",
            )
    return named if named is not None else _as_given(page)


def _as_given(page: Page) -> CaptureDate | None:
    """The date the page came with (stated, or only the file's), to the second."""
    if page.captured_at is None:
        return None
    return CaptureDate(page.captured_at, "second", page.captured_from, page.captured_at.isoformat())


def _within(when: datetime, period: CaptureDate) -> bool:
    if period.precision == "year":
        return when.year == period.when.year
    return (when.year, when.month) == (period.when.year, period.when.month)


@dataclass
class SharedDate:
    """Captures of one title (one page type) in a batch that got the same date."""

    title: str
    page_type: str
    captured_at: datetime
    precision: str
    names: list[str]

    def __str__(self) -> str:
        shown = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}.get(self.precision)
        when = self.captured_at.strftime(shown) if shown else self.captured_at.isoformat()
        return (
            f"{self.title}: {len(self.names)} {self.page_type} captures share the date {when} "
            f"({self.precision}): {', '.join(self.names)}; the rating history keeps one of them"
        )


class SharedDates:
    """Collects (title, page type, date) → page names over a batch.

    One small entry per page (its key and name, ~200 bytes): the batch's only state
    that grows with its length.
    """

    def __init__(self) -> None:
        self._first: dict[tuple[int, str, datetime], str] = {}
        self._shared: dict[tuple[int, str, datetime], SharedDate] = {}

    def add(self, name: str, source) -> None:
        if source is None or source.title_id is None or source.captured_at is None:
            return
        key = (source.title_id, source.page_type, source.captured_at)
        first = self._first.get(key)
        if first is None:
            self._first[key] = name
            return
        if key not in self._shared:
            self._shared[key] = SharedDate(
                str(source.title), source.page_type, source.captured_at, source.captured_precision or "second", [first]
            )
        self._shared[key].names.append(name)

    def shared(self) -> list[SharedDate]:
        return list(self._shared.values())
