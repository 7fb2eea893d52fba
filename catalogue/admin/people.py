"""People: search, their credits inline, and merging duplicates."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.template.response import TemplateResponse

from catalogue.models import Credit, Person, PersonRedirect, Title
from catalogue.services.editing import title_touch
from catalogue.services.people import PersonMergeError, person_merge
from catalogue.text import fold

from .base import HandEditedModelAdmin
from .credits import PersonCreditInline


# Duplicates come in handfuls; "select all 40,000" is a slip, not a merge.
MERGE_LIMIT = 50
# Titles named for each person in the warning about different IMDb ids (their best known).
ID_WARNING_TITLES = 3


@dataclass
class IdHolder:
    """A selected person with an IMDb id, as the merge warning names them."""

    person: Person
    credit_count: int
    title_count: int
    titles: list[Title]


def different_imdb_ids(people: list[Person]) -> list[IdHolder]:
    """The selected people carrying an IMDb id, when there are two ids or more (else []).

    Two ids are two people to IMDb: the merge keeps one id and loses the others, so the
    confirmation page warns and names each one's best-known titles. One query for them
    all (ranked per person by votes), whatever their credits.
    """
    holders = [person for person in people if person.imdb_id]
    if len({person.imdb_id for person in holders}) < 2:
        return []
    # One credit per person and title (a director who also wrote it is one title).
    first_on_title = Credit.objects.filter(person_id=OuterRef("person_id"), title_id=OuterRef("title_id")).order_by(
        "pk"
    )
    ranked = (
        Credit.objects.filter(person__in=holders, pk=Subquery(first_on_title.values("pk")[:1]))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("person_id"),
                order_by=(F("title__votes").desc(nulls_last=True), F("title_id").asc()),
            )
        )
        .filter(rank__lte=ID_WARNING_TITLES)
        .select_related("title")
        .only("person_id", "title__slug", "title__title", "title__year", "title__kind")
        .order_by("person_id", "rank")
    )
    titles: dict[int, list[Title]] = {}
    for credit in ranked:
        titles.setdefault(credit.person_id, []).append(credit.title)
    return [IdHolder(person, person.credit_count, person.title_count, titles.get(person.pk, [])) for person in holders]


class PersonRedirectInline(admin.TabularInline):
    """Old slugs of people merged into this one (read-only: made by the merge)."""

    model = PersonRedirect
    extra = 0
    fields = ("old_slug", "created_at")
    readonly_fields = ("old_slug", "created_at")
    can_delete = False
    verbose_name_plural = "redirects from merged people"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(HandEditedModelAdmin):
    list_display = ("name", "imdb_id", "slug", "updated_at")
    search_fields = ("name_folded",)  # shows the box; get_search_results does the work
    search_help_text = "Name (accents and case ignored), IMDb id (nm…) or slug."
    readonly_fields = ("created_at", "updated_at")
    fields = ("name", "slug", "imdb_id", "created_at", "updated_at")
    inlines = (PersonCreditInline, PersonRedirectInline)
    actions = ("merge_people",)
    list_per_page = 100

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.filter(Q(name_folded__contains=fold(term)) | Q(imdb_id=term) | Q(slug=term)), False

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"name", "slug"} & set(form.changed_data):
            # Their titles' pages print the name and link the slug: they changed too.
            title_touch(title_ids=obj.credits.values_list("title_id", flat=True))

    def has_merge_permission(self, request) -> bool:
        # A merge changes people and moves credits; nothing is lost (old slugs redirect).
        return request.user.has_perm("catalogue.change_person") and request.user.has_perm("catalogue.change_credit")

    @admin.action(description="Merge selected people into one", permissions=("merge",))
    def merge_people(self, request, queryset):
        people = list(
            queryset.annotate(
                credit_count=Count("credits"), title_count=Count("credits__title", distinct=True)
            ).order_by("name", "pk")[: MERGE_LIMIT + 1]
        )
        if len(people) < 2:
            self.message_user(request, "Select two or more people to merge.", messages.WARNING)
            return None
        if len(people) > MERGE_LIMIT:
            self.message_user(request, f"Select at most {MERGE_LIMIT} people to merge at once.", messages.WARNING)
            return None

        if request.POST.get("post") == "yes":
            keep_pk = request.POST.get("keep", "")
            keep = next((person for person in people if str(person.pk) == keep_pk), None)
            if keep is None:
                self.message_user(request, "Choose the person to keep.", messages.ERROR)
            else:
                if not self.has_merge_permission(request):
                    raise PermissionDenied
                try:
                    result = person_merge(keep=keep, merge=people, user=request.user)
                except PersonMergeError as error:
                    self.message_user(request, str(error), messages.ERROR)
                    return None
                self.message_user(request, result.summary(), messages.SUCCESS)
                return None

        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge people",
            "subtitle": None,
            "opts": opts,
            "app_label": opts.app_label,
            "people": [(person, person.credit_count) for person in people],
            "id_holders": different_imdb_ids(people),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action_name": "merge_people",
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/catalogue/person/merge_confirmation.html", context)
