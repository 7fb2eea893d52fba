"""import_pages PATH…: import saved pages (files, folders, archives, WARC/WET files)."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timezone

from django.core.management.base import BaseCommand, CommandError

from catalogue.importing.outcome import ImportReport, ImportStopped
from catalogue.importing.pages import COMMIT_EVERY_PAGES, COMMIT_EVERY_SECONDS, pages_import

LOG_EVERY = 1000


class Command(BaseCommand):
    help = "Import saved title pages: files, folders, .zip/.tar.gz archives, .warc(.gz) and .wet.gz files."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="parse and report, write nothing")
        parser.add_argument(
            "--captured-at",
            metavar="ISO",
            help="capture date of pages that carry none (WARC records carry their own); default: file mtime",
        )
        parser.add_argument(
            "--commit-every",
            type=int,
            default=COMMIT_EVERY_PAGES,
            metavar="PAGES",
            help=f"commit after this many pages (or {COMMIT_EVERY_SECONDS:g} s), default {COMMIT_EVERY_PAGES}; "
            "a kill loses at most the pages since the last commit, which the next run imports",
        )

    def handle(self, *args, paths, dry_run, captured_at, commit_every, **options):
        if commit_every < 1:
            raise CommandError("--commit-every must be at least 1")
        when = _parse_when(captured_at) if captured_at else None
        interactive = self.stderr.isatty()
        started = time.monotonic()
        state = {"last": 0.0}

        def progress(report: ImportReport, item, result) -> None:
            if result is None:  # a skipped file: listed in the report
                return
            if interactive:
                now = time.monotonic()
                if now - state["last"] >= 0.2:
                    state["last"] = now
                    rate = report.pages / max(now - started, 1e-6)
                    line = f"\r{report.pages} pages, {rate:.0f} pages/s, {len(report.failed)} failed"
                    self.stderr.write(line, ending="")
                    self.stderr.flush()
                return
            if report.pages % LOG_EVERY == 0:
                rate = report.pages / max(time.monotonic() - started, 1e-6)
                self.stderr.write(f"{report.pages} pages ({rate:.0f} pages/s), {len(report.failed)} failed")

        try:
            report = pages_import(paths, captured_at=when, dry_run=dry_run, progress=progress,
                                  commit_every=commit_every)
        except KeyboardInterrupt:
            # The open group of pages was rolled back; every committed page is whole.
            self.stderr.write(("\n" if interactive else "") + "interrupted: the pages committed so far are kept; "
                              "run the same command again to import the rest")
            sys.exit(130)
        except ImportStopped as stopped:
            if interactive:
                self.stderr.write("")
            self._report(stopped.report, elapsed=time.monotonic() - started, dry_run=dry_run)
            raise CommandError(
                f"stopped: {stopped}. The open group of pages was rolled back ({stopped.report.rolled_back} "
                "page(s)); every page counted above is committed and whole. Free space (or fix the database) "
                "and run the same command again to import the rest.",
                returncode=1,
            ) from None
        if interactive:
            self.stderr.write("")
        elapsed = time.monotonic() - started
        self._report(report, elapsed=elapsed, dry_run=dry_run)
        if report.failed:
            raise CommandError(f"{len(report.failed)} page(s) failed", returncode=1)

    def _report(self, report: ImportReport, *, elapsed: float, dry_run: bool) -> None:
        out = self.stdout
        prefix = "dry run (nothing written): " if dry_run else ""
        out.write(
            f"{prefix}{report.pages} pages in {elapsed:.1f}s: imported {report.imported}, updated {report.updated}, "
            f"unchanged {report.unchanged}, skipped {len(report.skipped)}, failed {len(report.failed)}, "
            f"conflicts {len(report.conflicts)}; recommendation lines split {report.recommendation_lines_split}"
        )
        for skipped in report.skipped:
            out.write(f"skipped: {skipped.name}: {skipped.reason}")
        for failure in report.failed:
            out.write(f"failed: {failure}")
        for name, conflict in report.conflicts:
            out.write(f"conflict: {name}: {conflict}")
        for shared in report.shared_dates:
            out.write(f"warning: {shared}")


def _parse_when(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CommandError(f"--captured-at {value!r} is not an ISO date or date-time") from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
