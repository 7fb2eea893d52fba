"""Page-type detection: title, reviews, full credits, or another page (name, news, FAQ,
message board, another site), from URLs and from contents."""

from __future__ import annotations

import pytest

from catalogue.parsing.pagetype import describe_page, detect_page_type, not_a_title_page, raise_not_a_title_page
from catalogue.parsing.record import PageError


@pytest.mark.parametrize(
    "url, page_type, looks_like",
    [
        ("http://www.imdb.com/title/tt0036855/", "title", None),
        ("http://www.imdb.com/title/tt0036855/combined", "title", None),
        ("http://www.imdb.com/title/tt0036855/maindetails", "title", None),
        ("https://imdb.com/title/tt0036855", "title", None),
        ("http://www.imdb.com/title/tt0036855/usercomments", "reviews", None),
        ("http://www.imdb.com/title/tt0036855/usercomments?start=10", "reviews", None),
        ("http://www.imdb.com/title/tt0036855/reviews?start=20", "reviews", None),
        ("http://www.imdb.com/title/tt0036855/fullcredits", "fullcredits", None),
        ("http://www.imdb.com/title/tt0036855/fullcredits#cast", "fullcredits", None),
        ("http://web.archive.org/web/20100301000000/http://www.imdb.com/title/tt0036855/usercomments", "reviews", None),
        ("http://www.imdb.com/name/nm0000006/", "other", "a name page"),
        ("http://www.imdb.com/news/ni0123456/", "other", "a news page"),
        ("http://www.imdb.com/title/tt0036855/faq", "other", "an FAQ page"),
        ("http://www.imdb.com/title/tt0036855/board", "other", "a message board"),
        ("http://www.imdb.com/board/bd0000088/", "other", "a message board"),
        ("http://www.imdb.com/title/tt0036855/trivia", "other", "the title's trivia page"),
        ("http://www.imdb.com/title/tt0036855/usercomments-enter", "other", "the form for writing a review"),
        ("http://www.imdb.com/chart/top", "other", "a chart"),
        ("http://www.rottentomatoes.com/m/gaslight/", "other", "a page of another site (www.rottentomatoes.com)"),
        ("/title/tt0047478/fullcredits", "fullcredits", None),
    ],
)
def test_page_kind_from_url(url, page_type, looks_like):
    assert describe_page(url=url) == describe_page(url)  # the URL may come as the only argument
    kind = describe_page(url=url)
    assert (kind.page_type, kind.looks_like) == (page_type, looks_like)
    assert detect_page_type(url=url) == page_type


@pytest.mark.parametrize(
    "name, page_type",
    [
        ("hiroshima-mon-amour-1959.combined.txt", "title"),
        ("seven-samurai-1954.combined-excerpt.txt", "title"),
        ("the-godfather-1972.combined-excerpt.txt", "title"),
        ("gaslight-1944.combined-2010.html", "title"),
        ("gaslight-1944.combined-2010.extracted.txt", "title"),
        ("die-hard-1988.maindetails-2009.html", "title"),
        ("die-hard-1988.maindetails-2009.extracted.txt", "title"),
    ],
)
def test_real_title_pages_are_title_pages(sample_bytes, name, page_type):
    assert detect_page_type(sample_bytes(name)) == page_type


@pytest.mark.parametrize(
    "name, page_type, looks_like",
    [
        ("reviews/gaslight-1944.usercomments-2010.html", "reviews", None),
        ("reviews/gaslight-1944.usercomments-start10-2011.html", "reviews", None),
        ("reviews/gaslight-1944.usercomments-2010.txt", "reviews", None),
        ("fullcredits/seven-samurai-1954.fullcredits-2010.html", "fullcredits", None),
        ("fullcredits/seven-samurai-1954.fullcredits-2010.txt", "fullcredits", None),
        ("other/ingrid-bergman.name-2010.html", "other", "a name page"),
        ("other/ingrid-bergman.name-2010.txt", "other", "a name page"),
        ("other/news-2011.html", "other", "a news page"),
        ("other/news-2011.txt", "other", "a news page"),
    ],
)
def test_test_pages_by_content(test_page_bytes, name, page_type, looks_like):
    data = test_page_bytes(name)
    for given in (data, data.decode("iso-8859-1" if name.endswith(".html") else "utf-8")):
        kind = describe_page(given)
        assert (kind.page_type, kind.looks_like) == (page_type, looks_like)


def test_html_without_canonical_link_is_judged_by_breadcrumb_title_and_markers(test_page_bytes):
    reviews = test_page_bytes("reviews/gaslight-1944.usercomments-2010.html")
    reviews = reviews.replace(b'<link rel="canonical" href="http://www.imdb.com/title/tt0036855/usercomments" />', b"")
    assert detect_page_type(reviews) == "reviews"
    no_crumbs = reviews.split(b'<div id="tn15crumbs">')[0] + b"</body></html>"
    assert detect_page_type(no_crumbs) == "reviews"  # from <title>Gaslight (1944) - User reviews</title>
    name = test_page_bytes("other/ingrid-bergman.name-2010.html")
    name = name.replace(b'<link rel="canonical" href="http://www.imdb.com/name/nm0000006/" />', b"")
    assert describe_page(name).looks_like == "a name page"  # Date of Birth, Filmography, Actress:


@pytest.mark.parametrize(
    "first_line, page_type, looks_like",
    [
        ("IMDb > Gaslight (1944)", "title", None),
        ('IMDb > "Lost" (2004)', "title", None),
        ("IMDb > Hamlet (TV 1990)", "title", None),
        ("IMDb > Gaslight (1944) > Reviews & Ratings - IMDb", "reviews", None),
        ("IMDb > Gaslight (1944) > User Reviews", "reviews", None),
        ("IMDb > Gaslight (1944) > Comments", "reviews", None),
        ("IMDb > Gaslight (1944) > Full cast and crew", "fullcredits", None),
        ("IMDb > Gaslight (1944) > FAQ", "other", "an FAQ page"),
        ("IMDb > Gaslight (1944) > Message Board", "other", "a message board"),
        ("IMDb > Gaslight (1944) > NewsDesk", "other", "a news page"),
        ("IMDb > Gaslight (1944) > Trivia", "other", 'the title\'s "Trivia" page'),
        ("IMDb > News > Movie News", "other", "a news page"),
    ],
)
def test_text_breadcrumbs(first_line, page_type, looks_like):
    kind = describe_page(first_line + "\nsome more text\n")
    assert (kind.page_type, kind.looks_like) == (page_type, looks_like)


def test_text_of_another_site():
    text = "Rotten Tomatoes\nGaslight (1944)\nTomatometer 100%\nCritics Consensus: ...\n"
    assert describe_page(text).looks_like == "a page of another site"
    html = b"<html><head><title>Gaslight (1944) - Rotten Tomatoes</title></head><body><div>x</div></body></html>"
    assert describe_page(html).looks_like == "a page of another site"


def test_unrecognised_imdb_text_stays_a_title_page():
    # Only positive evidence makes a page "other"; the title parser judges the rest.
    assert detect_page_type("Gaslight (1944)\nIMDb\nUser Rating:\n7.8/10\n") == "title"
    assert detect_page_type(None) == "title"


def test_url_wins_over_content(test_page_bytes):
    data = test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt")
    assert detect_page_type(data, url="http://www.imdb.com/title/tt0036855/fullcredits") == "fullcredits"
    # A local file name says nothing: the content decides.
    assert detect_page_type(data, url="/home/me/pages/gaslight reviews.txt") == "reviews"


def test_not_a_title_page_message():
    assert str(not_a_title_page("a name page")) == "not an IMDb title page: looks like a name page"
    assert str(not_a_title_page(None)) == "not an IMDb title page: looks like another kind of page"
    with pytest.raises(PageError, match="^not an IMDb title page: looks like a news page$"):
        raise_not_a_title_page("a news page")


@pytest.mark.parametrize("url", ["http://[::1", "http://", "::::", "https://exa mple.com/x", ""])
def test_malformed_urls_do_not_decide(url):
    assert detect_page_type("IMDb > Gaslight (1944) > User Reviews\n", url=url) in ("reviews", "other")


@pytest.mark.parametrize(
    "text, page_type",
    [
        ("Gaslight (1944) - Full cast and crew\nDirected by\nGeorge Cukor\n", "fullcredits"),
        ("Top Links\nFull cast and crew\nDirected by\nGeorge Cukor\n", "fullcredits"),
        ("Gaslight (1944) - User Reviews\nAuthor: x from y\n", "reviews"),
        ("Gaslight (1944)\nuser reviewsexternal reviewsawards\nUser Rating:\n", "title"),
    ],
)
def test_text_without_breadcrumb_by_its_heading(text, page_type):
    assert detect_page_type(text) == page_type


def test_utf16_and_latin1_bytes(test_page_bytes):
    text = test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt").decode("utf-8")
    assert detect_page_type(b"\xff\xfe" + text.encode("utf-16-le")) == "reviews"
    name = test_page_bytes("other/ingrid-bergman.name-2010.txt").decode("utf-8")
    assert describe_page(name.encode("cp1252")).looks_like == "a name page"


def test_json_records_say_what_they_are():
    assert detect_page_type('{"title": "Gaslight", "page_type": "reviews", "reviews": []}') == "reviews"
    assert detect_page_type(b'{"title": "Gaslight", "year": 1944}') == "title"


def test_empty_and_binary_input():
    assert detect_page_type(b"") == "title"  # the parser reports "the page is empty"
    assert detect_page_type("  \n") == "title"
    assert describe_page(b"\x00\x01\x02\x03PK\x03\x04") == describe_page(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert describe_page(b"\x00\x01\x02\x03PK\x03\x04").looks_like == "a binary file"


@pytest.mark.parametrize(
    "title, page_type, looks_like",
    [
        ("Gaslight (1944)", "title", None),
        ("Gaslight (1944) - IMDb", "title", None),
        ("IMDb: Gaslight (1944)", "title", None),
        ("Gaslight (1944) - User reviews", "reviews", None),
        ("IMDb User Comments for Gaslight (1944)", "reviews", None),
        ("Gaslight (1944) - Full cast and crew", "fullcredits", None),
        ("Gaslight (1944) - FAQ", "other", "an FAQ page"),
        ("IMDb: Gaslight (1944) - Board", "other", "a message board"),
        ("IMDb News: Movie News", "other", "a news page"),
    ],
)
def test_html_by_title_element(title, page_type, looks_like):
    page = f"<html><head><title>{title}</title></head><body><div><p>IMDb</p><p>text</p></div></body></html>"
    kind = describe_page(page.encode())
    assert (kind.page_type, kind.looks_like) == (page_type, looks_like)
