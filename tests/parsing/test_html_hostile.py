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

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


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
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abdhi15tnmlspc()&#;:\n")), max_size=2000))
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


def _frame(content: bytes) -> bytes:
    return (
        b'<div id="tn15" class="combined"><div id="tn15title"><h1>Deep <span>(2001)</span></h1></div>'
        b'<div id="tn15content">' + content + b"</div></div>"
    )


def test_nested_info_blocks_are_read_within_limits():
    page = _frame(b'<div class="info"><h5>Trivia:</h5>fact ' * 3000 + b"</div>" * 3000)
    record = parse_html_page(page)
    assert record.title == "Deep"
    assert 1 <= len(record.trivia) <= 150  # MAX_BLOCKS


def test_nested_crew_tables_and_many_rows_are_read_within_limits():
    row = b'<tr><td><a href="/name/nm0000001/">A Person</a></td><td>....</td><td>grip</td></tr>'
    page = _frame(b'<table><tr><td colspan="3"><h5>Other crew</h5></td></tr>' * 100 + row * 5000 + b"</table>" * 100)
    record = parse_html_page(page)
    assert len(record.crew) == 3000  # MAX_ROWS


def test_pathological_header_and_values_do_not_hang():
    page = (
        b'<div id="tn15"><div id="tn15title"><h1>X <span>' + b"(" * 50000 + b"1999" * 20000 + b"</span></h1></div>"
        b'<div id="tn15content"><div class="info"><h5>Release Date:</h5>'
        + b"1999 " * 50000
        + b"(USA" * 20000
        + b"</div>"
        b'<div class="info"><h5>Goofs:</h5>' + b"A" * 100000 + b":" + b" x" * 50000 + b"</div></div></div>"
    )
    parses_or_refuses(page)


def test_nested_company_lists_are_read_within_limits():
    item = b'<li><a href="/company/co0016037/">MGM</a> (USA)</li>'
    page = _frame(
        b'<div class="info"><h5>Genre:</h5>Drama</div>'
        + (b'<b class="blackcatheader">Distributors</b><ul>' + item * 20) * 2000
        + b"</ul>" * 2000
    )
    record = parse_html_page(page)
    assert 1 <= len(record.companies) <= 3000


def test_long_runs_in_values_do_not_make_regular_expressions_quadratic():
    page = _frame(
        b'<div class="info"><h5>User Rating:</h5>' + b"1" * 300000 + b"</div>"
        b'<div class="info"><h5>Awards:</h5>' + b"9" * 300000 + b"</div>"
        b'<div class="info"><h5>Genre:</h5>' + "»|".encode() * 100000 + b"x</div>"
        b'<div class="comment"><div class="small">'
        + b"7" * 300000
        + b"</div><b>t</b>, 1 May 2001<p>"
        + b"*" * 300000
        + b"</p></div>"
    ).replace(b"<h1>Deep <span>(2001)</span></h1>", b"<h1>Deep <span>" + b"(1999" * 50000 + b")</span></h1>")
    parses_or_refuses(page)
