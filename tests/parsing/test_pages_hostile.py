"""Hostile input: any bytes give a record or a PageError, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.parsing.pages import (
    parse_html_fullcredits_page,
    parse_html_reviews_page,
    parse_text_fullcredits_page,
    parse_text_reviews_page,
)
from catalogue.parsing.pagetype import describe_page
from catalogue.parsing.record import PageError, TitleRecord

PAGES = Path(__file__).resolve().parent.parent / "pages"
PARSERS = (parse_html_reviews_page, parse_text_reviews_page, parse_html_fullcredits_page, parse_text_fullcredits_page)
PAGE_FILES = [
    "reviews/gaslight-1944.usercomments-2010.html",
    "reviews/gaslight-1944.usercomments-2010.txt",
    "fullcredits/seven-samurai-1954.fullcredits-2010.html",
    "fullcredits/seven-samurai-1954.fullcredits-2010.txt",
]
PAGE_BYTES = [(PAGES / name).read_bytes() for name in PAGE_FILES]
HOSTILE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _record_or_page_error(parse, data, url=None):
    try:
        record = parse(data, url=url)
    except PageError as error:
        assert str(error)
        return None
    assert isinstance(record, TitleRecord)
    assert record.title
    record.to_dict()  # and it serialises
    for review in record.reviews:
        assert review.rating is None or 1 <= review.rating <= 10
    return record


@HOSTILE
@given(data=st.binary(max_size=4000))
def test_random_bytes(data):
    describe_page(data)
    for parse in PARSERS:
        _record_or_page_error(parse, data)


@HOSTILE
@given(text=st.text(max_size=2000), url=st.one_of(st.none(), st.text(max_size=200)))
def test_random_text_and_urls(text, url):
    describe_page(text, url=url)
    for parse in PARSERS:
        _record_or_page_error(parse, text.encode("utf-8", errors="surrogatepass"), url)


@st.composite
def mutated_pages(draw):
    data = bytearray(draw(st.sampled_from(PAGE_BYTES)))
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        operation = draw(st.sampled_from(["flip", "delete", "insert", "duplicate", "truncate"]))
        position = draw(st.integers(min_value=0, max_value=len(data)))
        if operation == "flip" and position < len(data):
            data[position] = draw(st.integers(min_value=0, max_value=255))
        elif operation == "delete":
            del data[position : position + draw(st.integers(min_value=1, max_value=400))]
        elif operation == "insert":
            data[position:position] = draw(
                st.sampled_from(
                    [
                        b"<div>",
                        b"</table>",
                        b"<tr><td>",
                        b"(",
                        b")",
                        b" .... ",
                        b" ... ",
                        b"\x00",
                        b"Author:",
                        b"<b>",
                        b"\n",
                        b"31 out of 42 people found the following review useful:",
                        b"<!--",
                        b"Directed by\n",
                        b'<td class="blackcatheader">',
                        b"\xff\xfe",
                        b"&#x0;",
                        b"&#xD800;",
                    ]
                )
            )
        elif operation == "duplicate":
            end = min(len(data), position + draw(st.integers(min_value=1, max_value=2000)))
            data[position:position] = data[position:end]
        elif operation == "truncate":
            del data[position:]
    return bytes(data)


@HOSTILE
@given(data=mutated_pages())
def test_mutated_pages(data):
    describe_page(data)
    for parse in PARSERS:
        _record_or_page_error(parse, data)


@pytest.mark.parametrize("parse", [parse_html_reviews_page, parse_html_fullcredits_page])
def test_deep_nesting_is_refused(parse):
    with pytest.raises(PageError, match="nested more than 1000 deep"):
        parse(b"<html><title>Gaslight (1944)</title><body>" + b"<div>x" * 5000 + b"</body></html>")


@pytest.mark.parametrize("parse", PARSERS)
def test_huge_lines_are_kept_not_parsed(parse):
    line = "Author: " + "x ... (" * 20000
    record = _record_or_page_error(parse, f"IMDb > Gaslight (1944) > User Reviews\n{line}\n".encode())
    assert record is None or record.title == "Gaslight"


@pytest.mark.parametrize("chunk", [b"<div></span>", b"<li><ul></li>", b"<table><tr><td>"])
def test_nesting_hidden_behind_stray_end_tags_is_refused(chunk):
    with pytest.raises(PageError, match="nested more than 1000 deep"):
        parse_html_fullcredits_page(b"<html><title>Gaslight (1944)</title><body>" + chunk * 3000 + b"</body></html>")
