"""When a page was captured, read from its file name or from the page itself (pure Python).

A saved page rarely says when it was saved, and a file's mtime says when it was last
copied: several captures copied together share one mtime. This module reads the
evidence a name or a page does hold, and says how precise it is:

- ``from_file_name(name, title_year=…)``: a Wayback timestamp (``20090612083015``,
  ``…id_``: to the second), a day (``2010-03-14``, ``2010_03_14``, ``20100314``), a month
  (``2010-03``) or a year (``…-2009.html``, ``…_combined_2010.html``: the last year in
  the name). A single year that is the title's own year (``gaslight-1944.html``,
  ``up-2009.txt``) is the film's, not the capture's; years before 1996 (no web
  archive, no saved page) are never capture years.
- ``from_page(text)``: decoded text, HTML or plain. The footer's "Copyright © 1990-2010
  IMDb.com" gives the year the page was served; the NewsDesk items' dates ("(From
  Bollyspice. 14 August 2011, 9:24 AM, PDT)") give a day the page was served *on or
  after*. The newest item's day is taken when it falls in the footer's year (or there
  is no footer, or the footer is older: a footer can lag, a news item cannot be from
  the future); otherwise the footer's year. Popularity ("Up 12% in popularity this
  week") and review dates are not capture dates.

A date is truncated to its precision: a year is January 1 of it, a month its first
day, a day its midnight (UTC). ``CaptureDate.precision`` keeps which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

__all__ = ["FIRST_CAPTURE_YEAR", "LAST_CAPTURE_YEAR", "CaptureDate", "from_file_name", "from_page"]

# The Wayback Machine's first crawls; no saved page of IMDb is older.
FIRST_CAPTURE_YEAR = 1996
LAST_CAPTURE_YEAR = 2039

PRECISIONS = ("second", "day", "month", "year")


@dataclass(frozen=True)
class CaptureDate:
    when: datetime  # UTC, truncated to ``precision``
    precision: str  # "second" | "day" | "month" | "year"
    source: str  # what it was read from: "file name", "page footer", "page NewsDesk", …
    evidence: str  # the text it was read off

    def describe(self) -> str:
        shown = {
            "second": self.when.isoformat(),
            "day": self.when.date().isoformat(),
            "month": self.when.strftime("%Y-%m"),
            "year": str(self.when.year),
        }[self.precision]
        return f"{shown} ({self.precision}, from the {self.source}: {self.evidence!r})"


_YEAR = r"(?:199[6-9]|20[0-3]\d)"
# Digits that are part of a longer number, or an IMDb id (tt0036855, nm0000122), are no date.
_START = r"(?<!\d)(?<!tt)(?<!nm)(?<!co)(?<!ch)"
_WAYBACK = re.compile(_START + r"(" + _YEAR + r")(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?!\d)")
_WAYBACK_IN_PATH = re.compile(_START + r"(" + _YEAR + r")(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?=(?:id_|if_|im_|js_|cs_)?/)")
_DAY_SEPARATED = re.compile(_START + r"(" + _YEAR + r")[-_.](\d\d)[-_.](\d\d)(?!\d)")
_DAY_COMPACT = re.compile(_START + r"(" + _YEAR + r")(\d\d)(\d\d)(?!\d)")
_MONTH = re.compile(_START + r"(" + _YEAR + r")[-_.](\d\d)(?![-_.]?\d)")
_YEAR_ALONE = re.compile(_START + r"(" + _YEAR + r")(?!\d)")


def _date(*parts: int) -> datetime | None:
    try:
        return datetime(*parts, tzinfo=UTC)
    except ValueError:
        return None


def from_file_name(name: str, *, title_year: int | None = None) -> CaptureDate | None:
    """The capture date a file name gives, or None. ``name``: a path or an archive member."""
    # A Wayback timestamp may name a folder (web/20090612083015id_/…): it is read in
    # the whole path; every other form only in the file's (or member's) own name.
    for match in reversed(list(_WAYBACK_IN_PATH.finditer(name))):
        when = _date(*(int(part) for part in match.groups()))
        if when:
            return CaptureDate(when, "second", "file name", match.group())
    base = re.split(r"[/\\!]", name)[-1]
    if not base:
        return None
    for match in reversed(list(_WAYBACK.finditer(base))):
        when = _date(*(int(part) for part in match.groups()))
        if when:
            return CaptureDate(when, "second", "file name", match.group())
    for pattern in (_DAY_SEPARATED, _DAY_COMPACT):
        for match in reversed(list(pattern.finditer(base))):
            when = _date(*(int(part) for part in match.groups()))
            if when:
                return CaptureDate(when, "day", "file name", match.group())
    for match in reversed(list(_MONTH.finditer(base))):
        when = _date(int(match.group(1)), int(match.group(2)), 1)
        if when:
            return CaptureDate(when, "month", "file name", match.group())
    years = list(_YEAR_ALONE.finditer(base))
    if len(years) == 1 and title_year is not None and int(years[0].group(1)) == title_year:
        return None  # the film's year (title-1999.html), not the capture's
    if years:
        last = years[-1]
        return CaptureDate(_date(int(last.group(1)), 1, 1), "year", "file name", last.group())
    return None


_DASH = r"(?:-|–|—|&ndash;|&#8211;|&#x2013;)"
_COPYRIGHT = re.compile(r"Copyright\b[^0-9\n]{0,40}?1990\s*" + _DASH + r"\s*(" + _YEAR + r")(?!\d)", re.IGNORECASE)
_MONTHS = "January February March April May June July August September October November December".split()  # noqa: SIM905
_NEWS_DATE = re.compile(
    # "(From MUBI. 13 October 2010, 9:48 AM, PDT)", "(From 24 May 2011, 8:33 AM, PDT)" (no
    # source), and in HTML "(From <a …>MUBI</a>. 13 October 2010, …)".
    r"(?:\(From\s+|\.\s+)(\d{1,2}) (" + "|".join(_MONTHS) + r") (" + _YEAR + r"), (\d{1,2}):(\d\d) (AM|PM), (P[SD]T)\)$"
)


def _news_ends(text: str):
    """Where a NewsDesk item's date may end: after "M, PST)" or "M, PDT)" (found by
    ``str.find``, far cheaper than a regular expression over a whole page)."""
    for zone in ("M, PST)", "M, PDT)"):
        at = text.find(zone)
        while at >= 0:
            yield at + len(zone)
            at = text.find(zone, at + 1)


def from_page(text: str) -> CaptureDate | None:
    """The capture date a page's own text gives (see the module's doc), or None."""
    # Patterns are tried only where a cheap search found their anchor: a page is ~100 KB.
    footer = None
    at = text.rfind("Copyright")  # the last one: the page's footer
    if at < 0:
        at = text.upper().rfind("COPYRIGHT")
    if at >= 0:
        footer = _COPYRIGHT.match(text, at, at + 120)
    newest: tuple[datetime, str] | None = None
    for end in _news_ends(text):
        match = _NEWS_DATE.search(text[max(0, end - 90) : end])
        if match is None:
            continue
        day, month, year, hour, minute, half, zone = match.groups()
        hour24 = int(hour) % 12 + (12 if half == "PM" else 0)
        local = _date(int(year), _MONTHS.index(month) + 1, int(day), hour24, int(minute))
        if local is None:
            continue
        moment = local + timedelta(hours=8 if zone == "PST" else 7)
        if newest is None or moment > newest[0]:
            newest = (moment, match.group().lstrip(". ").removeprefix("(From "))
    footer_year = int(footer.group(1)) if footer else None
    if newest is not None and (footer_year is None or newest[0].year >= footer_year):
        moment, evidence = newest
        day = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
        return CaptureDate(day, "day", "page's newest NewsDesk item (captured on or after)", evidence)
    if footer_year is not None:
        return CaptureDate(_date(footer_year, 1, 1), "year", "page footer", footer.group())
    return None
