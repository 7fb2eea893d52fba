"""A reader walks a series' episodes: season links, previous / next, at 1280 and 390 px."""

from __future__ import annotations

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_reader_walks_episodes_from_the_season_list(browser, live_server, width):
    series = f.make_title("The Prisoner", year=1967, kind="tv_series", end_year=1968)
    f.make_title("Arrival", year=1967, kind="tv_episode", series=series, season=1, episode=1)
    second = f.make_title(
        "The Chimes of Big Ben, a title long enough to wrap on a phone screen",
        year=1967,
        kind="tv_episode",
        series=series,
        season=1,
        episode=2,
    )
    f.make_title("Fall Out", year=1968, kind="tv_episode", series=series, season=2, episode=1)
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + series.get_absolute_url())
        page.get_by_role("navigation", name="Seasons").get_by_role("link", name="Season 2").click()
        assert page.url.endswith("#season-2")
        assert page.locator("#season-2").is_visible()

        page.get_by_role("link", name="Arrival").click()
        nav = page.get_by_role("navigation", name="Episodes of The Prisoner")
        nav.wait_for()
        assert nav.get_by_role("link", name="The Prisoner", exact=True).is_visible()
        # The first episode has no previous one.
        assert nav.locator("a[rel=prev]").count() == 0
        nav.locator("a[rel=next]").click()
        page.wait_for_url(live_server.url + second.get_absolute_url())
        # Above the fold: the reader finds the next step without scrolling.
        following = page.get_by_role("navigation", name="Episodes of The Prisoner").locator("a[rel=next]")
        box = following.bounding_box()
        assert box["y"] + box["height"] <= 800
        assert "S2.E1" in following.inner_text() and "Fall Out" in following.inner_text()
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1]

        following.click()
        page.get_by_role("navigation", name="Episodes of The Prisoner").get_by_role("link", name="Season 2").click()
        assert page.url.endswith(series.get_absolute_url() + "#season-2")
    finally:
        context.close()
