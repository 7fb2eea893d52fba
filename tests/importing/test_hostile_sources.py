"""Damaged and hostile input: refused with a message naming the file, the batch goes on,
and nothing is read past the limits (catalogue/importing/sources.py)."""

from __future__ import annotations

import gzip
import io
import os
import resource
import subprocess
import sys
import tarfile
import zipfile

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from catalogue.importing import sources
from catalogue.importing.pages import paths_import
from catalogue.importing.sources import Page, Skipped, Unreadable, iter_pages
from catalogue.models import Credit, Title
from tests.conftest import ROOT, SAMPLES

GASLIGHT = SAMPLES / "gaslight-1944.combined-2010.html"
GASLIGHT_URL = "http://www.imdb.com/title/tt0036855/combined"


def _response(writer, uri: str, body: bytes, *, date: str, encoding: str | None = None):
    headers = [("Content-Type", "text/html; charset=utf-8")]
    if encoding:
        headers.append(("Content-Encoding", encoding))
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    return writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )


def _warc(path, *records, gzip_members: bool = False):
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_members)
        for uri, body, date, encoding in records:
            writer.write_record(_response(writer, uri, body, date=date, encoding=encoding))
    return path


def _by_kind(items):
    items = list(items)
    return (
        [i for i in items if isinstance(i, Page)],
        [i for i in items if isinstance(i, Skipped)],
        [i for i in items if isinstance(i, Unreadable)],
    )


@pytest.mark.django_db
def test_a_truncated_warc_record_is_refused_and_never_replaces_the_title(tmp_path):
    page = GASLIGHT.read_bytes()
    good = _warc(tmp_path / "2010.warc", (GASLIGHT_URL, page, "2010-06-01T00:00:00Z", None))
    report = paths_import([good])
    assert report.imported == 1
    credits = Credit.objects.count()
    assert credits > 50

    # A later capture of the same page, cut off in the middle of its record.
    later = _warc(tmp_path / "whole.warc", (GASLIGHT_URL, page, "2012-06-01T00:00:00Z", None))
    cut = tmp_path / "2012.warc"
    cut.write_bytes(later.read_bytes()[: len(page) // 2])

    report = paths_import([cut])

    assert report.imported == report.updated == 0
    [failure] = report.failed
    assert failure.name.startswith(f"{cut}#{GASLIGHT_URL}")
    assert "truncated record" in failure.reason and "Content-Length" in failure.reason
    assert Credit.objects.count() == credits
    assert Title.objects.get().votes is not None


def test_a_record_whose_payload_digest_does_not_match_is_refused(tmp_path):
    path = _warc(tmp_path / "crawl.warc", (GASLIGHT_URL, GASLIGHT.read_bytes(), "2010-06-01T00:00:00Z", None))
    data = bytearray(path.read_bytes())
    at = data.index(b"Charles Boyer")
    data[at : at + 7] = b"Charlie"  # same length: only the digest can tell
    path.write_bytes(bytes(data))

    pages, _, refused = _by_kind(iter_pages([path]))

    assert pages == []
    assert "WARC-Payload-Digest does not match" in refused[0].reason


def test_a_gzip_bomb_in_a_warc_is_not_expanded_past_the_page_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_PAGE_BYTES", 1024 * 1024)
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024))
    path = _warc(
        tmp_path / "bomb.warc.gz",
        (GASLIGHT_URL, bomb, "2010-06-01T00:00:00Z", "gzip"),
        (
            "http://www.imdb.com/title/tt0052893/combined",
            (SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes(),
            "2010-06-01T00:00:00Z",
            None,
        ),
        gzip_members=True,
    )

    pages, _, refused = _by_kind(iter_pages([path]))

    assert [p.url for p in pages] == ["http://www.imdb.com/title/tt0052893/combined"]  # the batch goes on
    assert "page too large" in refused[0].reason and "IMPORT_MAX_PAGE_MB" in refused[0].reason


def test_a_zip_bomb_member_is_refused_before_it_is_expanded(tmp_path):
    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"\0" * (5 * 1024 * 1024))
        archive.writestr("hiroshima.txt", (SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes())

    pages, _, refused = _by_kind(iter_pages([path]))

    assert [p.name for p in pages] == [f"{path}!hiroshima.txt"]
    assert refused[0].name == f"{path}!bomb.txt"
    assert "a compression bomb" in refused[0].reason


def test_a_page_over_the_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_PAGE_BYTES", 1024 * 1024)
    (tmp_path / "huge.txt").write_bytes(b"Hiroshima Mon Amour (1959)\n" + b"x" * (2 * 1024 * 1024))
    (tmp_path / "ok.txt").write_bytes((SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes())

    pages, _, refused = _by_kind(iter_pages([tmp_path]))

    assert [p.name for p in pages] == [str(tmp_path / "ok.txt")]
    assert refused[0].name == str(tmp_path / "huge.txt")
    assert "page too large (2,097,179 bytes" in refused[0].reason


@pytest.mark.django_db
def test_a_dangling_symlink_fails_alone_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes((SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes())
    os.symlink(tmp_path / "gone.txt", tmp_path / "b.txt")

    report = paths_import([tmp_path])

    assert report.imported == 1
    [failure] = report.failed
    assert failure.name == str(tmp_path / "b.txt")
    assert "cannot read: No such file or directory" in failure.reason


def test_archive_links_special_files_and_climbing_names_are_reported(tmp_path):
    page = (SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes()
    tar_path = tmp_path / "pages.tar"
    with tarfile.open(tar_path, "w") as archive:
        for name, kind in [
            ("ok.txt", tarfile.REGTYPE),
            ("link.txt", tarfile.SYMTYPE),
            ("fifo.txt", tarfile.FIFOTYPE),
            ("../escape.txt", tarfile.REGTYPE),
        ]:
            info = tarfile.TarInfo(name)
            info.type = kind
            if kind == tarfile.SYMTYPE:
                info.linkname = "/etc/passwd"
            data = page if kind == tarfile.REGTYPE else b""
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    zip_path = tmp_path / "pages.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("..\\windows.txt", page)
        link = zipfile.ZipInfo("zlink.txt")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")

    pages, skipped, _ = _by_kind(iter_pages([tar_path, zip_path]))

    assert [p.name for p in pages] == [f"{tar_path}!ok.txt"]
    reasons = {item.name.rsplit("!", 1)[1]: item.reason for item in skipped}
    assert reasons == {
        "link.txt": "a link, not a page",
        "fifo.txt": "a special file, not a page",
        "../escape.txt": "unsafe member name (absolute, or climbing out with ..)",
        "..\\windows.txt": "unsafe member name (absolute, or climbing out with ..)",
        "zlink.txt": "a symbolic link, not a page",
    }


def test_deeply_nested_html_is_refused_at_once():
    from catalogue.parsing import PageError, parse_page

    start = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    page = b"<html><title>Gaslight (1944)</title><body>" + b"<div>" * 200_000 + b"</div>" * 200_000 + b"</body></html>"
    with pytest.raises(PageError, match="nested more than 10000 deep"):
        parse_page(page)
    # The tree builder would take minutes; the refusal is one count of the tags.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_utime - start < 5


def test_an_import_of_hostile_input_stays_under_500_mb(tmp_path):
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    with zipfile.ZipFile(hostile / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i in range(4):
            archive.writestr(f"bomb{i}.txt", b"\0" * (200 * 1024 * 1024))
    _warc(
        hostile / "bomb.warc.gz",
        (GASLIGHT_URL, gzip.compress(b"\0" * (300 * 1024 * 1024)), "2010-06-01T00:00:00Z", "gzip"),
        gzip_members=True,
    )
    (hostile / "big.txt").write_bytes(b"Gaslight (1944)\n" + b"Ingrid Bergman .... Paula\n" * 2_000_000)
    (hostile / "nested.html").write_bytes(b"<html><body>" + b"<div>" * 400_000 + b"</body></html>")
    (hostile / "gaslight.html").write_bytes(GASLIGHT.read_bytes())
    database = tmp_path / "db.sqlite3"
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(DEBUG="1", DATABASE_URL=f"sqlite:///{database}")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput"], env=env, check=True, capture_output=True, cwd=ROOT)
    # The import runs under a small parent of its own that reports its children's peak:
    # this process's RUSAGE_CHILDREN would also hold every earlier test's subprocesses.
    measured = (
        "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
        "print('peak-kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
        "sys.exit(code)"
    )
    run = subprocess.run(
        [sys.executable, "-c", measured, *manage, "import_pages", str(hostile)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    peak_kib = int(run.stderr.rsplit("peak-kib ", 1)[1])
    assert run.returncode == 1  # some pages failed; the report says which
    assert "imported 1," in run.stdout
    assert "failed 7," in run.stdout, run.stdout
    assert 50 * 1024 < peak_kib < 500 * 1024, f"peak RSS {peak_kib / 1024:.0f} MB"


@pytest.mark.django_db
def test_a_huge_page_is_stored_whole_once_and_its_unparsed_lines_bounded(tmp_path, admin_client):
    import json

    from catalogue.models import SourcePage
    from catalogue.parsing import UNPARSED_TOTAL_CHARS

    sample = (SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes()
    junk = b"".join(b"zz%07d qq " % i + b"x" * 90 + b"\n" for i in range(120_000))  # 12 MB nothing can place
    path = tmp_path / "huge.txt"
    path.write_bytes(sample + junk)

    report = paths_import([path])

    assert report.imported == 1, report.failed
    source = SourcePage.objects.get()
    assert bytes(source.raw) == sample + junk  # the page itself, whole
    assert len(json.dumps(source.unparsed)) < 2 * UNPARSED_TOTAL_CHARS
    assert len(json.dumps(source.record)) < 4 * UNPARSED_TOTAL_CHARS
    assert source.unparsed[-1].endswith("more characters of unplaced text: see the stored page")
    assert any(w.startswith("unparsed lines cut to") for w in source.warnings)
    assert Title.objects.get().title == "Hiroshima Mon Amour"
    # The admin's list of source pages reads neither the page nor its lines.
    response = admin_client.get("/admin/catalogue/sourcepage/")
    assert response.status_code == 200
    assert "huge.txt" in response.content.decode()
