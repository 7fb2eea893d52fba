"""Source pages: the imported pages, read-only, with their problems and a re-parse action."""

from __future__ import annotations

import json
import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from catalogue.models import SourcePage
from catalogue.parsing.decoding import decode_bytes

logger = logging.getLogger(__name__)

PRE_STYLE = "max-height: 32em; overflow: auto; white-space: pre-wrap; word-break: break-word;"


class HasProblemsFilter(admin.SimpleListFilter):
    title = "problems"
    parameter_name = "problems"

    def lookups(self, request, model_admin):
        return [("warnings", "With warnings"), ("unparsed", "With unparsed lines"), ("none", "None")]

    def queryset(self, request, queryset):
        if self.value() == "warnings":
            return queryset.exclude(warnings=[])
        if self.value() == "unparsed":
            return queryset.exclude(unparsed=[])
        if self.value() == "none":
            return queryset.filter(warnings=[], unparsed=[])
        return queryset


def _lines(items) -> str:
    if not items:
        return "—"
    rows = format_html_join("", "<li>{}</li>", ((_as_text(item),) for item in items))
    return format_html('<ul class="source-lines">{}</ul>', rows)


def _as_text(item) -> str:
    return item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)


@admin.register(SourcePage)
class SourcePageAdmin(admin.ModelAdmin):
    list_display = ("file_name", "title", "format", "page_type", "parser_version", "warning_count", "imported_at")
    list_select_related = ("title",)
    list_filter = ("format", "page_type", "parser_version", HasProblemsFilter)
    search_fields = ("file_name", "url", "sha256")
    date_hierarchy = "imported_at"
    actions = ("reparse_pages",)
    fields = (
        "title",
        "file_name",
        "url",
        "sha256",
        "format",
        "page_type",
        "parser_version",
        "captured_at",
        "captured_precision",
        "captured_from",
        "imported_at",
        "reparsed_at",
        "warnings_list",
        "unparsed_list",
        "saved_page",
        "raw_text",
        "record_json",
    )
    readonly_fields = fields

    def get_urls(self):
        view = self.admin_site.admin_view(self.saved_page_view)
        return [path("<int:pk>/page/", view, name="catalogue_sourcepage_page"), *super().get_urls()]

    def saved_page_view(self, request, pk: int) -> HttpResponse:
        """The saved page as it was read, for staff only, in a sandbox.

        ``Content-Security-Policy: sandbox`` gives the page a unique origin with no
        scripts, forms or top navigation, and ``default-src 'none'`` stops every load
        (images, styles, frames, beacons to the old site): the page is shown, never run.
        """
        source = get_object_or_404(SourcePage.objects.only("pk", "raw", "format"), pk=pk)
        if not self.has_view_permission(request, source):
            raise PermissionDenied
        if source.raw is None:
            raise Http404("no saved bytes")
        html = source.format == "html"
        response = HttpResponse(bytes(source.raw), content_type="text/html" if html else "text/plain; charset=utf-8")
        response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
        response["X-Content-Type-Options"] = "nosniff"
        response["Referrer-Policy"] = "no-referrer"
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.display(description="saved page")
    def saved_page(self, obj) -> str:
        if obj.pk is None:
            return "—"
        url = reverse("admin:catalogue_sourcepage_page", args=[obj.pk])
        return format_html(
            '<a href="{}" target="_blank" rel="noopener noreferrer">view the saved page (sandboxed: '
            "no scripts, nothing loaded)</a>",
            url,
        )

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        # The changelist never needs the page bytes, the record or the unparsed lines: leave them in the database.
        match = request.resolver_match
        if match is not None and (match.url_name or "").endswith("changelist"):
            qs = qs.defer("raw", "record", "unparsed")
        return qs

    def has_add_permission(self, request):
        return False  # pages come in through the importer

    @admin.display(description="warnings")
    def warning_count(self, obj) -> int:
        return len(obj.warnings or [])

    @admin.display(description="warnings")
    def warnings_list(self, obj) -> str:
        return _lines(obj.warnings)

    @admin.display(description="unparsed lines")
    def unparsed_list(self, obj) -> str:
        return _lines(obj.unparsed)

    @admin.display(description="page text")
    def raw_text(self, obj) -> str:
        text = decode_bytes(bytes(obj.raw or b""))
        return format_html('<pre class="source-raw" style="{}">{}</pre>', PRE_STYLE, text)

    @admin.display(description="parsed record")
    def record_json(self, obj) -> str:
        text = json.dumps(obj.record, ensure_ascii=False, indent=2)
        return format_html('<pre class="source-record" style="{}">{}</pre>', PRE_STYLE, text)

    @admin.action(description="Re-parse selected pages", permissions=("change",))
    def reparse_pages(self, request, queryset):
        try:
            from catalogue.importing.reparse import source_reparse
        except ImportError:
            self.message_user(request, "re-parse is not available", messages.ERROR)
            return None
        # Fetched whole: the changelist's queryset leaves the page bytes out.
        for source in SourcePage.objects.filter(pk__in=queryset.values("pk")).order_by("pk"):
            try:
                outcome = source_reparse(source=source)
            except Exception as error:  # one bad page must not stop the others
                logger.exception("re-parse of %s failed", source.file_name)
                self.message_user(request, f"{source.file_name}: re-parse failed: {error}", messages.ERROR)
            else:
                summary, level = describe_reparse(outcome)
                self.message_user(request, f"{source.file_name}: {summary}", level)
        return None


def describe_reparse(outcome) -> tuple[str, int]:
    """One line for the staff member, and its message level, from what the re-parse returned
    (None when the page reads the same; else the import's outcome: status, title, conflicts)."""
    if outcome is None:
        return "re-parsed, unchanged (the current parser reads it the same)", messages.SUCCESS
    status = getattr(outcome, "status", None)
    if status is None:
        return f"re-parsed: {outcome}", messages.SUCCESS
    title = getattr(outcome, "title", None)
    summary = f"re-parsed, {status}" + (f": {title}" if title is not None else "")
    conflicts = list(getattr(outcome, "conflicts", None) or [])
    if not conflicts:
        return summary, messages.SUCCESS
    shown = "; ".join(str(conflict) for conflict in conflicts[:3])
    more = f" (and {len(conflicts) - 3} more)" if len(conflicts) > 3 else ""
    return f"{summary}; {len(conflicts)} hand edit(s) kept over the page: {shown}{more}", messages.WARNING
