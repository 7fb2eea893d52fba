"""Browse pages: year, decade, genre, country, language, keyword, their indexes, per-country
certificates and the top-rated charts; their query counts, caching and sitemap entries."""

from __future__ import annotations

from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.core.cache import cache

from catalogue.models import Title
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_page_cache():
    cache.clear()
    yield
    cache.clear()


def titles_in(html: str) -> list[str]:
    """The listed titles' names, in page order."""
    body = html[html.index('<ol class="title-list"') :]
    body = body[: body.index("</ol>")]
    return [part.split("</a>")[0].split(">")[-1] for part in body.split("<li>")[1:]]


@pytest.fixture
def shelf(db):
    """Six titles of the 1950s and 1960s with genres, countries, languages and keywords."""
    rows = [
        ("Ashes", 1958, "movie", "7.9", 40_000),
        ("Breathless", 1959, "movie", "8.4", 2_000),
        ("Cleo", 1959, "movie", "7.0", 80_000),
        ("Dekalog", 1959, "tv_mini_series", "9.0", 30_000),
        ("Eclipse", 1962, "movie", "7.5", 60_000),
        ("Unrated", 1959, "movie", None, None),
    ]
    made = {}
    for name, year, kind, rating, votes in rows:
        made[name] = f.make_title(name, year=year, kind=kind, rating=Decimal(rating) if rating else None, votes=votes)
    for name in ("Ashes", "Breathless", "Cleo", "Unrated"):
        f.add_genre(made[name], "Drama")
        f.add_country(made[name], "France")
        f.add_keyword(made[name], "Paris")
    f.add_genre(made["Dekalog"], "Drama")
    f.add_genre(made["Eclipse"], "Romance")
    f.add_country(made["Eclipse"], "Italy")
    f.add_language(made["Eclipse"], "Italian")
    f.add_keyword(made["Eclipse"], "Rome")
    return made


def test_year_page_lists_the_year_by_votes_and_sorts_and_filters(client, shelf):
    html = client.get("/year/1959/").content.decode()
    assert titles_in(html) == ["Cleo", "Dekalog", "Breathless", "Unrated"]  # most votes first
    assert '<a href="/decade/1950s/">1950s</a>' in html  # the breadcrumb
    assert "4 titles." in html
    assert titles_in(client.get("/year/1959/?sort=rating").content.decode()) == [
        "Dekalog",
        "Breathless",
        "Cleo",
        "Unrated",  # unrated last on both databases
    ]
    assert titles_in(client.get("/year/1959/?sort=title").content.decode()) == [
        "Breathless",
        "Cleo",
        "Dekalog",
        "Unrated",
    ]
    assert titles_in(client.get("/year/1959/?kind=tv_mini_series").content.decode()) == ["Dekalog"]
    # An unknown sort or kind is ignored, not an error.
    assert titles_in(client.get("/year/1959/?sort=bogus&kind=bogus").content.decode())[0] == "Cleo"
    assert client.get("/year/1901/").status_code == 404


def test_browse_pages_paginate_with_a_canonical_page(client, db, monkeypatch):
    from catalogue.views import browse

    monkeypatch.setattr(browse, "TITLES_PER_PAGE", 2)
    for n in range(5):
        f.make_title(f"Film {n}", year=1970, votes=100 - n)
    second = client.get("/year/1970/?page=2&sort=votes").content.decode()
    assert titles_in(second) == ["Film 2", "Film 3"]
    assert '<link rel="canonical" href="http://testserver/year/1970/?page=2">' in second
    assert 'rel="next" href="?page=3&amp;sort=votes"' in second


def test_decade_page_links_its_years_and_lists_its_titles(client, shelf):
    html = client.get("/decade/1950s/").content.decode()
    assert '<a href="/year/1958/">1958</a> <span class="count">1</span>' in html
    assert '<a href="/year/1959/">1959</a> <span class="count">4</span>' in html
    assert "Eclipse" not in titles_in(html)
    assert len(titles_in(html)) == 5
    assert '<a href="/chart/top/1950s/">' in html
    assert client.get("/decade/1930s/").status_code == 404
    assert client.get("/decade/1955s/").status_code == 404


def test_a_decade_is_listed_the_same_by_its_index_walk_and_by_its_year_range(client, shelf, monkeypatch):
    from catalogue.selectors import listings

    f.make_title("Next decade", year=1960, votes=10**6)
    f.make_title("Last decade", year=1949, votes=10**6)
    pages = {}
    for walk in (True, False):
        monkeypatch.setattr(listings, "decade_walks", lambda count, page, per_page, walk=walk: walk)
        cache.clear()
        pages[walk] = [
            titles_in(client.get(f"/decade/1950s/?sort={sort}").content.decode())
            for sort in ("votes", "rating", "year", "title")
        ]
    assert pages[True] == pages[False]
    assert pages[True][0] == ["Cleo", "Ashes", "Dekalog", "Breathless", "Unrated"]
    monkeypatch.undo()
    # A big decade's first pages walk; a page deep in it, or a small decade, reads the year range.
    assert listings.decade_walks(16_000, 1, 50) and listings.decade_walks(16_000, 32, 50)
    assert not listings.decade_walks(16_000, 33, 50) and not listings.decade_walks(300, 1, 50)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/genre/drama/", ["Cleo", "Ashes", "Dekalog", "Breathless", "Unrated"]),
        ("/genre/romance/", ["Eclipse"]),
        ("/country/france/", ["Cleo", "Ashes", "Breathless", "Unrated"]),
        ("/language/italian/", ["Eclipse"]),
        ("/keyword/paris/", ["Cleo", "Ashes", "Breathless", "Unrated"]),
        ("/keyword/rome/", ["Eclipse"]),
    ],
)
def test_vocabulary_pages_list_their_titles(client, shelf, url, expected):
    html = client.get(url).content.decode()
    assert titles_in(html) == expected


def test_a_big_vocabulary_is_listed_the_same_by_its_index_walk(client, shelf, monkeypatch):
    from catalogue.selectors import listings

    small = {
        sort: titles_in(client.get(f"/genre/drama/?sort={sort}").content.decode()) for sort in listings.BROWSE_SORTS
    }
    monkeypatch.setattr(listings, "WALK_FROM", 1)
    cache.clear()
    for sort, expected in small.items():
        html = client.get(f"/genre/drama/?sort={sort}").content.decode()
        assert titles_in(html) == expected and "5 titles." in html
    assert titles_in(client.get("/genre/drama/?kind=tv_mini_series").content.decode()) == ["Dekalog"]


def test_vocabulary_pages_404_for_an_unknown_slug(client, shelf):
    for url in ("/genre/nope/", "/country/nope/", "/language/nope/", "/keyword/nope/", "/chart/top/genre/nope/"):
        assert client.get(url).status_code == 404


def test_index_pages_count_titles_and_link_the_pages(client, shelf):
    genres = client.get("/genres/").content.decode()
    assert '<a href="/genre/drama/">Drama</a> <span class="count">5</span>' in genres
    assert '<a class="muted" href="/chart/top/genre/drama/">top rated</a>' in genres
    assert (
        '<a href="/country/italy/">Italy</a> <span class="count">1</span>' in client.get("/countries/").content.decode()
    )
    assert '<a href="/language/italian/">Italian</a>' in client.get("/languages/").content.decode()
    keywords = client.get("/keywords/").content.decode()
    assert keywords.index('<a href="/keyword/paris/">Paris</a> <span class="count">4</span>') < keywords.index(
        '<a href="/keyword/rome/">Rome</a> <span class="count">1</span>'
    )
    overview = client.get("/browse/").content.decode()
    for link in (
        'href="/genres/"',
        'href="/countries/"',
        'href="/languages/"',
        'href="/keywords/"',
        'href="/chart/top/"',
        'href="/decade/1960s/"',
        'href="/year/1962/"',
    ):
        assert link in overview


def test_a_keyword_without_titles_is_left_out_of_the_index(client, shelf):
    from catalogue.models import Keyword

    Keyword.objects.create(name="Orphan", slug="orphan")
    assert "Orphan" not in client.get("/keywords/").content.decode()


def test_page_text_is_escaped_on_browse_pages(client, db):
    title = f.make_title("<b>Bold</b>", year=1980)
    f.add_genre(title, "<script>x</script>")
    f.add_keyword(title, "<i>kw</i>")
    genre_slug = title.genres.get().slug
    for url in (f"/genre/{genre_slug}/", "/genres/", "/keywords/", "/year/1980/"):
        html = client.get(url).content.decode()
        assert "<script>x" not in html and "<b>Bold" not in html and "<i>kw" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in client.get("/genres/").content.decode()


@pytest.mark.parametrize(
    "url, queries",
    [
        ("/year/1959/", 3),  # the catalogue stamp, the COUNT, the page
        ("/decade/1950s/", 3),  # the stamp, the decade's years (their counts are its count), the page
        ("/genre/drama/", 3),  # the stamp, the genre by slug (its stored title count), the page
        ("/keyword/paris/", 3),
        ("/country/france/?sort=rating&kind=movie", 4),  # … and the COUNT of its movies
        ("/genres/", 2),
        ("/keywords/", 3),
        ("/browse/", 7),
        ("/chart/top/", 3),  # the stamp, the mean and count of the eligible, the chart
        ("/chart/top/1950s/?kind=movie", 3),
        ("/chart/top/genre/drama/", 4),
        ("/certificates/UK/", 2),
    ],
)
def test_browse_pages_query_counts_do_not_grow_with_the_catalogue(
    client, shelf, settings, url, queries, django_assert_num_queries
):
    settings.CHART_MIN_VOTES = 1000
    f.make_certificate(shelf["Ashes"], "UK", "X")
    cache.clear()
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    for n in range(30):  # more titles of every kind of page
        title = f.make_title(f"More {n}", year=1959, rating=Decimal("6.0"), votes=5000 + n)
        f.add_genre(title, "Drama")
        f.add_country(title, "France")
        f.add_keyword(title, "Paris")
        f.make_certificate(title, "UK", "PG" if n % 2 else "X")
    cache.clear()
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(1):  # cached: the stamp only
        response = client.get(url)
    assert response["X-Page-Cache"] == "hit"


def test_browse_pages_are_etagged_and_a_change_makes_a_new_page(client, shelf):
    first = client.get("/genre/drama/")
    assert "no-cache" in first["Cache-Control"]
    assert client.get("/genre/drama/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    new = f.make_title("Zazie", year=1960, votes=10)
    f.add_genre(new, "Drama")
    second = client.get("/genre/drama/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert "Zazie" in titles_in(second.content.decode())


def test_the_title_page_links_its_year_and_keywords(client, shelf):
    html = client.get(shelf["Eclipse"].get_absolute_url()).content.decode()
    assert '<a href="/year/1962/">' in html
    assert '<a href="/keyword/rome/">Rome</a>' in html
    assert '<a href="/genre/romance/">Romance</a>' in html
    assert '<a href="/language/italian/">Italian</a>' in html


# -- charts -----------------------------------------------------------------------------------


def chart_rows(html: str) -> list[tuple[str, str]]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = []
    for row in body.split("<tr>")[1:]:
        cells = row.split("<td>")
        rows.append((cells[2].split("</a>")[0].split(">")[-1], cells[4].split("</td>")[0]))
    return rows


def test_chart_ranks_by_weighted_rating_with_a_minimum_of_votes(client, shelf, settings):
    settings.CHART_MIN_VOTES = 10_000
    html = client.get("/chart/top/").content.decode()
    # Eligible: Ashes 7.9/40k, Cleo 7.0/80k, Dekalog 9.0/30k, Eclipse 7.5/60k; C = 7.85.
    # WR = (v·R + m·C)/(v + m): Dekalog 8.7125, Ashes 7.89, Eclipse 7.5458, Cleo 7.0944.
    assert chart_rows(html) == [("Dekalog", "8.71"), ("Ashes", "7.89"), ("Eclipse", "7.55"), ("Cleo", "7.09")]
    assert "m = 10000" in html and "C = 7.85" in html
    assert "Breathless" not in html  # 8.4 but only 2,000 votes

    settings.CHART_MIN_VOTES = 50_000  # a smaller chart with its own mean (C = 7.25)
    cache.clear()
    assert [name for name, _ in chart_rows(client.get("/chart/top/").content.decode())] == ["Eclipse", "Cleo"]


def test_chart_by_kind_decade_and_genre(client, shelf, settings):
    settings.CHART_MIN_VOTES = 10_000
    names = lambda url: [name for name, _ in chart_rows(client.get(url).content.decode())]  # noqa: E731
    assert names("/chart/top/?kind=movie") == ["Ashes", "Eclipse", "Cleo"]
    assert names("/chart/top/?kind=tv_mini_series") == ["Dekalog"]
    assert names("/chart/top/1950s/") == ["Dekalog", "Ashes", "Cleo"]
    assert names("/chart/top/genre/romance/") == ["Eclipse"]
    empty = client.get("/chart/top/1920s/").content.decode()
    assert "No title has 10000 votes yet." in empty


def test_chart_ties_go_by_votes_then_the_earlier_title_and_decades_end_on_their_ninth_year(client, db, settings):
    settings.CHART_MIN_VOTES = 1000
    for name, year, votes in (
        ("Zed", 1960, 5000),
        ("Abe", 1960, 5000),
        ("Fewer", 1969, 4000),
        ("Next", 1970, 9000),
        ("Before", 1959, 9000),
    ):
        f.make_title(name, year=year, rating=Decimal("7.0"), votes=votes)
    # All rated 7.0, so every score is 7.0: by votes, then by id (Zed was made first).
    assert [name for name, _ in chart_rows(client.get("/chart/top/1960s/").content.decode())] == ["Zed", "Abe", "Fewer"]


# -- per-country certificates -----------------------------------------------------------------


def test_certificate_country_page_lists_its_ratings_and_is_linked(client, catalogue):
    html = client.get("/certificates/Portugal/").content.decode()
    assert '<a href="/certificates/Portugal/(Banned)/">(Banned)</a> <span class="count">1</span>' in html
    assert '<a href="/certificates/Portugal/M/12/">M/12</a> <span class="count">1</span>' in html
    assert client.get("/certificates/Atlantis/").status_code == 404
    detail = client.get("/certificates/Portugal/M/12/").content.decode()
    assert '› <a href="/certificates/Portugal/">Portugal</a></p>' in detail
    index = client.get("/certificates/").content.decode()
    assert '<h2><a href="/certificates/West%20Germany/">West Germany</a></h2>' in index
    assert client.get("/certificates/West%20Germany/").status_code == 200


# -- sitemap -----------------------------------------------------------------------------------


def test_browse_pages_are_in_the_sitemap(client, shelf):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    f.make_certificate(shelf["Ashes"], "UK", "X")
    browse = client.get("/sitemap-browse.xml")
    locations = {
        loc.text.removeprefix("http://testserver")
        for loc in ElementTree.fromstring(browse.content).findall("s:url/s:loc", ns)
    }
    assert {
        "/browse/",
        "/chart/top/",
        "/year/1958/",
        "/year/1959/",
        "/year/1962/",
        "/decade/1950s/",
        "/decade/1960s/",
        "/chart/top/1950s/",
        "/genres/",
        "/genre/drama/",
        "/chart/top/genre/drama/",
        "/country/italy/",
        "/language/italian/",
        "/keywords/",
        "/certificates/UK/",
    } <= locations
    keywords = client.get("/sitemap-keywords.xml")
    assert {loc.text for loc in ElementTree.fromstring(keywords.content).findall("s:url/s:loc", ns)} == {
        "http://testserver/keyword/paris/",
        "http://testserver/keyword/rome/",
    }
    assert Title.objects.count() == 6
