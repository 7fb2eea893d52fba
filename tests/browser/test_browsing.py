"""A visitor's path through the site in a real browser, and the title page on a phone."""

import re
from datetime import date, datetime
from decimal import Decimal

import pytest

from catalogue.models.titles import FilmingLocation

from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def hiroshima(db):
    title = f.make_title(
        "Hiroshima Mon Amour",
        year=1959,
        slug="hiroshima-mon-amour-1959",
        rating=Decimal("8.0"),
        votes=21203,
        original_title="Hiroshima mon amour",
        plot="A French actress filming an anti-war film in Hiroshima has an affair with a married Japanese architect.",
        recommendations_text="Pearl Harbor The English Patient Atonement Marcel Proust's Time Regained Isadora",
    )
    f.make_text_row(title, FilmingLocation, "Nevers, Nièvre, France")
    resnais = f.make_person("Alain Resnais", slug="alain-resnais")
    f.make_credit(title, resnais, department="director", department_label="Directed by")
    f.make_credit(f.make_title("Muriel", year=1963), resnais, department="director", department_label="Directed by")
    f.make_credit(title, f.make_person("Emmanuelle Riva"), character="Elle")
    f.make_credit(
        title,
        f.make_person("Éliane Marcus"),
        department="makeup",
        department_label="Makeup Department",
        job="makeup artist",
    )
    f.make_certificate(title, "West Germany", "16", notes=["f"])
    f.make_certificate(title, "Portugal", "M/12", notes=["re-rating", "1974"], position=1)
    f.make_aka(
        title,
        "Hiroshima, My Love — an extremely long alternative title that must wrap on a phone screen",
        country="International",
        notes=["English title", "imdb display title"],
    )
    f.make_review(title, summary="Rarely helpful", helpful=1, helpful_total=10, date=date(2014, 2, 2))
    f.make_review(
        title,
        summary="Most helpful review",
        helpful=15,
        helpful_total=18,
        date=date(2011, 5, 10),
        text="A_very_long_unbroken_word_" * 8,
    )
    f.make_quote(title, [("Lui", "You saw nothing in Hiroshima. Nothing."), ("Elle", "I saw everything.")])
    f.make_capture(title, datetime(2010, 1, 1), Decimal("7.9"), 15000)
    f.make_capture(title, datetime(2015, 1, 1), Decimal("8.0"), 21203)
    return title


def test_search_a_person_then_browse_to_a_certificate(page, live_server, hiroshima):
    from playwright.sync_api import expect

    page.goto(live_server.url + "/")
    page.locator("#home-search").fill("resnais")
    page.locator("#home-search").press("Enter")

    page.locator(".person-hit__link").first.click()
    expect(page.locator("h1")).to_have_text("Alain Resnais")
    expect(page.locator("#director").get_by_role("link", name="Muriel")).to_be_visible()

    page.locator("#director").get_by_role("link", name="Hiroshima Mon Amour").click()
    expect(page.locator("h1")).to_have_text("Hiroshima Mon Amour (1959)")
    expect(page.locator(".chart__svg")).to_be_visible()

    page.get_by_role("link", name="Full cast & crew (3)").click()
    expect(page.locator("h1")).to_have_text("Full cast and crew")
    expect(page.locator("#makeup").get_by_text("Éliane Marcus")).to_be_visible()
    page.go_back()

    page.get_by_role("link", name="Reviews (2)").click()
    page.get_by_role("link", name="Newest").click()
    expect(page).to_have_url(re.compile(r"/reviews/\?sort=date$"))
    expect(page.locator(".review__summary").first).to_have_text("Rarely helpful")
    page.get_by_role("link", name="Most helpful").click()
    expect(page).to_have_url(re.compile(r"/reviews/\?sort=helpful$"))
    expect(page.locator(".review__summary").first).to_have_text("Most helpful review")

    page.get_by_role("link", name="Hiroshima Mon Amour (1959)").click()
    # The certificates table: a row a country, its ratings linked.
    portugal = page.locator("section.certificates").get_by_role("row", name=re.compile("^Portugal"))
    portugal.get_by_role("link", name="M/12").click()
    expect(page.locator("h1")).to_have_text("Portugal: M/12")
    expect(page.get_by_role("link", name="Hiroshima Mon Amour")).to_be_visible()


def test_title_page_fits_a_phone_screen(browser, live_server, hiroshima, request):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    try:
        for path in [
            hiroshima.get_absolute_url(),
            f"/title/{hiroshima.slug}/fullcredits/",
            f"/title/{hiroshima.slug}/reviews/",
            "/name/alain-resnais/",
            "/search/?q=hiroshima",
            "/",
            "/certificates/",
            "/certificates/Portugal/M/12/",
        ]:
            page.goto(live_server.url + path)
            widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[0] <= widths[1], f"{path} scrolls sideways: {widths}"
    except AssertionError:
        from tests.browser.conftest import ARTIFACTS

        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "title-page-phone.png"), full_page=True)
        raise
    finally:
        context.close()
