"""What the pages' reads share: departments, links made without a reverse() a row, notes, page stamps."""

from __future__ import annotations

import functools
from urllib.parse import quote
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.urls import get_script_prefix, reverse

from catalogue.models import DEPARTMENT_ORDER, CompanyKind, Department


def department_sort_key(key: str, label: str) -> tuple:
    """The old layout's order; unknown departments after, by label."""
    if key in DEPARTMENT_ORDER:
        return (0, DEPARTMENT_ORDER[key], "")
    return (1, 0, label.casefold())


def department_label(key: str, printed: str) -> str:
    if key in DEPARTMENT_ORDER:
        return Department(key).label
    return printed or key.replace("_", " ").capitalize()


@dataclass
class DepartmentGroup:
    key: str
    label: str
    credits: list = field(default_factory=list)
    more: int = 0


def group_credits_by_department(credits, *, limit: int | None = None) -> list[DepartmentGroup]:
    groups: dict[str, DepartmentGroup] = {}
    for credit in credits:
        group = groups.get(credit.department)
        if group is None:
            group = groups[credit.department] = DepartmentGroup(
                credit.department, department_label(credit.department, credit.department_label)
            )
        if limit is not None and len(group.credits) >= limit:
            group.more += 1
        else:
            group.credits.append(credit)
    return sorted(groups.values(), key=lambda g: department_sort_key(g.key, g.label))


def slug_url_maker(view_name: str) -> Callable[[str], str]:
    """``slug -> reverse(view_name, slug=slug)`` with one reverse() for all rows.

    For the URL patterns taking one ``<uslug:slug>``: an ASCII slug holds only
    [-a-zA-Z0-9_], which reverse() leaves as it is; a slug in another script is
    percent-encoded as reverse() would.
    """
    marker = "0slug0"
    head, tail = reverse(view_name, kwargs={"slug": marker}).rsplit(marker, 1)
    return lambda slug: f"{head}{slug if slug.isascii() else quote(slug)}{tail}"


@functools.lru_cache(maxsize=32)
def _slug_url_maker(view_name: str, script_prefix: str) -> Callable[[str], str]:
    return slug_url_maker(view_name)


def slug_url(view_name: str, slug: str) -> str:
    """``reverse(view_name, slug=slug)`` at the cost of a dictionary lookup (see slug_url_maker)."""
    return _slug_url_maker(view_name, get_script_prefix())(slug)


# What a link to another title shows: reading only these of a related title skips the
# decoding of its ~50 columns.
TITLE_LINK_FIELDS = ("slug", "title", "year", "kind")


def linked_title_fields(relation: str, names: tuple[str, ...] = TITLE_LINK_FIELDS) -> list[str]:
    return [f"{relation}__{name}" for name in names]


@dataclass(frozen=True)
class PageStamp:
    """When a page's content last changed (Last-Modified), and a key that changes with it.

    The key feeds the ETag and the rendered-page cache (catalogue/caching.py): every
    import and admin edit bumps ``Title.updated_at``, so a new key shows up on the next
    request to any worker, with no per-process invalidation.
    """

    modified: datetime
    key: str


def company_groups(title_companies) -> list[tuple[str, list]]:
    """Rows with a ``kind`` grouped under their kind's label, in CompanyKind's order (unknown kinds after)."""
    grouped: dict[str, list] = defaultdict(list)
    for row in title_companies:
        grouped[row.kind].append(row)
    labels = dict(CompanyKind.choices)
    return [(labels[kind], grouped[kind]) for kind in CompanyKind.values if grouped.get(kind)] + [
        (kind, rows) for kind, rows in grouped.items() if kind not in labels
    ]
