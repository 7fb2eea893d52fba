"""Benchmark fixtures: fill a database straight from the generator with bulk_create.

Not the importer (catalogue/importing is the only code that imports parsed pages):
this seeds a large catalogue quickly to measure reads and search on it, and stands in
for `import_pages` where the importer is not available (``bench/run.py --loader bulk``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from catalogue.generation import GeneratedPage, person, title_ref
from catalogue.models import AlternateTitle, Certificate, Credit, Person, Title
from catalogue.text import base_slug, fold


def _title(number: int, *, title: str, year: int | None, kind: str, original_title: str | None) -> Title:
    return Title(
        title=title,
        title_folded=fold(title),
        original_title=original_title or "",
        original_title_folded=fold(original_title),
        slug=f"{base_slug(title, fallback='title')}-{year}-{number}",
        year=year,
        kind=kind,
    )


class PeopleIndex:
    """Person ids by name, creating people in bulk as new names come."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def ensure(self, names: Iterable[str]) -> None:
        new = [name for name in dict.fromkeys(names) if name not in self.ids]
        people = [
            Person(
                name=name, name_folded=fold(name), slug=f"{base_slug(name, fallback='person')}-{len(self.ids) + index}"
            )
            for index, name in enumerate(new)
        ]
        for created in Person.objects.bulk_create(people, batch_size=2000):
            self.ids[created.name] = created.pk


def load_pages(pages: Iterable[GeneratedPage], *, batch: int = 500) -> dict:
    """Titles, people, credits, certificates and AKAs of generated pages; returns counts and seconds."""
    started = time.perf_counter()
    people = PeopleIndex()
    counts = {"titles": 0, "credits": 0}
    chunk: list[GeneratedPage] = []

    def flush() -> None:
        titles = Title.objects.bulk_create(
            [
                _title(
                    page.number,
                    title=page.record.title,
                    year=page.record.year,
                    kind=page.record.kind,
                    original_title=page.record.original_title,
                )
                for page in chunk
            ]
        )
        people.ensure(row.name for page in chunk for row in [*page.record.cast, *page.record.crew])
        credits, certificates, akas = [], [], []
        for page, title in zip(chunk, titles, strict=True):
            record = page.record
            title.rating = record.rating.value if record.rating else None
            title.votes = record.rating.votes if record.rating else None
            for row in record.cast:
                credits.append(
                    Credit(
                        title=title,
                        person_id=people.ids[row.name],
                        department="cast",
                        department_label="Cast",
                        character=row.character or "",
                        credited_as=row.credited_as or "",
                        notes=row.notes,
                        order=row.order,
                    )
                )
            for row in record.crew:
                credits.append(
                    Credit(
                        title=title,
                        person_id=people.ids[row.name],
                        department=row.department,
                        department_label=row.department_label,
                        job=row.job or "",
                        credited_as=row.credited_as or "",
                        notes=row.notes,
                        order=row.order,
                    )
                )
            certificates += [
                Certificate(title=title, country=c.country, rating=c.rating, notes=c.notes, position=position)
                for position, c in enumerate(record.certificates)
            ]
            akas += [
                AlternateTitle(
                    title=title,
                    aka=a.title,
                    title_folded=fold(a.title),
                    country=a.country or "",
                    notes=a.notes,
                    position=position,
                )
                for position, a in enumerate(record.akas)
            ]
        Title.objects.bulk_update(titles, ["rating", "votes"], batch_size=1000)
        Credit.objects.bulk_create(credits, batch_size=2000)
        Certificate.objects.bulk_create(certificates, batch_size=2000)
        AlternateTitle.objects.bulk_create(akas, batch_size=2000)
        counts["titles"] += len(titles)
        counts["credits"] += len(credits)
        chunk.clear()

    for page in pages:
        chunk.append(page)
        if len(chunk) >= batch:
            flush()
    if chunk:
        flush()
    counts["people"] = len(people.ids)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def _insert(model, rows: list[dict], now) -> None:
    """Plain multi-row INSERT of every concrete column (defaults for those not given)."""
    from django.db import connection

    fields = [field for field in model._meta.concrete_fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    values = []
    for row in rows:
        item = []
        for field in fields:
            if field.attname in row:
                value = row[field.attname]
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = now
            else:
                value = field.get_default()
            item.append(field.get_db_prep_save(value, connection))
        values.append(item)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({placeholders})", values)


# The search bench's credits: title n credits person 1 + n % 400, person 401 + n % 300 and a third
# spread over everyone, so people 1 and 401 (and others) share about titles / 1,200 titles.
SEARCH_CREDIT_GROUPS = (400, 300)


def search_credit_people(number: int, people: int) -> list[int]:
    first, second = SEARCH_CREDIT_GROUPS
    spread = 1 + (number * 7919 + 13) % people
    return list(dict.fromkeys([1 + number % first, 1 + first + number % second, spread]))


def load_search_catalogue(*, seed: int, titles: int, people: int, batch: int = 10_000) -> dict:
    """Titles (with an AKA for every other one and votes), people, three credits a title: what search reads.

    Plain multi-row INSERTs: the ORM's per-object work would take minutes at 500,000 people.
    """
    from django.db import connection, transaction
    from django.utils import timezone

    started = time.perf_counter()
    now = timezone.now()
    for start in range(0, titles, batch):
        refs = [title_ref(seed, number) for number in range(start, min(titles, start + batch))]
        title_rows = [
            {
                "id": ref.number + 1,
                "title": ref.title,
                "title_folded": fold(ref.title),
                "original_title": ref.original_title or "",
                "original_title_folded": fold(ref.original_title),
                "slug": f"{base_slug(ref.title, fallback='title')}-{ref.year}-{ref.number}",
                "year": ref.year,
                "kind": ref.kind,
                "votes": (ref.number * 2654435761) % 100_003,
            }
            for ref in refs
        ]
        aka_rows = []
        for ref in refs:
            if ref.number % 2 == 0:
                other = title_ref(seed, (ref.number * 7 + 3) % titles).title
                aka_rows.append(
                    {
                        "id": ref.number + 1,
                        "title_id": ref.number + 1,
                        "aka": other,
                        "title_folded": fold(other),
                        "country": "International",
                    }
                )
        with transaction.atomic():
            _insert(Title, title_rows, now)
            _insert(AlternateTitle, aka_rows, now)
    for start in range(0, people, batch):
        rows = []
        for number in range(start, min(people, start + batch)):
            name = person(number)[0]
            rows.append(
                {
                    "id": number + 1,
                    "name": name,
                    "name_folded": fold(name),
                    "slug": f"{base_slug(name, fallback='person')}-{number}",
                }
            )
        with transaction.atomic():
            _insert(Person, rows, now)
    if people > SEARCH_CREDIT_GROUPS[0] + SEARCH_CREDIT_GROUPS[1]:
        credit_id = 0
        for start in range(0, titles, batch):
            rows = []
            for number in range(start, min(titles, start + batch)):
                for order, person_id in enumerate(search_credit_people(number, people)):
                    credit_id += 1
                    rows.append(
                        {
                            "id": credit_id,
                            "title_id": number + 1,
                            "person_id": person_id,
                            "department": "cast",
                            "department_label": "Cast",
                            "order": order,
                        }
                    )
            with transaction.atomic():
                _insert(Credit, rows, now)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("catalogue_title", "catalogue_alternatetitle", "catalogue_person", "catalogue_credit"):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
    return {"titles": titles, "people": people, "seconds": round(time.perf_counter() - started, 1)}
