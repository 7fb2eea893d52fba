"""Importing pages: one page is one transaction; a batch goes on past a failing page."""

from __future__ import annotations

import hashlib
import itertools
import os
import random
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime

from django.db import DatabaseError, connection, transaction

from catalogue.models import SourcePage
from catalogue.models.sources import CapturePrecision
from catalogue.models.vocabularies import PageType, SourceFormat
from catalogue.parsing import PARSER_VERSION, PageError

from . import counts
from .ahead import ParseAheadResult, ParseAheadWorker, ParsedPage, page_parse_ahead
from .bulk import EncodedJSON, rows_select
from .capture import capture_date
from .links import due_lines_split, import_lock_take
from .outcome import Failure, ImportOutcome, ImportRejected, ImportReport, ImportStopped
from .records import title_import
from .sources import Page, Skipped, Unreadable, iter_pages


def page_import(*, page: Page, parsed: ParsedPage | None = None, defer_split: bool = False) -> ImportOutcome:
    """Import one page: parse it, store its source and write its record, whole or not at all.

    The same bytes again are "unchanged" (the SourcePage sha256 is unique). ``parsed``:
    the page already hashed and parsed (by the parse-ahead worker). Raises
    ``PageError`` (not a readable page) or ``ImportRejected``/a database error (nothing
    written). ``defer_split``: see ``title_import``.
    """
    sha256 = parsed.sha256 if parsed is not None else hashlib.sha256(page.data).hexdigest()
    # Everything, the lookup included, inside the page's own atomic block: in a group
    # commit (paths_import) a failure then rolls back to the page's savepoint only.
    # Its count changes go to the group's scope only if its savepoint is kept.
    with counts.counted(), transaction.atomic():
        if _source_exists(sha256):
            return ImportOutcome(status="unchanged")
        if parsed is None:
            parsed = page_parse_ahead(page.data, page.url)
        record = parsed.record_or_raise()
        capture = capture_date(page, title_year=record.year, source_format=record.source_format)
        source = SourcePage(
            file_name=page.name[-1000:],
            url=page.url or "",
            sha256=sha256,
            raw=page.data,
            format=record.source_format if record.source_format in SourceFormat.values else SourceFormat.TEXT,
            page_type=record.page_type if record.page_type in PageType.values else PageType.TITLE,
            parser_version=PARSER_VERSION,
            record=EncodedJSON(parsed.record_json),
            warnings=list(record.warnings),
            unparsed=list(record.unparsed),
            captured_at=capture.when if capture else None,
            captured_precision=capture.precision if capture else CapturePrecision.SECOND,
            captured_from=capture.source[:200] if capture else "",
        )
        # title_import saves the source once it knows its title.
        return title_import(record=record, source=source, defer_split=defer_split)


def _source_exists(sha256: str) -> bool:
    table = connection.ops.quote_name(SourcePage._meta.db_table)
    return bool(rows_select(f"SELECT 1 FROM {table} WHERE sha256 = %s", [sha256]))


ProgressCallback = Callable[[ImportReport, "Page | Skipped", "ImportOutcome | Failure | None"], None]


def paths_import(
    paths: Iterable[str | os.PathLike],
    *,
    captured_at: datetime | None = None,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    commit_every: int | None = None,
) -> ImportReport:
    """Import every page under ``paths``; ``dry_run`` parses and imports, then rolls all back.

    ``commit_every``: pages per commit (default ``COMMIT_EVERY_PAGES``; or every
    ``COMMIT_EVERY_SECONDS``, whichever comes first). Run-together recommendation
    lines are split once all pages are in (``links.due_lines_split``), so each line is
    split with every title of the batch known.
    """
    report = ImportReport()
    items = _parsed_ahead(iter_pages(paths, captured_at=captured_at))
    with closing(items), _import_pragmas():
        if dry_run:
            with transaction.atomic():
                _run(items, report=report, progress=progress)
                report.recommendation_lines_split = due_lines_split()
                transaction.set_rollback(True)
        else:
            # Group commit: each page is whole or nothing (its own savepoint), and pages
            # are committed together every COMMIT_EVERY_SECONDS or COMMIT_EVERY_PAGES. One commit per
            # page rewrote every index page it touched in the WAL (~3 MB a page at
            # 10,000 titles); grouped, those writes coalesce. A kill loses at most the
            # last group, which the next run imports (finished pages are "unchanged").
            more, retry = True, deque()
            while more:
                checkpoint = report.checkpoint()
                try:
                    with transaction.atomic():
                        import_lock_take(exclusive=False)
                        # The group's title counts are written once, just before its commit.
                        with counts.counted():
                            more = _run(
                                items,
                                report=report,
                                progress=progress,
                                seconds=COMMIT_EVERY_SECONDS,
                                pages=commit_every or COMMIT_EVERY_PAGES,
                                retry=retry,
                            )
                except ImportStopped as stopped:
                    report.rollback(checkpoint)
                    stopped.report = report
                    raise
                except DatabaseError as error:  # the group's commit failed: none of it is written
                    report.rollback(checkpoint)
                    stopped = ImportStopped("committing a group of pages", _reason(error))
                    stopped.report = report
                    raise stopped from error
            # Also the lines a killed batch left due: this run finishes its job.
            try:
                report.recommendation_lines_split = _with_retries(due_lines_split)
            except DatabaseError as error:  # the lines stay due: the next run splits them
                stopped = ImportStopped("splitting the recommendation lines", _reason(error))
                stopped.report = report
                raise stopped from error
    return report


# Errors after which no page can be written: SQLite's SQLITE_FULL; PostgreSQL's class 53
# (insufficient resources: disk full, out of memory, too many connections) and I/O errors.
_SQLITE_FULL = 13


def _database_stopped(error: BaseException) -> bool:
    for e in (error, error.__cause__):
        if getattr(e, "sqlite_errorcode", None) == _SQLITE_FULL:
            return True
        sqlstate = getattr(e, "sqlstate", None) or ""
        if sqlstate.startswith("53") or sqlstate == "58030":
            return True
    return False


def _reason(error: BaseException) -> str:
    return f"{type(error).__name__}: {str(error).strip()}"


COMMIT_EVERY_SECONDS = 2.0
COMMIT_EVERY_PAGES = 250


# For the length of a batch on SQLite: checkpoint the WAL every ~40 MB rather than
# every 4 MB (each checkpoint syncs the file; a page writes ~100 KB), keep temporary
# b-trees in memory, a 256 MiB page cache (index pages of a large catalogue stay in
# memory; bounded, so memory stays flat). Durability is unchanged (synchronous=NORMAL).
_SQLITE_IMPORT_PRAGMAS = {"wal_autocheckpoint": 10000, "temp_store": 2, "cache_size": -262144}


@contextmanager
def _import_pragmas():
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        previous = {}
        for name, value in _SQLITE_IMPORT_PRAGMAS.items():
            previous[name] = cursor.execute(f"PRAGMA {name}").fetchone()[0]
            cursor.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in previous.items():
                cursor.execute(f"PRAGMA {name} = {int(value)}")


# Pages imported before a worker process starts parsing ahead (a small import does
# not pay for starting a process), and how many pages it may parse ahead (memory).
PARSE_AHEAD_AFTER = 64
PARSE_AHEAD_WINDOW = 32


def _parsed_ahead(items: Iterable) -> Iterator[tuple[Page | Skipped | Unreadable, ParseAheadResult | None]]:
    """Each item with, once the import is big enough, its parse running in a worker process.

    The worker only parses (``page_parse_ahead`` is pure Python); this process still
    does every database write in order. If the worker fails for any reason the page
    is parsed here again (``_parsed``), so the outcome is the same either way.
    """
    worker: ParseAheadWorker | None = None
    window: deque = deque()
    try:
        for count, item in enumerate(items):
            if worker is None and count >= PARSE_AHEAD_AFTER:
                worker = ParseAheadWorker()
            pending = worker.submit(item.data, item.url) if worker and isinstance(item, Page) else None
            window.append((item, pending))
            if len(window) > (PARSE_AHEAD_WINDOW if worker else 0):
                yield window.popleft()
        while window:
            yield window.popleft()
    except BaseException:
        # Interrupted (Ctrl-C, or the caller stopped early): the pages the worker holds are not wanted.
        if worker is not None:
            worker.stop()
            worker = None
        raise
    finally:
        if worker is not None:
            worker.close()


def _parsed(pending: ParseAheadResult | None) -> ParsedPage | None:
    return pending.result() if pending is not None else None


# PostgreSQL: another import running at the same time can make a page's statements a
# deadlock's victim, or insert the same person, company or title first (a unique
# violation once it commits). The page's savepoint was rolled back whole; trying it
# again reads what the other import committed. SQLite serialises writers by itself.
# Each failed attempt means the other import committed something meanwhile (it moves on),
# so trying again is safe; twenty, the waits capped at a second, outlast a group of theirs.
RETRY_ATTEMPTS = 20
RETRY_WAIT_CAP = 1.0
_RETRY_SQLSTATES = frozenset({"40P01", "40001", "23505"})  # deadlock, serialization failure, unique violation


def _retryable(error: BaseException) -> bool:
    if connection.vendor != "postgresql":
        return False
    # Django's wrapped errors carry the driver's as their cause; the bulk writer's are the driver's own.
    return any(getattr(e, "sqlstate", None) in _RETRY_SQLSTATES for e in (error, error.__cause__))


def _with_retries(work):
    for attempt in range(1, RETRY_ATTEMPTS + 1):
        try:
            return work()
        except Exception as error:
            if attempt == RETRY_ATTEMPTS or not _retryable(error):
                raise
            time.sleep(random.uniform(0, min(RETRY_WAIT_CAP, 0.05 * 2**attempt)))  # let the other one finish
    raise AssertionError("unreachable")


def _run(
    items,
    *,
    report: ImportReport,
    progress,
    seconds: float | None = None,
    pages: int | None = None,
    retry: deque | None = None,
) -> bool:
    """Import from ``items`` until they run out (False), or ``seconds`` have passed or ``pages`` are read (True).

    ``retry``: in a group commit, a page that lost a deadlock or a unique race after
    other pages of its group is put there and the group ends (True), to be tried first
    in the next group: the group's earlier pages hold locks the other import may be
    waiting for, so trying again inside the same group would deadlock again.
    """
    deadline = time.monotonic() + seconds if seconds is not None else None
    source = itertools.chain(_drained(retry), items) if retry is not None else items
    for count, (item, pending) in enumerate(source, start=1):
        result: ImportOutcome | Failure | None = None
        if isinstance(item, Skipped):
            report.skip(item)
        elif isinstance(item, Unreadable):
            result = Failure(item.name, item.reason)
            report.failed.append(result)
        else:
            parsed = pending if isinstance(pending, ParsedPage) else _parsed(pending)
            try:
                if retry is None or count == 1:
                    result = _with_retries(lambda: page_import(page=item, parsed=parsed, defer_split=True))
                else:
                    try:
                        result = page_import(page=item, parsed=parsed, defer_split=True)
                    except Exception as error:
                        if not _retryable(error):
                            raise
                        retry.append((item, parsed))
                        return True
            except PageError as error:
                result = Failure(item.location, error.message, error.line)
            except ImportRejected as error:
                result = Failure(item.location, str(error))
            except Exception as error:  # noqa: BLE001 - one bad page must not stop the batch
                # ... unless the database can take no more writes, or it rolled the whole
                # group back (SQLite does on a full disk): the pages after it would fail
                # for the same reason, and the group's pages counted so far are gone.
                if _database_stopped(error) or (retry is not None and connection.needs_rollback):
                    raise ImportStopped(item.location, _reason(error)) from error
                result = Failure(item.location, f"{type(error).__name__}: {error}")
            if isinstance(result, Failure):
                report.failed.append(result)
            else:
                report.add(item.name, result)
        if progress is not None:
            progress(report, item, result)
        if (deadline is not None and time.monotonic() >= deadline) or (pages is not None and count >= pages):
            return True
    return False


def _drained(queue: deque) -> Iterator:
    while queue:
        yield queue.popleft()
