import json
import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from django.utils.http import http_date

from catalogue.models import Person, Title
from tests import factories as f

pytestmark = pytest.mark.django_db

TITLE_URL = "/title/hiroshima-mon-amour-1959/"


def json_ld(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_title_json_ld_is_a_valid_movie(client, catalogue):
    data = json_ld(client.get(TITLE_URL).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Movie"
    assert data["name"] == "Hiroshima Mon Amour"
    assert data["url"] == "http://testserver/title/hiroshima-mon-amour-1959/"
    assert data["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": "8.0",
        "bestRating": "10",
        "worstRating": "1",
        "ratingCount": 21203,
    }
    assert data["director"] == [
        {"@type": "Person", "name": "Alain Resnais", "url": "http://testserver/name/alain-resnais/"}
    ]
    assert [actor["name"] for actor in data["actor"]] == ["Emmanuelle Riva", "Eiji Okada"]
    assert data["review"][0]["author"] == {"@type": "Person", "name": "chaos-rampant"}
    assert data["review"][0]["reviewBody"] == "A landmark."
    assert data["genre"] == ["Drama", "Romance"]


def test_series_and_episode_json_ld_types(client, db):
    series = f.make_title("The Prisoner", year=1967, kind="tv_series")
    episode = f.make_title("Arrival", year=1967, kind="tv_episode", series=series, season=1, episode=1)

    assert json_ld(client.get(series.get_absolute_url()).content.decode())["@type"] == "TVSeries"
    data = json_ld(client.get(episode.get_absolute_url()).content.decode())
    assert data["@type"] == "TVEpisode"
    assert data["partOfSeries"]["name"] == "The Prisoner"
    assert data["episodeNumber"] == 1


def test_json_ld_cannot_be_broken_out_of_by_page_text(client, db):
    title = f.make_title("</script><script>alert(1)</script>", year=2001)
    f.make_review(title, text="</script><b>&amp;</b>", author="x</script>")

    html = client.get(title.get_absolute_url()).content.decode()
    data = json_ld(html)

    assert "<script>alert(1)" not in html
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["review"][0]["reviewBody"] == "</script><b>&amp;</b>"


def test_person_json_ld_and_open_graph(client, catalogue):
    html = client.get("/name/alain-resnais/").content.decode()
    data = json_ld(html)

    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Alain Resnais",
        "url": "http://testserver/name/alain-resnais/",
        "identifier": "nm0720778",
        "jobTitle": ["Director", "Thanks", "Mystery Unit"],
    }
    assert '<meta property="og:type" content="profile">' in html
    assert '<link rel="canonical" href="http://testserver/name/alain-resnais/">' in html
    assert "<title>Alain Resnais · Film Catalogue</title>" in html


def test_title_canonical_and_open_graph(client, catalogue):
    html = client.get(TITLE_URL).content.decode()

    assert '<link rel="canonical" href="http://testserver/title/hiroshima-mon-amour-1959/">' in html
    assert '<meta property="og:type" content="video.movie">' in html
    assert '<meta property="og:title" content="Hiroshima Mon Amour (1959)">' in html
    assert '<meta property="og:description" content="A French actress filming' in html


def test_sitemap_index_and_sections_list_titles_and_people(client, catalogue):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [loc.text for loc in ElementTree.fromstring(index.content).findall("s:sitemap/s:loc", ns)]
    assert sections == [
        "http://testserver/sitemap-titles.xml",
        "http://testserver/sitemap-people.xml",
        "http://testserver/sitemap-browse.xml",
        "http://testserver/sitemap-keywords.xml",
    ]

    locations = set()
    for url in sections[:2]:
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200
        root = ElementTree.fromstring(response.content)
        locations |= {loc.text for loc in root.findall("s:url/s:loc", ns)}
        assert root.find("s:url/s:lastmod", ns) is not None
    assert "http://testserver/title/hiroshima-mon-amour-1959/" in locations
    assert "http://testserver/title/taj-mahal-2015/" in locations
    assert "http://testserver/name/eliane-marcus/" in locations
    assert len(locations) == Title.objects.count() + Person.objects.count()
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.parametrize("path", [TITLE_URL, TITLE_URL + "fullcredits/", TITLE_URL + "reviews/"])
def test_title_pages_answer_304_to_a_repeat_visit(client, catalogue, path):
    first = client.get(path)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    # The stored stamp: the fixture's later rows touched the title after it was built.
    catalogue.title.refresh_from_db(fields=["updated_at"])
    assert last_modified == http_date(catalogue.title.updated_at.timestamp())


def test_title_change_invalidates_the_etag(client, catalogue):
    etag = client.get(TITLE_URL)["ETag"]

    catalogue.title.plot = "Changed."
    catalogue.title.save()
    response = client.get(TITLE_URL, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Changed." in response.content.decode()


def test_person_page_answers_304_and_changes_with_their_titles(client, catalogue):
    first = client.get("/name/alain-resnais/")
    etag = first["ETag"]
    assert client.get("/name/alain-resnais/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/name/alain-resnais/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    # A re-import of one of their titles bumps its stamp: the person page is stale.
    Title.objects.filter(pk=catalogue.other.pk).update(updated_at=timezone.now() + timedelta(minutes=5))

    assert client.get("/name/alain-resnais/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cached_pages_must_revalidate(client, catalogue):
    assert client.get(TITLE_URL)["Cache-Control"] == "no-cache"
    assert client.get("/name/alain-resnais/")["Cache-Control"] == "no-cache"


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml\n" in response.content.decode()
    assert "Disallow: /search/\n" in response.content.decode()


def test_person_stamp_on_sqlite_reads_the_same_values_as_the_orm(catalogue):
    from django.db import connection
    from django.db.models import Count, Max

    from catalogue import selectors

    if connection.vendor != "sqlite":
        pytest.skip("the index-only stamp query is SQLite's; PostgreSQL runs the ORM query")
    Title.objects.filter(pk=catalogue.title.pk).update(updated_at=timezone.now() + timedelta(days=3))
    for person in Person.objects.all():
        expected = (
            Person.objects.filter(pk=person.pk)
            .annotate(latest_title=Max("credits__title__updated_at"), credit_count=Count("credits"))
            .values_list("pk", "updated_at", "latest_title", "credit_count")
            .get()
        )
        assert selectors.people._person_stamp_row_sqlite(person.slug) == expected
    assert selectors.people._person_stamp_row_sqlite("nobody-at-all") is None


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _locations(response, path: str) -> list[str]:
    assert response.status_code == 200
    return [loc.text for loc in ElementTree.fromstring(response.content).findall(path, SITEMAP_NS)]


def test_sitemap_pages_are_id_ranges_and_cost_constant_queries(
    client, catalogue, monkeypatch, django_assert_num_queries
):
    from django.core.cache import cache

    from catalogue import sitemaps

    first, last = Title.objects.order_by("id").values_list("id", flat=True)
    # Pages as wide as the first id: the first title on page 1, the second on page 2
    # (ids need not start at 1: PostgreSQL's sequences go on across tests).
    monkeypatch.setattr(sitemaps, "URLS_PER_PAGE", first)
    cache.clear()
    with django_assert_num_queries(4):  # the largest id of each table (titles' newest change for browse)
        sections = _locations(client.get("/sitemap.xml"), "s:sitemap/s:loc")
    title_pages = [url for url in sections if "sitemap-titles" in url]
    assert len(title_pages) == -(-last // first) == 2
    assert title_pages[1] == "http://testserver/sitemap-titles.xml?p=2"

    found = []
    for url in title_pages:
        with django_assert_num_queries(2):  # the largest id, then the page's id range
            found += _locations(client.get(url.removeprefix("http://testserver")), "s:url/s:loc")
    expected = [f"http://testserver{t.get_absolute_url()}" for t in Title.objects.order_by("id")]
    assert found == expected
    with django_assert_num_queries(1):  # cached: only the largest id, for the key
        client.get("/sitemap-titles.xml?p=2")
    assert client.get(f"/sitemap-titles.xml?p={len(title_pages) + 1}").status_code == 404
    assert client.get("/sitemap-titles.xml?p=x").status_code == 404


def test_people_without_credits_are_left_out_of_the_sitemap(client, catalogue):
    from django.core.cache import cache

    from tests import factories as f

    f.make_person("Nobody Credited", slug="nobody-credited")
    cache.clear()
    people = _locations(client.get("/sitemap-people.xml"), "s:url/s:loc")
    assert "http://testserver/name/eliane-marcus/" in people
    assert "http://testserver/name/nobody-credited/" not in people
