"""Importing pages: one page is one transaction; a batch goes on past a failing page."""

from __future__ import annotations

import hashlib
import os
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
    if SourcePage.objects.filter(sha256=sha256).exists():
        return ImportOutcome(status="unchanged")
    record = parse_page(page.data, url=page.url)
    with transaction.atomic():
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
    with _import_pragmas():
        if dry_run:
            with transaction.atomic():
                _run(paths, captured_at=captured_at, report=report, progress=progress)
                transaction.set_rollback(True)
        else:
            _run(paths, captured_at=captured_at, report=report, progress=progress)
    return report


# For the length of a batch on SQLite: checkpoint the WAL every ~40 MB rather than
# every 4 MB (each checkpoint syncs the file; a page writes ~100 KB), keep temporary
# b-trees in memory. Durability is unchanged: every page is still its own commit.
_SQLITE_IMPORT_PRAGMAS = {"wal_autocheckpoint": 10000, "temp_store": 2}


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


def _run(paths, *, captured_at, report: ImportReport, progress) -> None:
    for item in iter_pages(paths, captured_at=captured_at):
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
