"""Pages from folders, zip and tar.gz archives, WARC and WET files (built here with warcio)."""

from __future__ import annotations

import io
import tarfile
import zipfile
from datetime import datetime, timezone

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from catalogue.importing.pages import paths_import
from catalogue.importing.sources import Page, Skipped, Unreadable, iter_pages
from catalogue.models import SourcePage, Title
from tests.importing.records import record_bytes, small_record


def test_folder_recursive_sorted_skipping_hidden_and_readme(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.json").write_bytes(record_bytes(small_record("Two")))
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))
    (tmp_path / "README.md").write_text("# not a page")
    (tmp_path / "notes.md").write_text("not a page")
    (tmp_path / "poster.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden.json").write_bytes(record_bytes(small_record("Hidden")))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.json").write_bytes(b"{}")

    items = list(iter_pages([tmp_path], captured_at=None))

    pages = [item for item in items if isinstance(item, Page)]
    skipped = {item.name.rsplit("/", 1)[-1]: item.reason for item in items if isinstance(item, Skipped)}
    assert [p.name for p in pages] == [str(tmp_path / "a.json"), str(tmp_path / "b" / "two.json")]
    assert skipped == {
        "README.md": "README file",
        "notes.md": "not a page file (.md)",
        "poster.jpg": "not a page file (.jpg)",
    }
    assert pages[0].captured_at.tzinfo is not None  # the file's mtime


def test_iter_pages_is_a_generator(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))
    pages = iter_pages([tmp_path])
    assert iter(pages) is pages
    assert next(pages).name.endswith("a.json")


def test_captured_at_option_for_files(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))
    when = datetime(2009, 5, 1, tzinfo=timezone.utc)
    [page] = iter_pages([tmp_path / "a.json"], captured_at=when)
    assert page.captured_at == when


def test_zip_archive_members(tmp_path):
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("x/one.json", record_bytes(small_record("One")))
        zf.writestr("x/two.json", record_bytes(small_record("Two")))
        zf.writestr("README.txt", "about")

    items = list(iter_pages([archive]))

    assert [i.name for i in items if isinstance(i, Page)] == [f"{archive}!x/one.json", f"{archive}!x/two.json"]
    assert [i.name for i in items if isinstance(i, Skipped)] == [f"{archive}!README.txt"]


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".tar.gz", ".tgz"])
def test_tar_gz_archive_imports(tmp_path, suffix):
    archive = tmp_path / f"pages{suffix}"
    with tarfile.open(archive, "w:gz") as tf:
        for name in ("One", "Two"):
            data = record_bytes(small_record(name))
            info = tarfile.TarInfo(f"pages/{name.lower()}.json")
            info.size = len(data)
            info.mtime = datetime(2011, 3, 4, tzinfo=timezone.utc).timestamp()
            tf.addfile(info, io.BytesIO(data))

    report = paths_import([archive])

    assert report.imported == 2 and not report.failed
    assert sorted(Title.objects.values_list("title", flat=True)) == ["One", "Two"]
    source = SourcePage.objects.get(title__title="One")
    assert source.file_name == f"{archive}!pages/one.json"
    assert source.captured_at == datetime(2011, 3, 4, tzinfo=timezone.utc)


def _http_response(writer: WARCWriter, uri: str, body: bytes, *, date: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    return writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
    )


def test_warc_response_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        writer.write_record(
            _http_response(
                writer,
                "http://www.imdb.com/title/tt0036855/combined",
                record_bytes(small_record("Gaslight", 1944)),
                date="2010-06-01T12:00:00Z",
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "http://www.imdb.com/title/tt0036855/combined", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )
        writer.write_record(
            _http_response(
                writer, "http://www.imdb.com/name/nm0000001/", b"<html>a person</html>", date="2010-06-01T12:00:00Z"
            )
        )
        writer.write_record(
            _http_response(
                writer,
                "http://www.imdb.com/title/tt0095016/maindetails",
                b"gone",
                date="2010-06-01T12:00:00Z",
                status="404 Not Found",
            )
        )

    items = list(iter_pages([path]))

    pages = [i for i in items if isinstance(i, Page)]
    assert len(pages) == 1
    page = pages[0]
    assert page.name == f"{path}#http://www.imdb.com/title/tt0036855/combined"
    assert page.url == "http://www.imdb.com/title/tt0036855/combined"
    assert page.data == record_bytes(small_record("Gaslight", 1944))  # HTTP headers stripped
    assert page.captured_at == datetime(2010, 6, 1, 12, tzinfo=timezone.utc)
    assert page.offset is not None and page.offset > 0
    assert [(i.name.rsplit("#", 1)[1], i.reason) for i in items if isinstance(i, Skipped)] == [
        ("http://www.imdb.com/name/nm0000001/", "not a title page URL"),
        ("http://www.imdb.com/title/tt0095016/maindetails", "HTTP status 404"),
    ]


@pytest.mark.django_db
def test_wet_conversion_records_import_with_their_dates(tmp_path):
    path = tmp_path / "crawl.warc.wet.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, name, date in (
            ("http://www.imdb.com/title/tt0036855/", "Gaslight", "2010-06-01T12:00:00Z"),
            ("http://www.imdb.com/title/tt0095016/reviews", "Die Hard", "2009-01-02T00:00:00Z"),
        ):
            record = writer.create_warc_record(
                uri,
                "conversion",
                payload=io.BytesIO(record_bytes(small_record(name, 1944))),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)

    report = paths_import([path])

    assert report.imported == 2 and not report.failed
    gaslight = Title.objects.get(title="Gaslight")
    assert gaslight.imdb_id == "tt0036855"  # from the record's URL
    assert SourcePage.objects.get(title=gaslight).captured_at == datetime(2010, 6, 1, 12, tzinfo=timezone.utc)
    assert Title.objects.get(title="Die Hard").imdb_id == "tt0095016"


@pytest.mark.django_db
def test_plain_warc_without_gzip(tmp_path):
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        writer.write_record(
            _http_response(
                writer,
                "http://www.imdb.com/title/tt0000001/fullcredits",
                record_bytes(small_record("Carmencita", 1894)),
                date="2012-01-01T00:00:00Z",
            )
        )
    report = paths_import([path])
    assert report.imported == 1
    assert Title.objects.get().imdb_id == "tt0000001"


@pytest.mark.django_db
def test_corrupt_archive_fails_alone(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage, not deflate")

    report = paths_import([tmp_path])

    assert report.imported == 1
    assert sorted(f.name.rsplit("/", 1)[-1] for f in report.failed) == ["broken.warc.gz", "broken.zip"]
    assert all("cannot read" in f.reason for f in report.failed)


def test_missing_path_is_reported(tmp_path):
    [item] = list(iter_pages([tmp_path / "nope.txt"]))
    assert isinstance(item, Skipped) and item.reason == "no such file or folder"
    assert not isinstance(item, Unreadable)
