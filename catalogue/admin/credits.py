"""Credits: the cast and crew inlines of a title and person, and the credit changelist."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Q

from catalogue.models import Credit, Department
from catalogue.text import fold

from .base import (
    EditedByHandFilter,
    HandEditedModelAdmin,
    KnownLabelInlineMixin,
    NotesField,
    PrefetchedModelChoiceField,
    QuickSelect,
    hand_edited,
)

CREW_DEPARTMENTS = [(value, label) for value, label in Department.choices if value != Department.CAST]


class CreditForm(forms.ModelForm):
    """A credit row; the printed heading (department_label) follows the department."""

    notes = NotesField(label="Notes")

    class Meta:
        model = Credit
        fields = "__all__"
        labels = {"credited_as": "as", "order": "order"}
        widgets = {
            "job": forms.TextInput(attrs={"size": 24}),
            "character": forms.TextInput(attrs={"size": 24}),
            "credited_as": forms.TextInput(attrs={"size": 18}),
            "order": forms.NumberInput(attrs={"min": 0, "style": "width: 5em"}),
            "department": QuickSelect,
        }

    # The departments offered; None offers cast and every crew department.
    department_choices: list[tuple[str, str]] | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "department_label" in self.fields:
            self.fields["department_label"].required = False
        department = self.fields.get("department")
        if department is not None:
            choices = [("", "---------"), *(self.department_choices or Department.choices)]
            current = self.instance.department if self.instance.pk else None
            if current and current not in Department.values:
                # An unknown heading keeps its own key; offer it so an untouched row stays valid.
                choices.append((current, self.instance.department_label or current))
            department.choices = choices

    def _get_validation_exclusions(self):
        # The form's own fields already checked these: the department (known or the row's
        # own), and that the chosen person or title exists (the model would query each again).
        exclusions = super()._get_validation_exclusions()
        exclusions.add("department")
        exclusions |= {name for name, field in self.fields.items() if isinstance(field, PrefetchedModelChoiceField)}
        return exclusions

    def clean(self):
        cleaned = super().clean()
        department = cleaned.get("department") or self.instance.department
        if department and (not cleaned.get("department_label") or "department" in self.changed_data):
            if department in Department.values:
                label = Department(department).label
                cleaned["department_label"] = label
                self.instance.department_label = label
        return cleaned


class CastCreditForm(CreditForm):
    def clean(self):
        self.instance.department = Department.CAST
        self.instance.department_label = self.instance.department_label or Department.CAST.label
        return super().clean()


class CrewCreditForm(CreditForm):
    department_choices = CREW_DEPARTMENTS


class CreditInlineBase(KnownLabelInlineMixin, admin.TabularInline):
    model = Credit
    extra = 0
    show_change_link = True
    autocomplete_fields = ("person",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class CastCreditInline(CreditInlineBase):
    form = CastCreditForm
    verbose_name = "cast credit"
    verbose_name_plural = "cast"
    fields = ("order", "person", "character", "credited_as", "notes", "edited_at")
    readonly_fields = ("edited_at",)
    ordering = ("order", "id")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(department=Department.CAST)


class CrewCreditInline(CreditInlineBase):
    form = CrewCreditForm
    verbose_name = "crew credit"
    verbose_name_plural = "crew"
    fields = ("department", "order", "person", "job", "credited_as", "notes", "edited_at")
    readonly_fields = ("edited_at",)
    ordering = ("department", "order", "id")

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(department=Department.CAST)


class PersonCreditInline(KnownLabelInlineMixin, admin.TabularInline):
    """A person's credits, on the person's page (cast and crew)."""

    model = Credit
    form = CreditForm
    extra = 0
    show_change_link = True
    autocomplete_fields = ("title",)
    fields = ("title", "department", "job", "character", "credited_as", "notes", "order", "edited_at")
    readonly_fields = ("edited_at",)
    ordering = ("title__year", "title__title", "department", "order")
    verbose_name_plural = "credits"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("title")


@admin.register(Credit)
class CreditAdmin(HandEditedModelAdmin):
    form = CreditForm
    list_display = ("person", "title", "department", "job", "character", "credited_as", "order", hand_edited)
    list_display_links = ("person",)
    list_select_related = ("person", "title")
    list_filter = ("department", EditedByHandFilter)
    search_fields = ("person__name_folded",)
    search_help_text = "Person or title (accents and case ignored), or job or character."
    autocomplete_fields = ("person", "title")
    fields = (
        "title",
        "person",
        "department",
        "department_label",
        "job",
        "character",
        "character_imdb_id",
        "credited_as",
        "notes",
        "order",
        "raw_text",
        "edited_at",
        "edited_by",
    )
    readonly_fields = ("raw_text",)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        folded = fold(term)
        return (
            queryset.filter(
                Q(person__name_folded__contains=folded)
                | Q(title__title_folded__contains=folded)
                | Q(job__icontains=term)
                | Q(character__icontains=term)
            ),
            False,
        )
