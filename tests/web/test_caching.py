"""Page caching keyed by the stamp of what the page shows (catalogue/caching.py), on small
views of its own; tests/web/test_page_cache.py covers the site's real pages.
"""

from __future__ import annotations

import datetime

import pytest
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.urls import include, path
from django.utils import timezone

from catalogue import selectors
from catalogue.caching import CACHE_HEADER, cache_page_by_stamp
from catalogue.models import Credit, Person, Title

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

renders: list[str] = []


def title_stamp(request, slug, **kwargs):
    stamp = selectors.title_stamp(slug)
    return stamp.key if stamp else None


def person_stamp(request, slug, **kwargs):
    stamp = selectors.person_stamp(slug)
    return stamp.key if stamp else None


def catalogue_stamp(request, **kwargs):
    """A stamp for a page listing many titles: the latest change and the title count."""
    row = Title.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
    return f"c{row['count']}:{row['latest'].isoformat() if row['latest'] else '-'}"


@cache_page_by_stamp(title_stamp)
def title_view(request, slug):
    renders.append(slug)
    title = Title.objects.filter(slug=slug).first()
    if title is None:
        raise Http404
    return HttpResponse(f"<h1>{title.title} ({title.year})</h1> q={request.GET.get('q', '')}")


@cache_page_by_stamp(person_stamp)
def person_view(request, slug):
    renders.append(slug)
    person = Person.objects.get(slug=slug)
    titles = ", ".join(credit.title.title for credit in person.credits.select_related("title").order_by("title__title"))
    return HttpResponse(f"<h1>{person.name}</h1> {titles}")


@cache_page_by_stamp(catalogue_stamp)
def index_view(request):
    renders.append("index")
    return HttpResponse(", ".join(Title.objects.order_by("title").values_list("title", flat=True)))


@cache_page_by_stamp(title_stamp)
def form_view(request, slug):
    renders.append(slug)
    return HttpResponse(f"<form method=post><input name=csrfmiddlewaretoken value={get_token(request)}></form>")


urlpatterns = [
    path("t/<slug:slug>/", title_view),
    path("n/<slug:slug>/", person_view),
    path("i/", index_view),
    path("f/<slug:slug>/", form_view),
    path("", include("catalogue.urls")),  # the site's 404 page links to these
]


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    renders.clear()


@pytest.fixture
def samurai():
    return Title.objects.create(title="Seven Samurai", year=1954, slug="seven-samurai")


def _bump(record: Title, **changes) -> None:
    # What an import or an admin edit does: change the row and its stamp (another worker may do it).
    Title.objects.filter(pk=record.pk).update(updated_at=timezone.now() + datetime.timedelta(seconds=1), **changes)


def test_second_request_is_served_from_the_cache_with_one_query(client, samurai, django_assert_num_queries):
    first = client.get("/t/seven-samurai/")
    with django_assert_num_queries(1):  # the stamp only
        second = client.get("/t/seven-samurai/")

    assert first[CACHE_HEADER] == "miss" and second[CACHE_HEADER] == "hit"
    assert second.content == first.content == b"<h1>Seven Samurai (1954)</h1> q="
    assert second["Content-Type"] == first["Content-Type"]
    assert renders == ["seven-samurai"]


def test_a_new_stamp_renders_fresh_on_the_next_request(client, samurai):
    client.get("/t/seven-samurai/")
    _bump(samurai, title="Shichinin no samurai")

    response = client.get("/t/seven-samurai/")

    assert response[CACHE_HEADER] == "miss"
    assert response.content == b"<h1>Shichinin no samurai (1954)</h1> q="
    assert client.get("/t/seven-samurai/")[CACHE_HEADER] == "hit"
    assert renders == ["seven-samurai", "seven-samurai"]


def test_query_string_is_part_of_the_key(client, samurai):
    assert client.get("/t/seven-samurai/?q=a").content.endswith(b"q=a")
    assert client.get("/t/seven-samurai/?q=b").content.endswith(b"q=b")
    assert client.get("/t/seven-samurai/?q=a")[CACHE_HEADER] == "hit"
    assert len(renders) == 2


def test_host_is_part_of_the_key(client, samurai):
    client.get("/t/seven-samurai/", HTTP_HOST="films.example.org")
    assert client.get("/t/seven-samurai/", HTTP_HOST="films.example.net")[CACHE_HEADER] == "miss"
    assert client.get("/t/seven-samurai/", HTTP_HOST="films.example.org")[CACHE_HEADER] == "hit"


def test_missing_titles_are_not_cached(client):
    assert client.get("/t/no-such-title/").status_code == 404
    assert client.get("/t/no-such-title/").status_code == 404
    assert renders == ["no-such-title", "no-such-title"]


def test_person_page_follows_changes_to_any_of_their_titles(client, samurai):
    mifune = Person.objects.create(name="Toshirô Mifune", slug="toshiro-mifune")
    rashomon = Title.objects.create(title="Rashomon", year=1950, slug="rashomon")
    for title in (samurai, rashomon):
        Credit.objects.create(title=title, person=mifune, department="cast", department_label="Cast", character="x")

    assert client.get("/n/toshiro-mifune/").content == "<h1>Toshirô Mifune</h1> Rashomon, Seven Samurai".encode()
    assert client.get("/n/toshiro-mifune/")[CACHE_HEADER] == "hit"

    _bump(rashomon, title="Rashômon")
    assert client.get("/n/toshiro-mifune/").content == "<h1>Toshirô Mifune</h1> Rashômon, Seven Samurai".encode()

    # A credit removed (the title's own stamp may not move in a bulk delete): the count changes the stamp.
    Credit.objects.filter(title=samurai).delete()
    assert client.get("/n/toshiro-mifune/").content == "<h1>Toshirô Mifune</h1> Rashômon".encode()
    assert len(renders) == 3


def test_listing_page_follows_new_titles(client, samurai):
    assert client.get("/i/").content == b"Seven Samurai"
    assert client.get("/i/")[CACHE_HEADER] == "hit"
    Title.objects.create(title="Gaslight", year=1944, slug="gaslight")
    assert client.get("/i/").content == b"Gaslight, Seven Samurai"


def test_signed_in_visitors_and_csrf_pages_are_never_shared(client, samurai, settings):
    client.cookies[settings.SESSION_COOKIE_NAME] = "someone"
    client.get("/t/seven-samurai/")
    client.get("/t/seven-samurai/")
    assert len(renders) == 2

    del client.cookies[settings.SESSION_COOKIE_NAME]
    renders.clear()
    client.get("/f/seven-samurai/")
    client.get("/f/seven-samurai/")
    assert len(renders) == 2
