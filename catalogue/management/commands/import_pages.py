"""import_pages PATH…: import saved pages (files, folders, archives, WARC/WET files)."""

from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext
from datetime import datetime, timezone
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.importing.outcome import Failure, ImportOutcome, ImportReport, ImportStopped
from catalogue.importing.pages import COMMIT_EVERY_PAGES, COMMIT_EVERY_SECONDS, paths_import
from catalogue.importing.sources import input_size
from catalogue.importing.summary import summary_lines

LOG_EVERY = 1000


class Command(BaseCommand):
    help = (
        "Import saved title pages: files, folders, .zip/.tar.gz archives, .warc(.gz), .arc(.gz) and .wet.gz files. "
        "-v 2 lists every page; --report FILE.jsonl writes a line per page."
    )

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
        parser.add_argument("--report", metavar="FILE.jsonl", help="write one JSON line per page and skipped item")

    def handle(self, *args, paths, dry_run, captured_at, commit_every, report, verbosity, **options):
        if commit_every < 1:
            raise CommandError("--commit-every must be at least 1")
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}", returncode=2)
        when = _parse_when(captured_at) if captured_at else None
        report_file = _open_report(report)
        total = input_size(paths)
        interactive = self.stderr.isatty()
        started = time.monotonic()
        state = {"last": 0.0}

        def progress(batch: ImportReport, item, result) -> None:
            if report_file is not None:
                report_file.write(json.dumps(_report_line(item, result), ensure_ascii=False) + "\n")
            if verbosity >= 2:
                self.stdout.write(_page_line(item, result))
            if result is None:  # a skipped item: counted in the summary
                return
            now = time.monotonic()
            if interactive:
                if now - state["last"] >= 0.2:
                    state["last"] = now
                    self.stderr.write("\r" + _progress_line(batch, item, total, now - started), ending="")
                    self.stderr.flush()
            elif batch.pages % LOG_EVERY == 0:
                self.stderr.write(_progress_line(batch, item, total, now - started))

        interrupted = False
        try:
            with report_file if report_file is not None else nullcontext():
                try:
                    batch = paths_import(
                        paths, captured_at=when, dry_run=dry_run, progress=progress, commit_every=commit_every
                    )
                except ImportStopped as stopped:
                    if report_file is not None:
                        report_file.write(
                            json.dumps(
                                {
                                    "outcome": "stopped",
                                    "reason": str(stopped),
                                    "rolled_back": stopped.report.rolled_back,
                                }
                            )
                            + "\n"
                        )
                    raise
        except KeyboardInterrupt:
            interrupted = True  # answered below, once this block has ended: see _interrupted
        except ImportStopped as stopped:
            if interactive:
                self.stderr.write("")
            self._summary(stopped.report, elapsed=time.monotonic() - started, dry_run=dry_run, verbosity=verbosity)
            raise CommandError(
                f"stopped: {stopped}. The open group of pages was rolled back ({stopped.report.rolled_back} "
                "page(s)); every page counted above is committed and whole. Free space (or fix the database) "
                "and run the same command again to import the rest.",
                returncode=1,
            ) from None
        if interrupted:
            self._interrupted(interactive)
        if interactive:
            self.stderr.write("")
        self._summary(batch, elapsed=time.monotonic() - started, dry_run=dry_run, verbosity=verbosity)
        if batch.failed:
            raise CommandError(f"{len(batch.failed)} page(s) failed", returncode=1)

    def _interrupted(self, interactive: bool) -> None:
        """Ctrl-C: one line and exit status 130. The open group of pages was rolled back;
        every committed page is whole.

        Called after the ``except`` block has ended, not inside it: the interrupted frames
        are freed now, while the database connection is open. A signal that lands inside a
        query's (DEBUG) logging wrapper leaves that wrapper suspended in those frames; had
        they lived on as the exit's context, it would finish at interpreter shutdown, after
        Django closed the connection, and print a traceback.
        """
        self.stderr.write(
            ("\n" if interactive else "") + "interrupted: the pages committed so far are kept; "
            "run the same command again to import the rest"
        )
        sys.exit(130)

    def _summary(self, report: ImportReport, *, elapsed: float, dry_run: bool, verbosity: int) -> None:
        for line in summary_lines(report, elapsed=elapsed, dry_run=dry_run, listed=verbosity >= 2):
            self.stdout.write(line)


def _open_report(path: str | None):
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by handle()'s with
    except OSError as error:
        raise CommandError(f"--report {path}: {error.strerror or error}", returncode=2) from None


def _outcome(item, result) -> str:
    if isinstance(result, Failure):
        return "failed"
    if isinstance(result, ImportOutcome):
        return result.status
    return "skipped"


def _report_line(item, result) -> dict:
    line = {"name": item.name, "outcome": _outcome(item, result)}
    if isinstance(result, Failure):
        line["reason"] = result.reason
        if result.line:
            line["line"] = result.line
    elif isinstance(result, ImportOutcome):
        if result.title is not None:
            line["title"] = result.title.slug
        if result.source is not None:
            line["warnings"] = list(result.source.warnings)
            line["unparsed"] = len(result.source.unparsed)
        if result.conflicts:
            line["conflicts"] = [str(conflict) for conflict in result.conflicts]
    else:
        line["reason"] = item.reason
    return line


def _page_line(item, result) -> str:
    outcome = _outcome(item, result)
    if isinstance(result, Failure):
        return f"failed: {result}"
    if isinstance(result, ImportOutcome):
        where = f" → {result.title.slug}" if result.title is not None else ""
        return f"{outcome}: {item.name}{where}"
    return f"skipped: {item.name}: {item.reason}"


def _progress_line(report: ImportReport, item, total: int, elapsed: float) -> str:
    rate = report.pages / max(elapsed, 1e-6)
    done = getattr(item, "consumed", 0)
    where = ""
    if total:
        share = min(done / total, 1.0)
        where = f"{share:.0%} of {_size(total)}"
        if 0 < share < 1:
            where += f", ETA {_duration(elapsed * (1 - share) / share)}"
        where = f" ({where})"
    return f"{report.pages:,} pages{where}, {rate:.0f} pages/s, {len(report.failed)} failed"


def _size(count: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:,} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1000
    return ""


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{int(seconds // 3600)} h {int(seconds % 3600 // 60)} min"


def _parse_when(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CommandError(f"--captured-at {value!r} is not an ISO date or date-time") from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
