"""Imports of files uploaded in the admin, run by the task worker (``manage.py db_worker``).

The admin saves an ``ImportUpload`` and enqueues ``upload_import`` once the upload is
committed; the worker imports the file exactly as ``import_pages FILE`` would (the
same group commits, the same report lines) and writes its progress and report on the
upload's row as it goes, which the admin's page shows.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from catalogue.models import ImportUpload, UploadStatus

from .outcome import ImportReport, ImportStopped
from .pages import paths_import
from .sources import input_size
from .summary import summary_lines

PROGRESS_EVERY_SECONDS = 1.0


def upload_enqueue(*, upload: ImportUpload) -> None:
    """Queue the upload's import for the worker, once the upload row is committed."""
    transaction.on_commit(lambda: upload_import.enqueue(upload_id=upload.pk))


@task()
def upload_import(upload_id: int) -> str:
    upload = ImportUpload.objects.get(pk=upload_id)
    path = Path(upload.file.path)
    ImportUpload.objects.filter(pk=upload_id).update(status=UploadStatus.RUNNING, started_at=timezone.now())
    total = input_size([path])
    started = time.monotonic()
    state = {"last": 0.0}

    def progress(report: ImportReport, item, result) -> None:
        now = time.monotonic()
        if now - state["last"] >= PROGRESS_EVERY_SECONDS:
            state["last"] = now
            share = min(getattr(item, "consumed", 0) / total, 1.0) if total else 0.0
            ImportUpload.objects.filter(pk=upload_id).update(pages=report.pages, share=share)

    try:
        report = paths_import([path], progress=progress)
        status = UploadStatus.FAILED if report.failed else UploadStatus.DONE
        lines = summary_lines(report, elapsed=time.monotonic() - started)
    except ImportStopped as stopped:
        report, status = stopped.report, UploadStatus.STOPPED
        lines = summary_lines(report, elapsed=time.monotonic() - started) + [
            f"stopped: {stopped}. The open group of pages was rolled back; every page counted above is "
            "committed and whole. Free space (or fix the database) and upload the file again to import the rest."
        ]
    # The page names are the worker's path to the stored file: show the uploaded name instead.
    lines = [line.replace(str(path), upload.original_name) for line in lines]
    ImportUpload.objects.filter(pk=upload_id).update(
        status=status,
        pages=report.pages,
        share=1.0 if status != UploadStatus.STOPPED else 0.0,
        report=lines,
        finished_at=timezone.now(),
    )
    return lines[0]
