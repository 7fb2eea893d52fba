"""Write a realistic generated catalogue of title pages (text layout) for tests and benchmarks."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.generation import write_pages


class Command(BaseCommand):
    help = "Write N generated title pages (plain-text layout) under OUT, in folders of at most 1,000 pages."

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, help="output folder (created if missing)")
        parser.add_argument("--titles", type=int, default=1000, help="how many pages (default 1000)")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same bytes (default 1)")

    def handle(self, *args, out: Path, titles: int, seed: int, **options):
        if titles < 1:
            raise CommandError("--titles must be at least 1.")
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} exists and is not a folder.")
        started = time.perf_counter()
        report = write_pages(
            out, seed=seed, titles=titles, progress=lambda done: self.stderr.write(f"  {done:,} pages…")
        )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Wrote {report.pages:,} pages ({report.credits:,} credits, {report.bytes / 1e6:.1f} MB) "
            f"in {report.folders} folders under {out} in {elapsed:.1f} s ({report.pages / elapsed:,.0f} pages/s)."
        )
