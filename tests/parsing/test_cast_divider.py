"""The old page's "rest of cast listed alphabetically:" line, kept in the record as ``cast_alphabetical_from``."""

from pathlib import Path

import pytest

from catalogue.parsing import parse_page
from tests.conftest import SAMPLES, TEST_PAGES


@pytest.mark.parametrize(
    "path, total, start, last_credited, first_alphabetical",
    [
        (SAMPLES / "gaslight-1944.combined-2010.html", 53, 14, "Jakob Gimpel", "Harry Adams"),
        (SAMPLES / "gaslight-1944.combined-2010.extracted.txt", 53, 14, "Jakob Gimpel", "Harry Adams"),
        (TEST_PAGES / "extractions" / "gaslight-1944.combined-2010.lynx.txt", 53, 14, "Jakob Gimpel", "Harry Adams"),
        # Full credits pages: 22 credited rows, then 22 alphabetical (tests/pages/README.md).
        (TEST_PAGES / "fullcredits" / "seven-samurai-1954.fullcredits-2010.txt", 44, 23, "Haruko Toyama", "Kyôko Ai"),
        (TEST_PAGES / "fullcredits" / "seven-samurai-1954.fullcredits-2010.html", 44, 23, "Haruko Toyama", "Kyôko Ai"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else None,
)
def test_the_divider_s_place_is_recorded(path, total, start, last_credited, first_alphabetical):
    record = parse_page(path.read_bytes())

    assert len(record.cast) == total
    assert record.cast_alphabetical_from == start
    assert record.cast[start - 2].name == last_credited
    assert record.cast[start - 1].name == first_alphabetical
    assert record.cast[start - 1].order == start


@pytest.mark.parametrize(
    "name",
    [
        "hiroshima-mon-amour-1959.combined.txt",
        "seven-samurai-1954.combined-excerpt.txt",
        "die-hard-1988.maindetails-2009.html",
    ],
)
def test_no_divider_no_value(name):
    assert parse_page((SAMPLES / name).read_bytes()).cast_alphabetical_from is None
