"""Capture dates at import: file name, then page, then mtime; shared dates are reported.

The pages are real captures (tests/pages/captures/, copied from the shared corpus):
two snapshots of one title copied together, so that both files have the same mtime
and no date in their names, as the captures that used to collapse into one.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from catalogue.charts import rating_history_chart
from catalogue.importing.pages import paths_import
from catalogue.models import RatingCapture, SourcePage, Title
from catalogue.selectors.titles import title_page
from tests.conftest import TEST_PAGES

pytestmark = pytest.mark.django_db

CAPTURES = TEST_PAGES / "captures"
COPIED_AT = datetime(2020, 2, 2, 12, 0, tzinfo=UTC)


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


def _copy_together(folder, pairs):
    """Copy captures under new names, all with one mtime (as ``cp`` of a folder leaves them)."""
    folder.mkdir()
    for source, target in pairs:
        shutil.copyfile(CAPTURES / source, folder / target)
        os.utime(folder / target, (COPIED_AT.timestamp(), COPIED_AT.timestamp()))
    return folder


def test_two_undated_copies_of_different_captures_stay_two_captures(tmp_path):
    folder = _copy_together(
        tmp_path / "copies",
        [
            ("017_i_vitelloni_1953_a.txt", "vitelloni-copy-1.txt"),  # older: 9,827 votes, no dated news
            ("018_i_vitelloni_1953_b.txt", "vitelloni-copy-2.txt"),  # newer: 10,033 votes, news of 5 Jan 2016
        ],
    )

    report = paths_import([folder])

    assert (report.imported, report.updated, [str(f) for f in report.failed]) == (1, 1, [])
    assert report.shared_dates == []
    title = Title.objects.get()
    sources = {s.file_name.rsplit("/", 1)[-1]: s for s in SourcePage.objects.filter(title=title)}
    newer, older = sources["vitelloni-copy-2.txt"], sources["vitelloni-copy-1.txt"]
    assert (newer.captured_at, newer.captured_precision) == (utc(2016, 1, 5), "day")
    assert "NewsDesk" in newer.captured_from
    # Nothing in the name or the page: the file's mtime, and it says so.
    assert (older.captured_at, older.captured_precision, older.captured_from) == (COPIED_AT, "second", "file mtime")
    history = [(c.captured_at, c.votes) for c in RatingCapture.objects.filter(title=title)]
    assert history == [(utc(2016, 1, 5), 10033), (COPIED_AT, 9827)]
    assert rating_history_chart(RatingCapture.objects.filter(title=title)) is not None


def test_captures_that_share_a_date_are_both_kept_and_reported(tmp_path):
    # Two snapshots (1,616 and 1,877 votes) whose newest NewsDesk item is the same day.
    folder = _copy_together(
        tmp_path / "copies",
        [
            ("025_pale_flower_1964_b.txt", "pale-flower-b.txt"),
            ("026_pale_flower_1964_c.txt", "pale-flower-c.txt"),
        ],
    )
    out, err = io.StringIO(), io.StringIO()

    call_command("import_pages", str(folder), stdout=out, stderr=err)

    title = Title.objects.get()
    sources = SourcePage.objects.filter(title=title).order_by("file_name")
    assert [(s.captured_at, s.captured_precision) for s in sources] == [(utc(2011, 5, 24), "day")] * 2
    assert RatingCapture.objects.filter(title=title).count() == 1  # one per title and date
    warning = next(line for line in out.getvalue().splitlines() if line.startswith("warning:"))
    assert "Pale Flower (1964): 2 title captures share the date 2011-05-24 (day)" in warning
    assert str(folder / "pale-flower-b.txt") in warning and str(folder / "pale-flower-c.txt") in warning
    assert "the rating history keeps one of them" in warning


def test_the_file_name_comes_before_the_page_and_the_mtime(tmp_path):
    folder = _copy_together(
        tmp_path / "copies",
        [
            ("025_pale_flower_1964_b.txt", "pale-flower.20110601083015.txt"),  # a Wayback timestamp
            ("026_pale_flower_1964_c.txt", "pale-flower-2012-03-14.txt"),  # a day
        ],
    )

    report = paths_import([folder])

    assert report.shared_dates == []
    got = {
        s.file_name.rsplit("/", 1)[-1]: (s.captured_at, s.captured_precision, s.captured_from)
        for s in SourcePage.objects.all()
    }
    assert got == {
        "pale-flower.20110601083015.txt": (utc(2011, 6, 1, 8, 30, 15), "second", "file name"),
        "pale-flower-2012-03-14.txt": (utc(2012, 3, 14), "day", "file name"),
    }
    assert [c.votes for c in RatingCapture.objects.order_by("captured_at")] == [1616, 1877]


def test_a_year_in_the_name_is_refined_by_a_day_on_the_page(tmp_path):
    folder = _copy_together(
        tmp_path / "copies",
        [
            ("018_i_vitelloni_1953_b.txt", "i-vitelloni-1953.combined-2016.txt"),
            ("017_i_vitelloni_1953_a.txt", "i-vitelloni-1953.combined-2015.txt"),
        ],
    )

    paths_import([folder])

    got = {s.file_name.rsplit("/", 1)[-1]: (s.captured_at, s.captured_precision) for s in SourcePage.objects.all()}
    assert got == {
        "i-vitelloni-1953.combined-2016.txt": (utc(2016, 1, 5), "day"),  # the page's day, inside 2016
        "i-vitelloni-1953.combined-2015.txt": (utc(2015, 1, 1), "year"),  # nothing on the page
    }
    newer = SourcePage.objects.get(file_name__endswith="2016.txt")
    assert "inside the file name's year" in newer.captured_from
    # The title page's chart shows each date as precise as it is known.
    page = title_page(Title.objects.get().slug)
    assert [(p.captured_at.year, p.precision, p.votes) for p in page.rating_history] == [
        (2015, "year", 9827),
        (2016, "day", 10033),
    ]
    chart = rating_history_chart(page.rating_history)
    assert [point.label for point in chart.votes] == ["2015: 9,827 votes", "2016-01-05: 10,033 votes"]


def test_the_page_footer_year_when_the_name_has_none(tmp_path):
    folder = _copy_together(tmp_path / "copies", [("gurotesuku_2009_maindetails_2010.txt", "gurotesuku.txt")])
    paths_import([folder])
    source = SourcePage.objects.get()
    assert (source.captured_at, source.captured_precision, source.captured_from) == (
        utc(2010, 1, 1),
        "year",
        "page footer",
    )


def test_a_stated_date_is_kept(tmp_path):
    folder = _copy_together(tmp_path / "copies", [("018_i_vitelloni_1953_b.txt", "vitelloni-2010-01-01.txt")])
    when = utc(2016, 2, 1, 10, 0)
    paths_import([folder], captured_at=when)
    source = SourcePage.objects.get()
    assert (source.captured_at, source.captured_precision, source.captured_from) == (when, "second", "--captured-at")


def test_an_archive_member_date_is_a_last_resort(tmp_path):
    archive = tmp_path / "copies.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for source, target in [("017_i_vitelloni_1953_a.txt", "a.txt"), ("018_i_vitelloni_1953_b.txt", "b.txt")]:
            info = zipfile.ZipInfo(target, date_time=(2020, 2, 2, 12, 0, 0))
            out.writestr(info, (CAPTURES / source).read_bytes())

    report = paths_import([archive])

    assert report.shared_dates == []
    got = {s.file_name.rsplit("!", 1)[-1]: (s.captured_at, s.captured_from) for s in SourcePage.objects.all()}
    assert got == {"a.txt": (COPIED_AT, "archive member date"), "b.txt": (utc(2016, 1, 5), got["b.txt"][1])}
    assert "NewsDesk" in got["b.txt"][1]
