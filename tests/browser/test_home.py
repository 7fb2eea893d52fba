import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_has_name_search_box_and_styles(page, live_server, settings):
    page.goto(live_server.url + "/")

    assert page.locator("header .site-name").inner_text() == settings.CATALOGUE_SITE_NAME
    search = page.get_by_role("searchbox", name="Search titles, people, certificates")
    assert search.is_visible()
    # The stylesheet was served and applied: the header takes its dark background.
    background = page.locator("header.site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(29, 29, 31)"
