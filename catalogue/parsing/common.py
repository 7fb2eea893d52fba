"""Pure-text helpers shared by the text, HTML and sub-page parsers: month names, dates,
IMDb ids in links, parenthesised notes. One copy each, so every parser reads a date or an id alike.
"""

from __future__ import annotations

import datetime
import re

__all__ = [
    "MAX_LINE",
    "MONTHS",
    "clean",
    "credited_as_and_notes",
    "imdb_id_from_href",
    "parse_date",
    "split_parentheticals",
]

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
# Longer lines are not credit rows, headers or review headers; they are only kept.
MAX_LINE = 2000


def clean(text: str) -> str:
    """One line of text with every run of white space (NBSP included) made one space."""
    return _SPACES.sub(" ", text).strip()


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


_FLAT_GROUP = re.compile(r"\(([^()]*)\)")
_TRAILING_FLAT_GROUPS = re.compile(r"(?:\s*\([^()]*\))+\s*$")


def split_parentheticals(text: str, *, trailing_only: bool = False) -> tuple[str, list[str]]:
    """Split ``"Name (a) (b (c))"`` into ``("Name", ["a", "b (c)"])``.

    With ``trailing_only``, only the groups at the end are taken (a character
    named "Dr. (Mrs.) Smith" keeps its inner parentheses). Unbalanced parentheses
    stay in the text.
    """
    if "(" not in text:
        return " ".join(text.split()), []
    if trailing_only:
        found = _TRAILING_FLAT_GROUPS.search(text) if len(text) < 500 else None
        if found and "(" not in text[: found.start()] and ")" not in text[: found.start()]:
            # Only flat groups, all at the end (the usual "Bit Part (uncredited)").
            return " ".join(text[: found.start()].split()), [
                note for note in (" ".join(group.split()) for group in _FLAT_GROUP.findall(found.group(0))) if note
            ]
        notes: list[str] = []
        rest = text.rstrip()
        while rest.endswith(")"):
            depth = 0
            start = -1
            for index in range(len(rest) - 1, -1, -1):
                char = rest[index]
                if char == ")":
                    depth += 1
                elif char == "(":
                    depth -= 1
                    if depth == 0:
                        start = index
                        break
            if start < 0:
                break
            inner = " ".join(rest[start + 1 : -1].split())
            if inner:
                notes.insert(0, inner)
            rest = rest[:start].rstrip()
        return rest, notes
    flat_notes = [" ".join(group.split()) for group in _FLAT_GROUP.findall(text)]
    flat_rest = _FLAT_GROUP.sub(" ", text)
    if "(" not in flat_rest and ")" not in flat_rest:
        return " ".join(flat_rest.split()), [note for note in flat_notes if note]
    outside: list[str] = []
    notes = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "(":
            if depth:
                current.append(char)
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth:
                current.append(char)
            else:
                inner = " ".join("".join(current).split())
                if inner:
                    notes.append(inner)
                current = []
                outside.append(" ")
        elif depth:
            current.append(char)
        else:
            outside.append(char)
    if depth:  # unbalanced: keep what was open as text
        outside.append("(" + "".join(current))
    return " ".join("".join(outside).split()), notes


def credited_as_and_notes(groups: list[str], *, any_case: bool = False) -> tuple[str | None, list[str]]:
    """A credit's parenthesised groups → ``(credited_as, other notes)``: the first ``as …`` is the alias.

    ``any_case`` also takes ``As …`` (the reviews and full-credits pages); the title pages'
    text parser has always required a lower-case ``as``.
    """
    credited_as = None
    notes = []
    for group in groups:
        if credited_as is None and (group.lower() if any_case else group).startswith("as "):
            credited_as = group[3:].strip() or None
        else:
            notes.append(group)
    return credited_as, notes
