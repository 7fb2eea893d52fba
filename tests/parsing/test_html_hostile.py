"""Hostile input: any bytes give a record or a PageError, never another exception or a hang."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.parsing import PageError, TitleRecord, parse_page
from catalogue.parsing.html import parse_html_page
from tests.conftest import SAMPLES, TEST_PAGES

SAMPLE_PAGES = [
    (SAMPLES / "gaslight-1944.combined-2010.html").read_bytes(),
    (SAMPLES / "die-hard-1988.maindetails-2009.html").read_bytes(),
]
TEST_HTML_PAGES = sorted((TEST_PAGES / "html").glob("*.html"))
TAG = re.compile(rb"<[^<>]{0,200}>")

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def parses_or_refuses(data: bytes) -> None:
    try:
        record = parse_html_page(data)
    except PageError as error:
        assert str(error)
        return
    assert isinstance(record, TitleRecord)
    assert record.title
    record.to_dict()  # the record is complete enough to be written out


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    parses_or_refuses(data)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list('<>/="\' abdhi15tnmlspc()&#;:\n')), max_size=2000))
def test_random_tag_soup(text):
    parses_or_refuses(text.encode("utf-8"))


@SETTINGS
@given(page=st.sampled_from(SAMPLE_PAGES), cut=st.floats(min_value=0, max_value=1))
def test_samples_truncated_anywhere(page, cut):
    parses_or_refuses(page[: int(len(page) * cut)])


@SETTINGS
@given(page=st.sampled_from(SAMPLE_PAGES), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=40))
def test_samples_with_bytes_flipped(page, flips):
    data = bytearray(page)
    for where, value in flips:
        data[min(int(len(data) * where), len(data) - 1)] = value
    parses_or_refuses(bytes(data))


@SETTINGS
@given(page=st.sampled_from(SAMPLE_PAGES), data=st.data())
def test_samples_with_tags_removed(page, data):
    tags = [match.span() for match in TAG.finditer(page)]
    removed = data.draw(st.sets(st.integers(0, len(tags) - 1), max_size=200))
    kept = bytearray()
    position = 0
    for index, (start, end) in enumerate(tags):
        if index in removed:
            kept += page[position:start]
            position = end
    kept += page[position:]
    parses_or_refuses(bytes(kept))


@SETTINGS
@given(page=st.sampled_from(SAMPLE_PAGES), chunk=st.binary(min_size=1, max_size=200), where=st.floats(0, 1))
def test_samples_with_junk_inserted(page, chunk, where):
    at = int(len(page) * where)
    parses_or_refuses(page[:at] + chunk + page[at:])


def test_deeply_nested_page_gives_a_result_without_recursion_errors():
    page = b'<div id="tn15"><div id="tn15title"><h1>Deep <span>(2001)</span></h1></div><div id="tn15content">'
    page += b"<div>" * 20000 + b'<div class="info"><h5>Genre:</h5>Drama</div>' + b"</div>" * 20000 + b"</div></div>"
    parses_or_refuses(page)


def test_every_test_page_gives_a_record_or_a_page_error_through_parse_page():
    for path in TEST_HTML_PAGES:
        try:
            record = parse_page(path.read_bytes())
        except PageError:
            continue
        assert record.source_format == "html"
