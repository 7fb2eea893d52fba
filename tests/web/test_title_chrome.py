"""The title page's header block and tabs, the site's chrome, the error pages and the staff links (server side)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client

from catalogue.caching import CACHE_HEADER
from tests import factories as f
from tests.web.admin_factories import make_editor

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _empty_page_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def film(db):
    title = f.make_title(
        "The Killing", year=1956, slug="the-killing-1956", rating=Decimal("8.0"), votes=61234, imdb_id="tt0049406"
    )
    f.make_runtime(title, 84, position=0)
    f.make_runtime(title, 85, country="Argentina", position=1)
    f.add_genre(title, "Crime", 0)
    f.add_genre(title, "Film-Noir", 1)
    kubrick = f.make_person("Stanley Kubrick", slug="stanley-kubrick")
    f.make_credit(title, f.make_person("Sterling Hayden", slug="sterling-hayden"), character="Johnny Clay")
    f.make_credit(title, f.make_person("Coleen Gray", slug="coleen-gray"), character="Fay")
    f.make_credit(
        title, f.make_person("Lucien Ballard"), department="cinematographer", department_label="Cinematography by"
    )
    f.make_credit(title, kubrick, department="writer", department_label="Writing credits", job="screenplay")
    f.make_credit(title, kubrick, department="director", department_label="Directed by")
    f.make_credit(title, f.make_person("James B. Harris"), department="producer", department_label="Produced by")
    # The USA certificate is the header's, though it is not printed first.
    f.make_certificate(title, "UK", "A", position=0)
    f.make_certificate(title, "USA", "Approved", position=1)
    f.make_review(title, summary="Clockwork heist")
    f.make_review(title, summary="Race track")
    f.make_review(title, summary="Masks")
    return title


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def header_block(html: str) -> str:
    match = re.search(r'<header class="title-header">(.*?)</header>', html, re.S)
    assert match, "no header block"
    return match.group(1)


def tabs_of(html: str) -> str:
    match = re.search(r'<nav class="title-tabs"[^>]*>(.*?)</nav>', html, re.S)
    assert match, "no tabs"
    return match.group(1)


# -- the header block -------------------------------------------------------------------


def test_header_block_holds_the_facts(client, film):
    header = header_block(html_of(client.get(film.get_absolute_url())))

    assert re.search(r'<h1>The Killing <span class="title-header__year">\(<a href="/year/1956/">1956</a>\)', header)
    assert '<li class="kind">Movie</li>' in header
    assert "Runtime: </span>84 min</li>" in header
    assert "85 min" not in header  # the first runtime only; the details list them all
    assert '<a href="/genre/crime/">Crime</a>, <a href="/genre/film-noir/">Film-Noir</a>' in header
    assert '<a href="/name/stanley-kubrick/">Stanley Kubrick</a>' in header
    assert '<span class="rating" title="User rating">8.0</span>' in header
    assert "from 61,234 votes" in header
    assert '<a href="/certificates/USA/Approved/">USA:Approved</a>' in header
    assert "UK:A" not in header


def test_header_certificate_is_the_first_without_a_usa_one(client, db):
    title = f.make_title("Valerie", year=1970, slug="valerie-1970")
    f.make_certificate(title, "Finland", "K-16", position=0)
    f.make_certificate(title, "UK", "X", position=1)

    header = header_block(html_of(client.get(title.get_absolute_url())))

    assert '<a href="/certificates/Finland/K-16/">Finland:K-16</a>' in header
    assert "UK:X" not in header
    assert "Director" not in header and "Runtime" not in header  # nothing to say: nothing said


def test_header_block_costs_the_film_page_no_query(client, film, django_assert_num_queries):
    # The page's nine (tests/web/test_query_counts.py): the header reads what they read.
    with django_assert_num_queries(9):
        html = html_of(client.get(film.get_absolute_url()))
    assert "Runtime: </span>84 min" in header_block(html)


# -- the tabs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix, current",
    [
        ("", "Overview"),
        ("fullcredits/", "Full cast &amp; crew"),
        ("reviews/", "Reviews"),
        ("sources/", "Sources"),
    ],
)
def test_tabs_on_each_of_the_title_s_pages(client, film, suffix, current):
    tabs = tabs_of(html_of(client.get(f"/title/{film.slug}/{suffix}")))

    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>(.*?)</a>', tabs)
    assert [(href, text) for href, _, text in links] == [
        (f"/title/{film.slug}/", "Overview"),
        (f"/title/{film.slug}/fullcredits/", 'Full cast &amp; crew <span class="title-tabs__count">(6)</span>'),
        (f"/title/{film.slug}/reviews/", 'Reviews <span class="title-tabs__count">(3)</span>'),
        (f"/title/{film.slug}/sources/", "Sources"),
    ]
    marked = [text for _, mark, text in links if mark]
    assert len(marked) == 1 and marked[0].startswith(current)


def test_an_empty_tab_is_hidden_except_on_its_own_page(client, db):
    bare = f.make_title("Bare", year=1990, slug="bare-1990")

    for suffix in ("", "sources/"):
        tabs = tabs_of(html_of(client.get(f"/title/{bare.slug}/{suffix}")))
        assert "Overview" in tabs and "Sources" in tabs
        assert "fullcredits" not in tabs and "/reviews/" not in tabs
    own = tabs_of(html_of(client.get(f"/title/{bare.slug}/reviews/")))
    assert 'aria-current="page">Reviews <span class="title-tabs__count">(0)</span>' in own
    assert "fullcredits" not in own


@pytest.mark.parametrize(
    "suffix, queries",
    [
        # The stamp, the title with its tabs' counts, the credits.
        ("fullcredits/", 3),
        # The stamp, the title with its tabs' counts (the paginator's count too), the page of reviews.
        ("reviews/", 3),
        # The stamp, the title with its tabs' counts, the captures.
        ("sources/", 3),
    ],
)
def test_tabs_cost_the_subpages_no_query(client, film, django_assert_num_queries, suffix, queries):
    with django_assert_num_queries(queries):
        html = html_of(client.get(f"/title/{film.slug}/{suffix}"))
    assert '<span class="title-tabs__count">(6)</span>' in tabs_of(html)


def test_reviews_page_counts_its_pages_from_the_tab_count(client, db):
    title = f.make_title("Talkative", year=2000, slug="talkative-2000")
    for n in range(45):
        f.make_review(title, summary=f"Review {n}", helpful=n)

    html = html_of(client.get(f"/title/{title.slug}/reviews/?page=3"))

    assert "45 reviews" in html
    assert html.count('<article class="review" id="review-') == 5
    assert 'Reviews <span class="title-tabs__count">(45)</span>' in tabs_of(html)


# -- full credits in the old page's order -------------------------------------------------


def test_full_credits_put_directors_and_writers_before_the_cast(client, film):
    html = html_of(client.get(f"/title/{film.slug}/fullcredits/"))

    sections = re.findall(r'<section class="(?:cast|crew-department)" id="([^"]+)"', html)
    assert sections == ["director", "writer", "cast", "producer", "cinematographer"]
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="#([^"]+)"', toc) == sections
    assert '<a href="#top">Back to top</a>' in html


# -- the site's chrome ------------------------------------------------------------------


def test_header_menu_skip_link_and_favicon(client, film):
    html = html_of(client.get(film.get_absolute_url()))

    menu = re.search(r'<nav class="site-menu" aria-label="Site">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', menu) == [
        ("/browse/", "Browse"),
        ("/certificates/", "Certificates"),
        ("/chart/top/", "Charts"),
        ("/search/", "Search"),
    ]
    assert html.index('<a class="skip-link" href="#content">') < html.index('<header class="site-header" id="top">')
    assert '<main id="content"' in html
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert '<a href="#top">Back to top</a>' in html
    svg = ET.parse(ROOT / "static" / "favicon.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 32 32"


def test_home_page_has_one_search_box(client, film):
    html = html_of(client.get("/"))

    assert html.count('role="search"') == 1
    assert 'id="home-search"' in html and 'id="site-search"' not in html
    assert '<nav class="site-menu" aria-label="Site">' in html
    # Every other page keeps the header's box.
    assert html_of(client.get("/browse/")).count('role="search"') == 1
    assert 'id="site-search"' in html_of(client.get("/browse/"))


def test_stylesheet_has_focus_styles_and_the_skip_link(client):
    css = (ROOT / "static" / "css" / "site.css").read_text()

    assert re.search(r":focus-visible\s*\{[^}]*outline: 3px solid", css)
    assert re.search(r"\.skip-link:focus\s*\{[^}]*top: \.5rem", css)


# -- the error pages (DEBUG off) -----------------------------------------------------------


@pytest.fixture
def failing_site(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.web.error_urls"
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url, status, heading",
    [
        ("/fail/400/", 400, "Bad request"),
        ("/fail/403/", 403, "Not allowed"),
        ("/no/such/page/", 404, "Page not found"),
        ("/title/no-such-title/", 404, "Page not found"),
    ],
)
def test_branded_error_pages_in_the_site_s_layout(failing_site, db, url, status, heading):
    response = failing_site.get(url)

    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<nav class="site-menu" aria-label="Site">' in html  # base.html's header
    assert '<a class="skip-link" href="#content">' in html
    assert f"<title>{heading.replace('Not allowed', 'Forbidden').replace('Page not found', 'Not found')}" in html


def test_500_page_is_plain_and_reads_nothing(failing_site, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = failing_site.get("/fail/500/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Something went wrong</h1>" in html
    assert f'<a class="site-name" href="/">{django_settings.CATALOGUE_SITE_NAME}</a>' in html
    assert "the view failed" not in html  # no detail of the error reaches the visitor


def test_500_handler_renders_without_the_database(rf, django_db_blocker):
    from django.urls import get_callable

    from config import urls

    handler = get_callable(urls.handler500)
    with django_db_blocker.block():  # any query now raises
        response = handler(rf.get("/anything/"))

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()


# -- staff-only "Edit in admin" links -------------------------------------------------------


@pytest.fixture
def editor(db):
    return make_editor()


def edit_links(html: str) -> list[str]:
    return re.findall(r'<p class="staff-link"><a href="([^"]+)">Edit in admin</a></p>', html)


def test_staff_see_edit_links_on_title_person_and_company_pages(client, film, editor):
    company = f.make_company("Harris-Kubrick Pictures", slug="harris-kubrick")
    f.make_title_company(film, company, kind="production")
    kubrick = film.credits.get(department="director").person
    pages = {
        film.get_absolute_url(): f"/admin/catalogue/title/{film.pk}/change/",
        kubrick.get_absolute_url(): f"/admin/catalogue/person/{kubrick.pk}/change/",
        company.get_absolute_url(): f"/admin/catalogue/company/{company.pk}/change/",
    }
    for url in pages:
        assert edit_links(html_of(client.get(url))) == [], url
    client.force_login(editor)
    for url, admin_url in pages.items():
        assert edit_links(html_of(client.get(url))) == [admin_url], url
        assert client.get(admin_url).status_code == 200


def test_signed_in_users_who_are_not_staff_see_no_edit_links(client, film, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x" * 12))

    assert edit_links(html_of(client.get(film.get_absolute_url()))) == []


def test_staff_pages_are_never_shared_through_the_page_cache(client, film, editor):
    url = film.get_absolute_url()
    public = client.get(url)
    assert public[CACHE_HEADER] == "miss"
    assert client.get(url)[CACHE_HEADER] == "hit"

    staff = Client()
    staff.force_login(editor)
    staff_page = staff.get(url)
    # Not the cached public copy, and not stored for anyone else either.
    assert CACHE_HEADER not in staff_page
    assert edit_links(html_of(staff_page)) == [f"/admin/catalogue/title/{film.pk}/change/"]
    assert "private" in staff_page["Cache-Control"]
    again = client.get(url)
    assert again[CACHE_HEADER] == "hit" and edit_links(html_of(again)) == []
    assert "private" not in again["Cache-Control"]

    # A browser holding the public copy is not told it is the staff one (nor the other way round).
    assert staff_page["ETag"] != public["ETag"]
    assert staff.get(url, headers={"if-none-match": public["ETag"]}).status_code == 200
    assert client.get(url, headers={"if-none-match": staff_page["ETag"]}).status_code == 200
    assert client.get(url, headers={"if-none-match": public["ETag"]}).status_code == 304


def test_anonymous_pages_do_not_read_the_session(client, film):
    response = client.get(film.get_absolute_url())

    assert "Cookie" not in response.get("Vary", "")
    assert edit_links(response.content.decode()) == []


def test_full_cast_keeps_the_rest_of_cast_divider_from_an_imported_page(client):
    from catalogue.importing.pages import paths_import
    from catalogue.models import Title
    from tests.conftest import SAMPLES

    assert paths_import([SAMPLES / "gaslight-1944.combined-2010.html"]).imported == 1
    title = Title.objects.get(imdb_id="tt0036855")
    assert title.cast_alphabetical_from == 14

    html = html_of(client.get(f"/title/{title.slug}/fullcredits/"))

    cast = re.search(r'<section class="cast" id="cast">(.*?)</section>', html, re.S).group(1)
    divider = '<tr class="cast-divider"><th colspan="2" scope="rowgroup">rest of cast listed alphabetically:</th></tr>'
    assert cast.count(divider) == 1
    before, after = cast.split(divider)
    assert re.findall(r">([^<]+)</a></td>", before)[-1] == "Jakob Gimpel"
    assert re.findall(r">([^<]+)</a></td>", after)[0] == "Harry Adams"
    assert before.count("<tr><td>") == 13 and after.count("<tr><td>") == 40
    # Directed by and Writing credits come before the cast, as on the old page.
    assert html.index('id="director"') < html.index('id="writer"') < html.index('id="cast"')


def test_no_divider_when_the_page_had_none(client, film):
    html = html_of(client.get(f"/title/{film.slug}/fullcredits/"))

    assert "cast-divider" not in html


def test_the_divider_follows_the_cast_it_divides(client):
    """A full credits page's cast (and its divider) stays when a title page of the same title comes after."""
    from catalogue.importing.pages import paths_import
    from catalogue.models import Title
    from tests.conftest import SAMPLES, TEST_PAGES

    assert paths_import([TEST_PAGES / "fullcredits" / "seven-samurai-1954.fullcredits-2010.html"]).imported == 1
    title = Title.objects.get(imdb_id="tt0047478")
    assert title.cast_alphabetical_from == 23
    assert paths_import([SAMPLES / "seven-samurai-1954.combined-excerpt.txt"]).updated == 1
    title.refresh_from_db()
    assert title.cast_alphabetical_from == 23  # the excerpt has no divider, and its cast did not replace these

    html = html_of(client.get(f"/title/{title.slug}/fullcredits/"))
    before, after = (
        re.search(r'<section class="cast" id="cast">(.*?)</section>', html, re.S)
        .group(1)
        .split("rest of cast listed alphabetically:")
    )
    assert before.count("<tr><td>") == 22 and after.count("<tr><td>") == 22


def test_a_refused_nul_is_the_branded_400_without_echoing_the_words(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/search/?q=ab%00cd")

    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Bad request</h1>" in html and "A request must not contain NUL characters." in html
    assert '<nav class="site-menu" aria-label="Site">' in html
    assert 'id="site-search" type="search" name="q" value=""' in html
    assert "ab\x00cd" not in html
