"""Titles and people as JSON (``/title/<slug>.json``, ``/name/<slug>.json``), from a real sample page."""

from __future__ import annotations

import json

import pytest

from catalogue.importing.pages import paths_import
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db

HIROSHIMA = "/title/hiroshima-mon-amour-1959.json"


@pytest.fixture
def hiroshima(db):
    report = paths_import([SAMPLES / "hiroshima-mon-amour-1959.combined.txt"])
    assert report.imported == 1


def test_a_title_as_json_is_its_record_with_the_catalogues_links(client, hiroshima):
    response = client.get(HIROSHIMA)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    record = data["record"]
    # Facts as the page prints them (samples/hiroshima-mon-amour-1959.combined.txt).
    assert (record["title"], record["year"], record["original_title"]) == (
        "Hiroshima Mon Amour",
        1959,
        "Hiroshima mon amour",
    )
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

    paths_import([SAMPLES / "gaslight-1944.combined-2010.html"])  # a bigger page: more of every section
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


def test_search_results_as_json_pages_with_next_links(client, db, django_assert_num_queries):
    from decimal import Decimal

    from tests import factories as f

    for n in range(30):
        f.make_title(
            f"Noir {n:02d}",
            year=1940 + n % 10,
            slug=f"noir-{n:02d}",
            imdb_id=f"tt00{n:05d}",
            rating=Decimal("7.0"),
            votes=1000 + n,
        )

    first = json.loads(client.get("/search/?q=noir&format=json").content)

    assert first["count"] == 30 and first["page"] == 1 and first["ranked"] is True
    assert [item["slug"] for item in first["results"][:2]] == ["noir-29", "noir-28"]  # most votes first
    assert first["results"][0] | {"url": None} == {
        "id": "tt0000029",
        "slug": "noir-29",
        "title": "Noir 29",
        "year": 1949,
        "kind": "movie",
        "url": None,
        "rating": 7.0,
        "votes": 1029,
        "matched_aka": None,
    }
    assert first["previous"] is None
    assert first["next"] == "http://testserver/search/?q=noir&format=json&page=2"
    second = json.loads(client.get(first["next"]).content)
    assert len(first["results"]) + len(second["results"]) == 30 and second["next"] is None
    assert second["previous"] == "http://testserver/search/?q=noir&format=json&page=1"


def test_a_certificates_titles_and_a_company_as_json(client, hiroshima):
    from catalogue.models import Title

    certificate = json.loads(client.get("/certificates/UK/PG/?format=json").content)
    assert certificate["certificate"] == {"country": "UK", "rating": "PG"}
    assert [(item["title"], item["notes"]) for item in certificate["results"]] == [("Hiroshima Mon Amour", ["video"])]
    assert certificate["count"] == 1 and certificate["next"] is None

    from tests import factories as f

    f.make_title_company(Title.objects.get(), f.make_company("Argos Films", slug="argos-films"), kind="production")
    company = json.loads(client.get("/company/argos-films.json").content)
    assert company["name"] == "Argos Films"
    assert [(role["role"], [item["slug"] for item in role["titles"]]) for role in company["roles"]] == [
        ("Production companies", ["hiroshima-mon-amour-1959"])
    ]
