"""Importing pages: one page is one transaction; a batch goes on past a failing page."""

from __future__ import annotations

import hashlib
import os
import time
from contextlib import contextmanager
from collections.abc import Callable, Iterable
from datetime import datetime

from django.db import connection, transaction

from catalogue.models import SourcePage
from catalogue.models.vocabularies import PageType, SourceFormat
from catalogue.parsing import PARSER_VERSION, PageError, parse_page

from .outcome import Failure, ImportOutcome, ImportRejected, ImportReport
from .records import title_import
from .sources import Page, Skipped, Unreadable, iter_pages
from .validation import check_lengths


def page_import(*, page: Page) -> ImportOutcome:
    """Import one page: parse it, store its source and write its record, whole or not at all.

    The same bytes again are "unchanged" (the SourcePage sha256 is unique). Raises
    ``PageError`` (not a readable page) or ``ImportRejected``/a database error (nothing
    written).
    """
    sha256 = hashlib.sha256(page.data).hexdigest()
    # Everything, the lookup included, inside the page's own atomic block: in a group
    # commit (pages_import) a failure then rolls back to the page's savepoint only.
    with transaction.atomic():
        if SourcePage.objects.filter(sha256=sha256).exists():
            return ImportOutcome(status="unchanged")
        record = parse_page(page.data, url=page.url)
        source = SourcePage(
            file_name=page.name[-1000:],
            url=page.url or "",
            sha256=sha256,
            raw=page.data,
            format=record.source_format if record.source_format in SourceFormat.values else SourceFormat.TEXT,
            page_type=record.page_type if record.page_type in PageType.values else PageType.TITLE,
            parser_version=PARSER_VERSION,
            record=record.to_dict(),
            warnings=list(record.warnings),
            unparsed=list(record.unparsed),
            captured_at=page.captured_at,
        )
        check_lengths([source])
        # title_import saves the source once it knows its title.
        return title_import(record=record, source=source)


ProgressCallback = Callable[[ImportReport, "Page | Skipped", "ImportOutcome | Failure | None"], None]


def pages_import(
    paths: Iterable[str | os.PathLike],
    *,
    captured_at: datetime | None = None,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import every page under ``paths``; ``dry_run`` parses and imports, then rolls all back."""
    report = ImportReport()
    items = iter(iter_pages(paths, captured_at=captured_at))
    with _import_pragmas():
        if dry_run:
            with transaction.atomic():
                _run(items, report=report, progress=progress)
                transaction.set_rollback(True)
        else:
            # Group commit: each page is whole or nothing (its own savepoint), and pages
            # are committed together about every COMMIT_EVERY_SECONDS. One commit per
            # page rewrote every index page it touched in the WAL (~3 MB a page at
            # 10,000 titles); grouped, those writes coalesce. A kill loses at most the
            # last group, which the next run imports (finished pages are "unchanged").
            more = True
            while more:
                with transaction.atomic():
                    more = _run(items, report=report, progress=progress, seconds=COMMIT_EVERY_SECONDS)
    return report


COMMIT_EVERY_SECONDS = 0.5


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


def _run(items, *, report: ImportReport, progress, seconds: float | None = None) -> bool:
    """Import from ``items`` until they run out (False) or ``seconds`` have passed (True)."""
    deadline = time.monotonic() + seconds if seconds is not None else None
    for item in items:
        result: ImportOutcome | Failure | None = None
        if isinstance(item, Skipped):
            report.skipped.append(item)
        elif isinstance(item, Unreadable):
            result = Failure(item.name, item.reason)
            report.failed.append(result)
        else:
            try:
                result = page_import(page=item)
            except PageError as error:
                result = Failure(item.location, error.message, error.line)
            except ImportRejected as error:
                result = Failure(item.location, str(error))
            except Exception as error:  # noqa: BLE001 - one bad page must not stop the batch
                result = Failure(item.location, f"{type(error).__name__}: {error}")
            if isinstance(result, Failure):
                report.failed.append(result)
            else:
                report.add(item.name, result)
        if progress is not None:
            progress(report, item, result)
        if deadline is not None and time.monotonic() >= deadline:
            return True
    return False
