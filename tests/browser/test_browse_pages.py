"""Browse pages in a real browser: from a title page to its genre, keyword and year, and on to a chart."""

from decimal import Decimal

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_a_title_page_to_its_genre_keyword_year_and_a_chart(page, live_server, settings):
    from playwright.sync_api import expect

    settings.CHART_MIN_VOTES = 1000
    hiroshima = f.make_title(
        "Hiroshima Mon Amour", year=1959, slug="hiroshima-mon-amour-1959", rating=Decimal("8.0"), votes=21203
    )
    muriel = f.make_title("Muriel", year=1963, rating=Decimal("7.2"), votes=3000)
    for title in (hiroshima, muriel):
        f.add_genre(title, "Drama")
        f.add_keyword(title, "Memory")
    f.add_keyword(hiroshima, "Nuclear Bomb", 1)

    page.goto(live_server.url + hiroshima.get_absolute_url())
    page.locator("#keywords").get_by_role("link", name="Memory").click()
    expect(page.locator("h1")).to_have_text("Memory")
    expect(page).to_have_url(live_server.url + "/keyword/memory/")
    expect(page.locator(".title-list li")).to_have_count(2)

    page.get_by_role("link", name="title", exact=True).click()  # sort by title
    expect(page.locator(".title-list li").first).to_contain_text("Hiroshima Mon Amour")

    page.goto(live_server.url + hiroshima.get_absolute_url())
    page.locator("#details").get_by_role("link", name="Drama").click()
    expect(page.locator("h1")).to_have_text("Drama")
    page.get_by_role("link", name="Genres").click()
    page.get_by_role("link", name="top rated", exact=True).click()
    expect(page.locator("h1")).to_have_text("Top rated: Drama")
    expect(page.locator("table.chart tbody tr").first).to_contain_text("Hiroshima Mon Amour")

    page.goto(live_server.url + hiroshima.get_absolute_url())
    page.locator(".title-header__year a").click()
    expect(page.locator("h1")).to_have_text("1959")
    page.locator(".breadcrumb").get_by_role("link", name="1950s").click()
    expect(page.locator("h1")).to_have_text("The 1950s")
