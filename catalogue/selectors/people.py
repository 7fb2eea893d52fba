"""Reads for the person page: the person, their filmography, their stamp."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Max, OuterRef, Subquery, TextField
from django.db.models.functions import Cast

from catalogue.compiled import STAND_IN_SLUG, CompiledQuery
from catalogue.models import Credit, Department, Person, PersonRedirect, Title
from catalogue.sections import decoded_notes
from catalogue.selectors.common import (
    PageStamp,
    department_label,
    department_sort_key,
    slug_url_maker,
)

# How the person page names a department (the title page's headings read "Directed by").
FILMOGRAPHY_HEADINGS = {
    "cast": "Actor",
    "director": "Director",
    "writer": "Writer",
    "producer": "Producer",
    "composer": "Composer",
    "cinematographer": "Cinematographer",
    "editor": "Editor",
    "casting_director": "Casting director",
    "production_designer": "Production designer",
    "art_director": "Art director",
    "set_decorator": "Set decorator",
    "costume_designer": "Costume designer",
    "thanks": "Thanks",
}


# -- people --------------------------------------------------------------------------------


# A filmography row: (url, title, year, kind, character, credited_as, notes, series_url, series_title,
# season, episode) of strings, numbers and a tuple of strings, unpacked in this order by
# catalogue_tags.filmography_items and title_links. The last four name an episode's series
# ("" and None for any other title; series_url "" for a series not in the catalogue).
# A plain tuple, not a NamedTuple: the garbage collector stops tracking tuples of such values, so
# 3,000 rows add no collector passes (as NamedTuples they doubled the page's p95).
FilmographyRow = tuple[
    str, str, "int | None", str, str, str, "tuple[str, ...] | str", str, str, "int | None", "int | None"
]


@dataclass
class JobGroup:
    job: str
    credits: list[FilmographyRow]


@dataclass
class FilmographyDepartment:
    key: str
    heading: str
    count: int
    jobs: list[JobGroup]


@dataclass
class AliasGroup:
    alias: str
    credits: list[FilmographyRow]


@dataclass
class PersonPage:
    person: Person
    departments: list[FilmographyDepartment]
    aliases: list[AliasGroup]
    credits_per_year: list[tuple[int, int]]
    credit_total: int
    title_total: int


_PERSON_FIELDS = tuple(field.attname for field in Person._meta.concrete_fields)
_person_rows = CompiledQuery(
    lambda slug: Person.objects.filter(slug=slug).values_list(*_PERSON_FIELDS), stand_in=STAND_IN_SLUG
)


def resolve_person_slug(slug: str) -> Person | None:
    alias, found = _person_rows.read(slug)
    return Person.from_db(alias, _PERSON_FIELDS, found[0]) if found else None


def person_redirect_target(slug: str) -> str | None:
    """The slug a merged person's old slug now points to."""
    return PersonRedirect.objects.filter(old_slug=slug).values_list("person__slug", flat=True).first()


# The columns naming an episode's series, after filmography_query's first eleven.
EPISODE_COLUMNS = (
    "title__series_title",
    "title__series__slug",
    "title__series__title",
    "title__season",
    "title__episode",
)


def filmography_query(person_id: int):
    """A person's credits with their titles' links, newest title first.

    values_list rows, not Credit and Title instances: a 3,000-credit page builds them in
    milliseconds, and the template renders its rows in one filter (catalogue_tags). On
    PostgreSQL two indexes hold every column read here (migration 0009).
    """
    return (
        Credit.objects.filter(person_id=person_id)
        # The notes as their JSON text, decoded below only when not empty: most rows have none,
        # and JSONField decodes every row (a third of the page's time at 3,000 credits).
        .annotate(notes_json=Cast("notes", TextField()))
        .order_by(F("title__year").desc(nulls_last=True), "title__title", "order")
        .values_list(
            "department",
            "department_label",
            "job",
            "credited_as",
            "title_id",
            "title__slug",
            "title__title",
            "title__year",
            "title__kind",
            "character",
            "notes_json",
            # An episode's series and number: from the title's index too, and its series' (migration 0021).
            *EPISODE_COLUMNS,
        )
    )


_filmography_rows = CompiledQuery(filmography_query)


def person_page(person: Person) -> PersonPage:
    rows = _filmography_rows.rows(person.pk)
    title_url = slug_url_maker("catalogue:title")
    # department -> (printed label, {job: rows}, title ids)
    by_department: dict[str, tuple[str, dict[str, list[FilmographyRow]], set[int]]] = {}
    aliases: dict[str, list[FilmographyRow]] = defaultdict(list)
    years: dict[int, int | None] = {}
    credit_total = 0
    for (
        department,
        printed,
        job,
        credited_as,
        title_id,
        slug,
        title,
        year,
        kind,
        character,
        notes_json,
        series_title,
        series_slug,
        series_name,
        season,
        episode,
    ) in rows:
        series_title = series_name or series_title
        row = (
            title_url(slug),
            title,
            year,
            kind,
            character,
            credited_as,
            decoded_notes(notes_json),
            title_url(series_slug) if series_slug else "",
            series_title,
            season,
            episode,
        )
        if department not in by_department:
            by_department[department] = (printed, defaultdict(list), set())
        _, jobs, title_ids = by_department[department]
        jobs["" if department == Department.CAST else job].append(row)
        title_ids.add(title_id)
        if credited_as and credited_as != person.name:
            aliases[credited_as].append(row)
        years[title_id] = year
        credit_total += 1
    departments = []
    for key, (printed, jobs, title_ids) in by_department.items():
        heading = FILMOGRAPHY_HEADINGS.get(key) or department_label(key, printed)
        job_groups = [JobGroup(job, job_rows) for job, job_rows in jobs.items()]
        departments.append(FilmographyDepartment(key, heading, len(title_ids), job_groups))
    departments.sort(key=lambda d: department_sort_key(d.key, d.heading))
    return PersonPage(
        person=person,
        departments=departments,
        aliases=[AliasGroup(alias, credits) for alias, credits in sorted(aliases.items())],
        credits_per_year=sorted(Counter(year for year in years.values() if year).items()),
        credit_total=credit_total,
        title_total=len(years),
    )


_person_stamp_rows = CompiledQuery(
    lambda slug: (
        Person.objects.filter(slug=slug)
        # Counting title_id (not id) keeps the credits in the (person, department, title) index: no heap reads.
        .annotate(latest_title=Max("credits__title__updated_at"), credit_count=Count("credits__title"))
        .values_list("pk", "updated_at", "latest_title", "credit_count")
    ),
    stand_in=STAND_IN_SLUG,
)


def person_stamp(slug: str) -> PageStamp | None:
    """The person's latest change: their row, any title they are credited on, their credit count.

    The count catches a credit moved away from them (its title's stamp then no longer
    counts here). One query through the credit (person, department) index.
    """
    if connection.vendor == "sqlite":
        row = _person_stamp_row_sqlite(slug)
    else:
        row = next(iter(_person_stamp_rows.rows(slug)), None)
    if row is None:
        return None
    pk, updated_at, latest_title, credit_count = row
    modified = max(stamp for stamp in (updated_at, latest_title) if stamp is not None)
    latest = latest_title.isoformat() if latest_title else "-"
    return PageStamp(modified=modified, key=f"p{pk}:{updated_at.isoformat()}:{latest}:{credit_count}")


def _person_stamp_row_sqlite(slug: str) -> tuple | None:
    """``person_stamp``'s query, read from two indexes alone (``INDEXED BY``).

    SQLite looks a title up by its rowid even when an index holds every column needed;
    for a person with 3,000 credits that read 3,000 credit rows and 3,000 wide title rows
    (about 25 ms of a first visit at 100,000 titles) where these indexes take ~3 ms.
    """
    person, credit, title = (connection.ops.quote_name(model._meta.db_table) for model in (Person, Credit, Title))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.id, p.updated_at, MAX(t.updated_at), COUNT(c.title_id) FROM {person} p "
            f"LEFT JOIN {credit} c INDEXED BY credit_person_dept_title ON c.person_id = p.id "
            f"LEFT JOIN {title} t INDEXED BY title_id_updated ON t.id = c.title_id "
            "WHERE p.slug = %s GROUP BY p.id",
            [slug],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    stamp_field = Title._meta.get_field("updated_at")
    converters = connection.ops.get_db_converters(stamp_field.get_col(Title._meta.db_table))
    pk, updated_at, latest_title, count = row
    updated_at, latest_title = (_converted(value, converters, stamp_field) for value in (updated_at, latest_title))
    return pk, updated_at, latest_title, count


def _converted(value, converters, expression):
    for converter in converters:
        value = converter(value, expression, connection)
    return value


# Collaborators are counted over a person's most-voted titles, at most this many: the
# count reads every credit of those titles (35,000 rows for 300 titles of the busiest
# people at 100,000 titles, ~40 ms: on a page of its own), so a 3,000-title career costs what 300 titles do.
COLLABORATION_TITLES = 300
COLLABORATORS_SHOWN = 8


@dataclass
class Collaborator:
    pk: int
    name: str
    slug: str
    shared: int  # titles crediting both


def frequent_collaborators(person_id: int, *, limit: int = COLLABORATORS_SHOWN) -> list[Collaborator]:
    """The people sharing most titles with a person (among their best-known titles), two queries.

    The best-known titles are read first, as ids: inlined as a subquery, PostgreSQL ran it
    again for each collaborator's count. The credits are grouped by person id alone and
    only the top ``limit`` are joined to their names (joining every credit's person first
    cost as much as the grouping); a tie at the cut is decided by the older person (lower
    id), the list is shown by count, then name.
    """
    their_titles = list(
        Credit.objects.filter(person_id=person_id)
        .order_by(F("title__votes").desc(nulls_last=True), "title_id")
        .values_list("title_id", flat=True)[:COLLABORATION_TITLES]
    )
    if not their_titles:
        return []
    top = (
        Credit.objects.filter(title_id__in=their_titles)
        .exclude(person_id=person_id)
        .values("person_id")
        .annotate(shared=Count("title_id", distinct=True))
        .filter(shared__gte=2)
        .order_by("-shared", "person_id")
        .values("person_id")[:limit]
    )
    shared = (
        Credit.objects.filter(person_id=OuterRef("pk"), title_id__in=their_titles)
        .values("person_id")
        .annotate(titles=Count("title_id", distinct=True))
        .values("titles")
    )
    rows = (
        Person.objects.filter(pk__in=top)
        .annotate(shared=Subquery(shared))
        .order_by("-shared", "name", "pk")
        .values_list("pk", "name", "slug", "shared")
    )
    return [Collaborator(*row) for row in rows]
