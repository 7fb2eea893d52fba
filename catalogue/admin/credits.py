"""Credits: the cast and crew inlines of a title and person, and the credit changelist."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.urls import reverse

from catalogue import widgets
from catalogue.models import Credit, Department
from catalogue.text import fold

from .base import (
    EditedByHandFilter,
    HandEditedModelAdmin,
    KnownLabelFormSet,
    KnownLabelInlineMixin,
    NotesField,
    PrefetchedModelChoiceField,
    hand_edited,
)

CREW_DEPARTMENTS = [(value, label) for value, label in Department.choices if value != Department.CAST]
# A title's change page shows this many cast (and crew) credits at a time: a page of
# rows costs ~10 ms each to render, so 100,000 credits inline would never load.
CREDITS_PER_PAGE = 50


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
            "department": widgets.Select,
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


@dataclass
class CreditPager:
    """Where a page of an inline's credits sits among them all, with links to its neighbours."""

    number: int
    pages: int
    total: int
    first: int  # the page's first and last rows, counted from 1
    last: int
    previous_url: str | None
    next_url: str | None
    changelist_url: str  # every one of these credits in the credit list


class PagedCreditFormSet(KnownLabelFormSet):
    """The title's credits of one inline, a page (CREDITS_PER_PAGE) at a time.

    The page is the request's ``<page_parameter>`` (the form posts back to its own URL,
    so a save edits the rows it showed); one COUNT gives the pager. The other rows are
    neither shown nor touched by a save.
    """

    page_parameter = "page"
    requested_page = "1"
    query: dict = {}
    changelist_filter: dict = {}
    pager: CreditPager | None = None

    def get_queryset(self):
        if not hasattr(self, "_page_rows"):
            rows = super().get_queryset()
            total = rows.count() if self.instance.pk else 0
            pages = max(1, -(-total // CREDITS_PER_PAGE))
            number = int(self.requested_page) if str(self.requested_page).isdigit() else 1
            number = min(max(number, 1), pages)
            start = (number - 1) * CREDITS_PER_PAGE
            self._page_rows = rows[start : start + CREDITS_PER_PAGE]
            len(self._page_rows)  # one query, then indexed from its cache
            self.pager = CreditPager(
                number,
                pages,
                total,
                start + 1 if total else 0,
                min(start + CREDITS_PER_PAGE, total),
                self._page_url(number - 1) if number > 1 else None,
                self._page_url(number + 1) if number < pages else None,
                self._changelist_url(),
            )
        return self._page_rows

    def _page_url(self, number: int) -> str:
        return "?" + urlencode({**self.query, self.page_parameter: number})

    def _changelist_url(self) -> str:
        query = {"title__id__exact": self.instance.pk, **self.changelist_filter}
        return reverse("admin:catalogue_credit_changelist") + "?" + urlencode(query)


class CreditInlineBase(KnownLabelInlineMixin, admin.TabularInline):
    model = Credit
    extra = 0
    show_change_link = True
    autocomplete_fields = ("person",)
    formset = PagedCreditFormSet
    template = "admin/catalogue/title/paged_credits_inline.html"
    page_parameter = "page"
    changelist_filter: dict = {}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.page_parameter = self.page_parameter
        formset.requested_page = request.GET.get(self.page_parameter, "1")
        formset.query = {key: value for key, value in request.GET.items() if key != self.page_parameter}
        formset.changelist_filter = self.changelist_filter
        return formset


class CastCreditInline(CreditInlineBase):
    form = CastCreditForm
    verbose_name = "cast credit"
    verbose_name_plural = "cast"
    fields = ("order", "person", "character", "credited_as", "notes", "edited_at")
    readonly_fields = ("edited_at",)
    ordering = ("order", "id")
    page_parameter = "cast_page"
    changelist_filter = {"department": Department.CAST}

    def get_queryset(self, request):
        return super().get_queryset(request).filter(department=Department.CAST)


class CrewCreditInline(CreditInlineBase):
    form = CrewCreditForm
    verbose_name = "crew credit"
    verbose_name_plural = "crew"
    fields = ("department", "order", "person", "job", "credited_as", "notes", "edited_at")
    readonly_fields = ("edited_at",)
    ordering = ("department", "order", "id")
    page_parameter = "crew_page"
    changelist_filter = {"crew": "yes"}

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


class CrewFilter(admin.SimpleListFilter):
    """Crew (every department but the cast): the title page's crew inline links its credits so."""

    title = "cast or crew"
    parameter_name = "crew"

    def lookups(self, request, model_admin):
        return [("yes", "Crew"), ("no", "Cast")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(department=Department.CAST)
        if self.value() == "no":
            return queryset.filter(department=Department.CAST)
        return queryset


@admin.register(Credit)
class CreditAdmin(HandEditedModelAdmin):
    form = CreditForm
    list_display = ("person", "title", "department", "job", "character", "credited_as", "order", hand_edited)
    list_display_links = ("person",)
    list_select_related = ("person", "title")
    list_filter = ("department", CrewFilter, EditedByHandFilter)
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

    def lookup_allowed(self, lookup, value, request=None):
        # A title's change page links its credits here, filtered by the title.
        return lookup == "title__id__exact" or super().lookup_allowed(lookup, value, request)

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
