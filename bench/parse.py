"""Parsing speed: pages per second and MB per second, on one core, per corpus.

    python bench/parse.py [--seconds 3]

Each corpus is a list of files parsed through ``catalogue.parsing.parse_page`` (bytes in,
record out, as the importer calls it), in rounds until the time budget is spent. Time is
CPU time of this process; the fastest round shows the speed least disturbed by other
load on a shared machine. Text and HTML pages are reported separately; to add a
corpus, append a ``(label, files)`` pair to ``CORPORA``. The reviews and full-credits
page parsers have their own script, bench/bench_pages.py.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.parsing import PageError, parse_page  # noqa: E402

SAMPLES = ROOT / "samples"
TEST_PAGES = ROOT / "tests" / "pages"

CORPORA: list[tuple[str, list[Path]]] = [
    ("text: samples + tests/pages", sorted(SAMPLES.glob("*.txt")) + sorted(TEST_PAGES.glob("*.txt"))),
    ("text: Hiroshima sample (8.5 KiB)", [SAMPLES / "hiroshima-mon-amour-1959.combined.txt"]),
    (
        "text: whole sample pages",
        [
            SAMPLES / "hiroshima-mon-amour-1959.combined.txt",
            SAMPLES / "gaslight-1944.combined-2010.extracted.txt",
            SAMPLES / "die-hard-1988.maindetails-2009.extracted.txt",
        ],
    ),
    ("html: samples + tests/pages/html", sorted(SAMPLES.glob("*.html")) + sorted((TEST_PAGES / "html").glob("*.html"))),
    ("html: Gaslight combined (118 KiB)", [SAMPLES / "gaslight-1944.combined-2010.html"]),
]


def measure(files: list[Path], seconds: float) -> tuple[float, float, float]:
    """Pages/s and MB/s over all rounds, and pages/s of the fastest round (least disturbed by other load)."""
    pages = [path.read_bytes() for path in files]
    round_size = sum(len(data) for data in pages)
    rounds: list[float] = []
    while sum(rounds) < seconds:
        start = time.process_time()
        for data in pages:
            try:
                parse_page(data)
            except PageError:
                pass
        rounds.append(time.process_time() - start)
    total = sum(rounds)
    best = min(rounds) or total / len(rounds)
    return len(pages) * len(rounds) / total, round_size * len(rounds) / total / 1e6, len(pages) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="CPU seconds per corpus")
    options = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, one process")
    for label, files in CORPORA:
        files = [path for path in files if path.exists()]
        if not files:
            continue
        pages_per_second, megabytes_per_second, best = measure(files, options.seconds)
        average_kb = sum(path.stat().st_size for path in files) / len(files) / 1024
        print(
            f"{label:32} {len(files):3} files, {average_kb:5.1f} KB/page: "
            f"{pages_per_second:7.0f} pages/s  {megabytes_per_second:6.2f} MB/s  (fastest round {best:7.0f} pages/s)"
        )


if __name__ == "__main__":
    main()
