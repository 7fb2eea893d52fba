"""Source pages: every imported page, kept whole so nothing is lost and it can be re-parsed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from .vocabularies import PageType, SourceFormat


class CapturePrecision(models.TextChoices):
    SECOND = "second", "to the second"
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


class SourcePage(models.Model):
    title = models.ForeignKey("Title", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")
    file_name = models.CharField(max_length=1000, help_text="Path, or archive path and member, or WARC URI.")
    url = models.CharField(max_length=2000, blank=True, default="")
    sha256 = models.CharField(max_length=64, unique=True)
    raw = models.BinaryField(help_text="The page's bytes exactly as read.")
    format = models.CharField(max_length=10, choices=SourceFormat.choices)
    page_type = models.CharField(max_length=20, choices=PageType.choices, default=PageType.TITLE)
    parser_version = models.CharField(max_length=20)
    record = models.JSONField(default=dict, help_text="The parsed record, as imported.")
    warnings = models.JSONField(default=list, blank=True)
    unparsed = models.JSONField(default=list, blank=True)
    captured_at = models.DateTimeField(null=True, blank=True)
    # How far captured_at can be trusted: truncated to this precision (a year is its
    # January 1), and what it was read from (see catalogue/parsing/capture_date.py).
    captured_precision = models.CharField(
        max_length=10, choices=CapturePrecision.choices, default=CapturePrecision.SECOND, blank=True
    )
    captured_from = models.CharField(max_length=200, blank=True, default="")
    imported_at = models.DateTimeField(auto_now_add=True)
    reparsed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-imported_at"]
        indexes = [models.Index(fields=["title", "-captured_at"], name="source_title_captured")]

    def __str__(self) -> str:
        return self.file_name


class UploadStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Importing"
    DONE = "done", "Done"
    FAILED = "failed", "Done, some pages failed"
    STOPPED = "stopped", "Stopped"


def _upload_path(instance, filename: str) -> str:
    return f"imports/{timezone.now():%Y/%m}/{filename}"


class ImportUpload(models.Model):
    """A file (a page, an archive, a crawl) uploaded in the admin and imported by the task worker.

    The file is kept in MEDIA_ROOT, which the site never serves; the import's progress
    and its report are written here as the worker goes (catalogue/importing/uploads.py).
    """

    file = models.FileField(upload_to=_upload_path, max_length=500)
    original_name = models.CharField(max_length=300, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=UploadStatus.choices, default=UploadStatus.QUEUED, editable=False)
    pages = models.PositiveIntegerField(default=0, editable=False)
    share = models.FloatField(default=0.0, editable=False, help_text="Share of the file read (0–1).")
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    report = models.JSONField(default=list, blank=True, editable=False, help_text="The report's lines.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"
