"""The title page's review excerpts, its collapsed asides and a recommendation linked without an id, in Debian's Chromium."""

from __future__ import annotations

import re

import pytest

from tests import factories as f
from tests.browser.test_title_chrome import DESKTOP, PHONE, _axe_violations, _screenshot_on_failure, new_page

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
LONG_TEXT = "\n\n".join(f"Paragraph {n} of a patient review that takes its time over the heist. " * 6 for n in range(3))


@pytest.fixture
def asides(db):
    """A film with a long review and a short one, twelve distributors and ten certificate countries."""
    title = f.make_title("The Asphalt Jungle", year=1950, slug="the-asphalt-jungle-1950", imdb_id="tt0042208")
    long = f.make_review(title, summary="A heist in the rain", helpful=40, helpful_total=50, text=LONG_TEXT)
    f.make_review(title, summary="Short and sweet", helpful=30, helpful_total=50, text="Tight, grim and fine.")
    f.make_title_company(title, f.make_company("Metro-Goldwyn-Mayer", slug="mgm"), kind="production")
    for n in range(12):
        f.make_title_company(
            title,
            f.make_company(f"Distributor Number {n} International Home Video"),
            kind="distributor",
            position=n + 1,
            notes=[str(1990 + n), "worldwide", "VHS"],
        )
    for n, country in enumerate(
        ["Argentina", "Australia", "Finland", "France", "West Germany", "Portugal", "Spain", "Sweden", "UK", "USA"]
    ):
        f.make_certificate(title, country, "K-16" if n % 2 else "(Banned)", position=n, notes=["re-rating"])
    return title, long


def _distributors(page):
    return page.locator("section.companies details").filter(has_text="Distributors")


@VIEWPORTS
def test_read_more_leads_to_the_whole_review(browser, live_server, asides, viewport, request):
    title, long = asides
    context, page = new_page(browser, viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    try:
        page.goto(live_server.url + title.get_absolute_url())
        reviews = page.locator("section.reviews")
        excerpt = reviews.locator(f"#review-{long.pk}")
        assert excerpt.locator(".review__text").inner_text().rstrip().endswith("…")
        assert "Paragraph 2" not in excerpt.inner_text()
        short = reviews.locator(".review").filter(has_text="Short and sweet")
        assert short.get_by_role("link", name=re.compile("Read more")).count() == 0
        assert "Tight, grim and fine." in short.inner_text()

        excerpt.get_by_role("link", name="Read more of “A heist in the rain”").click()
        page.wait_for_url(re.compile(rf"/reviews/#review-{long.pk}$"))
        whole = page.locator(f"#review-{long.pk}")
        assert "Paragraph 2 of a patient review" in whole.inner_text()
        assert whole.evaluate("el => el.matches(':target')")
        box = whole.bounding_box()
        assert 0 <= box["y"] < viewport["height"]  # scrolled to it
    finally:
        _screenshot_on_failure(request, page)
        context.close()


@VIEWPORTS
def test_a_collapsed_aside_opens_on_click_and_from_the_keyboard(browser, live_server, asides, viewport, request):
    title, _ = asides
    context, page = new_page(browser, viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    try:
        page.goto(live_server.url + title.get_absolute_url())
        production = page.locator("section.companies details").filter(has_text="Production companies")
        assert production.get_attribute("open") is not None
        assert production.get_by_role("link", name="Metro-Goldwyn-Mayer").is_visible()
        distributors = _distributors(page)
        last = distributors.get_by_role("link", name="Distributor Number 11 International Home Video")
        assert distributors.get_attribute("open") is None and not last.is_visible()
        distributors.locator("summary").click()
        assert distributors.get_attribute("open") is not None and last.is_visible()

        certificates = page.locator("section.certificates details")
        spain = certificates.get_by_role("row", name=re.compile("^Spain"))
        assert certificates.get_attribute("open") is None and not spain.is_visible()
        summary = certificates.locator("summary")
        summary.focus()
        page.keyboard.press("Enter")
        assert certificates.get_attribute("open") is not None and spain.is_visible()
        spain.get_by_role("link", name="(Banned)").click()
        page.wait_for_url(re.compile(r"/certificates/Spain/\(Banned\)/$"))
        assert title.title in page.locator("main").inner_text()
    finally:
        _screenshot_on_failure(request, page)
        context.close()


def test_open_asides_do_not_overflow_at_320px(browser, live_server, asides, request):
    title, _ = asides
    context, page = new_page(browser, {"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    try:
        page.goto(live_server.url + title.get_absolute_url())
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        assert page.locator("section.certificates details[open] table").is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"the title page is {width}px wide at 320px"
    finally:
        _screenshot_on_failure(request, page)
        context.close()


@VIEWPORTS
def test_a_page_with_collapsed_asides_has_no_serious_accessibility_violations(
    browser, live_server, asides, viewport, request
):
    title, _ = asides
    context, page = new_page(browser, viewport, bypass_csp=True)
    try:
        page.goto(live_server.url + title.get_absolute_url())
        assert _distributors(page).get_attribute("open") is None  # checked collapsed
        collapsed = [v for v in _axe_violations(page) if v["impact"] in ("serious", "critical")]
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        opened = [v for v in _axe_violations(page) if v["impact"] in ("serious", "critical")]
        assert (collapsed, opened) == ([], [])
    finally:
        _screenshot_on_failure(request, page)
        context.close()


@VIEWPORTS
def test_a_recommendation_of_a_title_without_an_imdb_id_is_followed(browser, live_server, viewport, request):
    """Die Hard's saved HTML recommends The Godfather by id; the Godfather page, a text
    extraction, gave none: the link was made by title and year, and a reader follows it."""
    from catalogue.importing.pages import paths_import
    from catalogue.models import Title
    from tests.conftest import SAMPLES

    for name in ("the-godfather-1972.combined-excerpt.txt", "die-hard-1988.maindetails-2009.html"):
        assert not paths_import([SAMPLES / name]).failed
    godfather = Title.objects.get(title="The Godfather", year=1972)
    assert godfather.imdb_id is None
    die_hard = Title.objects.get(title="Die Hard", year=1988)
    context, page = new_page(browser, viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    try:
        page.goto(live_server.url + die_hard.get_absolute_url())
        recommendations = page.locator("section.recommendations")
        link = recommendations.get_by_role("link", name="The Godfather", exact=True)
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_url(live_server.url + godfather.get_absolute_url())
        assert page.locator("h1").inner_text().startswith("The Godfather")
    finally:
        _screenshot_on_failure(request, page)
        context.close()
