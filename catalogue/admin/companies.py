"""Companies and their credits on titles."""

from __future__ import annotations

from django.contrib import admin

from catalogue.models import Company, TitleCompany
from catalogue.services.editing import title_touch

from .base import EditedByHandFilter, HandEditedModelAdmin, NotesField, hand_edited


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "imdb_id", "slug")
    search_fields = ("name", "imdb_id")
    prepopulated_fields = {"slug": ("name",)}

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"name", "slug"} & set(form.changed_data):
            # Their titles' pages print the name and link the slug: they changed too.
            title_touch(title_ids=obj.title_companies.values_list("title_id", flat=True))


@admin.register(TitleCompany)
class TitleCompanyAdmin(HandEditedModelAdmin):
    list_display = ("company", "kind", "title", "position", hand_edited)
    list_select_related = ("company", "title")
    list_filter = ("kind", EditedByHandFilter)
    search_fields = ("company__name", "title__title_folded")
    autocomplete_fields = ("title", "company")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "notes":
            return NotesField(label="Notes")
        return super().formfield_for_dbfield(db_field, request, **kwargs)
