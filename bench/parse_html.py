"""Benchmark: HTML title pages parsed per second on one core.

    python bench/parse_html.py [--seconds 3]

Parses each HTML sample (samples/*.html) and each HTML test page
(tests/pages/html/, title pages only) repeatedly and prints pages/s and MB/s per
page and for the whole corpus. The lead folds this into bench/parse.py.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.parsing import PageError  # noqa: E402
from catalogue.parsing.html import parse_html_page  # noqa: E402


def corpus() -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted((ROOT / "samples").glob("*.html")) + sorted((ROOT / "tests" / "pages" / "html").glob("*.html")):
        data = path.read_bytes()
        try:
            parse_html_page(data)
        except PageError:
            continue  # not a title page
        pages.append((path.name, data))
    return pages


def measure(data: bytes, seconds: float) -> float:
    """Pages per CPU second for one page, best of three runs of ``seconds / 3``.

    CPU time of this process, not wall time: the machine is shared, and a page
    parse is single-threaded, so CPU time is the one-core figure.
    """
    best = 0.0
    for _ in range(3):
        count = 0
        start = time.process_time()
        deadline = start + seconds / 3
        while True:
            parse_html_page(data)
            count += 1
            now = time.process_time()
            if now >= deadline:
                break
        best = max(best, count / (now - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time spent on each page")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, one process (one core), pages per CPU second")
    print(f"{'page':58} {'KiB':>7} {'pages/s':>9} {'MB/s':>7}")
    total_bytes = 0
    total_seconds = 0.0
    for name, data in corpus():
        rate = measure(data, args.seconds)
        total_bytes += len(data)
        total_seconds += 1 / rate
        print(f"{name:58} {len(data) / 1024:7.1f} {rate:9.0f} {rate * len(data) / 1e6:7.1f}")
    pages = len(corpus())
    print(f"{'corpus (each page once)':58} {total_bytes / 1024:7.1f} {pages / total_seconds:9.0f} {total_bytes / total_seconds / 1e6:7.1f}")


if __name__ == "__main__":
    main()
