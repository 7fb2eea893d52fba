"""The real title, full-credits, reviews and person pages are cached by their stamp."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from catalogue.caching import CACHE_HEADER
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def film():
    title = f.make_title("Hiroshima Mon Amour", year=1959)
    f.make_credit(title, f.make_person("Emmanuelle Riva"), character="Elle")
    f.make_review(title, summary="Memory and forgetting", helpful=15, helpful_total=18)
    return title


@pytest.mark.parametrize("suffix", ["", "fullcredits/", "reviews/"])
def test_title_pages_are_served_from_the_cache_with_one_query(client, film, suffix, django_assert_num_queries):
    url = f"{film.get_absolute_url()}{suffix}"
    first = client.get(url)
    assert first[CACHE_HEADER] == "miss"

    with django_assert_num_queries(1):  # the stamp
        second = client.get(url)

    assert second[CACHE_HEADER] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_an_edit_is_visible_on_the_next_request(client, film):
    client.get(film.get_absolute_url())
    f.make_trivia(film, text="Shot in Hiroshima and Nevers in 1958.")

    response = client.get(film.get_absolute_url())

    assert response[CACHE_HEADER] == "miss"
    assert "Shot in Hiroshima and Nevers in 1958." in response.content.decode()


def test_person_page_is_cached_and_follows_a_credit_moved_away(client, film):
    riva = film.credits.get().person
    url = riva.get_absolute_url()
    assert "Hiroshima Mon Amour" in client.get(url).content.decode()
    assert client.get(url)[CACHE_HEADER] == "hit"

    # A credit moved to someone else (as the admin's merge does) changes the person's stamp.
    film.credits.update(person=f.make_person("Someone Else"))

    response = client.get(url)
    # Not the cached page: left with no credits, the person has no page any more.
    assert response.status_code == 404
    assert "Hiroshima Mon Amour" not in response.content.decode()


def test_a_repeat_visit_is_a_304_before_the_cache(client, film):
    etag = client.get(film.get_absolute_url())["ETag"]

    response = client.get(film.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
