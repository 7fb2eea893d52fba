"""Who and what a record names: titles, people, companies, vocabularies, slugs.

Identity rules (docs/importing.md):
- a title is its IMDb id when known, else title + year + kind (+ series for episodes);
- a person or company is its IMDb id when the record carries one, else its exact
  printed name ("John Smith (II)" is its own name);
- slugs come from ``base_slug`` and are never changed once assigned; a clash gets
  ``-2``, ``-3``… Lookups are in bulk: a constant number of queries per page.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import Model, Q

from catalogue.models import Company, Person, Title
from catalogue.text import base_slug, fold

from .validation import check_lengths

_URL_ID = re.compile(r"/title/(tt\d+)")
# Candidates checked in one query for a clashing slug before falling back to one query each.
_SUFFIXES_IN_BULK = range(2, 12)


def imdb_id_from_url(url: str | None) -> str | None:
    match = _URL_ID.search(url or "")
    return match.group(1) if match else None


def allocate_slugs(model: type[Model], bases: list[str]) -> list[str]:
    """Unique slugs for new rows of ``model``, one per base, in order."""
    if not bases:
        return []
    unique = set(bases)
    taken = set(model.objects.filter(slug__in=unique).values_list("slug", flat=True))
    clashing = {base for base in unique if base in taken} | {base for base, n in Counter(bases).items() if n > 1}
    checked = set(unique)
    if clashing:
        candidates = [f"{base}-{i}" for base in clashing for i in _SUFFIXES_IN_BULK]
        taken |= set(model.objects.filter(slug__in=candidates).values_list("slug", flat=True))
        checked.update(candidates)
    slugs = []
    for base in bases:
        slug, i = base, 2
        while slug in taken or (slug not in checked and model.objects.filter(slug=slug).exists()):
            slug, i = f"{base}-{i}", i + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def title_slug_base(title: str, year: int | None, imdb_id: str | None) -> str:
    text = f"{title} {year}" if year else title
    return base_slug(text, fallback=imdb_id or "title")


def find_title(
    *,
    title: str,
    year: int | None,
    kind: str,
    imdb_id: str | None,
    series_title: str | None = None,
    loose_kind: bool = False,
):
    """The catalogued title a record names, or None.

    ``loose_kind``: the page's header may not show the kind (reviews, full credits pages):
    when no title of that kind matches, a single title of that title and year does.
    """
    if imdb_id:
        found = Title.objects.filter(imdb_id=imdb_id).first()
        if found:
            return found
    candidates = Title.objects.filter(title=title, year=year, kind=kind)
    if series_title:
        candidates = candidates.filter(series_title=series_title)
    if imdb_id:
        candidates = candidates.filter(imdb_id__isnull=True)
    found = candidates.order_by("pk").first()
    if found is None and loose_kind:
        loose = Title.objects.filter(title=title, year=year)
        if imdb_id:
            loose = loose.filter(imdb_id__isnull=True)
        matches = list(loose[:2])
        found = matches[0] if len(matches) == 1 else None
    return found


def people_for(entries: Iterable[tuple[str, str | None]]) -> dict[tuple[str, str | None], Person]:
    """The Person for each (printed name, imdb id or None), created in bulk when new."""
    return _named_for(Person, entries, fallback="person")


def companies_for(entries: Iterable[tuple[str, str | None]]) -> dict[tuple[str, str | None], Company]:
    return _named_for(Company, entries, fallback="company")


def _named_for(model, entries, *, fallback: str) -> dict:
    entries = list(dict.fromkeys(entries))
    if not entries:
        return {}
    ids = {imdb_id for _, imdb_id in entries if imdb_id}
    names = {name for name, _ in entries}
    found = list(model.objects.filter(Q(imdb_id__in=ids) | Q(name__in=names)))
    by_id = {row.imdb_id: row for row in found if row.imdb_id}
    by_name_without_id = {row.name: row for row in found if not row.imdb_id}
    by_name_with_id = defaultdict(list)
    for row in found:
        if row.imdb_id:
            by_name_with_id[row.name].append(row)

    result, new, adopted = {}, [], []
    for name, imdb_id in entries:
        if imdb_id:
            row = by_id.get(imdb_id)
            if row is None:
                # The same printed name met before without an id: that row gets the id.
                row = by_name_without_id.pop(name, None)
                if row is not None:
                    row.imdb_id = imdb_id
                    adopted.append(row)
                else:
                    row = model(name=name, imdb_id=imdb_id)
                    new.append(row)
                by_id[imdb_id] = row
                by_name_with_id[name].append(row)
        else:
            row = by_name_without_id.get(name)
            if row is None and len(by_name_with_id.get(name, ())) == 1:
                row = by_name_with_id[name][0]
            if row is None:
                row = model(name=name, imdb_id=None)
                new.append(row)
                by_name_without_id[name] = row
        result[(name, imdb_id)] = row

    if adopted:
        model.objects.bulk_update(adopted, ["imdb_id"])
    if new:
        slugs = allocate_slugs(model, [base_slug(row.name, fallback=row.imdb_id or fallback) for row in new])
        for row, slug in zip(new, slugs):
            row.slug = slug
            if hasattr(row, "name_folded"):
                row.name_folded = fold(row.name)  # bulk_create skips save()
        check_lengths(new)
        model.objects.bulk_create(new)
    return result


def vocabulary_for(model, names: list[str]) -> list:
    """Rows of a vocabulary (Genre, Country…) for ``names``, in order, created when new."""
    names = list(dict.fromkeys(name for name in names if name))
    if not names:
        return []
    existing = {row.name: row for row in model.objects.filter(name__in=names)}
    missing = [name for name in names if name not in existing]
    if missing:
        slugs = allocate_slugs(model, [base_slug(name, fallback=model.__name__.lower()) for name in missing])
        rows = [model(name=name, slug=slug) for name, slug in zip(missing, slugs)]
        check_lengths(rows)
        model.objects.bulk_create(rows)
        existing.update((row.name, row) for row in rows)
    return [existing[name] for name in names]
