"""Import from the browser: upload a page, an archive or a crawl; the task worker imports it."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from catalogue.importing.uploads import upload_enqueue
from catalogue.models import ImportUpload, UploadStatus


@admin.register(ImportUpload)
class ImportUploadAdmin(admin.ModelAdmin):
    list_display = ("original_name", "status", "pages", "progress", "uploaded_by", "created_at")
    list_filter = ("status",)
    readonly_fields = (
        "original_name",
        "status",
        "progress",
        "pages",
        "uploaded_by",
        "created_at",
        "started_at",
        "finished_at",
        "report_lines",
    )

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("file",)
        return self.readonly_fields

    def has_change_permission(self, request, obj=None):
        # An upload is never edited: it is imported as it was sent (the page may be viewed).
        return False

    def save_model(self, request, obj, form, change):
        obj.original_name = obj.file.name.rsplit("/", 1)[-1][:300]
        obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        upload_enqueue(upload=obj)

    @admin.display(description="progress")
    def progress(self, obj) -> str:
        if obj.status == UploadStatus.QUEUED:
            return "waiting for the worker (manage.py db_worker)"
        return f"{obj.share:.0%}"

    @admin.display(description="report")
    def report_lines(self, obj) -> str:
        if not obj.report:
            return "—"
        return format_html(
            '<ul class="upload-report">{}</ul>', format_html_join("", "<li>{}</li>", ((line,) for line in obj.report))
        )
