"""parse_page sends each text page to the parser of its page type."""

import pytest

from catalogue.parsing import PageError, parse_page
from tests.conftest import TEST_PAGES


def test_text_reviews_page_is_parsed_as_reviews():
    record = parse_page((TEST_PAGES / "reviews" / "gaslight-1944.usercomments-2010.txt").read_bytes())

    assert record.page_type == "reviews"
    assert (record.title, record.year) == ("Gaslight", 1944)
    assert len(record.reviews) == 10
    assert record.cast == [] and record.crew == []


def test_text_fullcredits_page_is_parsed_as_fullcredits():
    record = parse_page((TEST_PAGES / "fullcredits" / "seven-samurai-1954.fullcredits-2010.txt").read_bytes())

    assert record.page_type == "fullcredits"
    assert (record.title, record.year) == ("Seven Samurai", 1954)
    assert record.crew and record.cast
    assert record.reviews == []


@pytest.mark.parametrize(
    ("name", "looks_like"),
    [("ingrid-bergman.name-2010.txt", "a name page"), ("news-2011.txt", "a news page")],
)
def test_text_page_of_another_kind_is_refused_clearly(name, looks_like):
    with pytest.raises(PageError) as raised:
        parse_page((TEST_PAGES / "other" / name).read_bytes())

    assert str(raised.value) == f"not an IMDb title page: looks like {looks_like}"
