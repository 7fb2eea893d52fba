"""Hand edits: mark rows as corrected by staff and bump the titles they belong to."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import models
from django.utils import timezone

from catalogue.models import HandEditable, Title


def row_mark_hand_edited(*, row: models.Model, user, when: datetime | None = None) -> bool:
    """Stamp ``row`` as edited by ``user`` (not saved); a re-import keeps such rows.

    Returns whether the row is hand-editable at all.
    """
    if not isinstance(row, HandEditable):
        return False
    row.edited_at = when or timezone.now()
    row.edited_by = user if getattr(user, "pk", None) else None
    return True


def title_touch(*, title_ids: Iterable[int | None] | models.QuerySet, when: datetime | None = None) -> int:
    """Bump ``updated_at`` of the given titles: the public pages and caches key on it.

    ``title_ids`` is ids, or a ``values_list("title_id")`` queryset (used as a subquery).
    """
    if isinstance(title_ids, models.QuerySet):
        return Title.objects.filter(pk__in=title_ids).update(updated_at=when or timezone.now())
    ids = {pk for pk in title_ids if pk is not None}
    if not ids:
        return 0
    return Title.objects.filter(pk__in=ids).update(updated_at=when or timezone.now())


def title_ids_of(rows: Iterable[models.Model]) -> set[int]:
    """The titles ``rows`` belong to: a Title itself or a row with a ``title`` foreign key."""
    ids: set[int] = set()
    for row in rows:
        if isinstance(row, Title):
            ids.add(row.pk)
        elif getattr(row, "title_id", None) is not None:
            ids.add(row.title_id)
    return ids
