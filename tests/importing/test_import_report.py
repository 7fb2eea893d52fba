"""What an archivist sees of an import: progress through the input, a summary by reason, a per-page report."""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from catalogue.importing.sources import Page, Skipped, input_size, iter_pages
from catalogue.models import SourcePage, Title
from tests.conftest import SAMPLES
from tests.importing.records import record_bytes, small_record

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _response(writer, uri: str, body: bytes, *, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    return writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2010-06-01T12:00:00Z"},
    )


def _crawl(path, *, images: int, titles: list[str]):
    """A crawl as crawlers write it: mostly images and other pages, a few title pages."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(images):
            # Incompressible, as images are: the crawl file is as big as what it holds.
            writer.write_record(_response(writer, f"http://ia.media-imdb.com/images/M/{n}.jpg", os.urandom(4000)))
        for n, name in enumerate(titles, start=1):
            writer.write_record(
                _response(
                    writer, f"http://www.imdb.com/title/tt{n:07d}/combined", record_bytes(small_record(name, 1950 + n))
                )
            )
        writer.write_record(
            _response(writer, "http://www.imdb.com/title/tt0000009/combined", b"gone", status="404 Not Found")
        )


def test_a_path_that_does_not_exist_is_an_error_with_status_2_and_nothing_is_imported(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))

    with pytest.raises(CommandError) as raised:
        run(tmp_path / "a.json", tmp_path / "no-such-folder")

    assert raised.value.returncode == 2
    assert str(raised.value) == f"no such file or folder: {tmp_path / 'no-such-folder'}"
    assert Title.objects.count() == 0


def test_skipped_records_are_summarised_by_reason_not_listed_one_by_one(tmp_path):
    _crawl(tmp_path / "crawl.warc.gz", images=30, titles=["Gaslight", "Laura"])

    out, _ = run(tmp_path)

    assert "imported 2, updated 0, unchanged 0, skipped 31, failed 0" in out
    lines = out.splitlines()
    assert (
        f"skipped 30: not a title page URL (e.g. {tmp_path / 'crawl.warc.gz'}#http://ia.media-imdb.com/images/M/0.jpg)"
        in lines
    )
    assert (
        f"skipped: {tmp_path / 'crawl.warc.gz'}#http://www.imdb.com/title/tt0000009/combined: HTTP status 404" in lines
    )
    assert not any("images/M/7.jpg" in line for line in lines)


def test_verbosity_2_lists_every_page_and_skipped_record(tmp_path):
    _crawl(tmp_path / "crawl.warc.gz", images=3, titles=["Gaslight"])

    out, _ = run("-v", "2", tmp_path)

    crawl = tmp_path / "crawl.warc.gz"
    lines = out.splitlines()
    assert f"imported: {crawl}#http://www.imdb.com/title/tt0000001/combined → gaslight-1951" in lines
    assert [line for line in lines if line.startswith("skipped:")] == [
        f"skipped: {crawl}#http://ia.media-imdb.com/images/M/{n}.jpg: not a title page URL" for n in range(3)
    ] + [f"skipped: {crawl}#http://www.imdb.com/title/tt0000009/combined: HTTP status 404"]


def test_report_file_has_one_json_line_per_page_and_skipped_item(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.json").write_bytes(record_bytes(small_record("One")))
    (folder / "bad.json").write_bytes(b'{"title": "Bad",\n "year": 1999,\n oops}')
    (folder / "notes.md").write_text("not a page")
    report = tmp_path / "report.jsonl"

    with pytest.raises(CommandError):  # one page failed: exit status 1, the rest imported
        run("--report", report, folder)
    run("--report", report, folder / "a.json")  # written afresh, not appended

    lines = [json.loads(line) for line in report.read_text().splitlines()]
    assert lines == [{"name": str(folder / "a.json"), "outcome": "unchanged"}]

    with pytest.raises(CommandError):
        run("--report", report, folder)
    lines = {line["name"].rsplit("/", 1)[-1]: line for line in map(json.loads, report.read_text().splitlines())}
    assert lines["a.json"] == {"name": str(folder / "a.json"), "outcome": "unchanged"}
    assert lines["bad.json"]["outcome"] == "failed" and lines["bad.json"]["line"] == 3
    assert lines["notes.md"] == {
        "name": str(folder / "notes.md"),
        "outcome": "skipped",
        "reason": "not a page file (.md)",
    }


def test_report_line_of_an_imported_page_names_its_title_and_warnings(tmp_path):
    page = SAMPLES / "hiroshima-mon-amour-1959.combined.txt"
    report = tmp_path / "report.jsonl"

    run("--report", report, page)

    [line] = [json.loads(line) for line in report.read_text().splitlines()]
    source = SourcePage.objects.get()
    assert line["outcome"] == "imported"
    assert line["title"] == Title.objects.get().slug == "hiroshima-mon-amour-1959"
    assert line["warnings"] == source.warnings
    assert line["unparsed"] == len(source.unparsed)


def test_pages_with_unparsed_lines_are_counted_and_listed(tmp_path):
    (tmp_path / "plain.json").write_bytes(record_bytes(small_record("Plain")))
    (tmp_path / "odd.json").write_bytes(record_bytes(small_record("Odd", unparsed=["a line", "another"])))

    out, _ = run(tmp_path)

    assert "with warnings or unparsed lines (kept in the record; the title's Sources list them): 1 page(s)" in out
    assert f"noted: {tmp_path / 'odd.json'}: 0 warnings, 2 unparsed lines" in out.splitlines()
    assert "plain.json" not in out


def test_each_item_says_how_much_of_the_input_is_read_by_then(tmp_path):
    first, second = record_bytes(small_record("One")), record_bytes(small_record("Two"))
    (tmp_path / "1.json").write_bytes(first)
    (tmp_path / "2.json").write_bytes(second)
    (tmp_path / "README.md").write_text("not read, not counted")
    (tmp_path / "z").mkdir()
    _crawl(tmp_path / "z" / "b.warc.gz", images=40, titles=["Gaslight", "Laura"])
    total = input_size([tmp_path])

    items = list(iter_pages([tmp_path]))

    assert total == len(first) + len(second) + (tmp_path / "z" / "b.warc.gz").stat().st_size
    consumed = [item.consumed for item in items]
    assert consumed[:2] == [len(first), len(first) + len(second)]
    assert consumed == sorted(consumed) and consumed[-1] == total
    in_the_crawl = [item.consumed for item in items if "b.warc.gz" in item.name]
    assert len(set(in_the_crawl)) > 10  # the share moves through one big file, not only at its end
    assert sum(isinstance(item, Page) for item in items) == 4 and any(isinstance(i, Skipped) for i in items)


def test_resource_records_are_pages_and_revisits_are_skipped_with_their_reason(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    uri = "http://www.imdb.com/title/tt0036855/combined"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(
            writer.create_warc_record(
                uri,
                "resource",
                payload=io.BytesIO(record_bytes(small_record("Gaslight", 1944))),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": "2010-06-01T12:00:00Z"},
            )
        )
        writer.write_record(
            writer.create_revisit_record(
                uri, digest="sha1:AAAA", refers_to_uri=uri, refers_to_date="2010-06-01T12:00:00Z"
            )
        )

    out, _ = run(path)

    assert "imported 1, updated 0, unchanged 0, skipped 1, failed 0" in out
    assert f"skipped: {path}#{uri}: revisit record (the same page as an earlier capture, not stored again)" in out
    assert Title.objects.get().imdb_id == "tt0036855"


def _arc_record(url: str, date: str, body: bytes, content_type: str = "text/html") -> bytes:
    return f"{url} 127.0.0.1 {date} {content_type} {len(body)}\n".encode() + body + b"\n"


@pytest.mark.parametrize("suffix", [".arc", ".arc.gz"])
def test_arc_files_of_older_crawls_import(tmp_path, suffix):
    version = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    page = record_bytes(small_record("Gaslight", 1944))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(page) + page
    records = [
        _arc_record("filedesc://crawl.arc", "20080105120000", version, "text/plain"),
        _arc_record("http://www.imdb.com/title/tt0036855/combined", "20080105120000", http),
    ]
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if suffix.endswith(".gz") else b"".join(records))

    out, _ = run(path)

    assert "imported 1, updated 0, unchanged 0, skipped 0, failed 0" in out
    title = Title.objects.get()
    assert (title.title, title.imdb_id) == ("Gaslight", "tt0036855")
    source = SourcePage.objects.get()
    assert source.captured_at.isoformat() == "2008-01-05T12:00:00+00:00"
    assert source.raw == page


def test_a_browsers_resources_folder_beside_a_saved_page_is_passed_over_whole(tmp_path):
    import zipfile

    folder = tmp_path / "saved"
    (folder / "Gaslight (1944)_files").mkdir(parents=True)
    (folder / "Gaslight (1944).html").write_bytes(record_bytes(small_record("Gaslight", 1944)))
    (folder / "Gaslight (1944)_files" / "ad_frame.html").write_bytes(b"<html><body>an advertisement</body></html>")
    (folder / "Gaslight (1944)_files" / "logo.gif").write_bytes(b"GIF89a")
    with zipfile.ZipFile(tmp_path / "saved.zip", "w") as archive:
        archive.writestr("Laura (1944).html", record_bytes(small_record("Laura", 1944)))
        archive.writestr("Laura (1944)_files/frame.htm", b"<html>an ad</html>")

    out, _ = run(folder, tmp_path / "saved.zip")

    assert "imported 2, updated 0, unchanged 0, skipped 2, failed 0" in out
    assert f"skipped: {folder / 'Gaslight (1944)_files'}: a saved page's resources folder" in out
    assert f"skipped: {tmp_path / 'saved.zip'}!Laura (1944)_files/frame.htm: a saved page's resources folder" in out
    assert sorted(Title.objects.values_list("title", flat=True)) == ["Gaslight", "Laura"]
