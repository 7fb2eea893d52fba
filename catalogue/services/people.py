"""People: merging duplicates into one person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from catalogue.models import Credit, Person, PersonRedirect

from .editing import title_touch


class PersonMergeError(ValueError):
    """A merge that cannot be done (nothing to merge, or the kept person among the merged)."""


@dataclass
class PersonMergeResult:
    keep: Person
    merged_names: list[str] = field(default_factory=list)
    merged_slugs: list[str] = field(default_factory=list)
    credits_moved: int = 0
    redirects_repointed: int = 0

    def summary(self) -> str:
        return (
            f"Merged {', '.join(self.merged_names)} into {self.keep.name}: "
            f"{self.credits_moved} credit(s) moved, old slugs {', '.join(self.merged_slugs)} now redirect."
        )


def person_merge(*, keep: Person, merge: Iterable[Person], user) -> PersonMergeResult:
    """Fold the ``merge`` people into ``keep``, in one transaction.

    Their credits move to ``keep`` (a credit whose printed name differs gets it as
    "credited as", unless already set), each merged slug redirects to ``keep`` (as do
    redirects that pointed at a merged person), ``keep`` takes an IMDb id it lacked,
    the merged people are deleted, and the change is written to the admin history.
    """
    merged = {person.pk: person for person in merge if person.pk != keep.pk}
    if not merged:
        raise PersonMergeError("Choose at least one other person to merge into the kept one.")
    now = timezone.now()
    editor = user if getattr(user, "pk", None) else None
    result = PersonMergeResult(keep=keep)

    with transaction.atomic():
        # Lock the rows and read them fresh: a concurrent edit or import must not be lost.
        keep = Person.objects.select_for_update().get(pk=keep.pk)
        people = list(Person.objects.select_for_update().filter(pk__in=merged).order_by("name", "pk"))
        if len(people) != len(merged):
            raise PersonMergeError("Some of the people to merge no longer exist.")
        result.keep = keep

        credits = list(Credit.objects.filter(person__in=people).select_related("person"))
        for credit in credits:
            if not credit.credited_as and credit.person.name != keep.name:
                credit.credited_as = credit.person.name
            credit.person = keep
            credit.edited_at = now
            credit.edited_by = editor
        Credit.objects.bulk_update(credits, ["person", "credited_as", "edited_at", "edited_by"], batch_size=500)
        result.credits_moved = len(credits)

        result.redirects_repointed = PersonRedirect.objects.filter(person__in=people).update(person=keep)
        inherited_imdb_id = next((p.imdb_id for p in people if p.imdb_id), None)
        for person in people:
            result.merged_names.append(person.name)
            result.merged_slugs.append(person.slug)
        _log_merge(keep=keep, people=people, user=editor, result=result)
        Person.objects.filter(pk__in=[p.pk for p in people]).delete()
        for slug in result.merged_slugs:
            PersonRedirect.objects.update_or_create(old_slug=slug, defaults={"person": keep})
        if keep.imdb_id is None and inherited_imdb_id:
            # A re-import of the merged person's pages then finds the kept one.
            keep.imdb_id = inherited_imdb_id
        keep.save()
        title_touch(title_ids={credit.title_id for credit in credits}, when=now)
    return result


def _log_merge(*, keep: Person, people: list[Person], user, result: PersonMergeResult) -> None:
    if user is None:
        return
    content_type = ContentType.objects.get_for_model(Person)
    entries = [
        LogEntry(
            user=user,
            content_type=content_type,
            object_id=str(keep.pk),
            object_repr=str(keep)[:200],
            action_flag=CHANGE,
            change_message=result.summary(),
        )
    ]
    entries += [
        LogEntry(
            user=user,
            content_type=content_type,
            object_id=str(person.pk),
            object_repr=str(person)[:200],
            action_flag=DELETION,
            change_message=f"Merged into {keep.name} ({keep.slug}).",
        )
        for person in people
    ]
    LogEntry.objects.bulk_create(entries)
