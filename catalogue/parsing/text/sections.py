"""The page's sections, in page order: each reads its lines from the cursor and fills the record.

A section starts at its label ("Release Date:", "Directed by", "Also Known As:") or, where
the extraction dropped the label, at a line of its shape ("90 min", ``Italy:T | …``).
Each function gets the page (cursor at the section's first line) and the value printed
after the label on the same line, and leaves the cursor after what it took.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..record import CastMember, Connection, CrewMember, Goof, QuoteLine, Recommendation, Review, SeriesRef
from . import values as v
from .credits import CREW_HEADINGS, crew_heading, parse_cast_row, parse_crew_row, split_people, unknown_crew_heading
from .lines import BOILERPLATE, TERMINATORS, Page, collapse, is_boilerplate, is_terminator
from .vocabulary import CONNECTION_TYPES, GOOF_CATEGORIES

Handler = Callable[[Page, str], None]


# ---------------------------------------------------------------- reading values


def ends_with_link(page: Page, collapsed: str) -> tuple[str, bool]:
    stripped = v.strip_links(collapsed, bare_more=page.bare_more)
    return stripped, stripped != collapsed


def foreign_shape(collapsed: str, own: str) -> bool:
    """Whether a line is recognisably another field's value (so a label with no value stops before it)."""
    if own != "certificates" and v.looks_like_certificates(collapsed):
        return True
    if own != "runtimes" and v.parse_runtimes(collapsed):
        return True
    if own != "plot" and v.has_plot_marker(collapsed):
        return True
    if own != "awards" and v.parse_awards(v.strip_links(collapsed)):
        return True
    if _HELPFUL.match(collapsed[:200]) or _TOTAL_REVIEWS.search(collapsed[-80:]) or _ARTICLE_COUNT.match(collapsed):
        return True
    if own == "directors" and _is_writer_credit(collapsed):
        return True
    return False


def _is_writer_credit(collapsed: str) -> bool:
    """``Marguerite Duras (writer)``, ``Mario Puzo (screenplay) and``: a writer line, not a director's note."""
    if len(collapsed) > 200 or not _SUMMARY_WRITER.match(collapsed):
        return False
    note = collapsed[collapsed.find("(") + 1 :] if "(" in collapsed else ""
    return not note.startswith(("uncredited", "as ", "co-direct", "segment", "credit"))


def take_values(page: Page, inline: str, own: str, *, multi: bool) -> list[str]:
    """The value lines of a labelled field: on the label's line, or the lines after it."""
    page.i += 1
    if inline:
        value, linked = ends_with_link(page, collapse(inline))
        if not multi or linked:
            return [value] if value else []
        found = [value] if value else []
    else:
        found = []
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            page.i += 1
            continue
        collapsed = page.collapsed[page.i]
        if is_terminator(collapsed):
            page.i += 1
            break
        if stops(page, page.i) or foreign_shape(collapsed, own) or _over_article_source(page, page.i):
            break
        value, linked = ends_with_link(page, collapsed)
        page.i += 1
        # A list wrapped onto the next line: "Argentina:18 | Australia:PG |" / "Finland:K-18 | …".
        if not linked and (_continues(value) or page.i < page.count and _continued(value, page.collapsed[page.i])):
            parts = [value]
            while (
                not linked
                and page.i < page.count
                and page.collapsed[page.i]
                and (_continues(parts[-1]) or _continued(parts[-1], page.collapsed[page.i]))
                and not stops(page, page.i)
            ):
                part, linked = ends_with_link(page, page.collapsed[page.i])
                parts.append(part)
                page.i += 1
            value = " ".join(parts)
        if value:
            found.append(value)
        if linked or not multi:
            break
    return found


def _over_article_source(page: Page, index: int) -> bool:
    """A news headline: the line above its ``(From …)`` source line (NewsDesk, its label lost)."""
    following = page.next_nonblank(index + 1)
    return following < page.count and _is_article_source(page.collapsed[following])


def _continues(part: str) -> bool:
    """A list line that goes on: it ends in "|", or a text browser broke it inside "(Nova / Scotia)"
    or inside a "Country:Rating" item ("… | West" / "Germany:16 (f)")."""
    if part.endswith("|") or part.count("(") > part.count(")"):
        return True
    last = part.rpartition("|")
    return bool(last[1]) and ":" in last[0] and ":" not in last[2]


def _continued(part: str, following: str) -> bool:
    """The next line goes on with a list: "| Peru:14", or a wrapped item's notes "(Quebec) | …"."""
    return (
        following.startswith("|") or following.startswith("(") and "|" in part and not _ARTICLE_COUNT.match(following)
    )


# ---------------------------------------------------------------- header


_IMDB_HEADER = re.compile(r"^IMDb\s*>\s*(.+)$")


def section_header(page: Page, value: str) -> None:
    """``IMDb > Title (1959)`` (or ``IMDb > "Series" (1994) > Episode (2000)``) and the line after it."""
    line = page.collapsed[page.i]
    page.i += 1
    parts = [part.strip() for part in _IMDB_HEADER.match(line).group(1).split(" > ") if part.strip()][:8]
    # The title is the last crumb with a year ("IMDb > Title (1959) > Combined details" has a crumb after it).
    header = None
    while parts and header is None:
        header = v.parse_title_with_year(parts[-1])
        if header is None:
            parts.pop()
    if header is None:
        page.unparsed(line)
        return
    if len(parts) > 1:
        series = v.parse_title_with_year(parts[0])
        if series is not None:
            header.series = (series.title, series.year)
            header.kind = "tv_episode"
    apply_header(page, header, from_title_line=False)
    # The next line repeats the title (as printed in the original language): it is dropped at
    # the end if it turns out to be the title or the original title (see drop_title_repeat).
    index = page.next_nonblank(page.i)
    if index < page.count and len(page.collapsed[index]) < 300:
        page.aux_title = page.collapsed[index]


def drop_title_repeat(page: Page) -> None:
    record = page.record
    repeats = [record.title, record.original_title, f'"{record.title}"', f'"{record.original_title}"']
    if record.series is not None:
        repeats.append(f'"{record.series.title}" {record.title}')
    if page.aux_title and page.aux_title in repeats and page.aux_title in record.unparsed:
        record.unparsed.remove(page.aux_title)


def apply_header(page: Page, header: v.Header, *, from_title_line: bool) -> None:
    record = page.record
    if from_title_line or not record.title:
        record.title = header.title or record.title
    if header.year is not None and (from_title_line or record.year is None):
        record.year = header.year
    if header.end_year is not None:
        record.end_year = header.end_year
    if header.kind != "movie" and (record.kind in ("movie", "tv_series") or from_title_line):
        if not (record.kind == "tv_episode" and header.kind == "tv_series"):
            record.kind = header.kind
    if header.series:
        title, year = header.series
        series = record.series or SeriesRef(title=title)
        series.title = title
        series.year = year if year is not None else series.year
        record.series = series
        record.kind = "tv_episode"
    if header.season is not None:
        set_episode(page, header.season, header.episode)


def set_episode(page: Page, season: int, episode: int | None) -> None:
    record = page.record
    if record.series is None:
        record.series = SeriesRef(title="")
    record.series.season = season
    record.series.episode = episode
    record.kind = "tv_episode"


def section_title_line(page: Page, value: str) -> None:
    """``Hiroshima Mon Amour (1959) More at IMDbPro » Hiroshima mon amour (original title)``."""
    line = page.collapsed[page.i]
    page.i += 1
    page.zone = "overview"
    page.title_line_seen = True
    if "More at IMDb" in line:
        before, _, after = line.partition("More at IMDb")
        before = before.strip()
    else:
        before, after = _split_title_line(line)
    header = v.parse_title_with_year(before)
    if header is not None:
        apply_header(page, header, from_title_line=True)
    elif before:
        page.unparsed(before)
    after = after.strip()
    if after.startswith("Pro"):
        after = after[3:]
    after = after.strip().lstrip("»").strip()
    # "»TV series 2010-" / "»"The Twilight Zone" (original title), TV series 1959-1964": the kind and years.
    years = _TRAILING_SERIES_YEARS.search(after)
    if years:
        apply_series_years(page, years)
        after = after[: years.start()].strip()
    if after and page.i < page.count and page.collapsed[page.i].endswith("(original title)"):
        after = f"{after} {page.collapsed[page.i]}"  # wrapped by a text browser
        page.i += 1
    if after.endswith("(original title)"):
        original = after[: -len("(original title)")].strip()
        if len(original) > 2 and original[0] == '"' and original[-1] == '"':
            original = original[1:-1].strip()  # a series' title, quoted
        page.record.original_title = original or None
    elif after:
        page.unparsed(after)


def _is_title_with_link(line: str) -> bool:
    return v.parse_title_with_year(line.partition("More at IMDb")[0].strip()) is not None


def _split_title_line(line: str) -> tuple[str, str]:
    """``Title (1959) Original (original title)`` → the title with its year, and the rest."""
    position = 0
    for _ in range(6):
        close = line.find(") ", position)
        if close < 0:
            break
        if v.parse_title_with_year(line[: close + 1]):
            return line[: close + 1], line[close + 1 :]
        position = close + 1
    return line, ""


def is_bare_title_line(page: Page, collapsed: str) -> bool:
    """The title line when the extraction dropped "More at IMDbPro": the header's title and year again."""
    if page.title_line_seen or page.zone not in ("top", "overview") or not page.record.title or len(collapsed) > 400:
        return False
    before, after = _split_title_line(collapsed)
    header = v.parse_title_with_year(before)
    return header is not None and header.year == page.record.year and (not after or after.endswith("(original title)"))


# "TV series 1994-2004", "TV series 2010-", "TV mini-series 2010" (one year: no dash).
_SERIES_YEARS = re.compile(
    r"^TV (?P<kind>series|mini-series|Series|Mini-Series) (?P<start>\d{4})(?:\s*[-–—]\s*(?P<end>\d{4})?)?$"
)


def is_series_years(page: Page, collapsed: str) -> bool:
    return len(collapsed) < 40 and bool(_SERIES_YEARS.match(collapsed))


_TRAILING_SERIES_YEARS = re.compile(
    r"(?:^|,\s*)TV (?P<kind>series|mini-series|Series|Mini-Series) (?P<start>\d{4})(?:\s*[-–—]\s*(?P<end>\d{4})?)?$"
)


def section_series_years(page: Page, value: str) -> None:
    """``TV series 1994-2004`` under a series' title."""
    match = _SERIES_YEARS.match(page.collapsed[page.i])
    page.i += 1
    apply_series_years(page, match)


def apply_series_years(page: Page, match: re.Match) -> None:
    record = page.record
    if record.kind != "tv_episode":
        record.kind = "tv_mini_series" if "mini" in match.group("kind").lower() else "tv_series"
    if record.year is None:
        record.year = int(match.group("start"))
    if match.group("end"):
        record.end_year = int(match.group("end"))


_PHOTOS = re.compile(r"^Photos \((?:[Ss]ee all )?([\d,]{1,9})(?: \| slideshow)?\)")
_VIDEOS = re.compile(r"Videos \([Ss]ee all ([\d,]{1,9})\)")


def section_photos(page: Page, value: str) -> None:
    """``Photos (See all 18 | slideshow) Videos (see all 4)``."""
    line = page.collapsed[page.i]
    page.i += 1
    match = _PHOTOS.match(line)
    if match:
        page.record.photo_count = v.parse_int(match.group(1))
    videos = _VIDEOS.search(line)
    if videos:
        page.record.video_count = v.parse_int(videos.group(1))


def section_news_or_video(page: Page, value: str) -> None:
    """``Title -- caption``: a video caption while the printed video count lasts, else the news item."""
    line = page.collapsed[page.i]
    page.i += 1
    record = page.record
    caption = line.partition(" -- ")[2].strip()
    if record.video_count is not None and len(record.videos) < record.video_count:
        record.videos.append(caption)
    elif record.news is None:
        record.news = line
    else:
        record.videos.append(caption)


def is_news_or_video(page: Page, collapsed: str) -> bool:
    if page.zone != "overview" or page.seen_rating or " -- " not in collapsed[:300]:
        return False
    prefix = collapsed.partition(" -- ")[0]
    record = page.record
    if record.kind in ("tv_series", "tv_mini_series") and prefix.startswith(record.title + ":"):
        return True  # an episode's video: "Twilight Zone: Season 5: Episode 36 -- …"
    return prefix in (record.title, record.original_title, page.aux_title)


# ---------------------------------------------------------------- overview


def section_rating(page: Page, value: str) -> None:
    """``User Rating:`` then ``8.0/10   21,203 votes »`` (or ``awaiting 5 votes``)."""
    page.seen_rating = True
    if value:
        page.i += 1
        rating_value(page, value)
        return
    index = page.next_nonblank(page.i + 1)
    page.i += 1
    if index < page.count:
        candidate = page.collapsed[index]
        if _is_rating_line(candidate):
            page.i = index + 1
            rating_value(page, candidate)


def _strip_dash_rating(text: str) -> str:
    return text[4:].strip() if text.startswith("-/10") else text


_VOTES_LINE = re.compile(r"^\(?([\d,]{1,15}) votes?\)?")


def rating_value(page: Page, text: str) -> None:
    page.seen_rating = True
    text = _strip_dash_rating(text)
    rating = v.parse_rating(text)
    if rating is None and v.parse_rating_value(text):
        # "8.0/10" with "21,203 votes" on the next line.
        index = page.next_nonblank(page.i)
        votes = _VOTES_LINE.match(page.collapsed[index][:100]) if index < page.count else None
        if votes:
            value, best = v.parse_rating_value(text)
            rating = v.Rating(value=value, best=best, votes=v.parse_int(votes.group(1)) or 0)
            page.i = index + 1
    if rating:
        page.record.rating = rating
    elif rating is None:
        page.unparsed(text)


def _is_rating_line(text: str) -> bool:
    text = _strip_dash_rating(text)
    return v.parse_rating(text) is not None or v.parse_rating_value(text) is not None


def section_rating_line(page: Page, value: str) -> None:
    line = page.collapsed[page.i]
    page.i += 1
    rating_value(page, line)


def section_popularity(page: Page, value: str) -> None:
    """``Popularity: ?`` / ``MOVIEmeter: 1,234`` and the ``Up 1% in popularity this week.`` line."""
    page.i += 1
    record = page.record
    rank = v.popularity_rank(value) if value else None
    text = None
    if value:
        # "MOVIEmeter: ? Up 1% in popularity this week." on one line.
        rest = value.lstrip("?#0123456789, ").strip()
        text = v.popularity_text(rest) if rest else None
    index = page.next_nonblank(page.i)
    if text is None and index < page.count:
        text = v.popularity_text(page.collapsed[index])
        if text:
            page.i = index + 1
    record.popularity = v.Popularity(rank=rank, text=text)


def section_popularity_text(page: Page, value: str) -> None:
    line = page.collapsed[page.i]
    page.i += 1
    text = v.popularity_text(line)
    if page.record.popularity is None:
        page.record.popularity = v.Popularity(rank=None, text=text)
    else:
        page.record.popularity.text = text


_TOP_RANK = re.compile(r"#\s*([\d,]{1,6})")


def section_top_rank(page: Page, value: str) -> None:
    """``Top 250: #123 (register to vote)``."""
    values = take_values(page, value, "top_rank", multi=False)
    match = _TOP_RANK.search(values[0][:100]) if values else None
    if match:
        page.record.top_rank = v.parse_int(match.group(1))
    elif values:
        page.unparsed(values[0])


def section_directors(page: Page, value: str) -> None:
    for line in take_values(page, value, "directors", multi=True):
        page.summary_directors.extend(split_people(line))


def section_writers(page: Page, value: str) -> None:
    for line in take_values(page, value, "writers", multi=True):
        page.summary_writers.extend(split_people(line))


def section_creators(page: Page, value: str) -> None:
    for line in take_values(page, value, "creators", multi=True):
        page.summary_creators.extend(split_people(line))


def section_series_title(page: Page, value: str) -> None:
    """``TV Series:`` on an episode's page: the series' title on the next line."""
    found = take_values(page, value, "series", multi=False)
    if not found:
        return
    title, _ = ends_with_link(page, found[0])
    series = page.record.series
    if series is None:
        page.record.series = SeriesRef(title=title)
    elif not series.title:
        series.title = title


def section_box_office(page: Page, value: str) -> None:
    """``Box Office:`` then ``Budget:``/``Opening Weekend:``/``Gross:`` lines: not in the record."""
    page.i += 1
    while page.i < page.count:
        collapsed = page.collapsed[page.i]
        if collapsed and not collapsed.startswith(_BOX_OFFICE_LINES):
            return
        page.i += 1


_BOX_OFFICE_LINES = ("Budget:", "Opening Weekend:", "Gross:", "Admissions:", "See more", "Show more")


def section_stars(page: Page, value: str) -> None:
    for line in take_values(page, value, "stars", multi=True):
        page.summary_stars.extend(split_people(line))


_SUMMARY_WRITER = re.compile(r"^[^()]{2,80} \([a-z][^()]{0,80}\)(?: (?:and|&|\.\.\.))?$|^[^()]{2,80} (?:and|&|\.\.\.)$")
_PERSON_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff][^\d:|()\[\]]{0,60}$")


def is_summary_writer(page: Page, collapsed: str) -> bool:
    return (
        page.zone == "overview"
        and not page.seen_release
        and len(collapsed) < 200
        and bool(_SUMMARY_WRITER.match(collapsed))
    )


def section_summary_writer(page: Page, value: str) -> None:
    line = page.collapsed[page.i]
    page.i += 1
    page.summary_writers.extend(split_people(line))


_NAME_PARTICLES = frozenset("von van de del della der den di da du le la des ten bin al el y".split())


def _looks_like_name(text: str) -> bool:
    """``Lars von Trier``, ``Сергей Эйзенштейн``; not ``Add to Watchlist``."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not _PERSON_NAME.match(text):
        return False
    return all(word[0].isupper() or not word[0].isascii() or word in _NAME_PARTICLES for word in words)


def is_summary_director(page: Page, collapsed: str) -> bool:
    """A bare name between the rating and the release date, before any writer: its "Director:" label was lost."""
    return (
        page.zone == "overview"
        and page.seen_rating
        and not page.seen_release
        and not page.summary_writers
        and ", " not in collapsed
        and " and " not in collapsed
        and _looks_like_name(collapsed)
    )


def is_summary_stars(page: Page, collapsed: str) -> bool:
    """``Emmanuelle Riva, Eiji Okada and Stella Dassas`` after the writers: its "Stars:" label was lost."""
    if page.zone != "overview" or not page.seen_rating or page.seen_release or len(collapsed) > 300:
        return False
    # Stars follow the director and writers; a list before them is not placed by guessing.
    if not (page.summary_writers or page.summary_directors) or (", " not in collapsed and " and " not in collapsed):
        return False
    people = split_people(collapsed)
    return len(people) >= 2 and all(_looks_like_name(person) for person in people)


def section_summary_stars(page: Page, value: str) -> None:
    page.summary_stars.extend(split_people(page.collapsed[page.i]))
    page.i += 1


def section_summary_director(page: Page, value: str) -> None:
    page.summary_directors.append(page.collapsed[page.i])
    page.i += 1


def section_release_date(page: Page, value: str) -> None:
    """``Release Date:`` ``16 May 1960 (USA) See more »``."""
    for line in take_values(page, value, "release_date", multi=False):
        release_value(page, line)


def release_value(page: Page, text: str) -> None:
    page.seen_release = True
    release = v.parse_release_date(text)
    if release:
        page.record.release_date = release
    else:
        page.unparsed(text)


def is_release_shape(page: Page, collapsed: str) -> bool:
    return (
        page.zone == "overview" and not page.seen_release and v.parse_release_date(v.strip_links(collapsed)) is not None
    )


def section_release_line(page: Page, value: str) -> None:
    line = page.collapsed[page.i]
    page.i += 1
    release_value(page, v.strip_links(line, bare_more=page.bare_more))


_SEASON_EPISODE = re.compile(r"\(?Season (\d{1,4}), Episode (\d{1,5})\)?")


def section_air_date(page: Page, value: str) -> None:
    """``Original Air Date:`` ``7 November 2000 (Season 7, Episode 6)``."""
    for line in take_values(page, value, "air_date", multi=False):
        match = _SEASON_EPISODE.search(line[:300])
        if match:
            set_episode(page, int(match.group(1)), int(match.group(2)))
            line = (line[: match.start()] + line[match.end() :]).strip()
        if line:
            release_value(page, line)


def is_season_episode(page: Page, collapsed: str) -> bool:
    return len(collapsed) < 60 and bool(_SEASON_EPISODE.fullmatch(collapsed))


def section_season_episode(page: Page, value: str) -> None:
    match = _SEASON_EPISODE.fullmatch(page.collapsed[page.i])
    page.i += 1
    set_episode(page, int(match.group(1)), int(match.group(2)))


def section_seasons(page: Page, value: str) -> None:
    """``Seasons:`` ``1 | 2 | 3 | See more »``."""
    for line in take_values(page, value, "seasons", multi=False):
        for item in re.split(r"[|\s]+", line[: v.LIST_LINE]):
            if item.isdigit() and len(item) < 5:
                page.record.seasons.append(int(item))


_SEASON_LINKS = re.compile(r"^\d{1,3}(?: \| \d{1,3}){0,60}$")


def is_season_links(page: Page, collapsed: str) -> bool:
    """A series' season links whose "Seasons:" label was lost: ``1 | 2 | 3 | 4 | 5``."""
    if page.zone != "overview" or page.record.seasons or page.record.kind not in ("tv_series", "tv_mini_series"):
        return False
    if not _SEASON_LINKS.match(collapsed[:300]):
        return False
    numbers = [int(item) for item in collapsed.split(" | ")]
    return numbers == sorted(set(numbers))


def section_season_links(page: Page, value: str) -> None:
    page.record.seasons.extend(int(item) for item in page.collapsed[page.i].split(" | "))
    page.i += 1


def section_taglines(page: Page, value: str) -> None:
    page.tagline_label_seen = True
    for line in take_values(page, value, "taglines", multi=False):
        page.record.taglines.append(line)


def section_plot(page: Page, value: str) -> None:
    found = take_values(page, value, "plot", multi=False)
    if not found:
        return
    text = found[0]
    linked = value or page.collapsed[page.i - 1] != text
    # Text browsers wrap a long plot: the lines right after it (no blank line), up to its links.
    for _ in range(8):
        index = page.i
        if linked or index >= page.count or not page.lines[index]:
            break
        collapsed = page.collapsed[index]
        if is_terminator(collapsed) or stops(page, index) or foreign_shape(collapsed, "plot"):
            break
        more, linked = ends_with_link(page, collapsed)
        text = v.strip_links(f"{text} {more}" if more else text, bare_more=page.bare_more)
        page.i += 1
    plot_value(page, text)


def plot_value(page: Page, text: str) -> None:
    if page.record.plot is None:
        page.record.plot = text
    else:
        page.unparsed(text)


def section_plot_line(page: Page, value: str) -> None:
    line = page.collapsed[page.i]
    page.i += 1
    plot_value(page, v.strip_links(line, bare_more=page.bare_more))


def is_overview_free_text(page: Page, collapsed: str) -> bool:
    """After the release date, a label-less line is the tagline, then the plot."""
    record = page.record
    if page.cut_mid_line and page.i == page.count - 1:
        return False  # cut off mid-line: which field it was, and its end, are unknown
    return page.zone == "overview" and page.seen_release and record.plot is None and not _is_pipe_list(collapsed)


def _is_pipe_list(collapsed: str) -> bool:
    """``Scotland Yard | Letter | Murder``: short items between bars."""
    items = v.strip_links(collapsed).split(" | ")
    return len(items) >= 2 and all(0 < len(item.split()) <= 5 for item in items[:50])


def is_keyword_list(page: Page, collapsed: str) -> bool:
    """Plot keywords whose label was lost: a bar-separated list right after the plot."""
    record = page.record
    return page.zone == "overview" and record.plot is not None and not record.plot_keywords and _is_pipe_list(collapsed)


def section_keyword_line(page: Page, value: str) -> None:
    page.record.plot_keywords.extend(v.split_list(v.strip_links(page.collapsed[page.i], bare_more=page.bare_more)))
    page.i += 1


def section_overview_free_text(page: Page, value: str) -> None:
    line = v.strip_links(page.collapsed[page.i], bare_more=page.bare_more)
    page.i += 1
    if not page.record.taglines and not page.tagline_label_seen:
        page.record.taglines.append(line)
    else:
        plot_value(page, line)


def section_plot_keywords(page: Page, value: str) -> None:
    for line in take_values(page, value, "plot_keywords", multi=True):
        keywords = v.split_list(line)
        # Keywords are short, without colons or quotes: a headline ("Picks on Fandor: Nino Rota") is none.
        if all(_is_keyword(keyword) for keyword in keywords):
            page.record.plot_keywords.extend(keywords)
        else:
            page.unparsed(line)


def _is_keyword(text: str) -> bool:
    return len(text.split()) <= 5 and not any(mark in text for mark in (":", '"', " -- ", "“", "”"))


_ARTICLE_COUNT = re.compile(r"^\(\d[\d,]{0,8} articles?\)$")


def _is_article_source(collapsed: str) -> bool:
    return collapsed.startswith(("» (From ", "(From ", "» From ")) and len(collapsed) < 300


def section_newsdesk_items(page: Page, value: str) -> None:
    page.i -= 1  # the block reader starts after its label line
    section_newsdesk(page, value)


def section_newsdesk(page: Page, value: str) -> None:
    """``NewsDesk:`` ``(13 articles)`` and headline / ``» (From …)`` pairs: links to news pages, not data."""
    page.i += 1
    while page.i < page.count:
        collapsed = page.collapsed[page.i]
        if not collapsed or _ARTICLE_COUNT.match(collapsed) or _is_article_source(collapsed):
            page.i += 1
            continue
        following = page.next_nonblank(page.i + 1)
        if following < page.count and _is_article_source(page.collapsed[following]) and not stops(page, page.i):
            page.i = following + 1
            continue
        return


def is_newsdesk_item(page: Page, collapsed: str) -> bool:
    """NewsDesk items whose label was lost: ``(23 articles)``, or a headline over its ``(From …)`` line."""
    if _ARTICLE_COUNT.match(collapsed) or _is_article_source(collapsed):
        return True
    following = page.next_nonblank(page.i + 1)
    return len(collapsed) < 300 and following < page.count and _is_article_source(page.collapsed[following])


_TOTAL_REVIEWS = re.compile(r"\(([\d,]{1,9}) total\)\s*»?\s*$")


def is_review_count(page: Page, collapsed: str) -> bool:
    return bool(_TOTAL_REVIEWS.search(collapsed[-80:]))


def section_review_count(page: Page, value: str) -> None:
    """``The beginnings of the inland empire See more (99 total) »``: the featured review's title and the count."""
    line = page.collapsed[page.i]
    page.i += 1
    match = _TOTAL_REVIEWS.search(line[-80:])
    page.record.review_count = v.parse_int(match.group(1))


def section_user_reviews_label(page: Page, value: str) -> None:
    """``User Reviews:`` (overview: the featured review's title, the count) or the reviews block heading."""
    page.i += 1
    if value:
        if _TOTAL_REVIEWS.search(value[-80:]):
            page.record.review_count = v.parse_int(_TOTAL_REVIEWS.search(value[-80:]).group(1))
        return
    index = page.next_nonblank(page.i)
    if index < page.count:
        collapsed = page.collapsed[index]
        if _TOTAL_REVIEWS.search(collapsed[-80:]):
            page.record.review_count = v.parse_int(_TOTAL_REVIEWS.search(collapsed[-80:]).group(1))
            page.i = index + 1
        elif page.bare_more and collapsed.endswith(" more") and not _HELPFUL.match(collapsed):
            # "User Comments:" "The Perfect Modern Action Film more": the featured title, repeated below.
            page.i = index + 1


# ---------------------------------------------------------------- cast and crew

_CAST_START = re.compile(
    r"^(?:Cast |\(Episode Cast\) )?\((?:in credits order|Cast overview|complete, awaiting verification|verified as complete|"
    r"in no particular order|in alphabetical order\) \(verified|Series Cast Summary|Credited cast|Cast summary)"
    r"|^(?:Complete credited cast|Series Cast Summary|Credited cast|Cast overview)",
    re.I,
)


def is_cast_start(collapsed: str) -> bool:
    return len(collapsed) < 200 and bool(_CAST_START.match(collapsed)) or collapsed.lower().startswith("cast overview")


_CAST_ROW = re.compile(r"^[^\s.:|()][^:|()]{0,60}? \.\.\.(?: |$)")


def is_cast_row_shape(page: Page, collapsed: str) -> bool:
    """``Name ... Character`` where the "Cast" heading was lost (after the plot, before the crew)."""
    if page.zone not in ("overview", "credits") or page.zone == "overview" and page.record.plot is None:
        return False
    return len(collapsed) < 300 and bool(_CAST_ROW.match(collapsed))


def section_cast(page: Page, value: str) -> None:
    """``Cast`` ``(in credits order) (verified as complete)`` and ``Name ... Character`` rows."""
    page.zone = "credits"
    first = page.collapsed[page.i]
    if exact_label(first) or is_cast_start(first):
        page.i += 1
        _cast_flags(page, first)
    record = page.record
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            page.i += 1
            continue
        collapsed = page.collapsed[page.i]
        lower = collapsed.lower()
        if collapsed == "..." and _character_on_next_line(page):
            continue
        if is_terminator(collapsed):
            page.i += 1
            return
        if lower.startswith("rest of cast listed alphabetically"):
            if record.cast_alphabetical_from is None:
                record.cast_alphabetical_from = page.cast_order + 1
            page.i += 1
            continue
        if collapsed.startswith("(") and is_cast_start(collapsed):
            _cast_flags(page, collapsed)
            page.i += 1
            continue
        # A "Name ... Character" row is never a heading or furniture: skip those tests.
        if not (" ... " in collapsed and ":" not in collapsed[:24]) and stops(page, page.i):
            return
        line = _unwrapped_row(page, line, collapsed)
        member = parse_cast_row(line, page.cast_order + 1)
        if member is None:
            return
        if page.i == page.count - 1 and page.cut_mid_line:
            page.warn(f"line {page.i + 1}: the last cast row is cut off: {collapsed}")
            if member.character and member.character.count("(") > member.character.count(")"):
                # A note cut off mid-way ("(as Ko Kimu") is not a fact: it stays in the warning only.
                member.character = member.character[: member.character.rfind("(")].strip() or None
        page.cast_order += 1
        record.cast.append(member)
        page.i += 1
        if member.character is None and collapsed.endswith(" ...") and page.i < page.count:
            # "Name ..." with the character cell on the very next line.
            following = page.collapsed[page.i]
            if following and "..." not in following and not stops(page, page.i) and len(following) < 200:
                _set_character(member, following)
                page.i += 1


def _unwrapped_row(page: Page, line: str, collapsed: str) -> str:
    """A row a text browser wrapped inside its note ("… (as Reginald" / "Veljohnson)"): one row again."""
    following = page.i + 1
    if (
        collapsed.count("(") > collapsed.count(")")
        and following < page.count
        and page.lines[following]
        and not stops(page, following)
    ):
        page.i = following
        more = page.lines[following]
        cells = _COLUMN_GAP.split(more, maxsplit=1)
        dots = line.find(" ...")
        if len(cells) == 2 and dots > 0:
            # Both columns wrapped ("Aubrey ... (as" / "Anderson-Emmons   Aubrey Anderson Emmons)").
            return f"{line[:dots].rstrip()} {cells[0]} {line[dots:].strip()} {cells[1]}"
        return f"{line} {more}"
    return line


_COLUMN_GAP = re.compile(r" {2,}")


def _character_on_next_line(page: Page) -> bool:
    """A lone "..." between a name line and its character line (one table cell per line)."""
    cast = page.record.cast
    index = page.next_nonblank(page.i + 1)
    if not cast or cast[-1].character is not None or index >= page.count:
        return False
    following = page.collapsed[index]
    if "..." in following or stops(page, index) or is_terminator(following) or len(following) > 200:
        return False
    _set_character(cast[-1], following)
    page.i = index + 1
    return True


def _set_character(member, text: str) -> None:
    character, notes = v.split_trailing_parens(" " + text)
    for note in notes:
        if note.startswith("as ") and member.credited_as is None:
            member.credited_as = note[3:].strip() or None
        else:
            member.notes.append(note)
    member.character = character.strip() or None


def _cast_flags(page: Page, text: str) -> None:
    if "verified as complete" in text.lower():
        page.record.cast_complete = True


def section_crew(page: Page, value: str) -> None:
    """A crew heading ("Directed by", "Makeup Department"…) and its rows."""
    page.zone = "credits"
    collapsed = page.collapsed[page.i]
    page.i += 1
    known = crew_heading(collapsed)
    if known:
        key = known[0]
        label = collapsed if collapsed.lower() in CREW_HEADINGS else v.split_trailing_parens(collapsed)[0]
    else:
        key, label = unknown_crew_heading(collapsed)
        page.warn(f"unknown crew heading {label!r} kept as department {key!r}")
    order = page.crew_orders.get(key, 0)
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            page.i += 1
            continue
        row_collapsed = page.collapsed[page.i]
        if row_collapsed.lower() in _CREW_NOTE_LINES:
            page.i += 1
            continue
        if row_collapsed in ("....", "...") and _job_on_next_line(page, key):
            continue
        if is_terminator(row_collapsed):
            page.i += 1
            return
        if not (" .... " in row_collapsed and ":" not in row_collapsed[:24]) and (
            stops(page, page.i) or unknown_crew_heading(row_collapsed)
        ):
            return
        line = _unwrapped_row(page, line, row_collapsed)
        member = parse_crew_row(line, key, label, order + 1)
        if member is None:
            return
        order += 1
        page.crew_orders[key] = order
        page.record.crew.append(member)
        page.i += 1


# Notes on a heading's own line under it ("Writing credits" / "(WGA)"): not rows.
_CREW_NOTE_LINES = frozenset(("(in alphabetical order)", "(in credits order)", "(wga)", "(in order of appearance)"))


def _job_on_next_line(page: Page, key: str) -> bool:
    """A lone "...." between a crew name line and its job line (one table cell per line)."""
    crew = page.record.crew
    index = page.next_nonblank(page.i + 1)
    if not crew or crew[-1].department != key or crew[-1].job is not None or index >= page.count:
        return False
    following = page.collapsed[index]
    if "..." in following or stops(page, index) or len(following) > 200:
        return False
    job, notes = v.split_trailing_parens(following)
    for note in notes:
        if note.startswith("as ") and crew[-1].credited_as is None:
            crew[-1].credited_as = note[3:].strip() or None
        else:
            crew[-1].notes.append(note)
    crew[-1].job = job.strip() or None
    page.i = index + 1
    return True


def is_unknown_crew_heading(page: Page, collapsed: str) -> bool:
    return page.zone == "credits" and unknown_crew_heading(collapsed) is not None


_COMPANY_HEADINGS = (
    ("production companies", "production"),
    ("distributors", "distributor"),
    ("special effects", "special_effects"),
    ("other companies", "other"),
)


def company_headings(collapsed: str) -> list[str] | None:
    """The company kinds a heading line names: ``Production CompaniesDistributors`` names two (both empty)."""
    rest = collapsed.lower().replace(" ", "")
    kinds = []
    while rest:
        for heading, kind in _COMPANY_HEADINGS:
            squeezed = heading.replace(" ", "")
            if rest.startswith(squeezed):
                kinds.append(kind)
                rest = rest[len(squeezed) :]
                break
        else:
            return None
    return kinds or None


def section_companies(page: Page, value: str) -> None:
    """``Production Companies`` / ``Distributors`` / ``Special Effects`` / ``Other Companies`` and their rows."""
    page.zone = "credits"
    kinds = company_headings(page.collapsed[page.i])
    page.i += 1
    if len(kinds) != 1:
        return
    kind = kinds[0]
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            page.i += 1
            continue
        collapsed = page.collapsed[page.i]
        if is_terminator(collapsed):
            page.i += 1
            return
        if stops(page, page.i):
            return
        company = v.parse_company(v.strip_links(line, bare_more=False), kind)
        if company is None:
            return
        page.record.companies.append(company)
        page.i += 1


def section_company_summary(page: Page, value: str) -> None:
    """``Company:`` ``Metro-Goldwyn-Mayer (MGM) See more »`` (the first production company)."""
    for line in take_values(page, value, "company", multi=False):
        company = v.parse_company(line, "production")
        if company is None:
            page.unparsed(line)
        else:
            page.summary_companies.append(company)


# ---------------------------------------------------------------- details


def section_additional_details(page: Page, value: str) -> None:
    page.i += 1
    if page.title_line_seen or page.record.title:
        page.zone = "details"


def section_akas(page: Page, value: str) -> None:
    """``Also Known As:`` and ``"Title" - Country (notes)`` rows."""
    page.zone = "details"
    for line in take_values(page, value, "akas", multi=True):
        aka_value(page, line, labelled=True)


def aka_value(page: Page, text: str, *, labelled: bool = False) -> None:
    aka = v.parse_aka(text) or (v.parse_plain_aka(text) if labelled else None)
    if aka:
        page.record.akas.append(aka)
    else:
        page.unparsed(text)


def is_aka_shape(page: Page, collapsed: str) -> bool:
    return page.zone in ("details", "credits") and collapsed.startswith('"') and v.parse_aka(collapsed) is not None


def section_aka_line(page: Page, value: str) -> None:
    aka_value(page, page.collapsed[page.i])
    page.i += 1


# ---------------------------------------------------------------- detail fields: one spec each

_ALL_ZONES = frozenset(("top", "overview", "credits", "details", "dyk", "reviews"))


class FieldSpec:
    """One field read by its label ("Runtime: 90 min") or, label lost, by its value's shape ("90 min").

    ``labels`` are printed without their colon; ``shape`` tells a label-less line of this field
    (after its links are stripped); ``parse`` turns a value into what is stored, ``None`` if it
    is not one; ``zones`` are where a label-less line may be taken; ``single`` fields keep
    their first value. A label or a shape is one line here; both paths read the same spec.
    """

    __slots__ = ("add", "labelled", "labels", "line", "name", "parse", "shape", "single", "zones")

    def __init__(self, name, labels, shape, parse, zones, *, single=False, add=None):
        self.name, self.labels, self.shape, self.parse = name, labels, shape, parse
        self.zones, self.single, self.add = frozenset(zones), single, add
        # Bound once: the section and shape tables hold these as handlers.
        self.labelled = self._labelled
        self.line = self._line

    def store(self, page: Page, text: str) -> None:
        value = self.parse(text)
        record = page.record
        if not value or self.single and getattr(record, self.name) is not None:
            page.unparsed(text)
        elif self.single:
            setattr(record, self.name, value)
        elif self.add is not None:
            self.add(page, value)
        else:
            getattr(record, self.name).extend(value)

    def _labelled(self, page: Page, value: str) -> None:
        for line in take_values(page, value, self.name, multi=False):
            self.store(page, line)

    def applies(self, page: Page, collapsed: str) -> bool:
        if page.zone not in self.zones:
            return False
        # The shape tests of all fields see the same line without its links: stripped once.
        if page.stripped_at != page.i:
            page.stripped_at, page.stripped = page.i, v.strip_links(collapsed)
        return self.shape(page.stripped)

    def _line(self, page: Page, value: str) -> None:
        self.store(page, v.strip_links(page.collapsed[page.i], bare_more=page.bare_more))
        page.i += 1


def _add_certificates(page: Page, certificates: list) -> None:
    """A page may print the same certificate twice (summary and details): kept once."""
    known = {(c.country, c.rating, tuple(c.notes)) for c in page.record.certificates}
    for certificate in certificates:
        key = (certificate.country, certificate.rating, tuple(certificate.notes))
        if key not in known:
            known.add(key)
            page.record.certificates.append(certificate)


_LISTED = ("details", "overview", "credits")
FIELDS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("genres", ("genre", "genres"), v.is_genre_list, v.split_list, _LISTED),
        FieldSpec(
            "awards",
            ("awards",),
            lambda line: v.parse_awards(line) is not None,
            v.parse_awards,
            ("overview", "top"),
            single=True,
        ),
        FieldSpec(
            "runtimes",
            ("runtime",),
            lambda line: line[:1].isalnum() and v.parse_runtimes(line) is not None,
            v.parse_runtimes,
            _ALL_ZONES - {"dyk", "reviews"},
        ),
        FieldSpec(
            "aspect_ratio",
            ("aspect ratio",),
            lambda line: len(line) < 60 and v.parse_aspect_ratio(line) is not None,
            v.parse_aspect_ratio,
            _ALL_ZONES - {"dyk", "reviews"},
            single=True,
        ),
        FieldSpec(
            "certificates",
            ("certification", "certificate"),
            v.looks_like_certificates,
            v.parse_certificates,
            _ALL_ZONES - {"dyk", "reviews", "top"},
            add=_add_certificates,
        ),
        FieldSpec("countries", ("country", "countries"), v.is_country_list, v.split_list, _LISTED),
        FieldSpec("languages", ("language", "languages"), v.is_language_list, v.split_list, _LISTED),
        FieldSpec("colors", ("color", "colour"), v.is_color_list, v.split_list, _LISTED),
        FieldSpec("sound_mixes", ("sound mix",), v.is_sound_mix_list, v.split_list, _LISTED),
    )
}


def field_labels(*names: str) -> dict[str, Handler]:
    """The labels of the named fields, for the section table."""
    return {label: FIELDS[name].labelled for name in names for label in FIELDS[name].labels}


def field_shapes(*names: str) -> tuple[tuple[Callable[[Page, str], bool], Handler], ...]:
    """The label-less entries of the named fields, for the shape table."""
    return tuple((FIELDS[name].applies, FIELDS[name].line) for name in names)


def section_mpaa(page: Page, value: str) -> None:
    """``MPAA:`` ``Rated R for violence … (certificate #29160)``."""
    for line in take_values(page, value, "mpaa", multi=False):
        page.record.mpaa = line


def section_filming_locations(page: Page, value: str) -> None:
    for line in take_values(page, value, "filming_locations", multi=True):
        page.record.filming_locations.append(line)


# ---------------------------------------------------------------- did you know?


def section_did_you_know(page: Page, value: str) -> None:
    page.i += 1
    if page.title_line_seen:
        page.zone = "dyk"


def take_block(page: Page) -> list[str]:
    """One "Did You Know?" item: lines up to its "See more »" (glued or on its own line)."""
    found = []
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            if found:
                break
            page.i += 1
            continue
        collapsed = page.collapsed[page.i]
        if is_terminator(collapsed):
            page.i += 1
            if found and collapsed.startswith("more") and found[-1].endswith("See"):
                found[-1] = found[-1][:-3].rstrip()  # "…the scene.See" / "more »": the link, wrapped
            break
        if found and (exact_label(collapsed) or is_boilerplate(collapsed)):
            break
        value, linked = ends_with_link(page, collapsed)
        page.i += 1
        if value:
            found.append(value)
        if linked:
            break
    return found


def section_trivia(page: Page, value: str) -> None:
    page.zone = "dyk"
    for text in labelled_items(page, value):
        page.record.trivia.append(text)
    page.dyk_kinds.append("trivia")


def section_crazy_credits(page: Page, value: str) -> None:
    page.zone = "dyk"
    page.record.crazy_credits.extend(labelled_items(page, value))


def section_alternate_versions(page: Page, value: str) -> None:
    page.zone = "dyk"
    page.record.alternate_versions.extend(labelled_items(page, value))


def labelled_items(page: Page, value: str) -> list[str]:
    page.i += 1
    if value:
        text, linked = ends_with_link(page, collapse(value))
        if linked:
            return [text] if text else []
        lines = [text] + take_block(page)
    else:
        lines = take_block(page)
    # One item is one run of text: its lines are the extractor's wrapping, not the page's.
    return [" ".join(lines)] if lines else []


def section_goofs(page: Page, value: str) -> None:
    page.zone = "dyk"
    for text in labelled_items(page, value):
        page.record.goofs.append(goof_value(text, labelled=True))
    page.dyk_kinds.append("goofs")


def is_goof_category(category: str) -> bool:
    """``Continuity``; also with a note of its own: ``Factual errors (possibly deliberate)``."""
    return (
        category in GOOF_CATEGORIES
        or category.endswith(")")
        and v.split_trailing_parens(category)[0] in GOOF_CATEGORIES
    )


def goof_value(text: str, *, labelled: bool) -> Goof:
    category, colon, rest = text.partition(":")
    if colon and (is_goof_category(category) or labelled and 0 < len(category) <= 50 and "\n" not in category):
        return Goof(category=category.strip(), text=rest.strip())
    return Goof(category=None, text=text)


_QUOTE_SPEAKER = re.compile(r"^([^:\[\]]{1,60}?):\s*(.*)$", re.S)


def quote_lines(lines: list[str]) -> list[QuoteLine]:
    speakers: list[str | None] = []
    speeches: list[list[str]] = []  # joined once at the end: linear however many lines wrap
    for line in lines:
        match = _QUOTE_SPEAKER.match(line[:300])
        if not match and speeches and not line.startswith("[") and not speeches[-1][-1].endswith("]"):
            # A speech wrapped onto the next line by the extractor.
            speeches[-1].append(line)
            continue
        if match and not line.startswith("["):
            speakers.append(match.group(1).strip())
            speeches.append([(match.group(2) + line[300:]).strip()])
        else:
            speakers.append(None)
            speeches.append([line])
    return [QuoteLine(character=speaker, text=" ".join(parts)) for speaker, parts in zip(speakers, speeches)]


def section_quotes(page: Page, value: str) -> None:
    """``Quotes:`` then ``Character:line`` / ``[stage direction]`` lines up to "See more »"."""
    page.zone = "dyk"
    page.i += 1
    lines = []
    if value:
        text, linked = ends_with_link(page, collapse(value))
        lines = [text] if text else []
        if linked:
            if lines:
                add_quote(page, lines)
            page.dyk_kinds.append("quotes")
            return
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            page.i += 1
            if lines:
                add_quote(page, lines)
                lines = []
            continue
        collapsed = page.collapsed[page.i]
        if is_terminator(collapsed):
            page.i += 1
            break
        if exact_label(collapsed) or is_boilerplate(collapsed):
            break
        text, linked = ends_with_link(page, collapsed)
        page.i += 1
        if text:
            lines.append(text)
        if linked:
            break
    if lines:
        add_quote(page, lines)
    page.dyk_kinds.append("quotes")


def add_quote(page: Page, lines: list[str]) -> None:
    page.record.quotes.append(quote_lines(lines))


def is_quote_block(lines: list[str]) -> bool:
    speakers = 0
    for line in lines:
        if line.startswith("["):
            continue
        if not _QUOTE_SPEAKER.match(line[:300]):
            return False
        speakers += 1
    return speakers > 0


_CONNECTION_TYPES = sorted(CONNECTION_TYPES, key=len, reverse=True)
_CONNECTION_TITLE = re.compile(
    r"^(?P<title>.+?)\s*\((?P<year>\d{4}|\?\?\?\?)(?:/[IVXL]+)?\)(?P<rest>(?:\s*\([^()]{1,40}\))*)\s*$"
)


def parse_connection(text: str) -> Connection | None:
    for kind in _CONNECTION_TYPES:
        if text.startswith(kind + " "):
            target = text[len(kind) + 1 :].strip()
            break
    else:
        return None
    if len(target) > v.SHORT_LINE:
        return None
    match = _CONNECTION_TITLE.match(target)
    if not match:
        return Connection(type=kind, title=target) if target else None
    title = match.group("title").strip()
    if len(title) > 1 and title.startswith('"') and title.endswith('"'):
        title = title[1:-1].strip()
    _, notes = v.split_trailing_parens("x " + match.group("rest"))
    year = match.group("year")
    return Connection(
        type=kind,
        title=title,
        year=int(year) if year.isdigit() else None,
        note=", ".join(notes) if notes else None,
    )


def section_connections(page: Page, value: str) -> None:
    page.zone = "dyk"
    page.i += 1
    lines = [ends_with_link(page, collapse(value))[0]] if value else []
    if not value or not ends_with_link(page, collapse(value))[1]:
        lines += take_block(page)
    index = 0
    while index < len(lines):
        line = lines[index]
        # A title wrapped onto the next line ("… America's Most" / "Heart-Pounding Movies (2001) (TV)").
        if index + 1 < len(lines) and _wrapped_connection(line, lines[index + 1]):
            line = f"{line} {lines[index + 1]}"
            index += 1
        connection_value(page, line)
        index += 1
    page.dyk_kinds.append("connections")


def _wrapped_connection(line: str, following: str) -> bool:
    alone = parse_connection(line)
    if alone is not None and alone.year is not None:
        return False
    joined = parse_connection(f"{line} {following}")
    return joined is not None and joined.year is not None


def connection_value(page: Page, text: str) -> None:
    connection = parse_connection(text)
    if connection:
        page.record.connections.append(connection)
    else:
        page.unparsed(text)


def section_soundtrack(page: Page, value: str) -> None:
    page.zone = "dyk"
    page.record.soundtrack.extend(labelled_items(page, value))
    page.dyk_kinds.append("soundtrack")


def is_dyk_item(page: Page, collapsed: str) -> bool:
    """In "Did You Know?", or after the details when that heading was lost: an item ends in "See more »"."""
    if page.zone == "dyk":
        return True
    return page.zone in ("details", "credits") and len(collapsed) > 30 and ends_with_link(page, collapsed)[1]


def section_dyk_item(page: Page, value: str) -> None:
    """A "Did You Know?" item whose label was lost: a goof, a quote, a connection, or trivia by position."""
    page.zone = "dyk"
    start = page.i
    lines = take_block(page)
    if not lines:
        page.i = max(page.i, start + 1)
        return
    first = lines[0]
    category = first.partition(":")[0]
    if is_goof_category(category):
        page.record.goofs.append(goof_value("\n".join(lines), labelled=False))
        page.dyk_kinds.append("goofs")
    elif len(lines) == 1 and parse_connection(first):
        connection_value(page, first)
        page.dyk_kinds.append("connections")
    elif is_quote_block(lines):
        add_quote(page, lines)
        page.dyk_kinds.append("quotes")
    elif not page.dyk_kinds:
        page.record.trivia.append("\n".join(lines))
        page.dyk_kinds.append("trivia")
    elif all(line.endswith("?") for line in lines) and set(page.dyk_kinds) & {"quotes", "connections", "soundtrack"}:
        # The FAQ's questions, after the other items, when its "FAQ" heading was lost.
        page.record.faq_questions.extend(lines)
        page.record.faq_count = len(page.record.faq_questions)
        page.dyk_kinds.append("faq")
    elif page.dyk_kinds[-1] in ("connections",):
        page.record.soundtrack.append("\n".join(lines))
        page.dyk_kinds.append("soundtrack")
    else:
        page.warn(f'line {start + 1}: an unlabelled "Did You Know?" item was not recognised')
        for line in lines:
            page.unparsed(line)


# ---------------------------------------------------------------- FAQ, reviews, recommendations


def section_faq(page: Page, value: str) -> None:
    """``FAQ`` then questions (lines ending in "?") up to "See more »"."""
    page.zone = "reviews"
    page.i += 1
    questions = page.record.faq_questions
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            page.i += 1
            continue
        collapsed = page.collapsed[page.i]
        if is_terminator(collapsed):
            page.i += 1
            break
        if collapsed.startswith("This FAQ is empty"):
            section_faq_empty(page, "")
            return
        if stops(page, page.i) or not collapsed.endswith("?") or len(collapsed) > v.SHORT_LINE:
            break
        questions.append(collapsed)
        page.i += 1
    page.record.faq_count = len(questions)


def is_faq_empty(page: Page, collapsed: str) -> bool:
    return collapsed.startswith("This FAQ is empty")


def section_faq_empty(page: Page, value: str) -> None:
    page.i += 1
    page.zone = "reviews"
    page.record.faq_count = 0


_HELPFUL = re.compile(r"^(\d{1,9}) out of (\d{1,9}) people found the following (?:review|comment) useful[.:\-]*$")
_AUTHOR = re.compile(r"^Author:\s*(.*)$")
_RATED_AUTHOR = re.compile(r"^(10|[1-9])/10(?: (?=Author:)|$)")
_REVIEW_END = re.compile(r"^Was the above (?:review|comment) useful to you\?")


def is_review_start(page: Page, collapsed: str) -> bool:
    if _HELPFUL.match(collapsed[:200]):
        return True
    if ", " not in collapsed[-30:] or len(collapsed) > v.SHORT_LINE:
        return False
    index = page.next_nonblank(page.i + 1)
    return index < page.count and page.lines[index].startswith("Author:") and _title_and_date(collapsed) is not None


def _title_and_date(text: str) -> tuple[str, str] | None:
    title, _, date_text = text.rpartition(", ")
    date = v.parse_date_text(date_text)
    if not title or date is None or len(date) != 10:
        return None
    return title.strip(), date


def section_review(page: Page, value: str) -> None:
    """``15 out of 18 people found the following review useful.``, ``Title, 10 May 2011``, ``Author: …``, paragraphs."""
    page.zone = "reviews"
    start = page.i
    review = Review(title=None, date=None, author=None)
    collapsed = page.collapsed[page.i]
    helpful = _HELPFUL.match(collapsed[:200])
    if helpful:
        review.helpful, review.helpful_total = int(helpful.group(1)), int(helpful.group(2))
        page.i = page.next_nonblank(page.i + 1)
    if page.i < page.count:
        title_date = _title_and_date(page.collapsed[page.i])
        if title_date:
            review.title, review.date = title_date
            page.i = page.next_nonblank(page.i + 1)
        elif page.i < page.count and not page.lines[page.i].startswith("Author:"):
            review.title = page.collapsed[page.i] or None
            page.i = page.next_nonblank(page.i + 1)
    if page.i < page.count:
        line = page.collapsed[page.i]
        rated = _RATED_AUTHOR.match(line[:40])
        if rated:
            # The reviewer's stars as the image's alt text before "Author:" (text browsers).
            review.rating = int(rated.group(1))
            line = line[rated.end() :]
            if not line:  # the stars on a line of their own
                page.i = page.next_nonblank(page.i + 1)
                line = page.collapsed[page.i] if page.i < page.count else ""
        author = _AUTHOR.match(line)
        if author:
            name, location = _author_parts(author.group(1))
            review.author, review.location = name, location
            page.i += 1
    paragraphs: list[list[str]] = []
    current: list[str] = []
    ended = False
    while page.i < page.count:
        raw = page.lines[page.i]
        if not raw:
            if current:
                paragraphs.append(current)
                current = []
            page.i += 1
            continue
        if _REVIEW_END.match(raw):
            page.i += 1
            ended = True
            break
        collapsed = page.collapsed[page.i]
        if _HELPFUL.match(collapsed[:200]) or _TOTAL_REVIEWS.search(collapsed[-80:]) and len(collapsed) < 60:
            break
        if len(collapsed) < 80 and exact_label(collapsed):
            # The end line is missing ("Message Boards", "Related Links"… follow): the review ends here.
            break
        if collapsed.startswith("*** This review may contain spoilers") or collapsed.startswith(
            "*** This comment may contain spoilers"
        ):
            review.spoiler = True
            page.i += 1
            continue
        current.append(raw)
        page.i += 1
    if current:
        paragraphs.append(current)
    # A paragraph's lines are one run of text, as the HTML shows it (extractors wrap lines differently).
    review.text = "\n\n".join(" ".join(collapse(line) for line in paragraph) for paragraph in paragraphs)
    if not ended:
        page.warn(
            f'line {start + 1}: the review has no end line ("Was the above review useful to you?"); the page may be cut off'
        )
    page.record.reviews.append(review)


def _author_parts(text: str) -> tuple[str | None, str | None]:
    text = collapse(text)
    name, separator, location = text.rpartition(" from ")
    if separator and name.strip():
        return name.strip(), location.strip() or None
    return text or None, None


_DASHES = re.compile(r"^-(?: -)*$")


def section_recommendations(page: Page, value: str) -> None:
    """``If you enjoyed this title, our database also recommends:`` then the titles and their rating lines."""
    page.zone = "reviews"
    page.i += 1
    record = page.record
    dashes = 0
    ratings = 0
    titles: list[str] = []
    while page.i < page.count:
        line = page.lines[page.i]
        if not line:
            page.i += 1
            continue
        collapsed = page.collapsed[page.i]
        if collapsed.startswith("IMDb User Rating:"):
            # One per title, side by side in table dumps, even wrapped ("IMDb User" / "Rating:").
            ratings += collapsed.count("IMDb User")
        elif _DASHES.match(collapsed[:2000]):
            dashes = max(dashes, collapsed.count("-"))
        elif collapsed.lower() == "show more recommendations":
            page.i += 1
            break
        elif stops(page, page.i) or ratings or len(titles) >= 50:
            break
        else:
            titles.append(line)
        page.i += 1
    count = ratings or dashes or None
    record.recommendation_count = count
    if not titles:
        return
    record.recommendations_text = " ".join(collapse(title) for title in titles)
    if len(titles) == 1:
        # One line: split only where the extraction left two or more spaces between titles.
        parts = [part.strip() for part in re.split(r"\s{2,}", titles[0]) if part.strip()]
    else:
        parts = [collapse(title) for title in titles]  # one title per line
    if len(parts) >= 2 and (count is None or len(parts) == count):
        record.recommendations = [Recommendation(title=part) for part in parts]


def section_message_boards(page: Page, value: str) -> None:
    """``Message Boards``: recent posts on the board, not facts about the title."""
    page.i += 1
    while page.i < page.count:
        collapsed = page.collapsed[page.i]
        if collapsed and (is_terminator(collapsed)):
            page.i += 1
            return
        if collapsed and (exact_label(collapsed) or collapsed.lower().startswith("if you enjoyed this title")):
            return
        page.i += 1


def section_footer(page: Page, value: str) -> None:
    page.i += 1
    page.zone = "footer"


def section_boilerplate(page: Page, value: str) -> None:
    page.i += 1


def section_recommendations_heading(page: Page, value: str) -> None:
    page.i += 1
    page.zone = "reviews"


# ---------------------------------------------------------------- the section table

# Labels as printed (lower case, without the colon): the page's sections in page order.
LABELS: dict[str, Handler] = {
    "user rating": section_rating,
    "popularity": section_popularity,
    "moviemeter": section_popularity,
    "tvmeter": section_popularity,
    "top 250": section_top_rank,
    "director": section_directors,
    "directors": section_directors,
    "creator": section_creators,
    "creators": section_creators,
    "creator(s)": section_creators,
    "director(s)": section_directors,
    "writer(s)": section_writers,
    "tv series": section_series_title,
    "box office": section_box_office,
    "writer": section_writers,
    "writers": section_writers,
    "writer (wga)": section_writers,
    "writers (wga)": section_writers,
    "stars": section_stars,
    "star": section_stars,
    "release date": section_release_date,
    "original air date": section_air_date,
    "seasons": section_seasons,
    "season": section_seasons,
    **field_labels("genres"),
    "tagline": section_taglines,
    "taglines": section_taglines,
    "plot": section_plot,
    "plot outline": section_plot,
    "plot summary": section_plot,
    "plot keywords": section_plot_keywords,
    **field_labels("awards"),
    "newsdesk": section_newsdesk,
    "user reviews": section_user_reviews_label,
    "user comments": section_user_reviews_label,
    "cast": section_cast,
    "series cast summary": section_cast,
    "additional details": section_additional_details,
    "also known as": section_akas,
    **field_labels("runtimes", "countries", "languages", "colors", "aspect_ratio", "sound_mixes", "certificates"),
    "mpaa": section_mpaa,
    "filming locations": section_filming_locations,
    "company": section_company_summary,
    "did you know?": section_did_you_know,
    "fun stuff": section_did_you_know,
    "trivia": section_trivia,
    "goofs": section_goofs,
    "quotes": section_quotes,
    "movie connections": section_connections,
    "connections": section_connections,
    "soundtrack": section_soundtrack,
    "crazy credits": section_crazy_credits,
    "alternate versions": section_alternate_versions,
    "faq": section_faq,
    "message boards": section_message_boards,
    "recommendations": section_recommendations_heading,
    "if you enjoyed this title, our database also recommends": section_recommendations,
    "related links": section_footer,
}
# Labels that may carry their value on the same line ("Runtime: 90 min").
_NO_INLINE = {
    "if you enjoyed this title, our database also recommends",
    "did you know?",
    "fun stuff",
    "faq",
    "message boards",
    "recommendations",
    "related links",
    "cast",
    "additional details",
}
INLINE_LABELS = {label: handler for label, handler in LABELS.items() if label not in _NO_INLINE}


# Headings printed without a colon; every other label needs its colon ("Color:" is a label, "Color" a value).
_NO_COLON = {
    "cast",
    "series cast summary",
    "faq",
    "message boards",
    "recommendations",
    "related links",
    "did you know?",
    "fun stuff",
    "additional details",
    "user reviews",
    "user comments",
}
# Every line that starts a section by itself, lower-cased: labels, crew headings, company headings.
HEADINGS: dict[str, Handler] = {}
for _label, _handler in LABELS.items():
    HEADINGS[_label + ":"] = _handler
    if _label in _NO_COLON:
        HEADINGS[_label] = _handler
for _heading in CREW_HEADINGS:
    HEADINGS[_heading] = section_crew
for _heading, _kind in _COMPANY_HEADINGS:
    HEADINGS[_heading] = section_companies
_COMPANY_PREFIXES = tuple(heading for heading, _ in _COMPANY_HEADINGS)
# Whole lines the main loop knows at once (lower-cased): furniture, bare links, then the headings.
FIXED_LINES: dict[str, Handler] = {line: section_boilerplate for line in BOILERPLATE | TERMINATORS}
FIXED_LINES.update(HEADINGS)


def exact_label(collapsed: str) -> Handler | None:
    """The handler of a line that is a label or heading and nothing else."""
    if len(collapsed) > 80:
        return None
    lower = collapsed.lower()
    handler = HEADINGS.get(lower)
    if handler is None and lower.endswith(" :"):
        handler = HEADINGS.get(lower[:-2] + ":")
    return handler


def find_label(collapsed: str) -> tuple[Handler, str] | None:
    """The handler of a line that starts a section, and the value printed after its label on that line."""
    handler = exact_label(collapsed)
    if handler:
        return handler, ""
    return _label_with_value(collapsed)


def _label_with_value(collapsed: str) -> tuple[Handler, str] | None:
    """A section start that is not a whole-line label: ``Runtime: 90 min``, ``(in credits order)``…"""
    first = collapsed[:1]
    if first == "(" or first == "C" or first == "c":
        if is_cast_start(collapsed):
            return section_cast, ""
    if collapsed.endswith(")") and crew_heading(collapsed):
        return section_crew, ""
    colon = collapsed.find(":", 0, 24)
    if colon > 0:
        handler = INLINE_LABELS.get(collapsed[:colon].rstrip().lower())
        if handler:
            return handler, collapsed[colon + 1 :].strip()
    if (
        len(collapsed) < 80
        and first in "PpDdSsOo"
        and collapsed.lower().startswith(_COMPANY_PREFIXES)
        and company_headings(collapsed)
    ):
        return section_companies, ""
    if collapsed.endswith(" :"):
        handler = exact_label(collapsed)
        if handler:
            return handler, ""
    return None


def stops(page: Page, index: int) -> bool:
    """Whether line ``index`` ends the section being read: another section's start, or furniture."""
    lower = page.lowered[index]
    if lower in FIXED_LINES:
        return True
    collapsed = page.collapsed[index]
    return bool(_label_with_value(collapsed) or collapsed.startswith("IMDb >") or is_boilerplate(collapsed, lower))


def starts_section(page: Page, collapsed: str) -> bool:
    """Whether a line begins another section (so the section being read ends before it)."""
    return bool(find_label(collapsed) or collapsed.startswith("IMDb >"))


# Sections found by a line's shape, tried in page order when no label matched.
SHAPES: tuple[tuple[Callable[[Page, str], bool], Handler], ...] = (
    (
        lambda page, line: line.startswith("IMDb >") and not page.record.title and bool(_IMDB_HEADER.match(line[:500])),
        section_header,
    ),
    (
        lambda page, line: "More at IMDb" in line[:500] and not page.title_line_seen and _is_title_with_link(line),
        section_title_line,
    ),
    (is_bare_title_line, section_title_line),
    (is_series_years, section_series_years),
    (
        lambda page, line: (
            line.startswith(("Photos (", "Videos (")) and bool(_PHOTOS.match(line) or _VIDEOS.match(line))
        ),
        section_photos,
    ),
    (is_news_or_video, section_news_or_video),
    (lambda page, line: page.zone in ("overview", "top") and _is_rating_line(line), section_rating_line),
    (lambda page, line: v.popularity_text(line) is not None, section_popularity_text),
    (is_season_episode, section_season_episode),
    (is_season_links, section_season_links),
    (is_unknown_crew_heading, section_crew),
    (is_summary_writer, section_summary_writer),
    (is_release_shape, section_release_line),
    (lambda page, line: is_review_start(page, line), section_review),
    (is_review_count, section_review_count),
    *field_shapes("awards"),
    (lambda page, line: page.zone == "overview" and v.has_plot_marker(line), section_plot_line),
    *field_shapes("genres"),
    (is_keyword_list, section_keyword_line),
    (is_aka_shape, section_aka_line),
    *field_shapes("runtimes", "aspect_ratio", "certificates", "countries", "languages", "colors", "sound_mixes"),
    (is_faq_empty, section_faq_empty),
    (is_newsdesk_item, section_newsdesk_items),
    (is_summary_director, section_summary_director),
    (is_summary_stars, section_summary_stars),
    (is_cast_row_shape, section_cast),
    (is_overview_free_text, section_overview_free_text),
    (is_dyk_item, section_dyk_item),
)


# ---------------------------------------------------------------- merging the summaries


def merge_summaries(page: Page) -> None:
    """Director/writer/star summary lines add rows only for people the full lists do not already name."""
    record = page.record
    _merge_crew(record, "director", "Directed by", [(name, []) for name in page.summary_directors])
    _merge_crew(record, "writer", "Writing credits", [_name_and_notes(text) for text in page.summary_writers])
    _merge_crew(record, "creator", "Created by", [_name_and_notes(text) for text in page.summary_creators])
    named = {member.name for member in record.cast}
    for text in page.summary_stars:
        name, notes = _name_and_notes(text)
        if name and name not in named:
            named.add(name)
            record.cast.append(CastMember(name=name, notes=notes, order=len(record.cast) + 1))
    known = {(c.kind, c.name) for c in record.companies}
    for company in page.summary_companies:
        if (company.kind, company.name) not in known:
            known.add((company.kind, company.name))
            record.companies.append(company)


def _name_and_notes(text: str) -> tuple[str, list[str]]:
    name, notes = v.split_trailing_parens(text)
    return collapse(name), notes


def _merge_crew(record, key: str, label: str, people: list[tuple[str, list[str]]]) -> None:
    named = {member.name for member in record.crew if member.department == key}
    order = len([member for member in record.crew if member.department == key])
    for name, notes in people:
        if not name or name in named or name.lower() in ("more", "(more)"):
            continue
        named.add(name)
        order += 1
        record.crew.append(CrewMember(department=key, department_label=label, name=name, notes=notes, order=order))
