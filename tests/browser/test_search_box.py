"""The header search box in a real browser: a title by words of its AKA, and a person."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue(db):
    hiroshima = f.make_title("Hiroshima Mon Amour", year=1959, slug="hiroshima-mon-amour-1959", votes=21203)
    f.make_aka(hiroshima, "Hiroshima, My Love", country="International")
    f.make_title("Hiroshima", year=1995, slug="hiroshima-1995", votes=300)
    riva = f.make_person("Emmanuelle Riva", slug="emmanuelle-riva")
    f.make_credit(hiroshima, riva, character="Elle")


def test_the_header_box_reaches_a_title_and_a_person(page, live_server, catalogue):
    from playwright.sync_api import expect

    page.goto(live_server.url + "/name/emmanuelle-riva/")
    box = page.locator("#site-search")
    box.fill("hiroshima my love")
    box.press("Enter")
    results = page.locator(".search-results")
    expect(results.locator(".matched-aka")).to_have_text("also known as “Hiroshima, My Love”")
    results.get_by_role("link", name="Hiroshima Mon Amour").click()
    expect(page.locator("h1")).to_have_text("Hiroshima Mon Amour (1959)")

    page.locator("#site-search").fill("emmanuelle riva")
    page.locator("#site-search").press("Enter")
    expect(page.locator(".person-hit--exact").get_by_role("link", name="Hiroshima Mon Amour")).to_be_visible()
    page.locator(".person-hit__link").click()
    expect(page.locator("h1")).to_have_text("Emmanuelle Riva")
