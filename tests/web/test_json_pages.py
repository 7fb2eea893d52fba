"""Titles and people as JSON (``/title/<slug>.json``, ``/name/<slug>.json``), from a real sample page."""

from __future__ import annotations

import json

import pytest

from catalogue.importing.pages import pages_import
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db

HIROSHIMA = "/title/hiroshima-mon-amour-1959.json"


@pytest.fixture
def hiroshima(db):
    report = pages_import([SAMPLES / "hiroshima-mon-amour-1959.combined.txt"])
    assert report.imported == 1


def test_a_title_as_json_is_its_record_with_the_catalogues_links(client, hiroshima):
    response = client.get(HIROSHIMA)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    record = data["record"]
    # Facts as the page prints them (samples/hiroshima-mon-amour-1959.combined.txt).
    assert (record["title"], record["year"], record["original_title"]) == (
        "Hiroshima Mon Amour", 1959, "Hiroshima mon amour")
    assert record["rating"] == {"value": 8.0, "best": 10, "votes": 21203}
    crew = [(c["department"], c["name"], c["job"]) for c in record["crew"]]
    assert ("director", "Alain Resnais", None) in crew
    assert [name for department, name, _ in crew if department == "producer"] == ["Anatole Dauman", "Samy Halfon"]
    assert data["catalogue"]["url"] == "http://testserver/title/hiroshima-mon-amour-1959/"
    assert data["catalogue"]["slug"] == "hiroshima-mon-amour-1959"


def test_the_title_page_points_to_its_json_and_the_json_has_its_own_etag(client, hiroshima):
    page = client.get("/title/hiroshima-mon-amour-1959/")
    data = client.get(HIROSHIMA)

    assert f'<link rel="alternate" type="application/json" href="{HIROSHIMA}">' in page.content.decode()
    assert data["ETag"] and data["ETag"] != page["ETag"]  # two representations, two tags
    assert data["Last-Modified"] == page["Last-Modified"]
    assert client.get(HIROSHIMA, HTTP_IF_NONE_MATCH=data["ETag"]).status_code == 304


def test_json_pages_take_a_constant_number_of_queries(client, hiroshima, django_assert_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages_import([SAMPLES / "gaslight-1944.combined-2010.html"])  # a bigger page: more of every section
    cache.clear()
    counts = []
    for url in (HIROSHIMA, "/title/gaslight-1944.json"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 24  # the stamp, the title, then one query per exported section
    with django_assert_num_queries(1):  # cached: the stamp only
        assert client.get(HIROSHIMA).status_code == 200


def test_a_person_as_json_lists_their_credits(client, hiroshima):
    response = client.get("/name/alain-resnais.json")

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["name"] == "Alain Resnais"
    assert [(c["title"]["title"], c["department"]) for c in data["credits"]] == [("Hiroshima Mon Amour", "director")]
    assert data["credits"][0]["title"]["url"] == "http://testserver/title/hiroshima-mon-amour-1959/"


def test_unknown_slugs_are_404(client, db):
    assert client.get("/title/no-such-film.json").status_code == 404
    assert client.get("/name/nobody.json").status_code == 404
