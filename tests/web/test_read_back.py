"""What a researcher's script sees: the JSON of each public page type and the TSV export, read back
with the standard library (json, csv) and compared with the database the pages were imported into.

Real pages: Gaslight's combined page and its user comments, and Hiroshima mon amour's text page.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections import Counter

import pytest
from django.core.management import call_command

from catalogue.dataset import NULL, PRINCIPAL_CATEGORIES
from catalogue.importing.pages import paths_import
from catalogue.models import AlternateTitle, Certificate, Credit, Person, Review, Title, TitleCompany
from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.django_db

PAGES = [
    SAMPLES / "gaslight-1944.combined-2010.html",
    ROOT / "tests" / "pages" / "reviews" / "gaslight-1944.usercomments-2010.html",
    SAMPLES / "hiroshima-mon-amour-1959.combined.txt",
]


@pytest.fixture
def catalogue(db):
    report = paths_import(PAGES)
    assert (report.imported, report.updated, report.failed) == (2, 1, [])
    return Title.objects.get(slug="gaslight-1944")


def _get_json(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content.decode("utf-8"))


def _tconst(title: Title) -> str:
    return title.imdb_id or title.slug


def _nconst(person: Person) -> str:
    return person.imdb_id or person.slug


# --- JSON, page type by page type -------------------------------------------------------------


def test_title_json_is_the_titles_rows(client, catalogue):
    data = _get_json(client, "/title/gaslight-1944.json")
    record = data["record"]

    assert (record["title"], record["year"], record["imdb_id"], record["kind"]) == (
        catalogue.title,
        catalogue.year,
        catalogue.imdb_id,
        catalogue.kind,
    )
    assert (record["rating"]["value"], record["rating"]["votes"]) == (float(catalogue.rating), catalogue.votes)
    assert data["catalogue"]["id"] == catalogue.imdb_id
    assert [(c["country"], c["rating"]) for c in record["certificates"]] == list(
        catalogue.certificates.order_by("position").values_list("country", "rating")
    )
    assert [a["title"] for a in record["akas"]] == list(
        catalogue.akas.order_by("position").values_list("aka", flat=True)
    )
    assert Counter((c["kind"], c["name"]) for c in record["companies"]) == Counter(
        TitleCompany.objects.filter(title=catalogue).values_list("kind", "company__name")
    )


def test_full_credits_are_in_the_title_json_and_the_full_credits_page_links_to_it(client, catalogue):
    page = client.get("/title/gaslight-1944/fullcredits/").content.decode()
    data = _get_json(client, "/title/gaslight-1944.json")
    record = data["record"]

    assert '<link rel="alternate" type="application/json" href="/title/gaslight-1944.json">' in page
    assert data["catalogue"]["full_credits"] == "http://testserver/title/gaslight-1944/fullcredits/"
    credits = Credit.objects.filter(title=catalogue)
    cast = list(credits.filter(department="cast").order_by("order").values_list("person__name", "character", "order"))
    assert [(c["name"], c["character"] or "", c["order"]) for c in record["cast"]] == cast
    assert Counter((c["department"], c["name"], c["job"] or "") for c in record["crew"]) == Counter(
        credits.exclude(department="cast").values_list("department", "person__name", "job")
    )
    assert len(record["cast"]) + len(record["crew"]) == credits.count() > 50  # every credit, not the title page's few


def test_reviews_are_in_the_title_json_and_the_reviews_page_links_to_it(client, catalogue):
    page = client.get("/title/gaslight-1944/reviews/").content.decode()
    record = _get_json(client, "/title/gaslight-1944.json")["record"]

    assert '<link rel="alternate" type="application/json" href="/title/gaslight-1944.json">' in page
    rows = list(
        Review.objects.filter(title=catalogue)
        .order_by("position", "id")
        .values_list("summary", "author", "helpful", "helpful_total", "text")
    )
    assert len(rows) == 10
    assert [(r["title"], r["author"], r["helpful"], r["helpful_total"], r["text"]) for r in record["reviews"]] == rows


def test_person_json_is_their_credit_rows(client, catalogue):
    cukor = Person.objects.get(name="George Cukor")
    page = client.get(f"/name/{cukor.slug}/").content.decode()
    data = _get_json(client, f"/name/{cukor.slug}.json")

    assert f'href="/name/{cukor.slug}.json"' in page
    assert (data["name"], data["imdb_id"], data["catalogue"]["id"]) == (cukor.name, cukor.imdb_id, _nconst(cukor))
    assert Counter((c["title"]["slug"], c["department"], c["job"] or "") for c in data["credits"]) == Counter(
        Credit.objects.filter(person=cukor).values_list("title__slug", "department", "job")
    )


def test_company_json_is_its_title_rows(client, catalogue):
    company = TitleCompany.objects.filter(title=catalogue).order_by("position").first().company
    page = client.get(f"/company/{company.slug}/").content.decode()
    data = _get_json(client, f"/company/{company.slug}.json")

    assert f'<link rel="alternate" type="application/json" href="/company/{company.slug}.json">' in page
    assert (data["name"], data["imdb_id"]) == (company.name, company.imdb_id)
    listed = Counter((item["slug"], tuple(item["notes"])) for role in data["roles"] for item in role["titles"])
    assert listed == Counter(
        (slug, tuple(notes))
        for slug, notes in TitleCompany.objects.filter(company=company).values_list("title__slug", "notes")
    )


def test_certificate_json_pages_through_its_rows_with_next_links(client, catalogue, monkeypatch):
    from catalogue.views import certificates

    monkeypatch.setattr(certificates, "TITLES_PER_PAGE", 1)
    rows = Certificate.objects.filter(country="UK", rating="PG")
    assert rows.count() == 2  # Gaslight's and Hiroshima's (with its "video" note)
    page = client.get("/certificates/UK/PG/").content.decode()
    assert '<link rel="alternate" type="application/json" href="/certificates/UK/PG/?format=json">' in page

    url, seen = "/certificates/UK/PG/?format=json", []
    while url:
        data = _get_json(client, url)
        assert data["certificate"] == {"country": "UK", "rating": "PG"} and data["count"] == 2
        seen += [(item["slug"], tuple(item["notes"])) for item in data["results"]]
        url = data["next"]
    assert data["page"] == 2 and data["previous"] == "http://testserver/certificates/UK/PG/?format=json&page=1"
    assert Counter(seen) == Counter((slug, tuple(notes)) for slug, notes in rows.values_list("title__slug", "notes"))


def test_search_json_is_the_titles_the_search_finds(client, catalogue):
    page = client.get("/search/?certificate=UK:PG").content.decode()
    assert 'href="/search/?certificate=UK%3APG&amp;format=json"' in page  # linked beside the CSV
    data = _get_json(client, "/search/?certificate=UK:PG&format=json")

    expected = Title.objects.filter(certificates__country="UK", certificates__rating="PG").distinct()
    assert data["count"] == expected.count() == 2 and data["next"] is None
    assert sorted(
        (item["id"], item["title"], item["year"], item["kind"], item["rating"], item["votes"])
        for item in data["results"]
    ) == sorted((_tconst(t), t.title, t.year, t.kind, float(t.rating), t.votes) for t in expected)


# --- the TSV export ------------------------------------------------------------------------------


@pytest.fixture
def dataset(catalogue, tmp_path):
    call_command("export_dataset", str(tmp_path / "dataset"), stdout=io.StringIO(), stderr=io.StringIO())
    folder = tmp_path / "dataset"

    def read(name: str) -> list[dict]:
        with gzip.open(folder / f"{name}.tsv.gz", "rt", encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))

    return read


def _value(cell: str) -> str | None:
    return None if cell == NULL else cell


def test_tsv_titles_ratings_and_akas_are_the_databases(dataset):
    titles = Title.objects.all()
    basics = {row["tconst"]: row for row in dataset("title.basics")}
    assert {t: (r["primaryTitle"], _value(r["startYear"])) for t, r in basics.items()} == {
        _tconst(t): (t.title, str(t.year) if t.year else None) for t in titles
    }
    ratings = {row["tconst"]: (row["averageRating"], int(row["numVotes"])) for row in dataset("title.ratings")}
    assert ratings == {_tconst(t): (f"{t.rating:.1f}", t.votes) for t in titles if t.rating is not None}
    akas = Counter((row["titleId"], row["title"]) for row in dataset("title.akas") if row["isOriginalTitle"] == "0")
    assert akas == Counter((_tconst(a.title), a.aka) for a in AlternateTitle.objects.select_related("title"))


def test_tsv_principals_crew_and_people_are_the_databases(dataset):
    credits = Credit.objects.filter(department__in=list(PRINCIPAL_CATEGORIES)).select_related("title", "person")
    principals = Counter((row["tconst"], row["nconst"], row["category"]) for row in dataset("title.principals"))
    assert principals == Counter(
        (_tconst(c.title), _nconst(c.person), PRINCIPAL_CATEGORIES[c.department]) for c in credits
    )
    crew = {row["tconst"]: set((_value(row["directors"]) or "").split(",")) - {""} for row in dataset("title.crew")}
    for title in Title.objects.all():
        assert crew[_tconst(title)] == {
            _nconst(c.person) for c in credits if c.title_id == title.pk and c.department == "director"
        }
    names = {row["nconst"]: row["primaryName"] for row in dataset("name.basics")}
    assert names == {_nconst(p): p.name for p in Person.objects.filter(credits__isnull=False).distinct()}


def test_person_json_has_the_person_pages_stamp_and_its_own_etag(client, catalogue):
    cukor = Person.objects.get(name="George Cukor")
    page = client.get(f"/name/{cukor.slug}/")
    data = client.get(f"/name/{cukor.slug}.json")

    assert data["ETag"] and data["ETag"] != page["ETag"]
    assert data["Last-Modified"] == page["Last-Modified"]
    assert client.get(f"/name/{cukor.slug}.json", HTTP_IF_NONE_MATCH=data["ETag"]).status_code == 304
