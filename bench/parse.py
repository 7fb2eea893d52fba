"""Parsing speed: pages per second and MB per second, on one core, per corpus.

    python bench/parse.py [--seconds 3]

Each corpus is a list of files parsed through ``catalogue.parsing.parse_page`` (bytes in,
record out, as the importer calls it), repeated until the time budget is spent. Time is
CPU time of this process, so other load on the machine disturbs it little. To add a
corpus (HTML pages, say), append a ``(label, files)`` pair to ``CORPORA``.
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
    ("text: whole sample pages", [SAMPLES / "hiroshima-mon-amour-1959.combined.txt",
                                  SAMPLES / "gaslight-1944.combined-2010.extracted.txt",
                                  SAMPLES / "die-hard-1988.maindetails-2009.extracted.txt"]),
]


def measure(files: list[Path], seconds: float) -> tuple[int, int, float]:
    pages = [path.read_bytes() for path in files]
    parsed = size = 0
    start = time.process_time()
    while True:
        for data in pages:
            try:
                parse_page(data)
            except PageError:
                pass
        parsed += len(pages)
        size += sum(len(data) for data in pages)
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return parsed, size, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="CPU seconds per corpus")
    options = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, one process")
    for label, files in CORPORA:
        files = [path for path in files if path.exists()]
        if not files:
            continue
        parsed, size, elapsed = measure(files, options.seconds)
        average_kb = size / parsed / 1024
        print(
            f"{label:32} {len(files):3} files, {average_kb:5.1f} KB/page: "
            f"{parsed / elapsed:7.0f} pages/s  {size / elapsed / 1e6:6.2f} MB/s"
        )


if __name__ == "__main__":
    main()
