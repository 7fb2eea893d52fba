"""Small factories for the admin tests (kept apart from tests/factories.py to avoid a clash)."""

from __future__ import annotations

import hashlib
import itertools

from django.contrib.auth.models import Group, User

from catalogue.models import (
    AlternateTitle,
    Certificate,
    Company,
    Credit,
    Department,
    Genre,
    Person,
    SourcePage,
    Title,
    TitleGenre,
)
from catalogue.permissions import EDITORS_GROUP, editors_group_ensure
from catalogue.text import base_slug

_counter = itertools.count(1)


def make_title(title: str = "Hiroshima mon amour", *, year: int | None = 1959, **fields) -> Title:
    n = next(_counter)
    fields.setdefault("slug", f"{base_slug(title, fallback='title')}-{year or 'na'}-{n}")
    return Title.objects.create(title=title, year=year, **fields)


def make_person(name: str = "Emmanuelle Riva", **fields) -> Person:
    n = next(_counter)
    fields.setdefault("slug", f"{base_slug(name, fallback='person')}-{n}")
    return Person.objects.create(name=name, **fields)


def make_credit(
    title: Title,
    person: Person,
    *,
    department: str = Department.CAST,
    job: str = "",
    character: str = "",
    order: int = 0,
    **fields,
) -> Credit:
    known = department in Department.values
    fields.setdefault("department_label", Department(department).label if known else department)
    return Credit.objects.create(
        title=title, person=person, department=department, job=job, character=character, order=order, **fields
    )


def make_certificate(title: Title, country: str = "UK", rating: str = "15", **fields) -> Certificate:
    from catalogue.importing import counts

    before = counts.title_certificate_keys(title.pk)
    certificate = Certificate.objects.create(title=title, country=country, rating=rating, **fields)
    counts.certificates_changed(added=counts.title_certificate_keys(title.pk) - before)  # as the importer does
    return certificate


def make_aka(title: Title, aka: str, country: str = "", **fields) -> AlternateTitle:
    return AlternateTitle.objects.create(title=title, aka=aka, country=country, **fields)


def add_genre(title: Title, name: str) -> Genre:
    genre, _ = Genre.objects.get_or_create(name=name, defaults={"slug": base_slug(name, fallback="genre")})
    TitleGenre.objects.create(title=title, genre=genre)
    return genre


def make_company(name: str = "Argos Films", **fields) -> Company:
    fields.setdefault("slug", f"{base_slug(name, fallback='company')}-{next(_counter)}")
    return Company.objects.create(name=name, **fields)


def make_source(raw: bytes = b"Hiroshima mon amour (1959)\n", *, title: Title | None = None, **fields) -> SourcePage:
    fields.setdefault("file_name", f"pages/page-{next(_counter)}.txt")
    fields.setdefault("format", "text")
    fields.setdefault("parser_version", "1")
    return SourcePage.objects.create(
        raw=raw, sha256=hashlib.sha256(raw + fields["file_name"].encode()).hexdigest(), title=title, **fields
    )


PASSWORD = "correct horse battery staple"


def make_superuser(username: str = "admin") -> User:
    return User.objects.create_superuser(username=username, email=f"{username}@example.org", password=PASSWORD)


def make_editor(username: str = "editor") -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, is_staff=True)
    if not Group.objects.filter(name=EDITORS_GROUP).exists():
        # A transactional test earlier in the run flushed the migration's group.
        from django.apps import apps

        editors_group_ensure(apps)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user
