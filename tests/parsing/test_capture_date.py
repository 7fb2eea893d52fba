"""Capture dates read from file names and from real pages (tests/pages/captures/)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from catalogue.parsing.capture_date import from_file_name, from_page
from catalogue.parsing.decoding import decode_bytes
from tests.conftest import ROOT, SAMPLES, TEST_PAGES

CAPTURES = TEST_PAGES / "captures"


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


def _page(name):
    return decode_bytes((CAPTURES / name).read_bytes())


@pytest.mark.parametrize(
    ("name", "title_year", "when", "precision", "evidence"),
    [
        # Wayback timestamps, with and without the raw-page "id_" flag, in a path or a member.
        ("web/20090612083015id_/tt0036855.html", None, utc(2009, 6, 12, 8, 30, 15), "second", "20090612083015"),
        ("crawl.zip!gaslight-20100701120000.html", 1944, utc(2010, 7, 1, 12, 0, 0), "second", "20100701120000"),
        ("imdb.com_title_tt0036855_20090612083015id_", None, utc(2009, 6, 12, 8, 30, 15), "second", "20090612083015"),
        # Days
        ("gaslight-1944.combined-2010-03-14.html", 1944, utc(2010, 3, 14), "day", "2010-03-14"),
        ("gaslight_1944_2010_03_14_combined.txt", 1944, utc(2010, 3, 14), "day", "2010_03_14"),
        ("gaslight.20100314.txt", None, utc(2010, 3, 14), "day", "20100314"),
        # Months
        ("gaslight-1944.combined-2010-03.html", 1944, utc(2010, 3, 1), "month", "2010-03"),
        # Years: the last one; the project's own sample names and the corpus's
        ("gaslight-1944.combined-2010.html", 1944, utc(2010, 1, 1), "year", "2010"),
        ("die-hard-1988.maindetails-2009.html", 1988, utc(2009, 1, 1), "year", "2009"),
        ("gurotesuku_2009_maindetails_2010.html", 2009, utc(2010, 1, 1), "year", "2010"),
        ("waar_2013_combined_2014.html", 2013, utc(2014, 1, 1), "year", "2014"),
        ("film-2009.combined-2009.html", 2009, utc(2009, 1, 1), "year", "2009"),
    ],
)
def test_file_names(name, title_year, when, precision, evidence):
    found = from_file_name(name, title_year=title_year)
    assert (found.when, found.precision, found.source, found.evidence) == (when, precision, "file name", evidence)


@pytest.mark.parametrize(
    ("name", "title_year"),
    [
        ("hiroshima-mon-amour-1959.combined.txt", 1959),  # the film's year, before any web archive
        ("up-2009.txt", 2009),  # a single year that is the title's own
        ("tt2009123.html", None),  # an IMDb id, not a year
        ("nm20100314.html", None),
        ("page-12345678901234.html", None),  # 14 digits that are no date (month 56)
        ("copy-a.html", None),
        ("/tmp/2010/copy-a.html", None),  # folders are not read, only the file's own name
        ("/tmp/2010-03-14/copy-a.html", None),
    ],
)
def test_names_without_a_capture_date(name, title_year):
    assert from_file_name(name, title_year=title_year) is None


def test_the_footer_gives_a_year_when_the_news_is_older():
    found = from_page(_page("gurotesuku_2009_maindetails_2010.txt"))
    assert (found.when, found.precision, found.source) == (utc(2010, 1, 1), "year", "page footer")
    assert found.evidence == "Copyright © 1990-2010"


def test_the_newest_news_item_gives_a_day_in_a_text_page():
    found = from_page(_page("018_i_vitelloni_1953_b.txt"))
    assert (found.when, found.precision) == (utc(2016, 1, 5), "day")
    assert "NewsDesk" in found.source and "on or after" in found.source
    assert found.evidence == "5 January 2016, 6:00 AM, PST)"


def test_a_news_item_without_its_source_still_counts():
    # "(From 24 May 2011, 8:33 AM, PDT)" is newer than "(From MUBI. 13 October 2010, …)".
    assert from_page(_page("025_pale_flower_1964_b.txt")).when == utc(2011, 5, 24)
    assert from_page(_page("026_pale_flower_1964_c.txt")).when == utc(2011, 5, 24)


def test_html_page_footer_and_news():
    text = _page("waar_2013_combined_2014.html")
    found = from_page(text)
    # 29 March 2014, 9:09 PM PDT is 30 March in UTC; the footer says 1990-2014.
    assert (found.when, found.precision) == (utc(2014, 3, 30), "day")
    footer_only = text.replace("(From", "(Fr0m").replace("AM, P", "AM P").replace("PM, P", "PM P")
    found = from_page(footer_only)
    assert (found.when, found.precision, found.evidence) == (utc(2014, 1, 1), "year", "Copyright &copy;</a> 1990-2014")


def test_popularity_this_week_is_no_date():
    text = _page("gurotesuku_2009_maindetails_2010.txt")
    assert "Down 7% in popularity this week" in text
    hiroshima = decode_bytes((SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes())
    assert "Up 1% in popularity this week" in hiroshima
    assert from_page(hiroshima) is None
    assert from_page("Up 12% this week.\nUp 12% in popularity this week.\nUser Rating: 8.0/10") is None
    assert from_page(_page("017_i_vitelloni_1953_a.txt")) is None


def test_the_module_needs_no_django():
    code = "import sys, catalogue.parsing.capture_date; assert not any(m.startswith('django') for m in sys.modules), sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
