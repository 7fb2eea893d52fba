"""Shared admin pieces: hand-edit stamping, the "edited by hand" column and filter."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from catalogue.models import HandEditable, Title
from catalogue.widgets import PYTHON_RENDERED
from catalogue.services.editing import row_mark_hand_edited, title_ids_of, title_touch


class EditedByHandFilter(admin.SimpleListFilter):
    title = "edited by hand"
    parameter_name = "edited_by_hand"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(edited_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(edited_at__isnull=True)
        return queryset


@admin.display(boolean=True, description="edited by hand", ordering="edited_at")
def hand_edited(obj) -> bool:
    return obj.edited_at is not None


class HandEditedAdminMixin:
    """Every save through the admin stamps the changed rows as hand-edited (edited_at/by),
    and bumps the ``updated_at`` of the titles whose rows changed."""

    hand_edited_readonly = ("edited_at", "edited_by")

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if issubclass(self.model, HandEditable):
            fields += tuple(f for f in self.hand_edited_readonly if f not in fields)
        return fields

    def save_model(self, request, obj, form, change):
        if not change or form.has_changed():
            row_mark_hand_edited(row=obj, user=request.user)
        super().save_model(request, obj, form, change)
        if not isinstance(obj, Title):  # a title's own save bumps updated_at (auto_now)
            title_ids = title_ids_of([obj])
            if change and "title" in form.changed_data:
                title_ids.add(form.initial.get("title"))  # the row left that title's page too
            title_touch(title_ids=title_ids)

    def delete_model(self, request, obj):
        title_ids = title_ids_of([obj]) if not isinstance(obj, Title) else set()
        super().delete_model(request, obj)
        title_touch(title_ids=title_ids)

    def delete_queryset(self, request, queryset):
        title_ids = set()
        belongs_to_title = any(f.attname == "title_id" for f in self.model._meta.concrete_fields)
        if belongs_to_title and not issubclass(self.model, Title):
            title_ids = set(queryset.values_list("title_id", flat=True))
        super().delete_queryset(request, queryset)
        title_touch(title_ids=title_ids)

    def save_formset(self, request, form, formset, change):
        now = timezone.now()
        # Only the rows whose form changed come back from save(commit=False).
        changed = formset.save(commit=False)
        for row in changed:
            row_mark_hand_edited(row=row, user=request.user, when=now)
            row.save()
        deleted = list(formset.deleted_objects)
        for row in deleted:
            row.delete()
        formset.save_m2m()
        if not changed and not deleted:
            return
        parent = form.instance
        touched = [*changed, *deleted]
        if isinstance(parent, HandEditable) and not issubclass(formset.model, HandEditable):
            # Rows without their own stamp (a quote's lines) are part of their parent's edit.
            row_mark_hand_edited(row=parent, user=request.user, when=now)
            parent.save(update_fields=["edited_at", "edited_by"])
            touched.append(parent)
        title_touch(title_ids=title_ids_of(touched), when=now)


class HandEditedModelAdmin(HandEditedAdminMixin, admin.ModelAdmin):
    pass


class NotesField(forms.CharField):
    """A list of notes edited as one line: "uncredited; voice"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Separate notes with “;”.")
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "; ".join(str(note) for note in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if isinstance(text, list):
            return text
        return [note.strip() for note in text.split(";") if note.strip()]

    def has_changed(self, initial, data):
        return self.prepare_value(initial or []) != "; ".join(self.to_python(data))


class KnownLabelAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option's label comes from the already loaded row,
    so an inline of hundreds of rows does not run one query per row to label them."""

    known_labels: dict[str, str] | None = None
    _media_cache: dict = {}

    @property
    def media(self):
        # Identical for every row; building it per row was a third of a big title's page time.
        key = (self.i18n_name, settings.DEBUG)
        if key not in self._media_cache:
            self._media_cache[key] = super().media
        return self._media_cache[key]

    def render(self, name, value, attrs=None, renderer=None):
        # Django's select template, rendered in Python (one template per option is slow).
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], mark_safe(" selected") if option["selected"] else "", option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options)

    def _is_valid_key(self, value) -> bool:
        try:
            self.field.remote_field.model._meta.pk.to_python(value)
        except ValidationError:
            return False
        return True

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        labels = self.known_labels or {}
        if not selected or not selected <= labels.keys():
            # A form sent back with a malformed id ("abc") shows no choice rather than crashing.
            return super().optgroups(name, [v for v in value if self._is_valid_key(v)], attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for key in sorted(selected):
            options.append(self.create_option(name, key, labels[key], selected, len(options)))
        return [(None, options, 0)]


class PrefetchedModelChoiceField(forms.ModelChoiceField):
    """A model choice that looks the submitted value up in rows its formset loaded in one
    query, instead of one query per form (a title's inline has hundreds of rows)."""

    prefetched: dict[str, models.Model] | None = None

    def to_python(self, value):
        if value not in self.empty_values and self.prefetched:
            row = self.prefetched.get(str(value))
            if row is not None:
                return row
        return super().to_python(value)


class KnownLabelFormSet(BaseInlineFormSet):
    """An inline formset that costs a constant number of queries for any number of rows:
    autocomplete widgets are labelled from the rows' loaded relations (GET) and the rows'
    ids and chosen related objects are looked up in one query each (POST)."""

    known_label_fields: tuple[str, ...] = ()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_name = self.model._meta.pk.name
        field = form.fields.get(pk_name)
        if form.is_bound and isinstance(field, forms.ModelChoiceField):
            faster = PrefetchedModelChoiceField(
                field.queryset, initial=field.initial, required=False, widget=field.widget
            )
            faster.prefetched = self._rows_by_pk()
            form.fields[pk_name] = faster

    def _rows_by_pk(self) -> dict[str, models.Model]:
        if not hasattr(self, "_rows_by_pk_cache"):
            self._rows_by_pk_cache = {str(row.pk): row for row in self.get_queryset()}
        return self._rows_by_pk_cache

    def _posted_related(self, name: str, field: forms.ModelChoiceField) -> dict[str, models.Model]:
        cache = self.__dict__.setdefault("_posted_related_cache", {})
        if name not in cache:
            keys = {self.data.get(f"{self.add_prefix(i)}-{name}") for i in range(self.total_form_count())} - {None, ""}
            to_field = field.to_field_name or "pk"
            try:
                rows = field.queryset.filter(**{f"{to_field}__in": keys})
                cache[name] = {str(getattr(row, to_field)): row for row in rows}
            except (ValueError, TypeError, ValidationError):
                cache[name] = {}  # malformed values: each form reports its own error
        return cache[name]

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        for field in form.fields.values():
            quick = PYTHON_RENDERED.get(type(field.widget))
            if quick is not None:
                field.widget.__class__ = quick  # same widget, rendered without a template
        instance = form.instance
        for name in self.known_label_fields:
            field = form.fields.get(name)
            if field is None:
                continue
            if form.is_bound and isinstance(field, PrefetchedModelChoiceField):
                field.prefetched = self._posted_related(name, field)
            if instance.pk is None:
                continue
            widget = getattr(field.widget, "widget", field.widget)  # inside the related-widget wrapper
            related = getattr(instance, name, None) if instance._state.fields_cache.get(name) else None
            if isinstance(widget, KnownLabelAutocompleteSelect) and related is not None:
                widget.known_labels = {str(related.pk): field.label_from_instance(related)}
        return form


class KnownLabelInlineMixin:
    """Inline whose ``autocomplete_fields`` use KnownLabelAutocompleteSelect (see there)."""

    formset = KnownLabelFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownLabelAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            kwargs.setdefault("form_class", PrefetchedModelChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            # Deleting a person or title from a credit row is never what the row's editor means.
            formfield.widget.can_delete_related = False
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.known_label_fields = tuple(self.get_autocomplete_fields(request))
        return formset
