"""Benchmark of the reviews and full-credits page parsers: prints figures, asserts nothing.

    python bench/bench_pages.py

Times each test page, then pages grown 4×, 16× and 64× (more reviews, more cast rows,
longer hostile lines) to show the cost stays linear in the page's size.
"""

from __future__ import annotations

import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.parsing.pages import (  # noqa: E402
    parse_html_fullcredits_page,
    parse_html_reviews_page,
    parse_text_fullcredits_page,
    parse_text_reviews_page,
)
from catalogue.parsing.record import PageError  # noqa: E402

PAGES = ROOT / "tests" / "pages"


def best_of(function, data, runs=5):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            function(data)
        except PageError:
            pass
        timings.append(time.perf_counter() - start)
    return min(timings)


def grow_html_reviews(data: bytes, factor: int) -> bytes:
    start = data.index(b"<div>\n<small>")
    end = data.rindex(b'<hr size="1" noshade="1">') + len(b'<hr size="1" noshade="1">')
    return data[:start] + data[start:end] * factor + data[end:]


def grow_text_reviews(data: bytes, factor: int) -> bytes:
    start = data.index(b"31 out of 42")
    end = data.rindex(b"Was the above review useful to you?\n") + len(b"Was the above review useful to you?\n")
    return data[:start] + data[start:end] * factor + data[end:]


def grow_html_cast(data: bytes, factor: int) -> bytes:
    rows = re.findall(rb'<tr class="(?:odd|even)">.*?</tr>\n', data)
    block = b"".join(rows)
    start = data.index(rows[0])
    return data[:start] + block * factor + data[start + len(block) :]


def grow_text_cast(data: bytes, factor: int) -> bytes:
    start = data.index(b"Toshir")
    end = data.index(b"rest of cast listed")
    return data[:start] + data[start:end] * factor + data[end:]


def main() -> None:
    print(
        f"python {platform.python_version()}, {platform.machine()}, cpus {len(__import__('os').sched_getaffinity(0))}"
    )
    print("\n## Test pages (best of 5)")
    for parse, name in (
        (parse_html_reviews_page, "reviews/gaslight-1944.usercomments-2010.html"),
        (parse_text_reviews_page, "reviews/gaslight-1944.usercomments-2010.txt"),
        (parse_html_fullcredits_page, "fullcredits/seven-samurai-1954.fullcredits-2010.html"),
        (parse_text_fullcredits_page, "fullcredits/seven-samurai-1954.fullcredits-2010.txt"),
        (parse_html_fullcredits_page, "../../samples/gaslight-1944.combined-2010.html"),
    ):
        data = (PAGES / name).read_bytes()
        seconds = best_of(parse, data)
        print(f"{Path(name).name:48} {len(data) / 1024:8.1f} KiB {seconds * 1000:8.2f} ms")
    print("\n## Growth (×4, ×16, ×64): time should grow like size")
    cases = (
        (
            "HTML reviews (10 reviews per ×1)",
            parse_html_reviews_page,
            "reviews/gaslight-1944.usercomments-2010.html",
            grow_html_reviews,
        ),
        (
            "text reviews (10 reviews per ×1)",
            parse_text_reviews_page,
            "reviews/gaslight-1944.usercomments-2010.txt",
            grow_text_reviews,
        ),
        (
            "HTML cast (44 rows per ×1)",
            parse_html_fullcredits_page,
            "fullcredits/seven-samurai-1954.fullcredits-2010.html",
            grow_html_cast,
        ),
        (
            "text cast (22 rows per ×1)",
            parse_text_fullcredits_page,
            "fullcredits/seven-samurai-1954.fullcredits-2010.txt",
            grow_text_cast,
        ),
    )
    for label, parse, name, grow in cases:
        base = (PAGES / name).read_bytes()
        figures = []
        for factor in (4, 16, 64):
            data = grow(base, factor)
            figures.append(f"×{factor}: {len(data) / 1024:7.0f} KiB {best_of(parse, data, runs=3) * 1000:8.1f} ms")
        print(f"{label:36} " + " | ".join(figures))
    print("\n## Hostile input (one line of 'x ... (' repeated; deep <div> nesting)")
    for count in (10_000, 40_000, 160_000):
        line = ("IMDb > Gaslight (1944) > User Reviews\nAuthor: " + "x ... (" * count + "\n").encode()
        figures = [
            f"{parse.__name__}: {best_of(parse, line, runs=1) * 1000:7.1f} ms"
            for parse in (parse_text_reviews_page, parse_text_fullcredits_page)
        ]
        print(f"{len(line) / 1024:7.0f} KiB  " + "  ".join(figures))
    for count in (1_000, 100_000):
        nested = b"<html><title>Gaslight (1944)</title><body>" + b"<div>x" * count
        print(
            f"{count:7} nested divs: parse_html_reviews_page {best_of(parse_html_reviews_page, nested, runs=1) * 1000:7.1f} ms"
        )


if __name__ == "__main__":
    main()
