"""Writing a generated catalogue to disk, one page at a time (memory stays flat in N)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .pages import GeneratedPage, generate_page

PAGES_PER_FOLDER = 1000


def iter_pages(*, seed: int, titles: int, start: int = 0, stop: int | None = None) -> Iterator[GeneratedPage]:
    """Pages ``start``…``stop - 1`` of a catalogue of ``titles`` titles, one at a time."""
    for number in range(start, titles if stop is None else min(stop, titles)):
        yield generate_page(seed=seed, number=number, titles=titles)


@dataclass
class WriteReport:
    pages: int = 0
    credits: int = 0
    bytes: int = 0
    folders: int = 0


def write_pages(
    out: Path | str,
    *,
    seed: int,
    titles: int,
    progress: Callable[[int], None] | None = None,
) -> WriteReport:
    """Write ``titles`` pages under ``out`` as UTF-8 text, in folders of at most 1,000 pages."""
    out = Path(out)
    report = WriteReport()
    made: set[str] = set()
    for page in iter_pages(seed=seed, titles=titles):
        path = out / page.path
        if path.parent.name not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent.name)
        data = page.text.encode("utf-8")
        path.write_bytes(data)
        report.pages += 1
        report.credits += page.credit_count
        report.bytes += len(data)
        if progress and report.pages % PAGES_PER_FOLDER == 0:
            progress(report.pages)
    report.folders = len(made)
    return report
