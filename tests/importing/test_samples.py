"""Importing the real sample pages and the test pages written after the real layout."""

from __future__ import annotations

import pytest

from catalogue.importing.export import title_export, titles_for_export
from catalogue.importing.pages import page_import, paths_import
from catalogue.importing.sources import Page
from catalogue.models import Credit, Person, Title
from catalogue.parsing import parse_page
from tests.conftest import SAMPLES, TEST_PAGES

pytestmark = pytest.mark.django_db

HIROSHIMA = "hiroshima-mon-amour-1959.combined.txt"


def test_hiroshima_sample_imports_every_section(sample_bytes):
    outcome = page_import(page=Page(name=HIROSHIMA, data=sample_bytes(HIROSHIMA)))

    title = Title.objects.get()
    assert outcome.status == "imported"
    assert (title.slug, title.title, title.year, title.original_title) == (
        "hiroshima-mon-amour-1959",
        "Hiroshima Mon Amour",
        1959,
        "Hiroshima mon amour",
    )
    assert (str(title.rating), title.votes) == ("8.0", 21203)
    crew = Credit.objects.crew().filter(title=title)
    assert crew.count() == 35
    assert crew.values("department").distinct().count() == 15
    assert title.certificates.count() == 19 and title.akas.count() == 2
    assert Person.objects.get(name="Alain Resnais").slug == "alain-resnais"
    assert title.reviews.count() == 1 and title.quotes.count() == 1
    assert title.recommendation_count == 5 and title.recommendations.count() == 0  # no titles to split with yet

    again = page_import(page=Page(name=HIROSHIMA, data=sample_bytes(HIROSHIMA)))
    assert again.status == "unchanged"


def test_hiroshima_sample_round_trip(sample_bytes):
    data = sample_bytes(HIROSHIMA)
    page_import(page=Page(name=HIROSHIMA, data=data))
    exported = title_export(title=titles_for_export().get())
    assert exported.to_dict() == parse_page(data).to_dict()


def test_samples_folder_imports_without_failures():
    report = paths_import([SAMPLES])
    assert report.failed == []
    assert [s.name.rsplit("/", 1)[-1] for s in report.skipped] == ["README.md"]
    assert report.imported + report.updated == len(list(SAMPLES.glob("*.txt"))) + len(list(SAMPLES.glob("*.html")))
    assert Title.objects.filter(slug="hiroshima-mon-amour-1959").exists()


def test_sample_pages_from_a_warc_and_a_wet_file(tmp_path, sample_bytes):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "http://www.imdb.com/title/tt0036855/combined",
                "response",
                payload=io.BytesIO(sample_bytes("gaslight-1944.combined-2010.html")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2010-07-01T00:00:00Z"},
            )
        )
    wet = tmp_path / "crawl.warc.wet.gz"
    with wet.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(
            writer.create_warc_record(
                "http://www.imdb.com/title/tt0052893/combined",
                "conversion",
                payload=io.BytesIO(sample_bytes(HIROSHIMA)),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": "2014-01-01T00:00:00Z"},
            )
        )

    report = paths_import([warc, wet])

    assert (report.imported, report.failed) == (2, [])
    gaslight = Title.objects.get(imdb_id="tt0036855")
    assert gaslight.year == 1944 and gaslight.credits.exists()
    hiroshima = Title.objects.get(imdb_id="tt0052893")
    assert hiroshima.slug == "hiroshima-mon-amour-1959"
    assert hiroshima.sources.get().captured_at.year == 2014


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")))
def test_every_sample_round_trips(name, sample_bytes):
    data = sample_bytes(name)
    page_import(page=Page(name=name, data=data))
    assert title_export(title=titles_for_export().get()).to_dict() == parse_page(data).to_dict()


def test_reviews_pages_merge_into_the_title_without_duplicates(sample_bytes):
    """The title page's featured review, reviews page 1 (HTML and its text), page 2 overlapping page 1."""
    reviews = TEST_PAGES / "reviews"
    pages = [
        ("gaslight-1944.combined-2010.html", sample_bytes("gaslight-1944.combined-2010.html")),
        ("usercomments-2010.html", (reviews / "gaslight-1944.usercomments-2010.html").read_bytes()),
        ("usercomments-start10-2011.html", (reviews / "gaslight-1944.usercomments-start10-2011.html").read_bytes()),
        ("usercomments-2010.txt", (reviews / "gaslight-1944.usercomments-2010.txt").read_bytes()),
    ]
    for name, data in pages:
        assert page_import(page=Page(name=name, data=data)).status in ("imported", "updated", "unchanged")

    title = Title.objects.get()
    assert title.imdb_id == "tt0036855"
    # 1 featured + 10 on page 1 (the featured one among them) + 10 on page 2 (one repeated from page 1).
    assert title.reviews.count() == 19
    assert title.reviews.filter(summary="Them there eyes").count() == 1
    assert title.reviews.filter(author="Małgorzata Wójcik").count() == 1
    assert title.cast_complete is True and title.credits.count() == 85  # the title page's credits are kept
