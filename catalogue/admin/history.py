"""The change history (Django's LogEntry), read-only, so editors see who changed what."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.models import DELETION, LogEntry
from django.utils.html import format_html


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    list_display = ("action_time", "user", "content_type", "object_link", "action_flag", "change_summary")
    list_select_related = ("user", "content_type")
    list_filter = ("action_flag", "content_type", "user")
    search_fields = ("object_repr", "change_message", "user__username")
    date_hierarchy = "action_time"
    ordering = ("-action_time",)
    fields = ("action_time", "user", "content_type", "object_id", "object_repr", "action_flag", "change_summary")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="object", ordering="object_repr")
    def object_link(self, obj) -> str:
        url = obj.get_admin_url() if obj.action_flag != DELETION else ""  # a deleted object has no page
        if url:
            return format_html('<a href="{}">{}</a>', url, obj.object_repr)
        return obj.object_repr

    @admin.display(description="change message")
    def change_summary(self, obj) -> str:
        return obj.get_change_message()
