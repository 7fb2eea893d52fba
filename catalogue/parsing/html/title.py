"""The old "tn15" title page (combined details, main details) as HTML → ``TitleRecord``.

One small function per section of the page. The page is a ``div#tn15title h1``
header, then ``div.info`` blocks (``<h5>`` label, value in ``div.info-content`` or
directly under the label), the cast table, the crew tables of the combined page,
the company lists, and the h3 sections (FAQ, user reviews, recommendations…).
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..awards import parse_awards as parse_awards_line
from ..record import (
    DEPARTMENT_KEYS,
    Aka,
    Awards,
    CastMember,
    Certificate,
    Company,
    Connection,
    CrewMember,
    Goof,
    PageError,
    Popularity,
    QuoteLine,
    Rating,
    Recommendation,
    ReleaseDate,
    Runtime,
    SeriesRef,
    TitleRecord,
)
from ..common import imdb_id_from_href, parse_date, split_parentheticals
from .common import clean_text, is_certificate_country, is_certificate_rating, node_lines, node_text, to_int
from ..pagetype import page_url

# ---------------------------------------------------------------------------
# Text of a value: "See more »" links and their arrows are navigation.

_MORE_LINK_TEXT = re.compile(
    r"^(?:see (?:more|all)|more|full (?:summary|synopsis)|add synopsis|\(more\)|\(?view trailer\)?)(?:\b|$)", re.I
)
# The same links left as text (a page saved without its links).
_TRAILING_NAV = re.compile(
    r"(?:\s*(?:\|\s*)?(?:\(view trailer\)|\(more\)|see more\s*»?|add synopsis\s*»?|full summary\s*»?))+\s*$", re.I
)


def _is_navigation(node: LexborNode) -> bool:
    if node.tag == "a":
        classes = node.attributes.get("class") or ""
        if "tn15more" in classes:
            return True
        text = node.text(deep=True).strip()
        return bool(_MORE_LINK_TEXT.match(text))
    return node.tag == "h5"


def _strip_nav(text: str) -> str:
    """Without the trailing "»" and "|" of the "See more »" links taken out."""
    text = text.rstrip(" \t\n\u00bb|").strip()
    if text.endswith(")") and ("trailer)" in text[-16:] or "(more)" in text[-8:]):
        found = _TRAILING_NAV.search(text, max(0, len(text) - 80))
        if found:
            text = text[: found.start()].rstrip(" \t\n\u00bb|").strip()
    return text


def _value_lines(block: LexborNode) -> list[str]:
    """The lines of an info block's value, without its label and "See more »" links."""
    content = block.css_first("div.info-content") or block
    lines = []
    for line in node_lines(content, skip=_is_navigation):
        line = _strip_nav(line)
        if line and line not in ("»", "|"):
            lines.append(line)
    return lines


def _value_text(block: LexborNode) -> str | None:
    lines = _value_lines(block)
    return " ".join(lines) if lines else None


def _value_links(block: LexborNode, path: str) -> list[LexborNode]:
    content = block.css_first("div.info-content") or block
    return [a for a in content.css("a[href]") if path in (a.attributes.get("href") or "") and not _is_navigation(a)]


def _value_items(block: LexborNode, link_path: str | None = None) -> list[str]:
    return _value_items_linked(block, link_path)[0]


def _value_items_linked(block: LexborNode, link_path: str | None = None) -> tuple[list[str], bool]:
    """A value's items, and whether they were taken from ``link_path`` links only (below).

    A value's items: one per link with the text after it ("USA:R (certificate #29160)"),
    whatever separates them ("|" or "/"); the text split at "|" (or " / ") when there are no links.

    With ``link_path``, when some link's href holds it, only the items such links start
    count (a stray line in the block is not a value)."""
    content = block.css_first("div.info-content") or block
    items: list[str] = []
    current: list[str] | None = None
    linked: list[bool] = []
    strict = False
    if link_path is not None:
        for a in content.css("a[href]")[:MAX_ROWS]:
            if link_path in (a.attributes.get("href") or ""):
                strict = True
                break
    for child in content.iter(include_text=True):
        tag = child.tag
        if tag == "a":
            if _is_navigation(child):
                continue
            if strict and link_path not in (child.attributes.get("href") or ""):
                if current is not None:
                    current.append(child.text(deep=True))
                continue
            if current is not None:
                items.append(" ".join(current))
            linked.append(True)
            current = [child.text(deep=True)]
        elif tag == "-text" or tag in ("i", "em", "small", "span", "b", "font"):
            text = (child.text_content or "") if tag == "-text" else child.text(deep=True)
            if current is None:
                current = [text]  # an item without a link
                linked.append(False)
            else:
                current.append(text)
        elif tag == "br" and current is not None:
            items.append(" ".join(current))
            current = None
    if current is not None:
        items.append(" ".join(current))
    cleaned = []
    for item, from_link in zip(items, linked):
        if strict and not from_link:
            continue
        # "Drama / Romance": the 2006-2008 separator, between unlinked items too.
        for part in re.split(r"\||\s/\s", item) if "/" in item else item.split("|"):
            part = " ".join(part.split()).strip(" /»")
            if part:
                cleaned.append(part)
    return cleaned, strict


def _split_bar(text: str | None, *, slash: bool = False) -> list[str]:
    """Split at "|" (and, with ``slash``, at the 2006-2008 " / ")."""
    if not text:
        return []
    pieces = re.split(r"\||\s/\s", text) if slash and "/" in text else text.split("|")
    return [part for part in (" ".join(piece.split()) for piece in pieces) if part]


# ---------------------------------------------------------------------------
# Header: title, year, kind, original title, series.

_YEAR_IN_HEADER = re.compile(r"\((?:[^()]*?\s)?(\d{4}|\?{4})(?:/[IVXL]+)?(?:\s*[-\u2013\u2014]\s*(\d{4})?\s*)?\)")
_RANGE = re.compile(r"(\d{4})\s*[-\u2013\u2014]\s*(\d{4})?")
_QUOTED_SERIES = re.compile(r'^"([^"]+)"\s*:?\s*(.*)$')
_SEASON_EPISODE = re.compile(r"Season\s+(\d+)\s*,\s*Episode\s+(\d+)", re.I)
_NOT_TITLE_SPANS = {"pro-link"}


def _header_parts(h1: LexborNode) -> tuple[str, str, str | None, list[LexborNode], str | None]:
    """(main title text, the rest of the header, the "original title" text, links in the title,
    the episode title in the year span's ``<em>``: ``"The Walking Dead" <span><em>Guts</em> (2010)</span>``)."""
    main: list[str] = []
    rest: list[str] = []
    original: str | None = None
    links: list[LexborNode] = []
    episode: str | None = None
    seen_span = False
    for child in h1.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            (rest if seen_span else main).append(child.text_content or "")
            continue
        if tag in ("script", "style", "-comment"):
            continue
        classes = set((child.attributes.get("class") or "").split())
        if "title-extra" in classes:
            original = _title_extra(child, rest)
            continue
        if classes & _NOT_TITLE_SPANS:
            continue
        if "tv-extra" in classes:
            rest.append(" " + (clean_text(child) or "") + " ")
            continue
        if tag in ("span", "small", "br") or seen_span:
            if not seen_span and tag == "span":
                episode = _episode_em(child)
            seen_span = seen_span or tag != "br"
            rest.append(" " + node_text(child, skip=_skip_header_extras) + " ")
            for extra in child.css("span.tv-extra"):
                if extra.parent is child:
                    continue  # already in the span's own text
                rest.append(" " + (clean_text(extra) or "") + " ")
            for extra in child.css("span.title-extra"):
                original = _title_extra(extra, rest if extra.css_first("span.tv-extra") is None else None)
            continue
        if tag == "a":
            links.append(child)
        main.append(child.text(deep=True))
    return " ".join("".join(main).split()), " ".join("".join(rest).split()), original, links, episode


_TV_EXTRA_TEXT = re.compile(r"^\(?\s*TV[ -](?:mini[ -])?series\b[^()]*\)?$", re.I)


def _title_extra(node: LexborNode, rest: list[str] | None) -> str | None:
    """The "original title" in a ``span.title-extra``; a ``span.tv-extra`` inside it
    ("TV series 2010-") is the header's kind and years, never a title."""
    if node.css_first("span.tv-extra") is None:
        text = clean_text(node)
        if text and _TV_EXTRA_TEXT.match(text):
            # The same words without their span: kind and years, never a title.
            if rest is not None:
                rest.append(f" {text} ")
            return None
        return text
    if rest is not None:
        rest.extend(" " + (clean_text(extra) or "") + " " for extra in node.css("span.tv-extra"))
    return clean_text(node_text(node, skip=lambda n: "tv-extra" in (n.attributes.get("class") or "")))


def _episode_em(span: LexborNode) -> str | None:
    """The ``<em>`` opening the header's year span (an episode's own title), or None."""
    for child in span.iter(include_text=True):
        if child.tag == "-text":
            if (child.text_content or "").strip():
                return None
            continue
        return clean_text(child) if child.tag == "em" else None
    return None


def _skip_header_extras(node: LexborNode) -> bool:
    classes = node.attributes.get("class") or ""
    return "pro-link" in classes or "title-extra" in classes


def _kind_from_header(rest: str, is_quoted: bool) -> str:
    lowered = rest.lower()
    if "mini" in lowered:
        return "tv_mini_series"
    if "tv series" in lowered or "tv-series" in lowered:
        return "tv_series"
    if "(vg)" in lowered or "video game" in lowered:
        return "video_game"
    if "tv special" in lowered:
        return "tv_special"
    if re.search(r"\(v\)|\bvideo\b", lowered):
        return "video"
    if re.search(r"\(tv\b|\btv movie\b|\btv\)", lowered):
        return "tv_movie"
    if re.search(r"\bshort\b", lowered):
        return "short"
    if is_quoted or _RANGE.search(rest):
        return "tv_series"
    return "movie"


def parse_header(tree: LexborHTMLParser, record: TitleRecord) -> None:
    h1 = tree.css_first("div#tn15title h1") or tree.css_first("h1")
    if h1 is None:
        raise PageError("not an IMDb title page: it has no title header (<h1>)")
    main, rest, original, links, episode_title = _header_parts(h1)
    if not rest:
        # A header without the year span: "Title (1944) (TV)".
        found = re.match(r"^(.*?)\s*(\((?:\d{4}|\?{4}).*)$", main)
        if found:
            main, rest = found.group(1), found.group(2)
    if not main:
        raise PageError("not an IMDb title page: the title header is empty")
    year_match = _YEAR_IN_HEADER.search(rest)
    if year_match and year_match.group(1).isdigit():
        record.year = int(year_match.group(1))
    range_match = _RANGE.search(rest)
    if range_match:
        record.year = record.year or int(range_match.group(1))
        if range_match.group(2):
            record.end_year = int(range_match.group(2))
    quoted = _QUOTED_SERIES.match(main)
    crumb = _series_crumb(tree)
    if quoted and not quoted.group(2) and episode_title:
        # The 2013- combined page: the episode's title leads the year span, in an <em>.
        quoted = _QUOTED_SERIES.match(f"{main} {episode_title}")
        rest = rest.replace(episode_title, "", 1)
    if (
        quoted
        and quoted.group(2)
        and (links or crumb is not None or _SEASON_EPISODE.search(rest) or _has_episode_labels(tree))
    ):
        # An episode: "Series" Episode title. (A film may start with a quoted word,
        # "Crocodile" Dundee: without any sign of a series it keeps its title.)
        series_link = next((a for a in links if imdb_id_from_href(a.attributes.get("href"), "tt")), crumb)
        series_year = _YEAR_IN_HEADER.search(clean_text(crumb) or "") if crumb is not None else None
        record.series = SeriesRef(
            title=quoted.group(1).strip(),
            year=int(series_year.group(1)) if series_year and series_year.group(1).isdigit() else None,
            imdb_id=imdb_id_from_href(series_link.attributes.get("href"), "tt") if series_link is not None else None,
        )
        record.title = quoted.group(2).strip()
        record.kind = "tv_episode"
    elif quoted and not quoted.group(2):
        record.title = quoted.group(1).strip()
        record.kind = _kind_from_header(rest, True)
    else:
        record.title = main
        record.kind = _kind_from_header(rest, False)
    if original:
        original_title, notes = split_parentheticals(original, trailing_only=True)
        original_title = original_title.strip().strip('"').strip()
        if original_title and original_title != record.title:
            record.original_title = original_title
    episode = _SEASON_EPISODE.search(rest)
    if episode:
        _set_episode(record, int(episode.group(1)), int(episode.group(2)))


def _series_crumb(tree: LexborHTMLParser) -> LexborNode | None:
    """On an episode page the crumbs read ``IMDb > "Lost" (2004) > Pilot``: the series' link."""
    crumbs = tree.css_first("div#tn15crumbs")
    if crumbs is None:
        return None
    for link in crumbs.css('a[href*="/title/tt"]'):
        if (clean_text(link) or "").startswith('"'):
            return link
    return None


def _has_episode_labels(tree: LexborHTMLParser) -> bool:
    for h5 in tree.css("div.info > h5"):
        label = " ".join(h5.text(deep=True).split()).lower()
        if label.startswith(("tv series", "original air date")):
            return True
    return False


def _set_episode(record: TitleRecord, season: int, episode: int) -> None:
    if record.series is None:
        record.series = SeriesRef(title="")
    record.series.season = season
    record.series.episode = episode
    record.kind = "tv_episode"


# ---------------------------------------------------------------------------
# Overview blocks.


def parse_rating(block: LexborNode, record: TitleRecord) -> None:
    def skip(node: LexborNode) -> bool:
        classes = node.attributes.get("class") or ""
        return bool({"personal", "usr", "message"} & set(classes.split())) or node.tag in ("h5",)

    # Regular expressions only ever see a short text (a hostile page gets no quadratic match).
    text = " ".join(node_text(block, skip=skip).split())[:2000]
    rank = re.search(r"Top 250:?\s*#\s*(\d+)", text)
    if rank:
        record.top_rank = int(rank.group(1))
    if re.search(r"awaiting\s+[\d,]+\s+votes", text, re.I):
        return
    value = re.search(r"(\d{1,2}(?:\.\d+)?)\s*/\s*10\b", text)
    votes = re.search(r"([\d,]+)\s+votes?\b", text)
    if value:
        number = float(value.group(1))
        if 0 <= number <= 10:
            record.rating = Rating(value=number, best=10, votes=to_int(votes.group(1)) if votes else 0)


def _labelled_rating(root: LexborNode) -> LexborNode | None:
    """The element holding a ``<b>User Rating:</b>`` label, when no widget class marks it."""
    for label in root.css("b, h5")[:MAX_ROWS]:
        if " ".join(label.text(deep=True).split()).rstrip(":").lower() == "user rating":
            holder = label.parent
            # Only a small holder: a page-wide one would let a review's "8/10" in.
            if holder is not None and len(holder.text(deep=True)) < 600:
                return holder
            return None
    return None


def parse_top_rank(root: LexborNode, record: TitleRecord) -> None:
    """ "Top 250: #123", a link to the chart wherever the page puts it."""
    scope = root.css_first("div#tn15rating") or root.css_first("div.starbar-special") or root
    for link in scope.css('a[href*="chart/top"]'):
        found = re.search(r"Top 250:?\s*#\s*(\d+)", link.text(deep=True))
        if found:
            record.top_rank = int(found.group(1))
            return


def parse_popularity(block: LexborNode, record: TitleRecord) -> None:
    text = _value_text(block)
    if not text:
        return
    text = text[:2000]
    sentence = re.match(r"^(.*?\bthis week\.)", text)
    rank = re.match(r"^([\d,]+)\b", text)
    record.popularity = Popularity(
        rank=to_int(rank.group(1)) if rank else None,
        text=sentence.group(1) if sentence else text,
    )


def _credit_tail(text: str) -> tuple[str | None, str | None, list[str]]:
    """``"assistant camera (uncredited) (as X)"`` → (job, credited_as, notes)."""
    text = re.sub(r"(?:\s+(?:and|&)|\s*\.{3}|\s*\u2026|\s*,)\s*$", "", text.strip())
    if not text:
        return None, None, []
    rest, groups = split_parentheticals(text)
    credited_as = None
    notes = []
    for group in groups:
        if group.startswith("as ") and credited_as is None:
            credited_as = group[3:].strip() or None
        else:
            notes.append(group)
    rest = re.sub(r"^(?:\.{2,}|\s)+|(?:\s+(?:and|&))$", "", rest).strip()
    return rest or None, credited_as, notes


def _department(label: str, record: TitleRecord) -> str:
    key = DEPARTMENT_KEYS.get(label)
    if key:
        return key
    # "Writing credits (WGA)"; a series' combined page prints "Series Directed by"…
    base = re.sub(r"\s*\(WGA\)$", "", label)
    base = base[7:] if base.startswith("Series ") else base
    if base in DEPARTMENT_KEYS:
        return DEPARTMENT_KEYS[base]
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "other"
    record.warnings.append(f"unknown crew heading {label!r}: kept as department {key!r}")
    return key


# Overview labels → (department, department label). The overview's rows take the
# crew list's heading, as the text parser does, so a title's rows read the same
# from any page; a series' creators get their own department ("Created by").
_OVERVIEW_CREW = {
    "director": ("director", "Directed by"),
    "directors": ("director", "Directed by"),
    "writer": ("writer", "Writing credits"),
    "writers": ("writer", "Writing credits"),
    "writers (wga)": ("writer", "Writing credits"),
    "writer (wga)": ("writer", "Writing credits"),
    "creator": ("creator", "Created by"),
    "creators": ("creator", "Created by"),
    "creator(s)": ("creator", "Created by"),
    # 2006-2008 main details label their blocks as the combined page's headings.
    "directed by": ("director", "Directed by"),
    "writing credits": ("writer", "Writing credits"),
    "writing credits (wga)": ("writer", "Writing credits"),
    "director(s)": ("director", "Directed by"),
    "writer(s)": ("writer", "Writing credits"),
}


def parse_overview_crew(block: LexborNode, key: str, record: TitleRecord) -> None:
    """ "Director:" / "Writers (WGA):" / "Creator(s):" rows: one per name link, for people
    the crew tables (combined page) do not already name in that department."""
    department, label = _OVERVIEW_CREW[key]
    content = block.css_first("div.info-content") or block
    named = {member.name for member in record.crew if member.department == department}
    order = sum(1 for member in record.crew if member.department == department)
    for line_nodes in _lines_of_nodes(content):
        link = next((n for n in line_nodes if n.tag == "a" and imdb_id_from_href(n.attributes.get("href"), "nm")), None)
        if link is None:
            continue
        name = clean_text(link)
        if not name or name in named:
            continue
        named.add(name)
        order += 1
        record.crew.append(_crew_line(line_nodes, link, name, department=department, label=label, order=order))


def _crew_line(
    line_nodes: list[LexborNode], link: LexborNode, name: str, *, department: str, label: str, order: int
) -> CrewMember:
    """One crew line: the person's link, then their job, "(as …)" and notes as printed after it."""
    tail = " ".join(
        (n.text_content or "") if n.tag == "-text" else n.text(deep=True)
        for n in line_nodes[line_nodes.index(link) + 1 :]
        if n.tag == "-text" or not _is_navigation(n)
    )
    job, credited_as, notes = _credit_tail(tail)
    return CrewMember(
        department=department,
        department_label=label,
        name=name,
        job=job,
        credited_as=credited_as,
        notes=notes,
        order=order,
        imdb_id=imdb_id_from_href(link.attributes.get("href"), "nm"),
    )


def _lines_of_nodes(content: LexborNode) -> list[list[LexborNode]]:
    """The direct children of a value, cut into lines at ``<br>``."""
    lines: list[list[LexborNode]] = [[]]
    for child in content.iter(include_text=True):
        if child.tag == "br":
            lines.append([])
        elif child.tag not in ("h5", "script", "style", "-comment"):
            lines[-1].append(child)
    return [line for line in lines if line]


_RELEASE = re.compile(r"^(?P<date>.*?\d{4})\s*(?P<rest>\(.*)?$")


def parse_release_date(block: LexborNode, record: TitleRecord) -> None:
    text = _value_text(block)
    if not text:
        return
    found = _RELEASE.match(text) if len(text) < 300 else None
    if not found:
        record.unparsed.append(f"Release Date: {text}")
        return
    date_text = found.group("date").strip()
    if len(date_text) > 40:
        record.unparsed.append(f"Release Date: {text}")
        return
    _, groups = split_parentheticals(found.group("rest") or "")
    episode = next((g for g in groups if _SEASON_EPISODE.search(g)), None)
    if episode:
        groups.remove(episode)
        season_episode = _SEASON_EPISODE.search(episode)
        _set_episode(record, int(season_episode.group(1)), int(season_episode.group(2)))
    record.release_date = ReleaseDate(
        date=parse_date(date_text, partial=True),
        text=date_text,
        country=groups[0] if groups else None,
        note=", ".join(groups[1:]) or None,
    )


def parse_awards(text: str | None) -> Awards | None:
    """The awards block, counted as the text parser counts it (catalogue/parsing/awards.py)."""
    if not text:
        return None
    return parse_awards_line(text) or Awards(text=text)


def parse_runtimes(text: str | None) -> list[Runtime]:
    runtimes = []
    for part in _split_bar(text, slash=True):
        found = re.match(r"^(?:(?P<country>[^:]+):\s*)?(?P<minutes>\d+)\s*min\b\s*(?P<rest>.*)$", part)
        if not found:
            continue
        _, notes = split_parentheticals(found.group("rest"))
        runtimes.append(
            Runtime(
                minutes=int(found.group("minutes")),
                country=found.group("country").strip() if found.group("country") else None,
                note=", ".join(notes) or None,
            )
        )
    return runtimes


def parse_certificates(
    text: str | None, unparsed: list[str] | None = None, *, linked: bool = False
) -> list[Certificate]:
    """``Country:Rating (notes)`` items; one that has not the shape of a certificate
    (a headline "Criterion Picks on Fandor: Nino Rota") goes to ``unparsed``. ``linked``:
    the items come from IMDb's own certificate links, whose countries need not be known here."""
    certificates = []
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for part in _split_bar(text, slash=True):
        country, colon, rest = part.partition(":")
        country, rest = country.strip(), rest.strip()
        if not colon or not country:
            continue
        if rest.startswith("("):
            # "Portugal:(Banned) (original rating)": the rating is the first group.
            rating_text, groups = split_parentheticals(rest)
            rating = f"({groups[0]})" if groups else rest
            notes = groups[1:]
            if rating_text:
                notes = [rating_text, *notes]
        else:
            # The rating runs to the first " (": "R(A) (cut)", "Tous publics (video rating)".
            rating, bracket, tail = rest.partition(" (")
            rating = rating.strip()
            _, notes = split_parentheticals(bracket + tail) if bracket else ("", [])
        if rating and is_certificate_country(country, known_only=not linked) and is_certificate_rating(rating):
            key = (country, rating, tuple(notes))
            if key not in seen:  # a title's duplicate rows are one fact
                seen.add(key)
                certificates.append(Certificate(country=country, rating=rating, notes=notes))
        elif unparsed is not None:
            unparsed.append(f"Certification: {part}")
    return certificates


def parse_akas(lines: list[str], record: TitleRecord) -> None:
    """``"Hiroshima, My Love" - International (English title)``, or ``Grotesque (Japan: English title) (censored version)``."""
    for line in lines:
        found = re.match(r'^"(?P<title>.+?)"\s*(?:-\s*(?P<rest>.*))?$', line) if len(line) < 1000 else None
        if found or " - " in line:
            if found:
                title, rest = found.group("title"), found.group("rest") or ""
            else:
                title, _, rest = line.partition(" - ")
            # Notes are the trailing groups; one inside the list of countries stays as
            # printed ("Canada (French title), France": the note is Canada's only).
            country, notes = split_parentheticals(rest, trailing_only=True)
            country = " ".join(country.split())
        else:
            # "Grotesque (Japan: English title) (censored version)": the groups are not a
            # country field ("Japan: English title"); kept as printed, as notes.
            title, notes = split_parentheticals(line, trailing_only=True)
            country = ""
        title = title.strip()
        if not title:
            continue
        record.akas.append(Aka(title=title, country=country or None, notes=notes))
        if (
            record.original_title is None
            and any(note.lower() == "original title" for note in notes)
            and title != record.title
        ):
            record.original_title = title


# A category may hold parentheses: "Factual errors (in the credits): …".
_GOOF = re.compile(r"^(?P<category>[A-Z][A-Za-z ,/'()-]{1,50}?):\s*(?P<text>\S.*)$", re.S)


def parse_goofs(lines: list[str]) -> list:
    goofs = []
    text = " ".join(lines)
    if not text:
        return goofs
    found = _GOOF.match(text)
    if found:
        goofs.append(Goof(category=found.group("category"), text=found.group("text").strip()))
    else:
        goofs.append(Goof(category=None, text=text))
    return goofs


def parse_quotes(block: LexborNode) -> list[list[QuoteLine]]:
    content = block.css_first("div.info-content") or block
    quote: list[QuoteLine] = []
    for line_nodes in _lines_of_nodes(content):
        speaker = None
        parts = []
        for node in line_nodes:
            if node.tag == "-text":
                parts.append(node.text_content or "")
            elif _is_navigation(node):
                continue
            elif node.tag == "b" and speaker is None and not "".join(parts).strip():
                speaker = clean_text(node)
            else:
                parts.append(node.text(deep=True))
        text = " ".join("".join(parts).split())
        if speaker is not None:
            text = text[1:].strip() if text.startswith(":") else text
        text = _strip_nav(text) if speaker is None or "\u00ab" not in text else text
        if not text and speaker is None:
            continue
        quote.append(QuoteLine(character=speaker, text=text))
    return [quote] if quote else []


def parse_connections(block: LexborNode) -> list[Connection]:
    content = block.css_first("div.info-content") or block
    connections = []
    for line_nodes in _lines_of_nodes(content):
        link = next((n for n in line_nodes if n.tag == "a" and imdb_id_from_href(n.attributes.get("href"), "tt")), None)
        if link is None:
            continue
        index = line_nodes.index(link)
        kind = " ".join(
            "".join(
                (n.text_content or "") if n.tag == "-text" else n.text(deep=True) for n in line_nodes[:index]
            ).split()
        )
        tail = " ".join("".join((n.text_content or "") for n in line_nodes[index + 1 :] if n.tag == "-text").split())
        _, groups = split_parentheticals(tail)
        year = next((int(g[:4]) for g in groups if re.fullmatch(r"\d{4}(?:/[IVXL]+)?", g)), None)
        notes = [g for g in groups if not re.fullmatch(r"\d{4}(?:/[IVXL]+)?", g)]
        title = clean_text(link)
        if title and len(title) > 1 and title.startswith('"') and title.endswith('"'):
            title = title[1:-1].strip()  # a series' title, quoted as IMDb prints them
        if title and kind:
            connections.append(
                Connection(
                    type=kind,
                    title=title,
                    year=year,
                    note=", ".join(notes) or None,
                    imdb_id=imdb_id_from_href(link.attributes.get("href"), "tt"),
                )
            )
    return connections


def parse_seasons(block: LexborNode) -> list[int]:
    seasons = []
    for line in _split_bar(" | ".join(_value_lines(block))):
        for token in line.split():
            if token.isdigit() and int(token) not in seasons:
                seasons.append(int(token))
    return seasons


def parse_series_block(block: LexborNode, record: TitleRecord) -> None:
    """ "TV Series:" on an episode page: the series' title and tt id."""
    link = next(iter(_value_links(block, "/title/tt")), None)
    title = clean_text(link) if link else _value_text(block)
    if not title:
        return
    year = re.search(r"\((\d{4})", title)
    title = re.sub(r"\s*\(\d{4}.*$", "", title).strip().strip('"')
    if record.series is None:
        record.series = SeriesRef(title=title)
    record.series.title = record.series.title or title
    if link is not None:
        record.series.imdb_id = imdb_id_from_href(link.attributes.get("href"), "tt")
    if year:
        record.series.year = int(year.group(1))
    record.kind = "tv_episode"


def parse_stars(block: LexborNode, record: TitleRecord) -> None:
    """ "Stars:" names the leads; the cast table, when there is one, has them all (and is read later)."""
    for link in _value_links(block, "/name/"):
        name = clean_text(link)
        if name:
            record.cast.append(
                CastMember(
                    name=name, order=len(record.cast) + 1, imdb_id=imdb_id_from_href(link.attributes.get("href"), "nm")
                )
            )


# ---------------------------------------------------------------------------
# Info blocks by label.

_LIST_FIELDS = {
    "genre": "genres",
    "genres": "genres",
    "country": "countries",
    "countries": "countries",
    "language": "languages",
    "languages": "languages",
    "color": "colors",
    "colour": "colors",
    "sound mix": "sound_mixes",
}
_BOILERPLATE_LABELS = {
    "your rating",
    "contact",
    "parents guide",
    "recommendations",
    "message boards",
    "photo gallery",
    "own the rights?",
}
_TEXT_LIST_FIELDS = {"tagline": "taglines", "taglines": "taglines", "trivia": "trivia", "soundtrack": "soundtrack"}


def _label_of(h5: LexborNode) -> str:
    """The label's first line: "NewsDesk:" without its "(13 articles)"."""
    parts = []
    for child in h5.iter(include_text=True):
        if child.tag in ("br", "small"):
            break
        parts.append((child.text_content or "") if child.tag == "-text" else child.text(deep=True))
    return " ".join("".join(parts).split()).rstrip(":").strip()


# Real pages have fewer than 60 info blocks, 30 crew tables and a few hundred rows;
# beyond these limits a page is hostile and the rest is not read.
MAX_BLOCKS = 150
MAX_TABLES = 200
MAX_ROWS = 3000


def parse_info_blocks(root: LexborNode, record: TitleRecord, *, has_company_lists: bool) -> None:
    for block in root.css("div.info")[:MAX_BLOCKS]:
        h5 = _own_label(block)
        if h5 is None:
            continue
        label = _label_of(h5)
        key = " ".join(label.lower().split())
        _parse_info_block(block, label, key, record, has_company_lists=has_company_lists)


def parse_loose_labels(root: LexborNode, record: TitleRecord, *, has_company_lists: bool) -> None:
    """An ``<h5>`` label outside any ``div.info`` (and crew table): its value is what follows it
    up to the next label, read as a block of that label would be; never dropped unseen."""
    for h5 in root.css("h5")[:MAX_BLOCKS]:
        holder = h5.parent
        if holder is None or holder.tag in ("td", "th") or "info" in (holder.attributes.get("class") or "").split():
            continue  # the usual places: a crew table's cell, a div.info
        inside = False
        for _ in range(12):
            if holder is None:
                break
            if holder.tag == "table" or (
                holder.tag == "div" and "info" in (holder.attributes.get("class") or "").split()
            ):
                inside = True
                break
            if holder.attributes.get("id") in ("tn15lhs", "tn15rhs", "tn15crumbs"):
                inside = True  # the side columns' navigation ("Quicklinks", "Photo Gallery")
                break
            holder = holder.parent
        if inside:
            continue
        label = _label_of(h5)
        key = " ".join(label.lower().split())
        if not label or key in _BOILERPLATE_LABELS:
            continue
        parent = h5.parent
        if parent is not None and parent.tag == "div" and _own_label(parent) is not None and len(parent.css("h5")) == 1:
            block = parent  # a div led by this label (the late-2009 div.info-offset)
        else:
            parts = [h5.html or ""]
            sibling = h5.next
            while sibling is not None and sibling.tag not in ("h5", "h3", "hr", "table", "div") and len(parts) < 200:
                parts.append(escape(sibling.text_content or "") if sibling.tag == "-text" else (sibling.html or ""))
                sibling = sibling.next
            text_or_html = "".join(parts)
            block = LexborHTMLParser(f'<div class="info">{text_or_html}</div>').css_first("div.info")
            if block is None:
                continue
        if key == "user rating" and record.rating is not None:
            continue
        _parse_info_block(block, label, key, record, has_company_lists=has_company_lists)


def _own_label(block: LexborNode) -> LexborNode | None:
    """The block's ``<h5>``: its first element (a block without one is a wrapper, e.g. of the cast),
    after any named anchors (``<a name="director"></a>``), line breaks or scripts before it."""
    for child in block.iter():
        if child.tag == "h5":
            return child
        if child.tag in ("br", "script", "style", "img") or (child.tag == "a" and "href" not in child.attributes):
            continue
        return None
    return None


def _parse_info_block(block: LexborNode, label: str, key: str, record: TitleRecord, *, has_company_lists: bool) -> None:  # noqa: C901 - a dispatch table
    if key in _BOILERPLATE_LABELS:
        return
    if key == "user rating":
        parse_rating(block, record)
    elif key.startswith("moviemeter") or key.startswith("starmeter") or key.startswith("popularity"):
        parse_popularity(block, record)
    elif key in _OVERVIEW_CREW:
        parse_overview_crew(block, key, record)
    elif key in ("release date", "original air date"):
        parse_release_date(block, record)
    elif key in _LIST_FIELDS:
        attribute = _LIST_FIELDS[key]
        values = _value_items(block)
        getattr(record, attribute).extend(v for v in values if v not in getattr(record, attribute))
    elif key in _TEXT_LIST_FIELDS:
        text = _value_text(block)
        if text:
            getattr(record, _TEXT_LIST_FIELDS[key]).append(text)
    elif key in ("plot", "plot outline", "plot summary", "plot synopsis"):
        record.plot = record.plot or _value_text(block)
    elif key == "plot keywords":
        record.plot_keywords.extend(k for k in (clean_text(a) for a in _value_links(block, "/keyword/")) if k)
    elif key == "awards":
        record.awards = parse_awards(_value_text(block))
    elif key.startswith("newsdesk"):
        # Headlines linking to IMDb's news pages ("(From FilmExperience. 17 October
        # 2010…)"): navigation, as the text parser reads them; ``news`` is the page's
        # own news teaser (parse_news_teaser).
        pass
    elif key in ("user reviews", "user comments", "reviews"):
        # "Them there eyes See more (84 total) »", or (later pages) "99 user | 71 critic".
        found = re.search(r"\(([\d,]+) total\)|([\d,]+) user\b", block.text(deep=True)[:2000])
        if found:
            record.review_count = to_int(found.group(1) or found.group(2))
    elif key == "also known as":
        parse_akas(_value_lines(block), record)
    elif key in ("runtime", "runtimes"):
        record.runtimes.extend(parse_runtimes(" | ".join(_value_lines(block))))
    elif key.startswith("videos"):
        found = re.search(r"\ball\s+([\d,]+)", block.text(deep=True)[:2000], re.I)
        if found:
            record.video_count = to_int(found.group(1))
    elif key == "aspect ratio":
        record.aspect_ratio = _value_text(block)
    elif key in ("certification", "certificate", "certificates"):
        items, linked = _value_items_linked(block, "certificates=")
        have = {(c.country, c.rating, tuple(c.notes)) for c in record.certificates}
        for certificate in parse_certificates(" | ".join(items), record.unparsed, linked=linked):
            if (certificate.country, certificate.rating, tuple(certificate.notes)) not in have:
                record.certificates.append(certificate)
    elif key == "mpaa":
        record.mpaa = record.mpaa or _value_text(block)
    elif key == "filming locations":
        links = _value_links(block, "locations=")
        values = [clean_text(a) for a in links] if links else _value_lines(block)
        record.filming_locations.extend(v for v in values if v)
    elif key in ("company", "companies"):
        if not has_company_lists:
            for link in _value_links(block, "/company/"):
                name = clean_text(link)
                if name:
                    record.companies.append(
                        Company(
                            kind="production", name=name, imdb_id=imdb_id_from_href(link.attributes.get("href"), "co")
                        )
                    )
    elif key == "goofs":
        record.goofs.extend(parse_goofs(_value_lines(block)))
    elif key == "quotes":
        record.quotes.extend(parse_quotes(block))
    elif key in ("movie connections", "connections"):
        record.connections.extend(parse_connections(block))
    elif key == "seasons":
        record.seasons.extend(s for s in parse_seasons(block) if s not in record.seasons)
    elif key in ("tv series", "series"):
        parse_series_block(block, record)
    elif key in ("stars", "cast", "star"):
        parse_stars(block, record)
    else:
        text = _value_text(block)
        if text:
            record.unparsed.append(f"{label}: {text}")


# ---------------------------------------------------------------------------
# Cast table, crew tables, companies.


def _cells(row: LexborNode) -> list[LexborNode]:
    return [child for child in row.iter() if child.tag in ("td", "th")]


def _first_link(cell: LexborNode) -> LexborNode | None:
    """The first ``<a href>`` directly in a cell (or one level down), without a CSS query."""
    for child in cell.iter():
        if child.tag == "a" and "href" in child.attributes:
            return child
        for grandchild in child.iter():
            if grandchild.tag == "a" and "href" in grandchild.attributes:
                return grandchild
    return None


def parse_cast(root: LexborNode, record: TitleRecord) -> None:
    order = 0
    tables = root.css("table.cast")[:MAX_TABLES]
    if tables:
        record.cast = []  # rows from "Stars:" are a subset of the table's
    for table in tables:
        header = _cast_header(table)
        if header and "verified as complete" in header.lower():
            record.cast_complete = True
        if record.cast_alphabetical_from is None:
            before = _cast_rows_before_divider(table)
            if before is not None:
                record.cast_alphabetical_from = order + before + 1
        name_cells = table.css("td.nm")
        for row in name_cells[:MAX_ROWS] if name_cells else table.css("tr")[:MAX_ROWS]:
            if order >= MAX_ROWS:
                break
            char_cell = None
            if name_cells:
                name_cell = row
                link = _first_link(name_cell)
                sibling = name_cell.next
                while sibling is not None and char_cell is None:
                    if sibling.tag == "td" and "char" in (sibling.attributes.get("class") or ""):
                        char_cell = sibling
                    sibling = sibling.next
            else:
                # A variant without the cell classes: the first cell linking to a person.
                link = next(
                    (
                        a
                        for a in row.css("a[href]")
                        if imdb_id_from_href(a.attributes.get("href"), "nm") and clean_text(a)
                    ),
                    None,
                )
                if link is None:
                    continue
                name_cell = link
                cells = _cells(row)
                if len(cells) >= 3:
                    char_cell = cells[-1]
            name = clean_text(link if link is not None else name_cell)
            if not name:
                continue
            character, credited_as, notes, character_id = None, None, [], None
            if char_cell is not None:
                character, groups = split_parentheticals(
                    " ".join(char_cell.text(deep=True).split()), trailing_only=True
                )
                for group in groups:
                    if group.startswith("as ") and credited_as is None:
                        credited_as = group[3:].strip() or None
                    else:
                        notes.append(group)
                character_link = _first_link(char_cell)
                if character_link is not None:
                    character_id = imdb_id_from_href(character_link.attributes.get("href"), "ch")
            order += 1
            record.cast.append(
                CastMember(
                    name=name,
                    character=character or None,
                    credited_as=credited_as,
                    notes=notes,
                    order=order,
                    imdb_id=imdb_id_from_href(link.attributes.get("href"), "nm") if link is not None else None,
                    character_id=character_id,
                )
            )


_REST_OF_CAST = re.compile(r"rest of cast listed alphabetically:?", re.I)


def _cast_rows_before_divider(table: LexborNode) -> int | None:
    """How many cast rows the table has before its "rest of cast listed alphabetically:" row (None: no such row)."""
    rows = 0
    for row in table.css("tr")[:MAX_ROWS]:
        if row.css_first("td.nm") is not None or any(
            imdb_id_from_href(a.attributes.get("href"), "nm") for a in row.css("a[href]")
        ):
            rows += 1
        elif _REST_OF_CAST.fullmatch(clean_text(row) or ""):
            return rows
    return None


def _cast_header(table: LexborNode) -> str | None:
    """The "Cast (in credits order) (verified as complete)" heading before a cast table:
    the nearest earlier sibling (of the table or of one of its two wrappers) holding an h3,
    with any text and ``<small>`` notes between them."""
    node = table
    for _ in range(3):
        if node is None:
            return None
        parts: list[str] = []
        previous = node.prev
        while previous is not None and previous.tag in ("-text", "small", "-comment"):
            if previous.tag != "-comment":
                parts.insert(0, (previous.text_content or "") if previous.tag == "-text" else previous.text(deep=True))
            previous = previous.prev
        if previous is not None and (previous.tag == "h3" or previous.css_first("h3") is not None):
            return previous.text(deep=True) + " " + " ".join(parts)
        node = node.parent
    return None


def _previous_cell(cell: LexborNode) -> LexborNode | None:
    sibling = cell.prev
    while sibling is not None:
        if sibling.tag in ("td", "th"):
            return sibling
        sibling = sibling.prev
    return None


def parse_crew_tables(root: LexborNode, record: TitleRecord) -> bool:
    """The combined page's crew: one table per department, its heading in an ``<h5>``."""
    found = False
    orders: dict[str, int] = {}
    rows = 0
    for h5 in root.css("table h5")[:MAX_TABLES]:
        table = h5.parent
        for _ in range(8):
            if table is None or table.tag == "table":
                break
            table = table.parent
        if table is None or table.tag != "table" or "cast" in (table.attributes.get("class") or ""):
            continue
        label = " ".join(h5.text(deep=True).split()).rstrip(":").strip()
        if not label:
            continue
        found = True
        department = _department(label, record)
        order = orders.get(department, 0)
        for link in table.css('a[href*="/name/"]'):
            rows += 1
            if rows > MAX_ROWS:
                break
            cell = link.parent
            for _ in range(4):
                if cell is None or cell.tag in ("td", "th"):
                    break
                cell = cell.parent
            if cell is None or cell.tag not in ("td", "th"):
                continue
            # The person is the row's first cell; links in the job cell are not rows.
            if cell is None or cell.prev is not None and _previous_cell(cell) is not None:
                continue
            name = clean_text(link)
            person_id = imdb_id_from_href(link.attributes.get("href"), "nm")
            if not name or not person_id:
                continue
            tail_cells = []
            sibling = cell.next
            while sibling is not None:
                if sibling.tag in ("td", "th"):
                    tail_cells.append(" ".join(sibling.text(deep=True).split()))
                sibling = sibling.next
            job, credited_as, notes = _credit_tail(" ".join(tail_cells))
            order += 1
            record.crew.append(
                CrewMember(
                    department=department,
                    department_label=label,
                    name=name,
                    job=job,
                    credited_as=credited_as,
                    notes=notes,
                    order=order,
                    imdb_id=person_id,
                )
            )
        orders[department] = order
    return found


_COMPANY_KINDS = {
    "production companies": "production",
    "production company": "production",
    "distributors": "distributor",
    "distributor": "distributor",
    "special effects": "special_effects",
    "special effects companies": "special_effects",
    "other companies": "other",
}


def parse_company_lists(root: LexborNode, record: TitleRecord) -> bool:
    found = False
    rows = 0
    for header in root.css("b.blackcatheader")[:MAX_TABLES]:
        label = " ".join(header.text(deep=True).split()).rstrip(":").lower()
        kind = _COMPANY_KINDS.get(label)
        if kind is None:
            _blackcat_crew(header, record)
            continue
        found = True
        listing = header.next
        while listing is not None and listing.tag in ("-text", "-comment", "br"):
            listing = listing.next
        if listing is None or listing.tag not in ("ul", "ol"):
            continue
        for item in listing.iter():
            if item.tag != "li":
                continue
            rows += 1
            if rows > MAX_ROWS:
                return found
            link = item.css_first('a[href*="/company/"]')
            name = clean_text(link) if link is not None else None
            tail = ""
            if link is not None:
                tail = " ".join(
                    (n.text_content or "") if n.tag == "-text" else n.text(deep=True) for n in _siblings_after(link)
                )
            else:
                name, _, tail = " ".join(item.text(deep=True).split()).partition(" (")
                tail = "(" + tail if tail else ""
            if not name:
                continue
            rest, notes = split_parentheticals(tail)
            if rest:
                notes.append(rest)
            record.companies.append(
                Company(
                    kind=kind,
                    name=name,
                    notes=notes,
                    imdb_id=imdb_id_from_href(link.attributes.get("href"), "co") if link is not None else None,
                )
            )
    return found


def _blackcat_crew(header: LexborNode, record: TitleRecord) -> None:
    """2006-2008: ``<b class="blackcatheader">Directed by</b><br><a href="/name/nm…">Name</a> (notes)<br>``,
    for departments the crew tables did not give."""
    label = " ".join(header.text(deep=True).split()).rstrip(":")
    department = DEPARTMENT_KEYS.get(re.sub(r"\s*\(WGA\)$", "", label))
    if department is None or any(member.department == department for member in record.crew):
        return
    lines: list[list[LexborNode]] = [[]]
    sibling = header.next
    count = 0
    while sibling is not None and count < MAX_ROWS:
        count += 1
        # The next heading or block ends the list (a <b> holding a name link is a row's).
        if sibling.tag in ("h3", "h5", "hr", "table", "div", "ul"):
            break
        if sibling.tag == "b" and (
            "blackcatheader" in (sibling.attributes.get("class") or "") or sibling.css_first("a") is None
        ):
            break
        if sibling.tag == "br":
            lines.append([])
        elif sibling.tag not in ("script", "style", "-comment"):
            lines[-1].append(sibling)
        sibling = sibling.next
    order = 0
    for line_nodes in lines:
        link = next((n for n in line_nodes if n.tag == "a" and imdb_id_from_href(n.attributes.get("href"), "nm")), None)
        name = clean_text(link) if link is not None else None
        if not name:
            continue
        order += 1
        record.crew.append(_crew_line(line_nodes, link, name, department=department, label=label, order=order))


def _siblings_after(node: LexborNode):
    sibling = node.next
    while sibling is not None:
        yield sibling
        sibling = sibling.next


# ---------------------------------------------------------------------------
# h3 sections: FAQ, user reviews, recommendations, photos.


def parse_photo_count(root: LexborNode, record: TitleRecord) -> None:
    """ "Photos (See all 12 | slideshow)" in the media strip; "see all 3" linking to the
    video gallery is the video count (one walk over the links for both)."""
    strip = root.css_first("div#title-media-strip") or root
    for link in strip.css("a[href]"):
        href = link.attributes.get("href") or ""
        photos = "mediaindex" in href or "photogallery" in href
        if not photos and "videogallery" not in href:
            continue
        found = re.search(r"\ball\s+([\d,]{1,9})", link.text(deep=True)[:200], re.I)
        if not found:
            continue
        if photos and record.photo_count is None:
            record.photo_count = to_int(found.group(1))
        elif not photos and record.video_count is None:
            record.video_count = to_int(found.group(1))
        if record.photo_count is not None and record.video_count is not None:
            return


_VIDEO_COUNT = re.compile(r"Videos?\s*\(\s*see all\s+([\d,]{1,9})\s*\)", re.I)


def parse_faq(root: LexborNode, record: TitleRecord) -> None:
    """The FAQ section's questions; ``faq_count`` is how many it shows (0 for "This FAQ is empty")."""
    links: list[LexborNode] = []
    has_section = False
    for h3 in root.css("h3"):
        if " ".join(h3.text(deep=True).split()).rstrip(":").lower() != "faq":
            continue
        has_section = True
        section_text = []
        sibling = h3.next
        while sibling is not None and sibling.tag not in ("h3", "hr") and len(section_text) < 200:
            if sibling.tag == "-text":
                section_text.append(sibling.text_content or "")
            elif sibling.tag not in ("script", "style", "-comment"):
                section_text.append(sibling.text(deep=True))
                links.extend([sibling] if sibling.tag == "a" else sibling.css("a[href]"))
            sibling = sibling.next
        if "This FAQ is empty" in " ".join(section_text):
            record.faq_count = 0
        break
    for link in links:
        href = link.attributes.get("href") or ""
        if "faq#" in href:
            question = clean_text(link)
            if question and question not in record.faq_questions:
                record.faq_questions.append(question)
        elif href.rstrip("/").endswith("faq"):
            found = re.search(r"\b(?:all|see)\s+([\d,]+)\b", link.text(deep=True), re.I)
            if found:
                record.faq_count = to_int(found.group(1))
    if record.faq_count is None and (has_section or record.faq_questions):
        record.faq_count = len(record.faq_questions)


def parse_featured_review(root: LexborNode, record: TitleRecord) -> None:
    """The review the title page features, read as the reviews pages read theirs."""
    comment = root.css_first("div.comment")
    if comment is not None:
        # Imported here: the pages package imports this one.
        from ..pages._html import html_lines
        from ..reviews import parse_review_lines

        result = parse_review_lines(html_lines(comment))
        record.reviews.extend(result.reviews)
        record.warnings.extend(result.warnings)
    if record.review_count is None:
        for link in root.css('a[href*="usercomments"], a[href*="reviews"]'):
            found = re.search(r"\(([\d,]+)\s+total\)", link.text(deep=True)[:200])
            if found:
                record.review_count = to_int(found.group(1))
                break


def parse_recommendations(root: LexborNode, record: TitleRecord) -> None:
    table = root.css_first("table.recs")
    if table is None:
        return
    seen = set()
    for link in table.css('a[href*="/title/tt"]'):
        title = clean_text(link)
        imdb_id = imdb_id_from_href(link.attributes.get("href"), "tt")
        if not title or imdb_id in seen:
            continue
        seen.add(imdb_id)
        title, year = _title_and_year(title)
        record.recommendations.append(Recommendation(title=title, year=year, imdb_id=imdb_id))
    if record.recommendations:
        record.recommendation_count = len(record.recommendations)


def _title_and_year(text: str) -> tuple[str, int | None]:
    found = re.match(r"^(.*?)\s*\((\d{4})(?:/[IVXL]+)?\)$", text)
    if found and found.group(1):
        return found.group(1), int(found.group(2))
    return text, None


_KNOWN_SECTIONS = {
    "overview",
    "cast",
    "series cast summary",
    "additional details",
    "fun stuff",
    "did you know?",
    "did you know",
    "faq",
    "user reviews",
    "user comments",
    "message boards",
    "recommendations",
    "related links",
    "photos",
    "videos",
    "related news",
    "sponsored links",
}


def parse_unknown_sections(root: LexborNode, record: TitleRecord) -> None:
    """Text under an h3 no section knows: kept in ``unparsed``."""
    for h3 in root.css("h3"):
        heading = " ".join(h3.text(deep=True).split()).rstrip(":")
        if not heading or heading.lower() in _KNOWN_SECTIONS:
            continue
        videos = _VIDEO_COUNT.fullmatch(heading) if "ideo" in heading else None
        if videos:
            if record.video_count is None:  # "Videos (see all 3)"
                record.video_count = to_int(videos.group(1))
            continue
        lines = []
        sibling = h3.next
        while sibling is not None and sibling.tag not in ("h3", "hr"):
            if sibling.tag == "-text":
                line = " ".join((sibling.text_content or "").split())
                if line:
                    lines.append(line)
            elif sibling.tag not in ("script", "style", "-comment"):
                lines.extend(node_lines(sibling, skip=_is_navigation))
            sibling = sibling.next
        record.unparsed.append(f"{heading}: {' '.join(lines)}" if lines else heading)


def title_imdb_id(tree: LexborHTMLParser, url: str | None) -> str | None:
    for candidate in (page_url(tree), url):
        imdb_id = imdb_id_from_href(candidate, "tt")
        if imdb_id:
            return imdb_id
    # The page's links to its own subpages ("See more »", quick links).
    counts = Counter(
        imdb_id_from_href(a.attributes.get("href"), "tt") for a in tree.css("a.tn15more[href], div#tn15lhs a[href]")
    )
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


_BOILERPLATE_BLOCK = re.compile(r"ad|share|social|media|strip|rhs|after|wrapper|sponsor|rating", re.I)


def parse_news_teaser(root: LexborNode, record: TitleRecord) -> None:
    """Later pages put one news item above the overview: "Title -- The new restoration…"."""
    for child in root.iter(include_text=True):
        if child.tag == "h3":
            return
        if child.tag not in ("div", "p", "-text"):
            continue
        if child.tag != "-text":
            marks = f"{child.attributes.get('id') or ''} {child.attributes.get('class') or ''}"
            if _BOILERPLATE_BLOCK.search(marks) or child.css_first("script, iframe, table") is not None:
                continue
        text = " ".join(((child.text_content or "") if child.tag == "-text" else child.text(deep=True)).split())
        if " -- " in text and len(text) > 20:
            if record.news is None:
                record.news = text
            else:
                record.unparsed.append(text)


def parse_title_tree(tree: LexborHTMLParser, *, url: str | None = None) -> TitleRecord:
    record = TitleRecord(title="", source_format="html", page_type="title")
    parse_header(tree, record)
    record.imdb_id = title_imdb_id(tree, url)
    root = tree.css_first("div#tn15content") or tree.css_first("div#tn15main") or tree.body or tree.root
    if root is None:
        return record
    # Crew tables and company lists first: the overview's "Director:" and "Company:"
    # only fill in what they do not have.
    parse_crew_tables(root, record)
    has_company_lists = parse_company_lists(root, record)
    parse_info_blocks(root, record, has_company_lists=has_company_lists)
    parse_loose_labels(root, record, has_company_lists=has_company_lists)
    parse_news_teaser(root, record)
    parse_cast(root, record)
    if record.rating is None:
        # The late-2009 main-details page puts the widget in a div.info-offset, not a div.info;
        # 2006-2008 pages print "<b>User Rating:</b> <b>6.9/10</b> (56,143 votes)" in a div.general.
        widget = root.css_first("div#tn15rating") or root.css_first("div.general.rating") or _labelled_rating(root)
        if widget is not None:
            parse_rating(widget, record)
    if record.top_rank is None:
        parse_top_rank(root, record)
    parse_photo_count(tree.css_first("div#tn15main") or root, record)
    parse_faq(root, record)
    parse_featured_review(root, record)
    parse_recommendations(root, record)
    parse_unknown_sections(root, record)
    if record.kind == "movie" and "Short" in record.genres:
        record.kind = "short"  # the header does not say it; the genre does (as the text parser)
    if tree.css_first("div#tn15") is None:
        record.warnings.append("not the old tn15 layout: only the sections found in its markup were read")
    if record.series is not None and not record.series.title:
        record.series.title = None  # never an empty string (as the text parser)
        record.warnings.append("the page gives a season and episode but not the series' title")
    return record
