"""Titles, with their credits and release information inline."""

from __future__ import annotations

import re

from django.contrib import admin
from django.db.models import Max, Min

from catalogue.models import (
    AlternateTitle,
    Certificate,
    Colour,
    Country,
    Genre,
    Keyword,
    Language,
    ReleaseDate,
    SoundMix,
    Tagline,
    Title,
    TitleCompany,
    TitleGenre,
    TitleKeyword,
)

from catalogue.importing import counts
from catalogue.sections import LIST_SECTIONS, TITLE_JSON_LISTS, ListSection

from .base import EditedByHandFilter, HandEditedModelAdmin, KnownLabelInlineMixin, NotesField, hand_edited
from .credits import CastCreditInline, CrewCreditInline

# "Hiroshima mon amour 1959" or "… (1959)": a trailing year narrows the text search.
TRAILING_YEAR = re.compile(r"^(?P<text>.*?)\s*\(?(?P<year>1[89]\d\d|20\d\d)\)?$")


def title_search(queryset, search_term: str):
    """Titles by title, original title or AKA (accents and case ignored) and by year."""
    term = search_term.strip()
    if not term:
        return queryset
    match = TRAILING_YEAR.match(term)
    if match is None:
        return queryset.matching_text(term)
    year = int(match["year"])
    if not match["text"]:
        # A bare year: titles of that year, or with the number in their name ("1917").
        return queryset.filter(year=year) | queryset.matching_text(term)
    return queryset.matching_text(match["text"]).filter(year=year) | queryset.matching_text(term)


class DecadeFilter(admin.SimpleListFilter):
    title = "decade"
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        bounds = Title.objects.aggregate(first=Min("year"), last=Max("year"))
        if bounds["first"] is None:
            return []
        first, last = bounds["first"] // 10 * 10, bounds["last"] // 10 * 10
        return [(str(decade), f"{decade}s") for decade in range(last, first - 1, -10)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            decade = int(value)
            return queryset.filter(year__gte=decade, year__lt=decade + 10)
        return queryset


class CertificateCountryFilter(admin.SimpleListFilter):
    title = "certificate country"
    parameter_name = "certificate_country"

    def lookups(self, request, model_admin):
        countries = Certificate.objects.order_by("country").values_list("country", flat=True).distinct()
        return [(country, country) for country in countries]

    def queryset(self, request, queryset):
        if self.value():
            # A subquery, not a join: a title with several certificates stays one row.
            return queryset.filter(pk__in=Certificate.objects.filter(country=self.value()).values("title_id"))
        return queryset


class GenreFilter(admin.SimpleListFilter):
    title = "genre"
    parameter_name = "genre"

    def lookups(self, request, model_admin):
        return [(genre.slug, genre.name) for genre in Genre.objects.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(pk__in=TitleGenre.objects.filter(genre__slug=self.value()).values("title_id"))
        return queryset


class TitleChildInline(admin.TabularInline):
    extra = 0
    formfield_overrides = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "notes":
            return NotesField(label="Notes")
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def section_inline(section: ListSection) -> type[TitleChildInline]:
    """The inline of a list section (catalogue/sections.py): its rows in printed order."""
    return type(
        f"{section.model.__name__}Inline",
        (TitleChildInline,),
        {
            "__module__": __name__,
            "model": section.model,
            "fields": ("position", *section.fields, "edited_at"),
            "readonly_fields": ("edited_at",),
        },
    )


SECTION_INLINES = tuple(section_inline(section) for section in LIST_SECTIONS if section.inline)


class TitleCompanyInline(KnownLabelInlineMixin, TitleChildInline):
    model = TitleCompany
    fields = ("kind", "position", "company", "notes", "edited_at")
    readonly_fields = ("edited_at",)
    autocomplete_fields = ("company",)
    verbose_name_plural = "companies"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company")


class TitleKeywordInline(admin.TabularInline):
    model = TitleKeyword
    fields = ("position", "keyword")
    autocomplete_fields = ("keyword",)
    extra = 0
    verbose_name = "plot keyword"
    verbose_name_plural = "plot keywords"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("keyword")


@admin.register(Title)
class TitleAdmin(HandEditedModelAdmin):
    list_display = ("title", "year", "kind", "imdb_id", "series_title", hand_edited, "updated_at")
    list_filter = ("kind", DecadeFilter, GenreFilter, CertificateCountryFilter, EditedByHandFilter)
    search_fields = ("title_folded",)  # shows the box; get_search_results does the work
    search_help_text = "Title, original title or AKA (accents and case ignored), optionally with a year."
    list_per_page = 50
    autocomplete_fields = ("series",)

    class Media:
        # The inlines' tables fit a 1,280 px window (static/css/admin.css).
        css = {"all": ("css/admin.css",)}

    readonly_fields = ("created_at", "updated_at")
    inlines = (
        CastCreditInline,
        CrewCreditInline,
        *SECTION_INLINES,
        TitleCompanyInline,
        TitleKeywordInline,
    )
    fieldsets = (
        (None, {"fields": ("title", "original_title", "year", "end_year", "kind", "slug", "imdb_id")}),
        (
            "Series",
            {"classes": ("collapse",), "fields": ("series", "series_title", "series_year", "season", "episode")},
        ),
        (
            "Rating",
            {
                "classes": ("collapse",),
                "fields": ("rating", "rating_best", "votes", "popularity_rank", "popularity_text", "top_rank"),
            },
        ),
        ("Story", {"classes": ("collapse",), "fields": ("plot", "news", "aspect_ratio", "cast_complete")}),
        (
            "Awards and counts",
            {
                "classes": ("collapse",),
                "fields": (
                    "awards_text",
                    "oscar_wins",
                    "oscar_nominations",
                    "award_wins",
                    "award_nominations",
                    "photo_count",
                    "review_count",
                    "faq_count",
                    "recommendations_text",
                    "recommendation_count",
                ),
            },
        ),
        (
            "Lists",
            {
                "classes": ("collapse",),
                "fields": ("mpaa", *TITLE_JSON_LISTS),
            },
        ),
        ("History", {"fields": ("created_at", "updated_at", "edited_at", "edited_by")}),
    )

    def get_search_results(self, request, queryset, search_term):
        return title_search(queryset, search_term), False

    # The vocabularies' stored title counts follow the title's links (importing/counts.py):
    # its plot keywords edited inline, or the title deleted with its links.
    def save_related(self, request, form, formsets, change):
        before = counts.title_links([form.instance.pk]) if change else {}
        super().save_related(request, form, formsets, change)
        counts.titles_links_changed(before, counts.title_links([form.instance.pk]))

    def delete_model(self, request, obj):
        with counts.counted():
            counts.titles_links_changed(counts.title_links([obj.pk]), {})
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with counts.counted():
            counts.titles_links_changed(counts.title_links(queryset.values_list("pk", flat=True)), {})
            super().delete_queryset(request, queryset)

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(AlternateTitle)
class AlternateTitleAdmin(HandEditedModelAdmin):
    list_display = ("aka", "country", "title", hand_edited)
    list_select_related = ("title",)
    list_filter = (EditedByHandFilter,)
    search_fields = ("title_folded",)
    autocomplete_fields = ("title",)

    def get_search_results(self, request, queryset, search_term):
        from catalogue.text import fold

        if not search_term.strip():
            return queryset, False
        return queryset.filter(title_folded__contains=fold(search_term)), False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "notes":
            return NotesField(label="Notes")
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(ReleaseDate)
class ReleaseDateAdmin(HandEditedModelAdmin):
    list_display = ("title", "country", "date", "text", "note", hand_edited)
    list_select_related = ("title",)
    list_filter = (EditedByHandFilter,)
    search_fields = ("country", "text", "title__title_folded")
    autocomplete_fields = ("title",)


@admin.register(Tagline)
class TaglineAdmin(HandEditedModelAdmin):
    list_display = ("text", "title", hand_edited)
    list_select_related = ("title",)
    list_filter = (EditedByHandFilter,)
    search_fields = ("text",)
    autocomplete_fields = ("title",)


class VocabularyAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


for vocabulary in (Genre, Country, Language, Colour, SoundMix, Keyword):
    admin.site.register(vocabulary, VocabularyAdmin)
