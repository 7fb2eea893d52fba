"""Helpers shared by the reviews and full-credits parsers (text and HTML).

Dates, ids, parentheses and "as …" aliases come from ``parsing.common`` (shared with the
title parsers); what is here is particular to these pages. Every regex runs on one line of
bounded length (``MAX_LINE``), so a hostile page costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common import credited_as_and_notes, parse_date, split_parentheticals
from ..html.common import to_int
from ..record import DEPARTMENT_KEYS, PageError, Review

# Longer lines are not credit rows, headers or review headers; they are only kept.
MAX_LINE = 2000

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean(text: str) -> str:
    """One line of text with every run of white space (NBSP included) made one space."""
    return _SPACES.sub(" ", text).strip()


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
_YEAR_IN_PARENS = re.compile(r"(?:(?P<label>[A-Za-z][A-Za-z -]{0,30}?)\s+)?(?P<year>\d{4}|\?{4})(?:/[IVXL]+)?(?P<range>\s*[-–—]\s*(?P<end>\d{4})?)?\s*")
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
    title, rest = clean(text[: parens.start()]), text[parens.end():]
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
    return TitleHeader(title=title, year=year, end_year=int(end) if end else None, kind=kind, original_title=original_title)


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
        key = _DEPARTMENT_KEYS_LOWER.get(lower[len("series "):])
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
        name, tail = line[: dots.start()], line[dots.end():]
    else:
        gap = _TWO_SPACES.search(line)
        if gap:
            name, tail = line[: gap.start() + 1], line[gap.end():]
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
        name, tail = clean(line[: separator.start()]), line[separator.end():]
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


# --- user reviews ------------------------------------------------------------------

HELPFUL = re.compile(r"(\d[\d,]*) out of (\d[\d,]*) people found the following (?:review|comment) useful[.:]?", re.I)
REVIEW_COUNT = re.compile(r"(\d[\d,]*) (?:reviews?|comments?) in total|\((\d[\d,]*) total\)", re.I)
SPOILER = re.compile(r"\**\s*This (?:review|comment) may contain spoilers\s*\**", re.I)
USEFUL_QUESTION = re.compile(r"Was the above (?:review|comment) useful to you\??", re.I)
_AUTHOR = re.compile(r"Author:\s*(.*)", re.I)
_RATING = re.compile(r"(\d{1,2})\s*/\s*10")
_SUMMARY_AND_DATE = re.compile(r"(?P<summary>.+), (?P<date>\d{1,2} [A-Za-z]{3,9} \d{4}|[A-Za-z]{3,9} \d{1,2}, \d{4})")


@dataclass
class Line:
    """One line of a page, with what the HTML said about it (text pages leave the defaults)."""

    text: str
    number: int = 0  # 1-based line number in the text page (0 for HTML)
    bold: bool = False  # the whole line is bold (a review's summary in HTML)
    user_id: str | None = None  # ur… of a /user/ link on the line
    user_name: str | None = None  # that link's text
    rating: int | None = None  # an image alt or title "8/10" on the line
    rule: bool = False  # a horizontal rule (HTML <hr>): ends a review


def review_count_in(text: str) -> int | None:
    match = REVIEW_COUNT.search(text[:MAX_LINE])
    if not match:
        return None
    return to_int(match.group(1) or match.group(2))


def _is_author(line: Line) -> bool:
    text = line.text
    return text[:7].lower() == "author:" or bool(line.user_id and line.user_name and not line.bold)


def _is_rating_only(line: Line) -> bool:
    return bool(_RATING.fullmatch(line.text)) or (line.rating is not None and not line.text)


def _is_terminator(line: Line) -> bool:
    return line.rule or bool(USEFUL_QUESTION.match(line.text))


@dataclass
class ReviewsResult:
    reviews: list[Review] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Indexes of the lines the reviews took (the caller reports the others as unparsed).
    used: set[int] = field(default_factory=set)


def parse_review_lines(lines: list[Line], *, is_stop=lambda line: False) -> ReviewsResult:
    """Every review block in ``lines``, anchored on its "Author:" line.

    A block is: [helpful line] [summary[, date]] [date] [rating] / Author: name from place /
    [date] [rating] [spoiler warning] / paragraphs / [Was the above review useful to you?].
    ``is_stop`` says which lines end a review's text (page footer, paging).
    """
    result = ReviewsResult()
    authors = [index for index, line in enumerate(lines) if len(line.text) <= MAX_LINE and _is_author(line)]
    starts = [_header_start(lines, index) for index in authors]
    for position, author_index in enumerate(authors):
        start = starts[position]
        limit = starts[position + 1] if position + 1 < len(authors) else len(lines)
        review, used = _review_block(lines, start, author_index, limit, is_stop, result.warnings)
        if review is not None:
            result.reviews.append(review)
            result.used.update(used)
    return result


def _header_start(lines: list[Line], author_index: int) -> int:
    """Walk back from an author line over the summary, date, rating and helpful lines."""
    index = author_index
    took_summary = False
    steps = 0
    while index > 0 and steps < 8:
        steps += 1
        line = lines[index - 1]
        text = line.text
        if not text and line.rating is None and not line.rule:
            index -= 1
            continue
        if _is_terminator(line) or _is_author(line) or len(text) > MAX_LINE:
            break
        if HELPFUL.fullmatch(text):
            index -= 1
            break
        if parse_date(text) or _is_rating_only(line) or (line.user_id and not text):
            index -= 1
            continue
        if took_summary or SPOILER.fullmatch(text):
            break
        index -= 1
        took_summary = True
    return index


def _review_block(lines, start, author_index, limit, is_stop, warnings):
    header = lines[start:author_index]
    summary = date = None
    helpful = helpful_total = rating = None
    used = set(range(start, author_index + 1))
    bold_lines = [line for line in header if line.bold and line.text]
    for line in header:
        text = line.text
        helpful_match = HELPFUL.fullmatch(text)
        if helpful_match:
            helpful, helpful_total = to_int(helpful_match.group(1)), to_int(helpful_match.group(2))
            continue
        if line.rating is not None:
            rating = line.rating
        if not text:
            continue
        if _RATING.fullmatch(text):
            rating = int(_RATING.fullmatch(text).group(1))
            continue
        if parse_date(text) and (summary is not None or not (bold_lines and line is bold_lines[0])):
            date = date or parse_date(text)
            continue
        if summary is None and (not bold_lines or line is bold_lines[0] or line.bold):
            split = _SUMMARY_AND_DATE.fullmatch(text)
            if split and parse_date(split.group("date")):
                summary, date = clean(split.group("summary")), parse_date(split.group("date"))
            else:
                summary = clean(text)
    author_line = lines[author_index]
    author, location = _author_and_location(author_line)
    if author_line.rating is not None:
        rating = author_line.rating
    spoiler = False
    index = author_index + 1
    # What follows the author line before the text: date, location, rating, spoiler flag.
    while index < limit:
        line = lines[index]
        text = line.text
        if line.rating is not None and not text:
            rating = line.rating
        elif not text:
            pass
        elif parse_date(text) and date is None:
            date = parse_date(text)
        elif text.lower().startswith("from ") and location is None:
            location = clean(text[5:]) or None
        elif _RATING.fullmatch(text):
            rating = int(_RATING.fullmatch(text).group(1))
        elif SPOILER.fullmatch(text):
            spoiler = True
        else:
            break
        if line.rating is not None:
            rating = line.rating
        used.add(index)
        index += 1
    paragraphs: list[str] = []
    current: list[str] = []
    while index < limit:
        line = lines[index]
        if _is_terminator(line) or is_stop(line):
            if USEFUL_QUESTION.match(line.text):
                used.add(index)
            break
        used.add(index)
        if SPOILER.fullmatch(line.text) and not paragraphs and not current:
            spoiler = True
        elif line.text:
            current.append(line.text)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
        index += 1
    if current:
        paragraphs.append("\n".join(current))
    if rating is not None and not 1 <= rating <= 10:
        warnings.append(f"review by {author}: rating {rating}/10 is out of range; dropped")
        rating = None
    if helpful is not None and helpful_total is not None and helpful > helpful_total:
        warnings.append(f"review by {author}: {helpful} out of {helpful_total} found it useful; kept as printed")
    if author is None and summary is None and not paragraphs:
        return None, set()
    review = Review(
        title=summary,
        date=date,
        author=author,
        location=location,
        helpful=helpful,
        helpful_total=helpful_total,
        text="\n\n".join(paragraphs),
        rating=rating,
        spoiler=spoiler,
        author_id=author_line.user_id,
    )
    return review, used


def _author_and_location(line: Line) -> tuple[str | None, str | None]:
    text = line.text
    match = _AUTHOR.fullmatch(text)
    rest = clean(match.group(1)) if match else text
    if line.user_name and rest.startswith(line.user_name):
        author = line.user_name
        after = rest[len(line.user_name):].strip()
        location = clean(after[5:]) if after.lower().startswith("from ") else None
        return author or None, location or None
    name, separator, place = rest.partition(" from ")
    if not separator and rest.lower().startswith("from "):
        return None, clean(rest[5:]) or None
    return (clean(name) or None), (clean(place) or None) if separator else None
