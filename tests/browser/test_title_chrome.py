"""The title page's header block and tabs, the 320 px layout and an accessibility check, in Debian's Chromium."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from catalogue.models.titles import FilmingLocation
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def killing(db):
    """A title with every section long enough to push the old layout's facts far down a phone's page."""
    title = f.make_title(
        "The Killing",
        year=1956,
        slug="the-killing-1956",
        rating=Decimal("8.0"),
        votes=61234,
        imdb_id="tt0049406",
        original_title="The Killing",
        cast_alphabetical_from=20,  # the full cast's divider, checked by axe too
        plot="Crook Johnny Clay assembles a five-man team to steal two million dollars from a racetrack. " * 3,
        awards_text="1 nomination",
    )
    f.make_text_row(title, FilmingLocation, "Bay Meadows Racetrack, San Mateo, California, USA")
    f.make_runtime(title, 84, position=0)
    f.make_runtime(title, 85, country="Argentina", position=1)
    f.add_genre(title, "Crime", 0)
    f.add_genre(title, "Film-Noir", 1)
    f.add_genre(title, "Thriller", 2)
    f.add_country(title, "USA", 0)
    f.add_language(title, "English", 0)
    kubrick = f.make_person("Stanley Kubrick", slug="stanley-kubrick")
    f.make_credit(title, kubrick, department="director", department_label="Directed by")
    f.make_credit(title, kubrick, department="writer", department_label="Writing credits", job="screenplay")
    f.make_credit(
        title, f.make_person("Jim Thompson"), department="writer", department_label="Writing credits", job="dialogue"
    )
    for n in range(25):
        f.make_credit(title, f.make_person(f"Player Number {n}", slug=f"player-{n}"), character=f"Gang member {n}")
    f.make_credit(
        title, f.make_person("Lucien Ballard"), department="cinematographer", department_label="Cinematography by"
    )
    f.make_certificate(title, "UK", "A", position=0)
    f.make_certificate(title, "USA", "Approved", position=1)
    f.make_certificate(title, "Finland", "K-16", position=2)
    f.make_aka(title, "Day of Violence", country="UK", notes=["working title"])
    for n in range(6):
        f.make_trivia(title, f"Trivia item {n}: the racetrack scenes were shot in one week. " * 2)
        f.make_review(
            title,
            summary=f"Review {n}",
            helpful=n,
            helpful_total=10,
            date=date(2010 + n, 1, 1),
            text="A clockwork heist told out of order. " * 30,
        )
    f.make_quote(title, [("Johnny", "You like money?"), ("Fay", "I like you.")])
    f.make_capture(title, datetime(2010, 1, 1), Decimal("7.9"), 40000)
    f.make_capture(title, datetime(2015, 1, 1), Decimal("8.0"), 61234)
    company = f.make_company("Harris-Kubrick Pictures", slug="harris-kubrick-pictures")
    f.make_title_company(title, company, kind="production")
    return title


def new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _screenshot_on_failure(request, page):
    """Called from a test's ``finally``: the call's report does not exist yet, the exception does."""
    if sys.exc_info()[0] is not None:
        from tests.browser.conftest import ARTIFACTS

        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


HEADER_FACTS = {
    "runtime": ".title-header__runtime",
    "genres": ".title-header__genres",
    "director": ".title-header__directors a",
    "rating": ".title-rating .rating",
    "certificate": ".title-header__certificate a",
}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_header_block_facts_are_above_the_fold(browser, live_server, killing, viewport, request):
    context, page = new_page(browser, viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    try:
        page.goto(live_server.url + killing.get_absolute_url())
        texts = {}
        for fact, selector in HEADER_FACTS.items():
            element = page.locator(".title-header " + selector).first
            box = element.bounding_box()
            assert box is not None, f"{fact} is not shown"
            assert box["y"] + box["height"] <= viewport["height"], f"{fact} is below the fold: {box}"
            texts[fact] = " ".join(element.inner_text().split())
        assert texts["runtime"] == "Runtime: 84 min"  # "Runtime:" for screen readers only
        assert texts["genres"] == "Genres: Crime, Film-Noir, Thriller"
        assert texts["director"] == "Stanley Kubrick"
        assert texts["rating"] == "8.0"
        assert texts["certificate"] == "USA:Approved"
        # The page is long (the back-to-top link is far below the fold) and the link works.
        back = page.get_by_role("link", name="Back to top")
        assert back.bounding_box()["y"] > viewport["height"]
        back.click()
        page.wait_for_function("window.scrollY === 0")
        assert page.url.endswith("#top")
    finally:
        _screenshot_on_failure(request, page)
        context.close()


def test_tabs_navigate_between_the_title_s_pages(page, live_server, killing):
    from playwright.sync_api import expect

    page.goto(live_server.url + killing.get_absolute_url())
    tabs = page.get_by_role("navigation", name="Pages of this title")
    expect(tabs.locator('[aria-current="page"]')).to_have_text("Overview")

    tabs.get_by_role("link", name="Full cast & crew (29)").click()
    expect(page).to_have_url(re.compile(r"/fullcredits/$"))
    expect(page.locator("h1")).to_have_text("Full cast and crew")
    expect(tabs.locator('[aria-current="page"]')).to_have_text("Full cast & crew (29)")
    # The old page's order: Directed by, Writing credits, then the cast.
    headings = page.locator("main h2").all_inner_texts()
    assert [h.split(" (")[0] for h in headings[:3]] == ["Directed by", "Writing credits", "Cast"]
    expect(page.locator(".cast-divider")).to_have_text("rest of cast listed alphabetically:")

    tabs.get_by_role("link", name="Reviews (6)").click()
    expect(page).to_have_url(re.compile(r"/reviews/$"))
    expect(tabs.locator('[aria-current="page"]')).to_have_text("Reviews (6)")
    expect(page.locator(".review")).to_have_count(6)

    tabs.get_by_role("link", name="Sources").click()
    expect(page).to_have_url(re.compile(r"/sources/$"))
    expect(tabs.locator('[aria-current="page"]')).to_have_text("Sources")

    tabs.get_by_role("link", name="Overview").click()
    expect(page.locator("h1")).to_have_text("The Killing (1956)")


def test_the_skip_link_is_the_first_stop_and_moves_to_the_content(page, live_server, killing):
    page.goto(live_server.url + killing.get_absolute_url())
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the main content")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0  # shown when focused
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"  # :focus-visible after a key press
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'content'")


def _narrow_pages(killing):
    return {
        "home": "/",
        "title": killing.get_absolute_url(),
        "full credits": f"/title/{killing.slug}/fullcredits/",
        "person": "/name/stanley-kubrick/",
        "search": "/search/?q=killing",
    }


def test_nothing_overflows_at_320px(browser, live_server, killing, request):
    context, page = new_page(browser, {"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    try:
        for name, path in _narrow_pages(killing).items():
            page.goto(live_server.url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{name} page is {width}px wide at 320px"
            header = page.locator("header.site-header").bounding_box()
            assert header["x"] + header["width"] <= 320, name
            # The menu is all there and inside the screen.
            for link in page.locator(".site-menu a").all():
                box = link.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= 320, f"{name}: {link.inner_text()}"
    finally:
        _screenshot_on_failure(request, page)
        context.close()


def _axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_main_pages_have_no_serious_accessibility_violations(browser, live_server, killing, viewport, request):
    assert AXE.read_text(encoding="utf-8").startswith("/*! axe v4.10.3")
    # The pages' Content-Security-Policy (script-src 'self') would block the injected
    # script element; the test context bypasses it (the pages themselves run no script).
    context, page = new_page(browser, viewport, bypass_csp=True)
    pages = {
        **_narrow_pages(killing),
        "reviews": f"/title/{killing.slug}/reviews/",
        "certificate": "/certificates/USA/Approved/",
    }
    found = {}
    try:
        for name, path in pages.items():
            response = page.goto(live_server.url + path)
            assert response.status == 200, name
            assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()}
            serious = [v for v in _axe_violations(page) if v["impact"] in ("serious", "critical")]
            if serious:
                found[name] = serious
        assert found == {}
    finally:
        _screenshot_on_failure(request, page)
        context.close()


def test_axe_finds_what_it_should(browser, live_server, killing):
    """The check can fail: a page given an unlabelled input and low-contrast text is reported."""
    context, page = new_page(browser, DESKTOP, bypass_csp=True)
    try:
        page.goto(live_server.url + "/")
        page.evaluate("""() => {
            const p = document.createElement('p');
            p.textContent = 'faint'; p.style.color = '#eeeeee'; p.style.background = '#ffffff';
            const input = document.createElement('input'); input.type = 'text';
            document.querySelector('main').append(p, input);
        }""")
        ids = {v["id"] for v in _axe_violations(page) if v["impact"] in ("serious", "critical")}
        assert {"color-contrast", "label"} <= ids
    finally:
        context.close()
