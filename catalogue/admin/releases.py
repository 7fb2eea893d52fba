"""Certificates and user reviews."""

from __future__ import annotations

from django.contrib import admin

from catalogue.importing import counts
from catalogue.models import Certificate, Review
from catalogue.text import fold

from .base import EditedByHandFilter, HandEditedModelAdmin, NotesField, hand_edited


@admin.register(Certificate)
class CertificateAdmin(HandEditedModelAdmin):
    list_display = ("country", "rating", "title", "position", hand_edited)
    list_display_links = ("country", "rating")
    list_select_related = ("title",)
    list_filter = (EditedByHandFilter,)
    search_fields = ("country", "rating")
    search_help_text = "Country, rating (e.g. “UK:15” or “15”) or title."
    autocomplete_fields = ("title",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "notes":
            return NotesField(label="Notes")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # The stored certificate counts (importing/counts.py) follow the titles whose certificates changed.
    def save_model(self, request, obj, form, change):
        title_ids = {obj.title_id, form.initial.get("title") if change else None} - {None}
        before = counts.title_links(title_ids)
        super().save_model(request, obj, form, change)
        counts.titles_links_changed(before, counts.title_links(title_ids))

    def delete_model(self, request, obj):
        before = counts.title_links([obj.title_id])
        super().delete_model(request, obj)
        counts.titles_links_changed(before, counts.title_links([obj.title_id]))

    def delete_queryset(self, request, queryset):
        title_ids = set(queryset.values_list("title_id", flat=True))
        before = counts.title_links(title_ids)
        super().delete_queryset(request, queryset)
        counts.titles_links_changed(before, counts.title_links(title_ids))

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        if ":" in term:
            country, _, rating = term.partition(":")
            return queryset.filter(country__iexact=country.strip(), rating__iexact=rating.strip()), False
        matches = (
            queryset.filter(country__icontains=term)
            | queryset.filter(rating__iexact=term)
            | queryset.filter(title__title_folded__contains=fold(term))
        )
        return matches, False


@admin.register(Review)
class ReviewAdmin(HandEditedModelAdmin):
    list_display = ("summary", "title", "author", "date", "rating", "helpful", "spoiler", hand_edited)
    list_select_related = ("title",)
    list_filter = ("spoiler", "rating", EditedByHandFilter)
    search_fields = ("summary", "author", "title__title_folded")
    autocomplete_fields = ("title",)
    date_hierarchy = "date"
    readonly_fields = ("fingerprint",)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        matches = (
            queryset.filter(summary__icontains=term)
            | queryset.filter(author__icontains=term)
            | queryset.filter(title__title_folded__contains=fold(term))
        )
        return matches, False
