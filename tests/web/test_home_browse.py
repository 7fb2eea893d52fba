from decimal import Decimal

import pytest
from django.core.cache import cache

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_home_shows_counts_lists_and_browse_links(client, catalogue, settings):
    settings.CHART_MIN_VOTES = 500
    f.add_genre(f.make_title("Unrated", year=1971), "Drama")
    f.make_title("Undated", year=None)
    html = client.get("/").content.decode()

    assert "4 titles and 4 people catalogued" in html  # the undated title too, in no decade
    assert 'id="home-search"' in html
    top = html[html.index("<h2>Top rated</h2>") : html.index("</ol>")]
    assert top.index("Hiroshima Mon Amour") < top.index("Taj Mahal")
    assert "Unrated" not in top
    assert "at least 500 votes" in html
    assert '<a href="/decade/1950s/">1950s</a> <span class="count">1</span>' in html
    assert '<a href="/decade/1970s/">1970s</a>' in html
    assert '<a href="/genre/drama/">Drama</a> <span class="count">3</span>' in html
    assert '<a href="/country/france/">France</a> <span class="count">2</span>' in html
    assert '<a href="/certificates/UK/">UK</a> <span class="count">2</span>' in html
    assert '<a href="/browse/">' in html


def test_home_top_rated_is_the_weighted_chart(client, catalogue, settings):
    cache.clear()
    # Few votes: not listed at all, however high the rating.
    f.make_title("Barely Voted", year=1990, rating=Decimal("9.9"), votes=499)
    settings.CHART_MIN_VOTES = 500
    html = client.get("/").content.decode()
    top = html[html.index("<h2>Top rated</h2>") : html.index("</ol>")]
    assert "Hiroshima Mon Amour" in top and "Taj Mahal" in top
    assert "Barely Voted" not in top
    settings.CHART_MIN_VOTES = 1000
    cache.clear()  # the home page is cached by the catalogue stamp; the setting is not part of it
    html = client.get("/").content.decode()
    top = html[html.index("<h2>Top rated</h2>") : html.index("</ol>")]
    assert "Taj Mahal" not in top


def test_top_rated_keeps_titles_without_votes_after_those_with(db):
    from catalogue.models import Title

    f.make_title("No votes", year=1990, rating=Decimal("9.0"), votes=None)
    f.make_title("Voted", year=1990, rating=Decimal("9.0"), votes=10)

    assert [t.title for t in Title.objects.top_rated()] == ["Voted", "No votes"]
