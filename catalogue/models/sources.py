"""Source pages: every imported page, kept whole so nothing is lost and it can be re-parsed."""

from __future__ import annotations

from django.db import models

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
