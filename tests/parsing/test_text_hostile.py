"""Any input gives a TitleRecord or a PageError, in time linear in its size."""

from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.parsing import PageError, TitleRecord, parse_page
from catalogue.parsing.text import parse_text_page
from tests.conftest import SAMPLES, TEST_PAGES

CONTRACT_KEYS = set(TitleRecord(title="x").to_dict())
REAL_PAGES = [path.read_bytes() for path in sorted(SAMPLES.glob("*.txt"))] + [
    path.read_bytes() for path in sorted(TEST_PAGES.glob("*.txt"))
]
# PARSER_EXAMPLES=5000 for a longer hunt; the suite keeps it fast.
FAST = settings(
    max_examples=int(os.environ.get("PARSER_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _check(data: bytes) -> None:
    try:
        record = parse_page(data)
    except PageError as error:
        assert str(error)
        # A PageError for a bug in the parser would hide the bug: none may reach here.
        assert "internal parser error" not in str(error), str(error)
        return
    assert isinstance(record, TitleRecord)
    payload = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    assert CONTRACT_KEYS <= set(payload)
    assert record.title


@FAST
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    _check(data)


@FAST
@given(st.text(max_size=2000))
def test_random_text(text):
    _check(text.encode("utf-8"))
    _check(("IMDb > X (1999)\n" + text).encode("utf-8"))


@st.composite
def mutated_pages(draw):
    page = draw(st.sampled_from(REAL_PAGES))
    lines = page.split(b"\n")
    for _ in range(draw(st.integers(0, 6))):
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "flip", "join"]))
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "truncate":
            lines = lines[: index + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif operation == "flip" and lines[index]:
            position = draw(st.integers(0, len(lines[index]) - 1))
            line = bytearray(lines[index])
            line[position] ^= draw(st.integers(1, 255))
            lines[index] = bytes(line)
        elif operation == "join" and index + 1 < len(lines):
            lines[index : index + 2] = [lines[index] + lines[index + 1]]
    if draw(st.booleans()):
        shuffled = draw(st.permutations(lines[:40]))
        lines = list(shuffled) + lines[40:]
    return b"\n".join(lines)


@FAST
@given(mutated_pages())
def test_mutated_real_pages(data):
    _check(data)


def test_empty_and_blank_pages_are_page_errors():
    for data in (b"", b"\n\n\n", b"   ", b"\x00" * 1000):
        with pytest.raises(PageError, match="not an IMDb title page"):
            parse_page(data)


def test_another_site_is_a_page_error():
    text = "Wikipedia\nHiroshima mon amour (1959)\nFrom Wikipedia, the free encyclopedia\n" * 20
    with pytest.raises(PageError, match="not an IMDb title page"):
        parse_text_page(text)


def test_parse_text_page_rejects_bytes():
    with pytest.raises(PageError):
        parse_text_page(b"IMDb > X (1999)")  # type: ignore[arg-type]


def _timed(data: bytes) -> float:
    start = time.process_time()
    try:
        parse_page(data)
    except PageError:
        pass
    return time.process_time() - start


def test_large_input_is_linear():
    # Without its footer, so that every copy is read section by section (the footer ends a page).
    page = (SAMPLES / "gaslight-1944.combined-2010.extracted.txt").read_bytes().split(b"Related Links")[0]
    small = page * (2_000_000 // len(page))
    large = page * (20_000_000 // len(page))
    small_time = max(_timed(small), 0.05)
    large_time = _timed(large)
    # Ten times the input: linear is ~10x; quadratic would be ~100x.
    assert large_time < small_time * 25


@pytest.mark.parametrize(
    "unit",
    [b"a", b" (", b"(", b"a:", b"| a:b ", b" ... ", b"....", b'"', b" -- ", b" more", b"Won ", b"  ", b"\xc2\xa0"],
)
def test_one_megabyte_line_is_linear(unit):
    header = (SAMPLES / "hiroshima-mon-amour-1959.combined.txt").read_bytes().split(b"Did You Know?\n\n")[0]
    small = header + unit * (100_000 // len(unit)) + b"\n"
    large = header + unit * (1_000_000 // len(unit)) + b"\n"
    small_time = max(_timed(small), 0.02)
    assert _timed(large) < small_time * 25
    record = parse_page(large)
    assert record.title == "Hiroshima Mon Amour"
