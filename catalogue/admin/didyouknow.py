"""Trivia, goofs, quotes, connections and recommendations."""

from __future__ import annotations

from django.contrib import admin

from catalogue.models import Connection, Goof, Quote, QuoteLine, Recommendation, Trivia

from .base import EditedByHandFilter, HandEditedModelAdmin, hand_edited


class TitleRowAdmin(HandEditedModelAdmin):
    list_select_related = ("title",)
    list_filter = (EditedByHandFilter,)
    autocomplete_fields = ("title",)


@admin.register(Trivia)
class TriviaAdmin(TitleRowAdmin):
    list_display = ("__str__", "title", hand_edited)
    search_fields = ("text",)


@admin.register(Goof)
class GoofAdmin(TitleRowAdmin):
    list_display = ("__str__", "category", "title", hand_edited)
    search_fields = ("text", "category")


class QuoteLineInline(admin.TabularInline):
    model = QuoteLine
    extra = 0
    fields = ("position", "character", "text")


@admin.register(Quote)
class QuoteAdmin(TitleRowAdmin):
    list_display = ("__str__", "title", "position", hand_edited)
    search_fields = ("lines__text",)
    inlines = (QuoteLineInline,)


@admin.register(Connection)
class ConnectionAdmin(TitleRowAdmin):
    list_display = ("title", "type", "target_title", "target_year", "target", hand_edited)
    list_select_related = ("title", "target")
    list_filter = ("type", EditedByHandFilter)
    search_fields = ("target_title",)
    autocomplete_fields = ("title", "target")


@admin.register(Recommendation)
class RecommendationAdmin(TitleRowAdmin):
    list_display = ("title", "target_title", "target_year", "target", hand_edited)
    list_select_related = ("title", "target")
    search_fields = ("target_title",)
    autocomplete_fields = ("title", "target")
