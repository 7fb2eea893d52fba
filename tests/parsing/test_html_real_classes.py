"""Classes of error found on real saved pages (tests/pages/html/real/, sources in
tests/pages/html/SOURCES.md), each asserted with the values the page itself prints.

Where a whole page is not needed, the test quotes the real page's markup verbatim
inside a minimal tn15 page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue.parsing.html import parse_html_page

REAL = Path(__file__).resolve().parent.parent / "pages" / "html" / "real"


def real(name: str):
    return parse_html_page((REAL / name).read_bytes())


def page(content: str, *, h1: str = "Gaslight <span>(1944)</span>", tn15_class: str = "maindetails") -> bytes:
    return (
        '<html><head><link rel="canonical" href="http://www.imdb.com/title/tt0036855/"></head><body>'
        f'<div id="tn15" class="{tn15_class}"><div id="tn15main"><div id="tn15title"><h1>{h1}</h1></div>'
        f'<div id="tn15content">{content}</div></div></div></body></html>'
    ).encode()


# -- 1. Episode pages: the episode's own title, with its series, season, episode and air date.


def test_episode_title_in_the_year_span_em():
    # <h1> &#x22;The Walking Dead&#x22; <span><em>Guts</em> (2010)</span>…
    record = real("the_walking_dead_guts_2010_episode_combined_2014.html")
    assert (record.title, record.year, record.kind) == ("Guts", 2010, "tv_episode")
    assert record.original_title is None
    assert record.series.to_dict() == {
        "title": "The Walking Dead",
        "year": 2010,
        "season": 1,
        "episode": 2,
        "imdb_id": "tt1520211",
    }
    # "Original Air Date: 7 November 2010 (Season 1, Episode 2)"
    assert record.release_date.to_dict() == {
        "date": "2010-11-07",
        "text": "7 November 2010",
        "country": None,
        "note": None,
    }
    assert record.rating.to_dict() == {"value": 8.5, "best": 10, "votes": 4086}
    assert [(c.country, c.rating, c.notes) for c in record.certificates] == [
        ("Germany", "18", ["TV rating"]),
        ("Netherlands", "16", []),
        ("USA", "TV-14", []),
    ]
    assert [(r.minutes, r.country) for r in record.runtimes] == [(45, None), (43, "Germany")]
    assert [m.name for m in record.crew if m.department == "director"] == ["Michelle MacLaren"]


def test_quoted_series_title_alone_is_still_a_series():
    record = parse_html_page(page("", h1='&#x22;The Walking Dead&#x22; <span>(<a href="/year/2010/">2010</a>)</span>'))
    assert (record.title, record.kind, record.series) == ("The Walking Dead", "tv_series", None)


# -- 2. TV series headers: "TV series 2010-" is the kind and years, never the original title.

# The header of the_walking_dead_2010_tvseries_combined_2013.html, verbatim.
WALKING_DEAD_H1 = (
    '&#x22;The Walking Dead&#x22; <span>(<a href="/year/2010/">2010</a>) <span class="pro-link">'
    '<a href="http://pro.imdb.com/rg/combined-title/tconst-pro-header-link/title/tt1520211/">More at <strong>IMDbPro</strong></a>'
    '&nbsp;&raquo;</span><span class="title-extra"><span class="tv-extra">TV series 2010-</span></span></span>'
)


def test_tv_extra_inside_title_extra_is_not_an_original_title():
    record = parse_html_page(page("", h1=WALKING_DEAD_H1, tn15_class="combined"))
    assert (record.title, record.year, record.end_year, record.kind, record.original_title) == (
        "The Walking Dead",
        2010,
        None,
        "tv_series",
        None,
    )


@pytest.mark.parametrize(
    "extra",
    [
        '<span class="title-extra"><span class="tv-extra">(TV series 1959\u20131964)</span></span>',
        '<span class="tv-extra">(TV series 1959\u20131964)</span>',
        " (TV series 1959\u20131964)",
    ],
)
def test_tv_series_range_keeps_its_end_year(extra):
    h1 = f'&#x22;The Twilight Zone&#x22; <span>(<a href="/year/1959/">1959</a>){extra}</span>'
    record = parse_html_page(page("", h1=h1))
    assert (record.title, record.year, record.end_year, record.kind, record.original_title) == (
        "The Twilight Zone",
        1959,
        1964,
        "tv_series",
        None,
    )


def test_title_extra_with_a_tv_extra_and_an_original_title():
    h1 = (
        '&#x22;Das Boot&#x22; <span>(1985)<span class="title-extra">Das Boot <i>(original title)</i>'
        '<span class="tv-extra">TV mini-series 1985-1987</span></span></span>'
    )
    record = parse_html_page(page("", h1=h1))
    assert (record.year, record.end_year, record.kind) == (1985, 1987, "tv_mini_series")
    assert record.original_title is None  # the same as the title


# -- 3. AKAs: one AKA with several parenthesised notes.


def test_aka_notes_without_a_dash_are_kept_as_printed():
    # "Grotesque (Japan: English title) (censored version)": the first group is not a country.
    record = real("gurotesuku_2009_maindetails_2010.html")
    assert [(a.title, a.country, a.notes) for a in record.akas] == [
        ("Grotesque", None, ["Japan: English title", "censored version"]),
        ("Grotesque: Unrated Version", None, ["Japan: English title"]),
        ("Gurotesuku", None, ["Japan", "censored version"]),
    ]
    assert record.rating.to_dict() == {"value": 4.8, "best": 10, "votes": 637}
    assert [(c.country, c.rating, c.notes) for c in record.certificates] == [
        ("Japan", "Unrated", ["self-rating: R-20"]),
        ("UK", "(Banned)", []),
        ("UK", "R", []),
    ]
    assert [(r.minutes, r.country, r.note) for r in record.runtimes] == [
        (73, None, None),
        (69, "Japan", "censored version"),
    ]


def test_aka_note_inside_the_list_of_countries_stays_with_its_country():
    # gandhi_1982_combined_2011.html's "Also Known As:", verbatim (first three lines).
    record = parse_html_page(
        page(
            '<div class="info"><h5>Also Known As:</h5><div class="info-content">                        '
            '"Richard Attenborough&#x27;s Film: Gandhi" - USA <em>(complete title)</em><br>      '
            '"Gandhi" - Argentina, Peru, Spain<br>     "Gandhi" - Canada <em>(French title)</em>, France<br>    '
            '"Gandhi" - Japan <em>(English title)</em><br> <a class="tn15more" href="/title/tt0083987/releaseinfo#akas">'
            "See more</a>&nbsp;&raquo;</div></div>"
        )
    )
    assert [(a.title, a.country, a.notes) for a in record.akas] == [
        ("Richard Attenborough's Film: Gandhi", "USA", ["complete title"]),
        ("Gandhi", "Argentina, Peru, Spain", []),
        ("Gandhi", "Canada (French title), France", []),
        ("Gandhi", "Japan", ["English title"]),
    ]


# -- 7. The low-vote rating of a late-2009 main-details page (widget in a div.info-offset).


def test_rating_widget_outside_an_info_block():
    record = real("kannethirey_thondrinal_1998_maindetails_2009.html")
    assert (record.title, record.year) == ("Kannethirey Thondrinal", 1998)
    assert record.rating.to_dict() == {"value": 7.4, "best": 10, "votes": 17}


# -- 4. Certificates: a rating holding parentheses, a rating of two words, duplicates.


def test_certificates_of_a_real_combined_page():
    record = real("pulp_fiction_1994_combined_2010_spanish_title.html")
    rows = [(c.country, c.rating, c.notes) for c in record.certificates]
    # <a href="/search/title?certificates=sg:r(a)">Singapore:R(A)</a> <i>(original rating) (cut)</i>
    assert ("Singapore", "R(A)", ["original rating", "cut"]) in rows
    assert ("Singapore", "R21", ["re-rating", "uncut"]) in rows
    assert ("Portugal", "M/18", ["Qualidade"]) in rows
    assert len(rows) == len({(c, r, tuple(n)) for c, r, n in rows})
    # <h5><a href="/mpaa">MPAA</a>:</h5>
    assert (
        record.mpaa == "Rated R for strong graphic violence and drug use, pervasive strong language and some sexuality."
    )
    assert not [line for line in record.unparsed if line.startswith("MPAA")]


def test_certificate_rating_of_two_words_and_duplicates_kept_once():
    record = parse_html_page(
        page(
            '<div class="info"><h5>Certification:</h5><div class="info-content">'
            '<a href="/search/title?certificates=fr:tous_publics">France:Tous publics</a> | '
            '<a href="/search/title?certificates=sg:r(a)">Singapore:R(A)</a> <i>(original rating) (cut)</i> | '
            '<a href="/search/title?certificates=us:r">USA:R</a> <i>(certificate #29160)</i> | '
            '<a href="/search/title?certificates=us:r">USA:R</a> <i>(certificate #29160)</i>'
            "</div></div>"
        )
    )
    assert [(c.country, c.rating, c.notes) for c in record.certificates] == [
        ("France", "Tous publics", []),
        ("Singapore", "R(A)", ["original rating", "cut"]),
        ("USA", "R", ["certificate #29160"]),
    ]


# -- 5. MPAA and the video count.


def test_video_count_from_the_heading_and_from_the_gallery_link():
    record = parse_html_page(page("<h3>Videos (see all 3)</h3><p>Trailer</p>"))
    assert record.video_count == 3
    assert record.unparsed == []
    record = parse_html_page(
        page('<div id="tn15media"><a href="/title/tt0036855/videogallery">see all 12 videos</a></div>')
    )
    assert record.video_count == 12


# -- 6. The 2006-2008 layout. No real page of it was found in the public repositories we may
# use (see SOURCES.md); these pages follow its markup as the scrapers of that time quote it
# ("<b>User Rating:</b> <b>6.9/10</b>", "Drama / Romance", "<b class="blackcatheader">Directed by</b><br>").

PAGE_2007 = (
    '<div class="general rating"><b>User Rating:</b> <b>6.9/10</b> <small>(<a href="ratings">56,143 votes</a>)</small></div>'
    '<b class="blackcatheader">Directed by</b><br><a href="/name/nm0000318/">Tim Burton</a><br><br>'
    '<b class="blackcatheader">Writing credits</b> (<a href="/wga">WGA</a>)<br>'
    '<a href="/name/nm0001476/">John Logan</a> (screenplay)<br><a href="/name/nm0104402/">Christopher Bond</a> (play)<br><br>'
    '<div class="info"><h5>Genre:</h5><a href="/Sections/Genres/Drama/">Drama</a> / <a href="/Sections/Genres/Horror/">Horror</a>'
    ' / <a href="/Sections/Genres/Musical/">Musical</a> <a class="tn15more inline" href="/title/tt0408236/keywords">more</a></div>'
    '<div class="info"><h5>Plot Outline:</h5>The infamous story of Benjamin Barker. '
    '<a class="tn15more inline" href="/title/tt0408236/plotsummary">more</a> '
    '<a href="/title/tt0408236/trailers">(view trailer)</a></div>'
    '<div class="info"><h5>Runtime:</h5>116 min / Germany:111 min</div>'
    '<div class="info"><h5>Country:</h5><a href="/Sections/Countries/USA/">USA</a> / <a href="/Sections/Countries/UK/">UK</a></div>'
    '<div class="info"><h5>Sound Mix:</h5>Dolby Digital / DTS / SDDS</div>'
    '<div class="info"><h5>Certification:</h5><a href="/List?certificates=Germany:16">Germany:16</a> / '
    '<a href="/List?certificates=USA:R">USA:R</a> / <a href="/List?certificates=France:Tous publics">France:Tous publics</a></div>'
    '<div class="info"><h5>Photo Gallery</h5><a href="/title/tt0408236/photogallery">Photo Gallery</a></div>'
)


def test_2006_2008_layout_values():
    record = parse_html_page(page(PAGE_2007, h1='Sweeney Todd <span>(<a href="/Sections/Years/2007/">2007</a>)</span>'))
    assert record.rating.to_dict() == {"value": 6.9, "best": 10, "votes": 56143}
    assert [(m.department, m.department_label, m.name, m.notes, m.order) for m in record.crew] == [
        ("director", "Directed by", "Tim Burton", [], 1),
        ("writer", "Writing credits", "John Logan", ["screenplay"], 1),
        ("writer", "Writing credits", "Christopher Bond", ["play"], 2),
    ]
    assert record.genres == ["Drama", "Horror", "Musical"]
    assert record.plot == "The infamous story of Benjamin Barker."
    assert [(r.minutes, r.country) for r in record.runtimes] == [(116, None), (111, "Germany")]
    assert record.countries == ["USA", "UK"]
    assert record.sound_mixes == ["Dolby Digital", "DTS", "SDDS"]
    assert [(c.country, c.rating) for c in record.certificates] == [
        ("Germany", "16"),
        ("USA", "R"),
        ("France", "Tous publics"),
    ]
    assert "Photo Gallery" not in {m.name for m in record.crew}
    assert record.unparsed == []


def test_overview_labels_named_as_crew_headings():
    record = parse_html_page(
        page(
            '<div class="info"><h5>Directed by</h5><a href="/name/nm0000318/">Tim Burton</a><br/></div>'
            '<div class="info"><h5>Writing credits</h5><a href="/name/nm0001476/">John Logan</a> (screenplay)<br/>'
            '<a class="tn15more" href="fullcredits#writers">more</a></div>'
        )
    )
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Tim Burton", []),
        ("writer", "John Logan", ["screenplay"]),
    ]
    assert record.unparsed == []


# -- 7. Smaller classes.


def test_lone_runtime_with_its_country():
    record = parse_html_page(
        page('<div class="info"><h5>Runtime:</h5><div class="info-content">USA:45 min </div></div>')
    )
    assert [(r.minutes, r.country, r.note) for r in record.runtimes] == [(45, "USA", None)]


def test_quote_line_without_the_see_more_arrow():
    # The guts page's quote, with "See more" on the last speaker's line.
    record = parse_html_page(
        page(
            '<div class="info"><h5>Quotes:</h5><div class="info-content"><b><a href="/name/nm3081796/">Glenn</a></b>:'
            "Yeah, whatever. Yeehah. You&#x27;re still a dumbass. "
            '<a class="tn15more" href="/title/tt1628064/quotes">See more</a>&nbsp;&raquo;</div></div>'
        )
    )
    assert [[(line.character, line.text) for line in quote] for quote in record.quotes] == [
        [("Glenn", "Yeah, whatever. Yeehah. You're still a dumbass.")]
    ]


def test_goof_category_with_parentheses():
    record = parse_html_page(
        page(
            '<div class="info"><h5>Goofs:</h5><div class="info-content">Factual errors (in the credits): '
            "The name is misspelled.</div></div>"
        )
    )
    assert [(g.category, g.text) for g in record.goofs] == [
        ("Factual errors (in the credits)", "The name is misspelled.")
    ]


def test_crew_believed_to_be_complete_is_not_a_crew_member():
    record = real("the_walking_dead_guts_2010_episode_combined_2014.html")
    assert not [m for m in record.crew if "complete" in m.name.lower()]
    assert [m.name for m in record.crew if m.department == "director"] == ["Michelle MacLaren"]


def _absolute_links(data: bytes, base: bytes) -> bytes:
    """A browser's "save page": every relative link made absolute."""

    def fix(match):
        href = match.group(2)
        if href.startswith((b"http", b"#", b"javascript")):
            return match.group(0)
        return (
            match.group(1) + (b"http://www.imdb.com" + href if href.startswith(b"/") else base + href) + match.group(3)
        )

    return re.sub(rb'(href=")([^"]*)(")', fix, data)


@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("kannethirey_thondrinal_1998_maindetails_2009.html", b"http://www.imdb.com/title/tt0330508/"),
        ("the_walking_dead_guts_2010_episode_combined_2014.html", b"http://www.imdb.com/title/tt1628064/"),
        ("pulp_fiction_1994_combined_2010_spanish_title.html", b"http://www.imdb.com/title/tt0110912/"),
    ],
)
def test_page_saved_with_absolute_links_reads_the_same(name, base):
    data = (REAL / name).read_bytes()
    assert parse_html_page(_absolute_links(data, base)).to_dict() == parse_html_page(data).to_dict()


@pytest.mark.parametrize("extra", ["TV series 2010-", "(TV Series 2010\u20132013)", "TV mini-series 2010"])
def test_tv_series_words_in_a_bare_title_extra_are_not_an_original_title(extra):
    h1 = f'&#x22;The Walking Dead&#x22; <span>(<a href="/year/2010/">2010</a>) <span class="title-extra">{extra}</span></span>'
    record = parse_html_page(page("", h1=h1))
    assert (record.title, record.year, record.original_title) == ("The Walking Dead", 2010, None)
    assert record.kind in ("tv_series", "tv_mini_series")
    if "2013" in extra:
        assert record.end_year == 2013


def test_block_with_a_named_anchor_before_its_label_is_read():
    # <a name="…"> before the <h5> once made the block a "wrapper": its rows were dropped unseen.
    record = parse_html_page(
        page(
            '<div class="info"><a name="director"></a><h5>Director:</h5><a href="/name/nm0000318/">Tim Burton</a><br/></div>'
            '<div class="info"><a name="writers"></a>\n<h5>Writers <a href="/wga">(WGA)</a>:</h5>'
            '<a href="/name/nm0001476/">John Logan</a> (screenplay)<br/></div>'
        )
    )
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Tim Burton", []),
        ("writer", "John Logan", ["screenplay"]),
    ]


def test_labels_outside_any_info_block_are_read_not_dropped():
    record = parse_html_page(
        page(
            '<h5>Directed by</h5><a href="/name/nm0000318/">Tim Burton</a><br/>'
            '<h5>Writing credits</h5><a href="/name/nm0001476/">John Logan</a> (screenplay)<br/>'
            "<h5>Budget:</h5>$50,000,000 &lt;est.&gt;<br/>"
        )
    )
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Tim Burton", []),
        ("writer", "John Logan", ["screenplay"]),
    ]
    assert record.unparsed == ["Budget: $50,000,000 <est.>"]


def test_side_column_labels_are_navigation():
    data = (
        '<html><head><link rel="canonical" href="http://www.imdb.com/title/tt0408236/"></head><body>'
        '<div id="tn15" class="maindetails"><div id="tn15lhs"><h5>Quicklinks</h5>'
        '<a href="/title/tt0408236/photogallery">Photo Gallery</a></div>'
        '<div id="tn15main"><div id="tn15title"><h1>Sweeney Todd <span>(2007)</span></h1></div>'
        '<div class="info"><h5>Writers:</h5><a href="/name/nm0001476/">John Logan</a> (screenplay)<br/>'
        '<a href="/title/tt0408236/photogallery">Photo Gallery</a></div></div></div></body></html>'
    ).encode()
    record = parse_html_page(data)
    assert [(m.department, m.name) for m in record.crew] == [("writer", "John Logan")]
    assert record.unparsed == []


@pytest.mark.parametrize(
    ("name", "videos"),
    [
        # <b>Videos</b> <span>(<a href="/rg/videos-title/gallery-link/title/tt1352369/videogallery">see all 3</a>)</span>
        ("gurotesuku_2009_maindetails_2010.html", 3),
        ("pulp_fiction_1994_combined_2010_spanish_title.html", 7),
    ],
)
def test_video_count_of_real_pages(name, videos):
    assert real(name).video_count == videos
