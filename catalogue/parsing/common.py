"""Pure-text helpers shared by the text, HTML and sub-page parsers: month names, dates,
IMDb ids in links. One copy each, so every parser reads a date or an id alike.
"""

from __future__ import annotations

import datetime
import re

__all__ = ["MONTHS", "imdb_id_from_href", "parse_date"]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

# White space as the sub-page parsers count it: NBSP and the zero-width space included.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

# Full dates only (review dates): "10 May 2011", "10 May, 2011", "May 10, 2011".
_FULL_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})")
# Title-page dates may lack the day: "11 May 1944", "May 1944" (no comma before the year).
_PARTIAL_DAY_MONTH_YEAR = re.compile(r"(?:(\d{1,2}) )?([A-Za-z]{3,9})\.? (\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")
_YEAR_ONLY = re.compile(r"\d{4}")
# A date is never longer once its white space is collapsed (bounds work on hostile input).
_LONGEST_DATE = 40


def parse_date(text: str | None, *, partial: bool = False) -> str | None:
    """``"10 May 2011"`` (or ``"May 10, 2011"``) → ``"2011-05-10"``; None if it is not a date.

    With ``partial`` (title pages' release and review dates), a date may lack its day or
    month: ``"May 1944"`` → ``"1944-05"``, ``"1944"`` → ``"1944"``. Without it (reviews
    pages), only a full date counts, since a bare year there is review text.
    """
    if not text:
        return None
    # The title parser has always split on str.isspace() white space only; kept as it was.
    text = " ".join(text.split()) if partial else _SPACES.sub(" ", text).strip()
    if len(text) > _LONGEST_DATE:
        return None
    found = (_PARTIAL_DAY_MONTH_YEAR if partial else _FULL_DAY_MONTH_YEAR).fullmatch(text)
    if found:
        day, month, year = found.groups()
    else:
        found = _MONTH_DAY_YEAR.fullmatch(text)
        if found:
            month, day, year = found.groups()
        elif partial and _YEAR_ONLY.fullmatch(text):
            return text
        else:
            return None
    month_number = MONTHS.get(month.lower())
    if month_number is None:
        return None
    if not day:
        return f"{year}-{month_number:02d}"
    try:
        return datetime.date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


# Ids are 7 digits (8 for the newest); the look-ahead refuses a longer run of digits.
_ID_IN_HREF = {prefix: re.compile(rf"/{prefix}(\d{{7,8}})(?![0-9])") for prefix in ("tt", "nm", "ch", "ur", "co")}
# Links are short; a hostile multi-megabyte href is not searched past this.
_LONGEST_HREF = 2000


def imdb_id_from_href(href: str | None, prefix: str) -> str | None:
    """``/name/nm0000964/`` → ``"nm0000964"`` (the id of kind ``prefix``), else None.

    ``http://www.imdb.com/rg/x/title/tt0036855/`` works too.
    """
    if not href:
        return None
    match = _ID_IN_HREF[prefix].search(href[:_LONGEST_HREF])
    return f"{prefix}{match.group(1)}" if match else None
