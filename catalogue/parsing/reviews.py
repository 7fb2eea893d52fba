"""User reviews as blocks of lines: the one review parser of the reviews pages, text and HTML.

A page becomes ``Line``s (a text page's lines; an HTML page's blocks, with what the
markup said: bold, a /user/ link, a star image's "8/10"); ``parse_review_lines`` finds
each review block by its "Author:" line (or reviewer link) and reads it. Every regex
runs on one line of bounded length (``MAX_LINE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .common import MAX_LINE, clean, parse_date
from .html.common import to_int
from .record import Review

HELPFUL = re.compile(
    r"(\d[\d,]*) out of (\d[\d,]*) people found the following (?:review|comment) useful[.:-]{0,3}", re.I
)
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
        after = rest[len(line.user_name) :].strip()
        location = clean(after[5:]) if after.lower().startswith("from ") else None
        return author or None, location or None
    name, separator, place = rest.partition(" from ")
    if not separator and rest.lower().startswith("from "):
        return None, clean(rest[5:]) or None
    return (clean(name) or None), (clean(place) or None) if separator else None
