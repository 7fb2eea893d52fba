from decimal import Decimal

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_home_shows_counts_lists_and_browse_links(client, catalogue):
    f.add_genre(f.make_title("Unrated", year=1971), "Drama")
    html = client.get("/").content.decode()

    assert "3 titles and 4 people catalogued" in html
    assert 'id="home-search"' in html
    top = html[html.index("<h2>Top rated</h2>"):html.index("</ol>")]
    assert top.index("Hiroshima Mon Amour") < top.index("Taj Mahal")
    assert "Unrated" not in top
    assert '<a href="/search/?year_min=1950&amp;year_max=1959&amp;sort=year">1950s</a> <span class="count">1</span>' in html
    assert '<a href="/search/?year_min=1970&amp;year_max=1979&amp;sort=year">1970s</a>' in html
    assert '<a href="/search/?genre=Drama">Drama</a> <span class="count">3</span>' in html
    assert '<a href="/search/?country=France">France</a> <span class="count">2</span>' in html
    assert '<a href="/search/?cert_country=UK">UK</a> <span class="count">2</span>' in html


def test_top_rated_keeps_titles_without_votes_after_those_with(db):
    from catalogue.models import Title

    f.make_title("No votes", year=1990, rating=Decimal("9.0"), votes=None)
    f.make_title("Voted", year=1990, rating=Decimal("9.0"), votes=10)

    assert [t.title for t in Title.objects.top_rated()] == ["Voted", "No votes"]
