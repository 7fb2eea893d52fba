import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_has_name_search_box_and_styles(page, live_server, settings):
    page.goto(live_server.url + "/")

    assert page.locator("header .site-name").inner_text() == settings.CATALOGUE_SITE_NAME
    # One search box: the page's own (the header's is left out on the home page).
    search = page.get_by_role("searchbox", name="Search titles, AKAs and people")
    assert search.is_visible()
    assert page.get_by_role("searchbox").count() == 1
    # The stylesheet was served and applied: the header takes its dark background.
    background = page.locator("header.site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(29, 29, 31)"
