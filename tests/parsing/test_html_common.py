"""Shared HTML helpers: charset, ids, text, parentheticals, dates, page types, header kinds."""

from __future__ import annotations

import pytest

from catalogue.parsing import PageError
from catalogue.parsing.common import imdb_id_from_href, parse_date, split_parentheticals
from catalogue.parsing.html import html_page_type, parse_html_page
from catalogue.parsing.html.common import (
    clean_text,
    decode_html,
    meta_charset,
    node_lines,
    parse_html,
)
from catalogue.parsing.html.title import _kind_from_header, parse_awards, parse_certificates, parse_runtimes


def test_meta_charset_in_both_forms():
    assert (
        meta_charset(b'<html><head><meta http-equiv="content-type" content="text/html; charset=iso-8859-1">')
        == "iso-8859-1"
    )
    assert meta_charset(b'<meta charset="UTF-8"><title>x</title>') == "UTF-8"
    assert meta_charset(b"<html><head><title>none</title></head></html>") is None


def test_decode_html_prefers_utf8_then_the_declared_charset():
    latin = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Éliane’s</p>'.encode("cp1252")
    assert "Éliane’s" in decode_html(latin)
    utf8 = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Éliane</p>'.encode("utf-8")
    assert "Éliane" in decode_html(utf8)  # valid UTF-8 wins over a wrong declaration
    koi8 = '<meta charset="koi8-r"><p>Привет</p>'.encode("koi8-r")
    assert "Привет" in decode_html(koi8)


@pytest.mark.parametrize(
    ("href", "prefix", "expected"),
    [
        ("/name/nm0000964/", "nm", "nm0000964"),
        ("http://www.imdb.com/title/tt0036855/combined", "tt", "tt0036855"),
        ("/rg/tt-recs/link/title/tt0031359/", "tt", "tt0031359"),
        ("/character/ch0021316/", "ch", "ch0021316"),
        ("/company/co0016037/", "co", "co0016037"),
        ("/user/ur1422408/comments", "ur", "ur1422408"),
        ("/name/nm0000964/", "tt", None),
        (None, "nm", None),
        ("/keyword/murder/", "nm", None),
    ],
)
def test_imdb_id_from_href(href, prefix, expected):
    assert imdb_id_from_href(href, prefix) == expected


def test_text_helpers_collapse_spaces_and_break_at_br():
    tree = parse_html(
        "<div id=x>  Mono&nbsp;&nbsp;<i>(Western\n Electric)</i><br>Second  line<script>no()</script></div>"
    )
    node = tree.css_first("#x")
    assert node_lines(node) == ["Mono (Western Electric)", "Second line"]
    assert clean_text(tree.css_first("i")) == "(Western Electric)"
    assert clean_text("  a\u00a0 b ") == "a b"
    assert clean_text("   ") is None


def test_split_parentheticals():
    assert split_parentheticals('(play "Angel Street")') == ("", ['play "Angel Street"'])
    assert split_parentheticals("associate costume supervisor (as Marion Herwood)") == (
        "associate costume supervisor",
        ["as Marion Herwood"],
    )
    assert split_parentheticals("a (b (c)) d") == ("a d", ["b (c)"])
    assert split_parentheticals("Dr. (Mrs.) Smith (uncredited)", trailing_only=True) == (
        "Dr. (Mrs.) Smith",
        ["uncredited"],
    )
    assert split_parentheticals("unbalanced (open") == ("unbalanced (open", [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 May 1944", "1944-05-11"),
        ("March 2011", "2011-03"),
        ("1959", "1959"),
        ("31 July 2001", "2001-07-31"),
        ("May 11, 1944", "1944-05-11"),
        ("31 February 2001", None),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, partial=True) == expected


@pytest.mark.parametrize(
    ("header", "quoted", "kind"),
    [
        ("(1944)", False, "movie"),
        ("(1999) (TV)", False, "tv_movie"),
        ("(1999) (V)", False, "video"),
        ("(2007) (VG)", False, "video_game"),
        ("(2004) TV series 2004-2012", True, "tv_series"),
        ("(1999– )", True, "tv_series"),
        ("(2001) TV mini-series", True, "tv_mini_series"),
        ("(2001) (mini)", True, "tv_mini_series"),
        ("(2010) (TV special)", False, "tv_special"),
        ("(2011) (short)", False, "short"),
    ],
)
def test_kind_from_header(header, quoted, kind):
    assert _kind_from_header(header, quoted) == kind


def test_series_header_with_open_year_range():
    page = (
        '<html><head><link rel="canonical" href="http://www.imdb.com/title/tt0182576/combined"></head><body>'
        '<div id="tn15" class="combined"><div id="tn15main"><div id="tn15title">'
        '<h1>&#x22;Family Guy&#x22; <span>(1999&#x2013; )</span></h1></div><div id="tn15content">'
        '<div class="info"><h5>Seasons:</h5><div class="info-content"><a>1</a> | <a>2</a> | <a>Unknown</a></div></div>'
        "</div></div></div></body></html>"
    ).encode()
    record = parse_html_page(page)
    assert (record.title, record.year, record.end_year, record.kind) == ("Family Guy", 1999, None, "tv_series")
    assert record.seasons == [1, 2]


def test_awards_runtimes_certificates_from_values():
    assert parse_awards("Nominated for Oscar. Another 6 wins & 5 nominations").to_dict() == {
        "text": "Nominated for Oscar. Another 6 wins & 5 nominations",
        "oscar_wins": 0,
        "oscar_nominations": 1,
        "wins": 6,
        "nominations": 5,
    }
    assert [r.to_dict() for r in parse_runtimes("USA:114 min | Argentina:90 min (cut)")] == [
        {"minutes": 114, "country": "USA", "note": None},
        {"minutes": 90, "country": "Argentina", "note": "cut"},
    ]
    assert [
        c.to_dict() for c in parse_certificates("Portugal:(Banned) (original rating) | Italy:T (re-rating) (1974)")
    ] == [
        {"country": "Portugal", "rating": "(Banned)", "notes": ["original rating"]},
        {"country": "Italy", "rating": "T", "notes": ["re-rating", "1974"]},
    ]


def _tree(url_path: str, tn15_class: str = "combined"):
    return parse_html(
        f'<html><head><link rel="canonical" href="http://www.imdb.com{url_path}"></head><body>'
        f'<div id="tn15" class="{tn15_class}"><div id="tn15title"><h1>Gaslight <span>(1944)</span></h1></div>'
        '<div id="tn15content"><div class="info"><h5>Genre:</h5>Drama</div></div></div></body></html>'
    )


@pytest.mark.parametrize(
    ("url", "canonical", "tn15_class", "expected"),
    [
        (None, "/title/tt0036855/combined", "combined", "title"),
        (None, "/title/tt0036855/", "maindetails", "title"),
        ("http://www.imdb.com/title/tt0036855/usercomments", "/title/tt0036855/", "maindetails", "reviews"),
        ("http://www.imdb.com/title/tt0036855/reviews?start=10", "/title/tt0036855/", "maindetails", "reviews"),
        ("http://www.imdb.com/title/tt0036855/fullcredits", "/title/tt0036855/", "maindetails", "fullcredits"),
        (None, "/title/tt0036855/fullcredits", "fullcredits", "fullcredits"),
        (None, "/title/tt0036855/trivia", "trivia", "other"),
        (None, "/name/nm0000006/", "maindetails", "other"),
        ("http://www.imdb.com/title/tt0036855/combined", "/name/nm0000006/", "maindetails", "title"),
    ],
)
def test_html_page_type(url, canonical, tn15_class, expected):
    assert html_page_type(_tree(canonical, tn15_class), url) == expected


def test_page_type_from_the_tn15_class_without_any_url():
    tree = parse_html(
        '<div id="tn15" class="usercomments"><div id="tn15title"><h1>Gaslight <span>(1944)</span></h1></div></div>'
    )
    assert html_page_type(tree, None) == "reviews"
    tree = parse_html(
        '<div id="tn15" class="fullcredits"><div id="tn15title"><h1>Gaslight <span>(1944)</span></h1></div></div>'
    )
    assert html_page_type(tree, None) == "fullcredits"


def test_reviews_and_fullcredits_pages_go_to_their_parsers(sample_bytes):
    data = sample_bytes("gaslight-1944.combined-2010.html")
    for url, page_type, module in (
        ("http://www.imdb.com/title/tt0036855/usercomments", "reviews", "html_reviews"),
        ("http://www.imdb.com/title/tt0036855/fullcredits", "fullcredits", "html_fullcredits"),
    ):
        try:
            __import__(f"catalogue.parsing.pages.{module}")
        except ImportError:
            with pytest.raises(PageError, match="no parser for this page type"):
                parse_html_page(data, url=url)
        else:  # the page parsers are merged: they take the page (a record or a clear error)
            try:
                assert parse_html_page(data, url=url).page_type == page_type
            except PageError:
                pass


@pytest.mark.parametrize("data", [b"", b"   \n", b"<html></html>", b"<html><body><h1></h1></body></html>"])
def test_empty_or_headerless_html_raises_page_error(data):
    with pytest.raises(PageError):
        parse_html_page(data)


def _minimal_title_page(content: str) -> bytes:
    return (
        '<html><head><link rel="canonical" href="http://www.imdb.com/title/tt0036855/"></head><body>'
        '<div id="tn15" class="maindetails"><div id="tn15main"><div id="tn15title"><h1>Gaslight <span>(1944)</span></h1></div>'
        f'<div id="tn15content">{content}</div></div></div></body></html>'
    ).encode()


def test_stars_label_gives_cast_rows_when_there_is_no_cast_table():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>Stars:</h5><a href="/name/nm0000964/">Charles Boyer</a>, '
            '<a href="/name/nm0000006/">Ingrid Bergman</a> <a class="tn15more" href="fullcredits">See full cast</a></div>'
        )
    )
    assert [(m.name, m.order, m.imdb_id) for m in record.cast] == [
        ("Charles Boyer", 1, "nm0000964"),
        ("Ingrid Bergman", 2, "nm0000006"),
    ]


def test_aka_lines_without_quotes():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>Also Known As:</h5><div class="info-content">'
            "Angel Street (UK) (alternative title)<br>Das Haus der Lady Alquist - West Germany</div></div>"
        )
    )
    # Without " - " the groups are kept as printed, as notes: on real pages the first is
    # not always a country (gurotesuku 2010: "Grotesque (Japan: English title) (censored version)").
    assert [(a.title, a.country, a.notes) for a in record.akas] == [
        ("Angel Street", None, ["UK", "alternative title"]),
        ("Das Haus der Lady Alquist", "West Germany", []),
    ]


def test_unknown_info_label_is_kept_in_unparsed():
    # "MPAA:" was the example here while no section read it; it is the record's ``mpaa`` now.
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>MPAA:</h5><div class="info-content">Rated R for violence.</div></div>'
            '<div class="info"><h5>Box Office:</h5><div class="info-content">$4,300,000</div></div>'
        )
    )
    assert record.mpaa == "Rated R for violence."
    assert record.unparsed == ["Box Office: $4,300,000"]


def test_a_page_outside_the_tn15_layout_says_so():
    page = (
        '<html><head><link rel="canonical" href="http://www.imdb.com/title/tt0468569/"></head><body>'
        '<h1 class="header">The Dark Knight <span class="nobr">(<a href="/year/2008/">2008</a>)</span></h1></body></html>'
    ).encode()
    record = parse_html_page(page)
    assert (record.title, record.year) == ("The Dark Knight", 2008)
    assert record.warnings == ["not the old tn15 layout: only the sections found in its markup were read"]


def test_series_crew_headings_map_to_their_departments():
    record = parse_html_page(
        _minimal_title_page(
            '<table><tr><td colspan="3"><h5><a class="glossary" name="directors">Series Directed by</a></h5></td></tr>'
            '<tr><td valign="top"><a href="/name/nm0005150/">John Dahl</a></td><td valign="top">&nbsp;</td>'
            '<td valign="top">(4 episodes, 2011-2012)</td></tr></table>'
        )
    )
    assert [(m.department, m.department_label, m.name, m.notes) for m in record.crew] == [
        ("director", "Series Directed by", "John Dahl", ["4 episodes, 2011-2012"])
    ]
    assert record.warnings == []


def test_awards_with_a_single_oscar_without_a_count():
    awards = parse_awards("Won Oscar. Another 3 wins & 2 nominations")
    assert (awards.oscar_wins, awards.oscar_nominations, awards.wins, awards.nominations) == (1, 0, 3, 2)


def test_list_values_separated_by_slashes_are_read_by_their_links():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>Certification:</h5><div class="info-content">'
            '<a href="/List?certificates=USA:R">USA:R</a> <i>(certificate #29160)</i> / '
            '<a href="/List?certificates=UK:18">UK:18</a> <i>(1988)</i></div></div>'
            '<div class="info"><h5>Color:</h5><div class="info-content"><a href="/List?color-info=Color">Color</a> '
            '<i>(Technicolor)</i> / <a href="/List?color-info=Black">Black and White</a></div></div>'
        )
    )
    assert [(c.country, c.rating, c.notes) for c in record.certificates] == [
        ("USA", "R", ["certificate #29160"]),
        ("UK", "18", ["1988"]),
    ]
    assert record.colors == ["Color (Technicolor)", "Black and White"]


def test_wga_writing_credits_heading_and_top_250_outside_the_rating_block():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="starbar-special"><a href="/chart/top?tt0036855">Top 250: #201</a></div>'
            '<table><tr><td colspan="3"><h5><a class="glossary" name="writers">Writing credits</a> '
            '<a href="/wga">(WGA)</a></h5></td></tr>'
            '<tr><td valign="top"><a href="/name/nm0358096/">Patrick Hamilton</a></td><td>&nbsp;</td>'
            '<td valign="top">(play)</td></tr></table>'
        )
    )
    assert [(m.department, m.department_label, m.name, m.notes) for m in record.crew] == [
        ("writer", "Writing credits (WGA)", "Patrick Hamilton", ["play"])
    ]
    assert record.warnings == []
    assert record.top_rank == 201


def test_featured_comment_of_2008_with_the_date_in_small_and_a_spoiler_mark():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="comment"><div class="small">3 out of 4 people found the following comment useful:-</div>'
            "<b>A classic</b>, <small>2 March 2008</small><br>"
            '<div class="small">Author: <a href="/user/ur0000042/comments">filmfan</a> <small>from Leeds</small></div>'
            "<p><b>*** This comment may contain spoilers ***</b></p><p>First part.<br><br>Second part.</p></div>"
        )
    )
    review = record.reviews[0]
    assert (review.title, review.date, review.author, review.location) == (
        "A classic",
        "2008-03-02",
        "filmfan",
        "Leeds",
    )
    assert (review.helpful, review.helpful_total, review.spoiler) == (3, 4, True)
    assert review.text == "First part.\n\nSecond part."


def test_page_type_from_the_update_form_and_the_head_title():
    reviews = parse_html(
        '<html><head><title>Gaslight (1944) - User reviews</title></head><body><div id="tn15" class="comments">'
        '<div id="tn15title"><h1>Gaslight <span>(1944)</span></h1></div></div></body></html>'
    )
    assert html_page_type(reviews, None) == "reviews"
    credits = parse_html(
        '<html><body><div id="tn15"><div id="tn15title"><h1>Gaslight <span>(1944)</span></h1></div>'
        '<form method="post" action="/updates"><input type="hidden" name="auto" value="legacy/title/tt0036855/fullcredits">'
        "</form></div></body></html>"
    )
    assert html_page_type(credits, None) == "fullcredits"


def test_later_combined_page_labels():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>Popularity: <a href="/help">?</a></h5><div class="info-content">'
            "Up 1% in popularity this week. See why on IMDbPro.</div></div>"
            '<div class="info"><h5>Reviews:</h5><div class="info-content"><a href="reviews">99 user</a> | '
            '<a href="externalreviews">71 critic</a></div></div>'
            '<hr/><h3>Did You Know?</h3><div class="info"><h5>Trivia:</h5><div class="info-content">'
            "This started life as a documentary.</div></div><h3>FAQ</h3>This FAQ is empty. Add the first question.<hr/>"
        )
    )
    assert record.popularity.to_dict() == {"rank": None, "text": "Up 1% in popularity this week."}
    assert record.review_count == 99
    assert record.trivia == ["This started life as a documentary."]
    assert record.faq_count == 0
    assert record.unparsed == []


def test_news_teaser_above_the_overview():
    record = parse_html_page(
        _minimal_title_page(
            '<div id="top_rhs_after" class="after_ad">ad feedback</div>'
            '<div class="article"><a href="/news/ni0000001/">Hiroshima Mon Amour</a> -- The new restoration opens '
            "October 17 at the Film Society of Lincoln Center.</div><h3>Overview</h3>"
        )
    )
    assert record.news == (
        "Hiroshima Mon Amour -- The new restoration opens October 17 at the Film Society of Lincoln Center."
    )
    assert record.unparsed == []


def test_list_values_mixing_linked_and_plain_items():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>Sound Mix:</h5><div class="info-content">Mono <i>(RCA Sound Recording)</i> | '
            '<a href="/search/title?sound_mixes=dolby">Dolby</a> <i>(1999 re-release)</i> | DTS</div></div>'
        )
    )
    assert record.sound_mixes == ["Mono (RCA Sound Recording)", "Dolby (1999 re-release)", "DTS"]


def _header_page(h1: str, content: str = "", crumbs: str = "") -> bytes:
    return (
        '<html><head><link rel="canonical" href="http://www.imdb.com/title/tt0090555/combined"></head><body>'
        f'<div id="tn15" class="combined"><div id="tn15crumbs">{crumbs}</div><div id="tn15main">'
        f'<div id="tn15title"><h1>{h1}</h1></div><div id="tn15content">'
        f'<div class="info"><h5>Genre:</h5><div class="info-content">Comedy</div></div>{content}</div></div></div></body></html>'
    ).encode()


def test_a_film_whose_title_starts_with_a_quoted_word_is_not_an_episode():
    record = parse_html_page(_header_page('&#x22;Crocodile&#x22; Dundee <span>(<a href="/year/1986/">1986</a>)</span>'))
    assert (record.title, record.kind, record.series) == ('"Crocodile" Dundee', "movie", None)


def test_episode_series_from_the_crumbs():
    record = parse_html_page(
        _header_page(
            '&#x22;Lost&#x22; Pilot: Part 1 <span>(<a href="/year/2004/">2004</a>)</span>',
            crumbs='<a href="/">IMDb</a> &gt; <a href="/title/tt0411008/">&#x22;Lost&#x22; (2004)</a> &gt; <b>Pilot: Part 1</b>',
        )
    )
    assert (record.title, record.kind) == ("Pilot: Part 1", "tv_episode")
    assert record.series.to_dict() == {
        "title": "Lost",
        "year": 2004,
        "season": None,
        "episode": None,
        "imdb_id": "tt0411008",
    }


def test_browser_saved_from_url_mark_gives_the_id_and_page_type(sample_bytes):
    page = sample_bytes("die-hard-1988.maindetails-2009.html")
    start = page.index(b'<link rel="canonical"')
    page = page[:start] + page[page.index(b"/>", start) + 2 :]
    saved = b"<!-- saved from url=(0038)http://www.imdb.com/title/tt0095016/ -->\n" + page
    assert parse_html_page(saved).imdb_id == "tt0095016"
    reviews = b"<!-- saved from url=(0050)http://www.imdb.com/title/tt0095016/usercomments -->\n" + page
    assert html_page_type(parse_html(reviews), None) == "reviews"


def test_a_short_film_by_its_genre():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>Genre:</h5><div class="info-content"><a>Short</a> | <a>Comedy</a></div></div>'
        )
    )
    assert (record.kind, record.genres) == ("short", ["Short", "Comedy"])


def test_cast_table_right_after_its_heading():
    record = parse_html_page(
        _minimal_title_page(
            "<h3>Cast</h3> <small>(Cast overview, first billed only) (verified as complete)</small>"
            '<table class="cast"><tr><td class="nm"><a href="/name/nm0000964/">Charles Boyer</a></td>'
            '<td class="ddd"> ... </td><td class="char">Gregory Anton</td></tr></table>'
        )
    )
    assert [(m.name, m.character) for m in record.cast] == [("Charles Boyer", "Gregory Anton")]
    assert record.cast_complete is True


def test_episode_numbers_without_the_series_title_warn():
    record = parse_html_page(
        _minimal_title_page(
            '<div class="info"><h5>Original Air Date:</h5><div class="info-content">4 November 2012 '
            "(Season 7, Episode 6)</div></div>"
        )
    )
    assert record.kind == "tv_episode"
    assert record.series.to_dict() == {"title": None, "year": None, "season": 7, "episode": 6, "imdb_id": None}
    assert record.warnings == ["the page gives a season and episode but not the series' title"]
