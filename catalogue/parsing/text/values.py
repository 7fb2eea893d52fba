"""Value parsers for single fields of a title page: one printed value in, record parts out.

Every function takes an already normalised line (non-breaking spaces and tabs made
spaces, outer whitespace stripped) and returns ``None`` when the line is not of its
shape. The regular expressions are anchored and free of nested quantifiers, so each
runs in time linear in the line's length.
"""

from __future__ import annotations

import re

from ..awards import parse_awards  # noqa: F401  (re-exported: sections read it from here)
from ..common import MONTHS
from ..record import Aka, Certificate, Company, Rating, ReleaseDate, Runtime
from ..record import Awards, Popularity  # noqa: F401  (re-exported: sections read them from here)
from .vocabulary import COLORS, COMPANY_NOTE_WORDS, COUNTRIES, GENRES, LANGUAGES, SOUND_MIXES

# Lines longer than this are free text (a review paragraph, a plot), never a short field.
SHORT_LINE = 400
LIST_LINE = 20_000

_PLOT_MARKER = re.compile(
    r"(?:Full summary|full summary|See full summary|Add synopsis|Full synopsis|full synopsis)\s*»?\s*$"
)


_LINK_ENDINGS = ("»", "more", "More", "synopsis", "summary", "Synopsis", "Summary", "(more)", "See all", "trailer)")
# Link texts the page prints after a value, lower-cased, longest first.
_LINK_SUFFIXES = (
    "see full summary »",
    "see full synopsis »",
    "full summary »",
    "full synopsis »",
    "add synopsis »",
    "see full summary",
    "see full synopsis",
    "full summary",
    "full synopsis",
    "add synopsis",
    "see more »",
    "see all »",
    "see more",
    "more »",
    "(more)",
    "(view trailer)",
)


def strip_links(text: str, *, bare_more: bool = True) -> str:
    """The value without the page's trailing "See more »" style links ("… See more »", "… | Add synopsis »")."""
    rest = text
    # At most a few links follow a value ("Full summary » | Add synopsis »"): bounded, so linear.
    for _ in range(4):
        if not rest.endswith(_LINK_ENDINGS):
            break
        tail = rest[-24:].lower()
        for suffix in _LINK_SUFFIXES:
            if tail.endswith(suffix):
                rest = rest[: len(rest) - len(suffix)].rstrip().rstrip("|").rstrip()
                break
        else:
            # A bare "more" link ("15 July 1988 (USA) more"), never the end of a word ("evermore").
            if bare_more and tail.endswith("more") and (len(rest) == 4 or rest[-5] == " "):
                rest = rest[:-4].rstrip().rstrip("|").rstrip()
            elif rest.endswith(" »"):
                # A bare "»" link after a value ("Hello. »"); "«Title»" keeps its own.
                rest = rest[:-2].rstrip().rstrip("|").rstrip()
            else:
                break
    return rest


def has_plot_marker(text: str) -> bool:
    return bool(_PLOT_MARKER.search(text[-120:]))


def collapse(text: str) -> str:
    return " ".join(text.split())


def parse_int(text: str) -> int | None:
    digits = text.replace(",", "").replace(".", "").strip()
    return int(digits) if digits.isdigit() and len(digits) < 12 else None


# Trailing "(note)" groups: peeled from the end one at a time (linear: each pass is one rfind).
def split_trailing_parens(text: str) -> tuple[str, list[str]]:
    """``"Name (a) (b)"`` → ``("Name", ["a", "b"])``; nested or unbalanced groups stay in the text."""
    rest = text.rstrip()
    if not rest.endswith(")"):
        return rest, []
    notes: list[str] = []
    while rest.endswith(")"):
        start = rest.rfind("(")
        # The common case: no parenthesis inside the group.
        if start > 0 and rest.find(")", start) == len(rest) - 1:
            pass
        else:
            start = _matching_open(rest)
        if start <= 0:
            break
        inner = rest[start + 1 : -1].strip()
        if not inner:
            break
        notes.append(inner)
        rest = rest[:start].rstrip()
    notes.reverse()
    return rest, notes


def _matching_open(text: str) -> int:
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return index
    return -1


# ---------------------------------------------------------------- header

_HEADER_PAREN = re.compile(
    r"^(?:(?P<label>TV Series|TV Mini-Series|TV Mini Series|Mini-Series|TV Episode|TV Special|TV Short|TV Movie|TV|Video Game|Video|VG|V|Short"
    r"|TV series|TV mini-series|TV mini series|TV episode|TV special|TV short|TV movie|Video game)\s*)?"
    r"(?P<year>\d{4}|\?\?\?\?)?(?:/(?P<roman>[IVXL]+))?"
    r"(?P<dash>\s*[-–—]\s*(?P<end>\d{4})?)?\s*$"
)
_KIND_BY_LABEL = {
    "TV Series": "tv_series",
    "TV Mini-Series": "tv_mini_series",
    "TV Mini Series": "tv_mini_series",
    "Mini-Series": "tv_mini_series",
    "TV Episode": "tv_episode",
    "TV Special": "tv_special",
    "TV Short": "short",
    "TV Movie": "tv_movie",
    "TV": "tv_movie",
    "Video Game": "video_game",
    "VG": "video_game",
    "Video": "video",
    "V": "video",
    "Short": "short",
}
# Later pages print the label in lower case: "(TV series 1959–1964)".
_KIND_BY_LOWER_LABEL = {label.lower(): kind for label, kind in _KIND_BY_LABEL.items()}
_KIND_BY_SUFFIX = {
    "tv": "tv_movie",
    "tv movie": "tv_movie",
    "v": "video",
    "video": "video",
    "vg": "video_game",
    "video game": "video_game",
    "mini": "tv_mini_series",
    "tv mini-series": "tv_mini_series",
    "tv series": "tv_series",
    "tv episode": "tv_episode",
    "short": "short",
    "tv special": "tv_special",
}
_EPISODE_NUMBER = re.compile(r"\(#(\d{1,4})\.(\d{1,5})\)")


class Header:
    __slots__ = ("title", "year", "end_year", "kind", "series", "original_title", "season", "episode")

    def __init__(self) -> None:
        self.title: str | None = None
        self.year: int | None = None
        self.end_year: int | None = None
        self.kind = "movie"
        self.series: tuple[str, int | None] | None = None
        self.original_title: str | None = None
        self.season: int | None = None
        self.episode: int | None = None


def _year(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def parse_title_with_year(text: str) -> Header | None:
    """``Title (1959)``, ``"Series" Episode (2000)``, ``Title (TV 1999)``, ``Title (1994–2004)``…"""
    if len(text) > SHORT_LINE or "(" not in text:
        return None
    text = text.strip()
    # Trailing "(TV)", "(V)", "(VG)", "(mini)", "(TV episode)" after the year paren.
    suffix_kind = None
    body, notes = split_trailing_parens(text)
    groups = [body] + [f"({note})" for note in notes]
    header_paren_index = None
    match = None
    for index in range(1, len(groups)):
        match = _HEADER_PAREN.match(groups[index][1:-1])
        if match and match.group("year"):
            header_paren_index = index
            break
    if header_paren_index is None or match is None:
        return None
    for extra in groups[header_paren_index + 1 :]:
        key = extra[1:-1].strip().lower()
        if key in _KIND_BY_SUFFIX:
            suffix_kind = _KIND_BY_SUFFIX[key]
    title = " ".join(groups[:header_paren_index]).strip()
    if not title:
        return None
    header = Header()
    header.year = _year(match.group("year"))
    label = match.group("label")
    has_range = match.group("dash") is not None
    if label:
        header.kind = _KIND_BY_LOWER_LABEL[label.lower()]
    if has_range:
        header.end_year = _year(match.group("end"))
        if header.kind == "movie" or header.kind == "tv_movie":
            header.kind = "tv_series"
    if suffix_kind:
        header.kind = suffix_kind
    header.title = title
    _episode_parts(header)
    return header


def _episode_parts(header: Header) -> None:
    """``"Friends" The One with the Nap Partners`` → series "Friends", episode title."""
    title = header.title or ""
    number = _EPISODE_NUMBER.search(title)
    if number:
        header.season, header.episode = int(number.group(1)), int(number.group(2))
        title = (title[: number.start()] + title[number.end() :]).strip()
    if title.startswith('"'):
        close = title.find('"', 1)
        if close > 1:
            series = title[1:close].strip()
            rest = title[close + 1 :].strip()
            series_year = None
            year_match = re.match(r"^\((\d{4})(?:/[IVXL]+)?\)\s*", rest)
            if year_match:
                series_year = int(year_match.group(1))
                rest = rest[year_match.end() :]
            rest = rest.lstrip(">").strip()
            if rest.startswith("{") and rest.endswith("}"):
                rest = rest[1:-1].strip()
            if rest:
                header.series = (series, series_year)
                header.title = rest
                header.kind = "tv_episode"
            else:
                header.title = series
                if header.kind in ("movie", "tv_movie"):
                    header.kind = "tv_series"
            return
    header.title = title


# ---------------------------------------------------------------- overview values

_RATING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\s*/\s*(\d{1,3})\b\s*(?:\(?\s*([\d,.]{1,15})\s+votes?\)?)?")
_AWAITING = re.compile(r"^\(?awaiting (\d[\d,]{0,12}) votes?\)?", re.I)


def parse_rating(text: str) -> Rating | None | bool:
    """A Rating; ``False`` for "awaiting 5 votes" (a rating line with no rating); ``None`` if not a rating line."""
    text = text[:SHORT_LINE]
    if _AWAITING.match(text):
        return False
    match = _RATING.match(text)
    if not match:
        return None
    try:
        value = float(match.group(1))
    except ValueError:
        return None
    best = int(match.group(2))
    if best <= 0 or value > best:
        return None
    votes = parse_int(match.group(3)) if match.group(3) else None
    if votes is None:
        return None
    return Rating(value=value, best=best, votes=votes)


_RATING_VALUE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\s*/\s*(\d{1,3})\s*»?$")


def parse_rating_value(text: str) -> tuple[float, int] | None:
    """``8.0/10`` alone (its votes printed on the next line)."""
    match = _RATING_VALUE.match(text[:40])
    if not match or int(match.group(2)) <= 0 or float(match.group(1)) > int(match.group(2)):
        return None
    return float(match.group(1)), int(match.group(2))


_POPULARITY_TEXT = re.compile(
    r"^((?:Up|Down) [\d,.]{1,12}% in popularity this week\.|No change in popularity this week\.)"
)
_POPULARITY_RANK = re.compile(r"^#?\s*([\d,]{1,12})\b")


def popularity_rank(value: str) -> int | None:
    match = _POPULARITY_RANK.match(value.strip())
    return parse_int(match.group(1)) if match else None


def popularity_text(text: str) -> str | None:
    match = _POPULARITY_TEXT.match(text[:SHORT_LINE])
    return match.group(1) if match else None


_DATE = re.compile(
    r"^(?:(?P<day>\d{1,2}) )?(?:(?P<month>[A-Z][a-z]{2,8}) )?(?P<year>\d{4})(?P<rest>(?:\s*\([^()]{1,80}\))*)\s*$"
)


def parse_date_text(text: str) -> str | None:
    """``"16 May 1960"`` → ``"1960-05-16"``; ``"May 1960"`` → ``"1960-05"``; ``"1960"`` → ``"1960"``."""
    match = _DATE.match(text[:SHORT_LINE].strip())
    if not match or match.group("rest"):
        return None
    return _iso(match)


def _iso(match: re.Match) -> str | None:
    month_name = match.group("month")
    day = match.group("day")
    year = match.group("year")
    if month_name is None:
        return None if day else year
    month = MONTHS.get(month_name.lower())
    if month is None:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{month:02d}-{int(day):02d}"


def parse_release_date(text: str) -> ReleaseDate | None:
    """``16 May 1960 (USA)`` (optionally ``(festival)`` notes after the country)."""
    match = _DATE.match(text[:SHORT_LINE].strip())
    if not match:
        return None
    iso = _iso(match)
    if iso is None:
        return None
    printed = text[: match.start("rest")].strip() if match.group("rest") else text.strip()
    _, notes = split_trailing_parens(match.group("rest") or "x")
    country = notes[0] if notes else None
    note = ", ".join(notes[1:]) if len(notes) > 1 else None
    return ReleaseDate(date=iso, text=printed, country=country, note=note)


_RUNTIME_ITEM = re.compile(r"^(?:(?P<country>[^:|()]{1,60}):\s*)?(?P<minutes>\d{1,5})\s*min\b\.?(?P<rest>.*)$")


def parse_runtimes(text: str) -> list[Runtime] | None:
    """``USA:114 min | 105 min (restored)``; ``None`` unless every item is a runtime."""
    if len(text) > LIST_LINE:
        return None
    runtimes = []
    for item in list_items(text):
        item = item.strip()
        if not item:
            continue
        match = _RUNTIME_ITEM.match(item)
        if not match:
            return None
        rest, notes = split_trailing_parens("x " + match.group("rest").strip())
        if rest.strip() != "x":
            return None
        runtimes.append(
            Runtime(
                minutes=int(match.group("minutes")),
                country=match.group("country").strip() if match.group("country") else None,
                note=", ".join(notes) if notes else None,
            )
        )
    return runtimes or None


_ASPECT = re.compile(r"^\d{1,2}(?:\.\d{1,3})?\s*:\s*1\b")


def parse_aspect_ratio(text: str) -> str | None:
    return text.strip() if _ASPECT.match(text[:SHORT_LINE]) else None


def list_items(text: str) -> list[str]:
    """A printed list's items: ``a | b``, or ``a / b`` in the 2006–2008 layout (never inside a note)."""
    if "|" in text or " / " not in text:
        return text.split("|")
    items: list[list[str]] = []
    depth = 0  # open parentheses in the item so far: counted once per part, so linear
    for part in text.split(" / "):
        if items and depth > 0:
            items[-1].append(part)  # "Canada:R (Nova Scotia / Ontario)"
        else:
            items.append([part])
            depth = 0
        depth += part.count("(") - part.count(")")
    return [" / ".join(item) for item in items]


def split_list(text: str) -> list[str]:
    """``Drama | Mystery | Thriller`` (or ``Drama / Thriller``) → the items, stripped, empty ones dropped."""
    return [collapse(item) for item in list_items(text) if item.strip()]


def is_genre_list(text: str) -> bool:
    items = split_list(text[:LIST_LINE])
    return bool(items) and all(item in GENRES for item in items)


def is_country_list(text: str) -> bool:
    items = split_list(text[:LIST_LINE])
    return bool(items) and all(item in COUNTRIES for item in items)


def is_language_list(text: str) -> bool:
    items = split_list(text[:LIST_LINE])
    return bool(items) and all(item in LANGUAGES for item in items)


def _is_vocabulary_list(text: str, vocabulary: frozenset[str]) -> bool:
    """Every ``|`` item is a vocabulary word, optionally with ``(notes)``: ``Color (Technicolor)``."""
    items = split_list(text[:LIST_LINE])
    return bool(items) and all(split_trailing_parens(item)[0] in vocabulary for item in items)


def is_color_list(text: str) -> bool:
    return _is_vocabulary_list(text, COLORS)


def is_sound_mix_list(text: str) -> bool:
    return _is_vocabulary_list(text, SOUND_MIXES)


# ---------------------------------------------------------------- details

_CERT_RATING = re.compile(r"^[\w+/.\-' ]{1,25}(?:\([\w+/.\-' ]{1,12}\)[\w+]{0,4})?$")
_RUNTIME_VALUE = re.compile(r"^\d{1,5}\s*min\b")


def parse_certificates(text: str) -> list[Certificate] | None:
    """``Italy:T (re-rating) (1974) | Portugal:(Banned) (original rating) | …``; ``None`` if not of that shape.

    The country must be a known country name: a headline or a title with a colon
    ("Alien: Resurrection") is not a certificate.
    """
    # The first country name is short, so its colon comes early; most lines fail here.
    # A space after the colon is a headline's ("Japan: Box Office Report"), unless a rating code follows.
    if len(text) > LIST_LINE or ":" not in text[:48] or not text[:1].isupper():
        return None
    certificates = []
    for item in list_items(text):
        item = item.strip()
        if not item:
            continue
        country, colon, value = item.partition(":")
        country = country.strip()
        spaced = value[:1] == " "
        value = value.strip()
        if not colon or not value or country not in COUNTRIES:
            return None
        if value.startswith("("):
            close = value.find(")")
            if close < 0:
                return None
            rating, rest = value[: close + 1], value[close + 1 :]
        else:
            # Notes follow after a space; a parenthesis inside the rating stays: "R(A)".
            paren = value.find(" (")
            rating, rest = (value, "") if paren < 0 else (value[:paren].strip(), value[paren:])
            if not _CERT_RATING.match(rating) or len(rating.split()) > 3 or _RUNTIME_VALUE.match(rating):
                return None
            if spaced and (" " in rating or not (rating.isupper() or any(char.isdigit() for char in rating))):
                return None
            if rating in COUNTRIES:
                return None  # "Japan: USA": two names, no rating
        rest = rest.strip()
        if rest:
            leftover, notes = split_trailing_parens("x " + rest)
            if leftover != "x":
                return None
        else:
            notes = []
        certificates.append(Certificate(country=country, rating=rating, notes=notes))
    return certificates or None


def looks_like_certificates(text: str) -> bool:
    """A cheap test of the first two items, for deciding which section a line belongs to."""
    if ":" not in text[:48] or not text[:1].isupper():
        return False
    items = list_items(text[:300])
    if len(text) > 300 and len(items) > 1:
        items.pop()  # cut mid-item
    return parse_certificates("|".join(items[:2])) is not None


def parse_aka(text: str) -> Aka | None:
    """``"Hiroshima, My Love" - International (English title) (imdb display title)``."""
    text = text.strip()
    if not text.startswith('"') or len(text) > SHORT_LINE * 2:
        return None
    close = text.rfind('"')
    if close <= 0:
        return None
    title = text[1:close].strip()
    rest = text[close + 1 :].strip()
    if not title:
        return None
    if rest.startswith("-"):
        rest = rest[1:].strip()
    elif rest and not rest.startswith("("):
        return None
    country, notes = split_trailing_parens(rest)
    country = country.strip()
    if country and not is_country_text(country):
        return None  # '"Cooley High" Is the Most Influential Movie…': a headline, not an AKA
    return Aka(title=title, country=country or None, notes=notes)


_PAREN_GROUP = re.compile(r"\([^()]{0,120}\)")


def is_country_text(text: str) -> bool:
    """``USA``, ``Argentina, Peru, Spain``, ``Canada (French title), France``: country names, with notes."""
    parts = _PAREN_GROUP.sub(" ", text[:SHORT_LINE]).replace(" / ", ",").split(",")
    return all(collapse(part) in COUNTRIES for part in parts)


def parse_plain_aka(text: str) -> Aka | None:
    """``Grotesque (Japan: English title) (censored version)``: main-details pages print no quotes.

    The groups are kept as notes, as printed; the first must name a country ("Japan",
    "Japan: English title"), so that a line of another shape is not taken for an AKA.
    """
    text = text.strip()
    if len(text) > SHORT_LINE or text.startswith('"'):
        return None
    title, notes = split_trailing_parens(text)
    title = title.strip()
    if not title or not notes or "(" in title and title.count("(") != title.count(")"):
        return None
    head = notes[0].partition(":")[0].partition(",")[0].strip()
    if head not in COUNTRIES:
        return None
    return Aka(title=title, country=None, notes=notes)


def _company_note(note: str) -> bool:
    if not note:
        return False
    if note[0].isdigit() or note[0].islower() or note.startswith("as "):
        return True
    return note in COUNTRIES or note in COMPANY_NOTE_WORDS


def parse_company(text: str, kind: str) -> Company | None:
    """``Metro-Goldwyn-Mayer (MGM) (1944) (USA) (theatrical)``; ``Name  presents``; ``Name .... description``."""
    text = text.strip()
    if not text or len(text) > SHORT_LINE:
        return None
    description = None
    for separator in (" .... ", "...."):
        if separator in text:
            text, _, description = text.partition(separator)
            break
    else:
        double = text.find("  ")
        if double > 0 and not text[double:].lstrip().startswith("("):
            text, description = text[:double], text[double:]
    name, notes = split_trailing_parens(text.strip())
    # Parenthesised parts of a name ("(MGM)", "(YLE)") stay in it: only the trailing notes are notes.
    keep = len(notes)
    while keep > 0 and _company_note(notes[keep - 1]):
        keep -= 1
    # notes[:keep] end with a non-note: those and everything before belong to the name.
    name_parts = notes[:keep]
    notes = notes[keep:]
    if name_parts:
        name = name + " " + " ".join(f"({part})" for part in name_parts)
    name = collapse(name)
    if not name:
        return None
    if description and description.strip():
        notes.append(collapse(description))
    return Company(kind=kind, name=name, notes=notes)
