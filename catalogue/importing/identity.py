"""Who and what a record names: titles, people, companies, vocabularies, slugs.

Identity rules (docs/importing.md):
- a title is its IMDb id when known, else title + year + kind (+ series for episodes);
- a person or company is its IMDb id when the record carries one, else its exact
  printed name ("John Smith (II)" is its own name);
- slugs come from ``base_slug`` (a name with nothing to slugify: its IMDb id, else the
  kind and a short hash of the name) and are never changed once assigned; a clash gets
  ``-2``, ``-3``… Lookups are in bulk: a constant number of queries per page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Model

from catalogue.models import Company, Person, Title
from catalogue.text import base_slug, fold

from .bulk import in_chunks, rows_insert, rows_select
from .validation import check_lengths

_URL_ID = re.compile(r"/title/(tt\d+)")


def imdb_id_from_url(url: str | None) -> str | None:
    match = _URL_ID.search(url or "")
    return match.group(1) if match else None


def allocate_slugs(model: type[Model], bases: list[str]) -> list[str]:
    """Unique slugs for new rows of ``model``, one per base, in order.

    A base already taken gets the first free ``-2``, ``-3``…: the numbered slugs of a
    clashing base are read in one range scan of the unique index, so the cost does not
    grow with how many rows share the base.
    """
    if not bases:
        return []
    unique = sorted(set(bases))
    taken = _slugs_taken(model, unique)
    clashing = {base for base in unique if base in taken} | {base for base, n in Counter(bases).items() if n > 1}
    for base in sorted(clashing):
        taken |= _numbered_slugs_taken(model, base)
    slugs = []
    for base in bases:
        slug, i = base, 2
        while slug in taken:
            slug, i = f"{base}-{i}", i + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _numbered_slugs_taken(model: type[Model], base: str) -> set[str]:
    """The taken slugs ``base-N``: every slug from "base-" up to "base." ("." sorts right after "-")."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT slug FROM {table} WHERE slug >= %s AND slug < %s", [f"{base}-", f"{base}."])
        return {slug for (slug,) in cursor.fetchall() if slug[len(base) + 1 :].isdigit()}


def _slugs_taken(model: type[Model], slugs: list[str]) -> set[str]:
    """Which of ``slugs`` rows of ``model`` already have."""
    return set(_ids_by_slug(model, slugs))


def _ids_by_slug(model: type[Model], slugs: list[str]) -> dict[str, int]:
    """{slug: pk} of the rows of ``model`` with one of ``slugs`` (raw SQL on the unique index)."""
    table = connection.ops.quote_name(model._meta.db_table)
    found: dict[str, int] = {}
    for chunk, marks in in_chunks(slugs):
        found.update(rows_select(f"SELECT slug, id FROM {table} WHERE slug IN ({marks})", chunk))
    return found


def title_slug_base(title: str, year: int | None, imdb_id: str | None) -> str:
    base = base_slug(title, fallback=imdb_id or _hashed_slug("title", title))
    return f"{base}-{year}" if year and base != imdb_id else base


def _hashed_slug(kind: str, name: str) -> str:
    """The slug base of a name with nothing to slugify (no Latin letters or digits) and no IMDb id.

    The kind and a short hash of the folded name: the same name always wants the same
    base, and unrelated names do not all share "person" (whose -2, -3… run grew with
    the catalogue, and each new one read it whole).
    """
    digest = hashlib.blake2b(fold(name).encode("utf-8"), digest_size=5).digest()
    return f"{kind}-{base64.b32encode(digest).decode('ascii').lower()}"


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
    # One raw look at the two indexes for every rule: the id, and the titles of that
    # title and year (whether they lack an id is checked here: "imdb_id IS NULL" would
    # lead SQLite to scan every id-less title). Most pages of a big import name a new
    # title, which then costs no ORM query or model instance.
    table = connection.ops.quote_name(Title._meta.db_table)
    year_sql, params = ("year IS NULL", [title]) if year is None else ("year = %s", [title, year])
    sql = f"SELECT id FROM {table} WHERE title = %s AND {year_sql}"
    if imdb_id:
        sql += f" UNION ALL SELECT id FROM {table} WHERE imdb_id = %s"
        params.append(imdb_id)
    pks = {pk for (pk,) in rows_select(sql, params)}
    if not pks:
        return None
    rows = sorted(Title.objects.filter(pk__in=pks), key=lambda t: t.pk)
    if imdb_id:
        for row in rows:
            if row.imdb_id == imdb_id:
                return row
        rows = [row for row in rows if row.imdb_id is None]
    candidates = [row for row in rows if row.kind == kind and (not series_title or row.series_title == series_title)]
    if candidates:
        return candidates[0]
    if loose_kind and len(rows) == 1:
        return rows[0]
    return None


def people_for(entries: Iterable[tuple[str, str | None]]) -> dict[tuple[str, str | None], int]:
    """The Person pk for each (printed name, imdb id or None), created in bulk when new."""
    return _named_for(Person, entries, fallback="person")


def companies_for(entries: Iterable[tuple[str, str | None]]) -> dict[tuple[str, str | None], int]:
    """The Company pk for each (printed name, imdb id or None), created in bulk when new."""
    return _named_for(Company, entries, fallback="company")


class _Found:
    """A catalogued person or company as the lookup needs it (no model instance: cheaper)."""

    __slots__ = ("pk", "name", "imdb_id")

    def __init__(self, pk, name, imdb_id):
        self.pk, self.name, self.imdb_id = pk, name, imdb_id


def _found_by_ids_or_names(model, ids: list[str], names: list[str]) -> list[_Found]:
    """Rows of ``model`` whose imdb_id is in ``ids`` or name in ``names``: raw SQL, both indexed."""
    table = connection.ops.quote_name(model._meta.db_table)
    found: dict[int, _Found] = {}
    for column, values in (("imdb_id", ids), ("name", names)):
        for chunk, marks in in_chunks(values):
            for pk, name, imdb_id in rows_select(
                f"SELECT id, name, imdb_id FROM {table} WHERE {column} IN ({marks})", chunk
            ):
                found.setdefault(pk, _Found(pk, name, imdb_id))
    return sorted(found.values(), key=lambda row: row.pk)


def _named_for(model, entries, *, fallback: str) -> dict:
    entries = list(dict.fromkeys(entries))
    if not entries:
        return {}
    ids = sorted({imdb_id for _, imdb_id in entries if imdb_id})
    names = sorted({name for name, _ in entries})
    found = _found_by_ids_or_names(model, ids, names)
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
        model.objects.bulk_update([model(pk=row.pk, imdb_id=row.imdb_id) for row in adopted], ["imdb_id"])
    if new:
        slugs = allocate_slugs(
            model, [base_slug(row.name, fallback=row.imdb_id or _hashed_slug(fallback, row.name)) for row in new]
        )
        for row, slug in zip(new, slugs):
            row.slug = slug
            if hasattr(row, "fold_names"):
                row.fold_names()  # rows_insert skips save()
        # executemany, then the new pks by slug (unique): far cheaper than bulk_create.
        rows_insert(model, new)
        pks = _ids_by_slug(model, slugs)
        for row in new:
            row.pk = pks[row.slug]
    return {key: row.pk for key, row in result.items()}


def vocabularies_for(names_by_model: dict) -> dict:
    """The ids of each vocabulary's (Genre, Country…) ``names``, in order, created when new.

    One query finds them all (UNION ALL).
    """
    wanted = {model: list(dict.fromkeys(name for name in names if name)) for model, names in names_by_model.items()}
    found: dict = {model: {} for model in wanted}
    selects, params = [], []
    for index, (model, names) in enumerate(wanted.items()):
        table = connection.ops.quote_name(model._meta.db_table)
        for chunk, marks in in_chunks(names):
            selects.append(f"SELECT {index}, id, name FROM {table} WHERE name IN ({marks})")
            params.extend(chunk)
    if selects:
        models = list(wanted)
        for index, pk, name in rows_select(" UNION ALL ".join(selects), params):
            found[models[index]][name] = pk
    result = {}
    for model, names in wanted.items():
        existing = found[model]
        missing = [name for name in names if name not in existing]
        if missing:
            slugs = allocate_slugs(model, [base_slug(name, fallback=model.__name__.lower()) for name in missing])
            rows = [model(name=name, slug=slug) for name, slug in zip(missing, slugs)]
            check_lengths(rows)
            model.objects.bulk_create(rows)
            existing.update((row.name, row.pk) for row in rows)
        result[model] = [existing[name] for name in names]
    return result
