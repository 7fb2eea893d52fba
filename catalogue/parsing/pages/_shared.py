"""Helpers shared by the reviews and full-credits parsers (text and HTML).

Dates, ids, parentheses, "as …" aliases and ``clean`` come from ``parsing.common``
(shared with the title parsers), the user-review blocks from ``parsing.reviews``; what is
here is particular to these pages. Every regex runs on one line of
bounded length (``MAX_LINE``), so a hostile page costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common import MAX_LINE, clean, credited_as_and_notes, split_parentheticals
from ..record import DEPARTMENT_KEYS, PageError


def check_not_binary(text: str) -> None:
    """Refuse text that is not a page at all (NUL bytes, mostly control characters)."""
    head = text[:8192]
    if not head.strip():
        raise PageError("the page is empty")
    controls = sum(1 for char in head if char < " " and char not in "\t\n\r\f") + head.count("\ufffd")
    if "\x00" in head or controls > len(head) // 20:
        raise PageError("not a page: the file holds binary data, not text or HTML")


# --- title headers -----------------------------------------------------------------


@dataclass
class TitleHeader:
    title: str
    year: int | None = None
    end_year: int | None = None
    kind: str = "movie"
    original_title: str | None = None


_PARENS = re.compile(r"\(([^()]{0,40})\)")
_YEAR_IN_PARENS = re.compile(
    r"(?:(?P<label>[A-Za-z][A-Za-z -]{0,30}?)\s+)?(?P<year>\d{4}|\?{4})(?:/[IVXL]+)?(?P<range>\s*[-–—]\s*(?P<end>\d{4})?)?\s*"
)
_ORIGINAL = re.compile(r"\s*(?P<original>[^()]{1,300}?)\s*\(original title\)")
_MORE_AT_PRO = re.compile(r"\s*More at IMDb\s?Pro\s*»?\s*")


def parse_title_header(text: str) -> TitleHeader | None:
    """``Gaslight (1944)``, ``"Lost" (2004)``, ``Hamlet (TV 1990)``, ``Halo 2 (2004) (VG)``…

    The title is what precedes the first parenthesis holding a year, so titles with
    parentheses of their own ("(500) Days of Summer (2009)") keep them. Returns None when
    the text is not a title header.
    """
    text = clean(text)[:MAX_LINE]
    original_title = None
    parts = _MORE_AT_PRO.split(text, maxsplit=1)
    text = parts[0]
    if len(parts) > 1:
        match = _ORIGINAL.match(parts[1])
        if match:
            original_title = clean(match.group("original")) or None
    year_match = None
    for parens in _PARENS.finditer(text):
        year_match = _YEAR_IN_PARENS.fullmatch(parens.group(1).strip()) if parens.start() > 0 else None
        if year_match:
            break
    if year_match is None:
        return None
    title, rest = clean(text[: parens.start()]), text[parens.end() :]
    if not title:
        return None
    if original_title is None and "(original title)" in rest:
        match = _ORIGINAL.match(rest)
        original_title = clean(match.group("original")) or None if match else None
    label = (year_match.group("label") or "").lower()
    year = int(year_match.group("year")) if year_match.group("year").isdigit() else None
    end = year_match.group("end")
    rest_lower = rest.lower()
    kind = "movie"
    if "series" in label and "mini" in label or "(mini)" in rest_lower:
        kind = "tv_mini_series"
    elif "series" in label or year_match.group("range") or (title.startswith('"') and title.endswith('"')):
        kind = "tv_series"
    elif "episode" in label:
        kind = "tv_episode"
    elif "video game" in label or "(vg)" in rest_lower:
        kind = "video_game"
    elif "special" in label:
        kind = "tv_special"
    elif label == "tv" or "(tv)" in rest_lower:
        kind = "tv_movie"
    elif "video" in label or "(v)" in rest_lower:
        kind = "video"
    elif "short" in label:
        kind = "short"
    if kind == "tv_series" and title.startswith('"') and title.endswith('"') and len(title) > 2:
        title = title[1:-1].strip()
    return TitleHeader(
        title=title, year=year, end_year=int(end) if end else None, kind=kind, original_title=original_title
    )


# --- departments and credit rows ---------------------------------------------------

_DEPARTMENT_KEYS_LOWER = {label.lower(): key for label, key in DEPARTMENT_KEYS.items()}
CAST_LABELS = {"cast", "series cast", "cast (in credits order)", "series cast summary", "cast summary"}
_NOT_A_KEY = re.compile(r"[^a-z0-9]+")
_LIKELY_HEADING = re.compile(
    r"(?:[A-Z][A-Za-z&/',-]*)(?: [A-Za-z&/',-]+){0,7} (?:by|Department|Departments|Management|crew|credits)"
)


def normalise_heading(text: str) -> str:
    return clean(text).rstrip(":").strip()


def department_for(label: str) -> tuple[str, bool]:
    """The department key for a heading as printed, and whether the heading is a known one.

    "Series Directed by" (TV series pages) takes the key of "Directed by".
    """
    lower = normalise_heading(label).lower()
    key = _DEPARTMENT_KEYS_LOWER.get(lower)
    if key is None and lower.startswith("series "):
        key = _DEPARTMENT_KEYS_LOWER.get(lower[len("series ") :])
    if key is not None:
        return key, True
    return _NOT_A_KEY.sub("_", lower).strip("_")[:60] or "other", False


def is_known_heading(text: str) -> bool:
    lower = normalise_heading(text).lower()
    return lower in CAST_LABELS or department_for(lower)[1]


def looks_like_heading(text: str) -> bool:
    """A line shaped like a crew heading not in DEPARTMENTS ("Location Management")."""
    text = normalise_heading(text)
    return len(text) <= 80 and bool(_LIKELY_HEADING.fullmatch(text))


@dataclass
class CreditParts:
    name: str
    job: str | None = None
    credited_as: str | None = None
    notes: list[str] = field(default_factory=list)
    character: str | None = None


_DOTS = re.compile(r"\s*\.{3,}\s*")
_TWO_SPACES = re.compile(r"\S(?: ?[\u00a0\t]| {2,})[\s\u00a0]*")
_JOINERS = re.compile(r"(?:\s+(?:and|&|\.{3}|…))+\s*$")


def split_credit_tail(tail: str) -> tuple[str | None, str | None, list[str]]:
    """``key makeup artist (as A. Marcus)`` → job, credited_as, notes (other parentheses)."""
    tail = _JOINERS.sub("", clean(tail))
    tail = _DOTS.sub(" ", tail).strip() if tail.startswith(".") else tail
    job, groups = split_parentheticals(tail)
    credited_as, notes = credited_as_and_notes(groups, any_case=True)
    return (job or None), credited_as, notes


def split_crew_row(line: str) -> CreditParts | None:
    """One crew row by the contract's table: ``Name .... job (notes) (as Alias)``, ``Name  job``,
    ``Name (notes)`` or ``Name``."""
    line = line.replace("\u00a0", " ").strip()
    if not line or len(line) > MAX_LINE:
        return None
    dots = _DOTS.search(line)
    if dots and dots.start() > 0:
        name, tail = line[: dots.start()], line[dots.end() :]
    else:
        gap = _TWO_SPACES.search(line)
        if gap:
            name, tail = line[: gap.start() + 1], line[gap.end() :]
        else:
            paren = line.find("(")
            name, tail = (line[:paren], line[paren:]) if paren > 0 else (line, "")
    name = clean(name)
    if not name or name.startswith("("):
        return None
    job, credited_as, notes = split_credit_tail(tail)
    return CreditParts(name=name, job=job, credited_as=credited_as, notes=notes)


_CAST_SEPARATOR = re.compile(r"\s+\.{3,}\s*|\s*\.{3,}\s+")


def split_cast_row(line: str) -> CreditParts | None:
    """``Toshirô Mifune ... Kikuchiyo (as Toshiro Mifune)`` → name, character, credited_as, notes."""
    line = line.replace("\u00a0", " ").strip()
    if not line or len(line) > MAX_LINE:
        return None
    separator = _CAST_SEPARATOR.search(line)
    if separator and separator.start() > 0:
        name, tail = clean(line[: separator.start()]), line[separator.end() :]
    else:
        # Cleaned first: split_parentheticals collapses str.isspace() space only (no U+200B).
        name, groups = split_parentheticals(clean(line))
        parts = CreditParts(name=name)
        _assign_cast_groups(parts, groups)
        return parts if name else None
    return cast_parts(name, tail)


def cast_parts(name: str, character_text: str) -> CreditParts:
    character, groups = split_parentheticals(clean(character_text))
    parts = CreditParts(name=clean(name), character=character or None)
    _assign_cast_groups(parts, groups)
    return parts


def _assign_cast_groups(parts: CreditParts, groups: list[str]) -> None:
    parts.credited_as, parts.notes = credited_as_and_notes(groups, any_case=True)
