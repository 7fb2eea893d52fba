"""Reads for the browsable pages: each page's data in a constant number of queries.

Views call one function here and render what it returns; grouping and ordering that
SQL cannot express cheaply happens here, in Python, on rows already fetched.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import CharField, Count, F, Max, Q, Subquery, TextField, Value, Window
from django.db.models.functions import Cast, RowNumber
from django.urls import reverse

from catalogue import search_index
from catalogue.models import (
    CONNECTION_REVERSE,
    DEPARTMENT_ORDER,
    Certificate,
    CompanyKind,
    Connection,
    ConnectionType,
    Country,
    Credit,
    Department,
    Genre,
    Person,
    PersonRedirect,
    RatingCapture,
    Review,
    Title,
    TitleColour,
    TitleCompany,
    TitleCountry,
    TitleGenre,
    TitleLanguage,
    TitleSoundMix,
)
from catalogue.text import fold

PRINCIPAL_CAST_SIZE = 15
TITLE_PAGE_REVIEWS = 3
# Crew the title page shows; the full credits page has every department.
KEY_CREW_DEPARTMENTS = ("director", "writer", "producer", "composer", "cinematographer", "editor")
KEY_CREW_PER_DEPARTMENT = 10

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

    For the URL patterns taking one ``<slug:slug>``: a slug only holds [-a-zA-Z0-9_],
    which reverse() would leave as it is.
    """
    marker = "0slug0"
    head, tail = reverse(view_name, kwargs={"slug": marker}).rsplit(marker, 1)
    return lambda slug: f"{head}{slug}{tail}"


# What a link to another title shows: loading only these from a select_related title skips
# the compiling and decoding of its ~50 columns (about 0.5 ms a query).
TITLE_LINK_FIELDS = ("slug", "title", "year", "kind")


def _linked_title_fields(relation: str) -> list[str]:
    return [f"{relation}__{name}" for name in TITLE_LINK_FIELDS]


# -- title pages ---------------------------------------------------------------------------


@dataclass
class ConnectionRow:
    type: str
    other: Title | None
    other_title: str
    other_year: int | None
    note: str = ""


@dataclass
class ConnectionGroup:
    type: str
    rows: list[ConnectionRow]


@dataclass
class TitlePage:
    title: Title
    cast: list
    cast_total: int
    crew: list[DepartmentGroup]
    credit_total: int
    reviews: list
    review_total: int
    connections: list[ConnectionGroup]
    episodes: list
    rating_history: list
    companies: list[tuple[str, list]]
    # The title's own lists, each in the order its page printed it (title_page's queries).
    genres: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    colours: list = field(default_factory=list)
    sound_mixes: list = field(default_factory=list)
    runtimes: list = field(default_factory=list)
    akas: list = field(default_factory=list)
    certificates: list = field(default_factory=list)
    release_dates: list = field(default_factory=list)
    taglines: list = field(default_factory=list)
    trivia: list = field(default_factory=list)
    goofs: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)

    @property
    def has_details(self) -> bool:
        t = self.title
        return bool(
            self.genres or self.countries or self.languages or self.colours or self.sound_mixes
            or self.runtimes or t.aspect_ratio or t.imdb_id or len(self.release_dates) > 1
        )

    @property
    def directors(self):
        return next((group.credits for group in self.crew if group.key == "director"), [])

    @property
    def seasons(self) -> list[tuple[int | None, list]]:
        by_season: dict[int | None, list] = defaultdict(list)
        for episode in self.episodes:
            by_season[episode.season].append(episode)
        return list(by_season.items())


def _connection_groups(title: Title) -> list[ConnectionGroup]:
    """Outgoing links and the reverse of incoming ones, grouped by type in the page's order."""
    # One query for both directions: ordered by the linking title, the outgoing links (all
    # from this title) come by position and the incoming ones by their title's year and name.
    links = list(
        Connection.objects.filter(Q(title=title) | Q(target=title))
        .select_related("title", "target")
        .only("type", "target_title", "target_year", "target_note", "position",
              *_linked_title_fields("title"), *_linked_title_fields("target"))
        .order_by("title__year", "title__title", "position")
    )
    rows: list[ConnectionRow] = []
    seen: set[tuple[str, int]] = set()
    for link in links:
        if link.title_id == title.pk:
            rows.append(ConnectionRow(link.type, link.target, link.target_title, link.target_year, link.target_note))
            if link.target_id:
                seen.add((link.type, link.target_id))
    for link in links:
        if link.title_id == title.pk:
            continue
        reverse_type = CONNECTION_REVERSE.get(link.type, link.type)
        if (reverse_type, link.title_id) in seen:
            continue  # both pages printed the link: show it once
        seen.add((reverse_type, link.title_id))
        rows.append(ConnectionRow(reverse_type, link.title, link.title.title, link.title.year))
    order = {value: index for index, value in enumerate(ConnectionType.values)}
    grouped: dict[str, list[ConnectionRow]] = defaultdict(list)
    for row in rows:
        grouped[row.type].append(row)
    types = sorted(grouped, key=lambda t: (order.get(t, len(order)), t))
    return [ConnectionGroup(t, grouped[t]) for t in types]


def _company_groups(title_companies) -> list[tuple[str, list]]:
    grouped: dict[str, list] = defaultdict(list)
    for row in title_companies:
        grouped[row.kind].append(row)
    labels = dict(CompanyKind.choices)
    return [(labels[kind], grouped[kind]) for kind in CompanyKind.values if grouped.get(kind)] + [
        (kind, rows) for kind, rows in grouped.items() if kind not in labels
    ]


class TitleCredit(NamedTuple):
    """A credit as a title's pages show it: plain values with the person's URL, no model instances."""

    department: str
    department_label: str
    person_name: str
    person_url: str
    job: str
    character: str
    credited_as: str
    notes: tuple[str, ...] | str


def _decoded_notes(notes_json: str | None) -> tuple[str, ...] | str:
    """Credit.notes from its JSON text: a tuple of notes (a string when stored as one)."""
    if not notes_json or notes_json == "[]":
        return ()
    notes = json.loads(notes_json)
    return tuple(notes) if isinstance(notes, list) else notes


def _title_credits(credits) -> list[TitleCredit]:
    """``credits`` (a Credit queryset) in page order as TitleCredit rows, in one query."""
    rows = (
        credits.order_by("department", "order", "id")
        # The notes as JSON text, decoded only when there are some (most rows have none).
        .annotate(notes_json=Cast("notes", TextField()))
        .values_list(
            "department", "department_label", "person__name", "person__slug", "job", "character",
            "credited_as", "notes_json",
        )
    )
    person_url = slug_url_maker("catalogue:person")
    return [
        TitleCredit(
            department, label, name, person_url(slug), job, character, credited_as,
            _decoded_notes(notes_json),
        )
        for department, label, name, slug, job, character, credited_as, notes_json in rows
    ]


def _principal_credits(title: Title) -> list[TitleCredit]:
    """The first credits of the cast and of each key crew department, in one query however big the title.

    A window ranks the credits within their department on the (title, department, order)
    index; only the first PRINCIPAL_CAST_SIZE of each (more than a crew department shows)
    are read, with their people.
    """
    ranked = (
        Credit.objects.filter(title=title, department__in=(Department.CAST, *KEY_CREW_DEPARTMENTS))
        .annotate(
            rank=Window(RowNumber(), partition_by=F("department"), order_by=(F("order").asc(), F("id").asc()))
        )
        .filter(rank__lte=max(PRINCIPAL_CAST_SIZE, KEY_CREW_PER_DEPARTMENT))
        .order_by()  # the model's default ordering would join the titles
        .values("id")
    )
    return _title_credits(Credit.objects.filter(pk__in=Subquery(ranked)))


class VocabularyItem(NamedTuple):
    """A genre, country, language, colour or sound mix as the title page links it."""

    name: str
    slug: str

    def __str__(self) -> str:
        return self.name


# TitlePage field: the title's link model and the link's field naming the value.
VOCABULARY_LINKS = {
    "genres": (TitleGenre, "genre"),
    "countries": (TitleCountry, "country"),
    "languages": (TitleLanguage, "language"),
    "colours": (TitleColour, "colour"),
    "sound_mixes": (TitleSoundMix, "sound_mix"),
}


def _vocabularies(title: Title) -> dict[str, list[VocabularyItem]]:
    """The title's genres, countries, languages, colours and sound mixes in printed order: one UNION ALL query."""
    parts = [
        link.objects.filter(title=title)
        .order_by()
        .annotate(page_field=Value(page_field, output_field=CharField()), name=F(f"{value}__name"),
                  value_slug=F(f"{value}__slug"))
        .values_list("page_field", "position", "name", "value_slug")
        for page_field, (link, value) in VOCABULARY_LINKS.items()
    ]
    found: dict[str, list[VocabularyItem]] = {page_field: [] for page_field in VOCABULARY_LINKS}
    for page_field, _, name, slug in sorted(parts[0].union(*parts[1:], all=True), key=lambda row: row[1]):
        found[page_field].append(VocabularyItem(name, slug))
    return found


def title_page(slug: str) -> TitlePage | None:
    """Everything the title page shows in a constant number of small queries (18 for a film).

    The title's lists are read through its related managers, one plain query each (the five
    vocabularies in one): for a single title prefetch_related costs twice as much a query.
    """
    title = (
        Title.objects.select_related("series")
        .only(*(field.name for field in Title._meta.concrete_fields), *_linked_title_fields("series"))
        .filter(slug=slug)
        .first()
    )
    if title is None:
        return None
    principal = _principal_credits(title)
    cast = [credit for credit in principal if credit.department == Department.CAST][:PRINCIPAL_CAST_SIZE]
    # Plain COUNTs on the title's indexes: cheaper here than as subqueries of the title's query.
    department_totals = dict(
        Credit.objects.filter(title=title).order_by().values_list("department").annotate(n=Count("id"))
    )
    review_total = Review.objects.filter(title=title).count()
    crew = group_credits_by_department(
        (credit for credit in principal if credit.department != Department.CAST), limit=KEY_CREW_PER_DEPARTMENT
    )
    for group in crew:
        # Credits past the window's cut are "more" too.
        group.more = department_totals[group.key] - len(group.credits)
    reviews = list(Review.objects.filter(title=title).most_helpful()[:TITLE_PAGE_REVIEWS])
    episodes = []
    if title.kind in ("tv_series", "tv_mini_series"):
        episodes = list(Title.objects.episodes_of(title).for_listing("season", "episode", "series_id"))
    return TitlePage(
        title=title,
        cast=cast,
        cast_total=department_totals.get(Department.CAST, 0),
        crew=crew,
        credit_total=sum(department_totals.values()),
        reviews=reviews,
        review_total=review_total,
        connections=_connection_groups(title),
        episodes=episodes,
        rating_history=list(RatingCapture.objects.filter(title=title).order_by("captured_at")),
        companies=_company_groups(title.title_companies.select_related("company").order_by("kind", "position")),
        **_vocabularies(title),
        runtimes=list(title.runtimes.all()),
        akas=list(title.akas.all()),
        certificates=list(title.certificates.all()),
        release_dates=list(title.release_dates.all()),
        taglines=list(title.taglines.all()),
        trivia=list(title.trivia.all()),
        goofs=list(title.goofs.all()),
        quotes=list(title.quotes.prefetch_related("lines")),
        recommendations=list(
            title.recommendations.select_related("target").only(
                "target_title", "target_year", "position", "title_id", *_linked_title_fields("target")
            )
        ),
    )


@dataclass
class FullCredits:
    title: Title
    cast: list
    crew: list[DepartmentGroup]


def full_credits(slug: str) -> FullCredits | None:
    title = Title.objects.filter(slug=slug).select_related("series").first()
    if title is None:
        return None
    groups = group_credits_by_department(_title_credits(Credit.objects.filter(title=title)))
    cast = next((group.credits for group in groups if group.key == Department.CAST), [])
    return FullCredits(title, cast, [group for group in groups if group.key != Department.CAST])


REVIEW_SORTS = {"helpful": "most_helpful", "date": "newest"}


def title_reviews(title: Title, sort: str):
    """All reviews of a title in the order asked for ("helpful" unless "date")."""
    method = REVIEW_SORTS.get(sort, REVIEW_SORTS["helpful"])
    return getattr(Review.objects.filter(title=title), method)()


@dataclass(frozen=True)
class PageStamp:
    """When a page's content last changed (Last-Modified), and a key that changes with it.

    The key feeds the ETag and the rendered-page cache (catalogue/caching.py): every
    import and admin edit bumps ``Title.updated_at``, so a new key shows up on the next
    request to any worker, with no per-process invalidation.
    """

    modified: datetime
    key: str


def title_stamp(slug: str) -> PageStamp | None:
    """The title's last-change stamp: one query on the unique slug."""
    row = Title.objects.filter(slug=slug).values_list("pk", "updated_at").first()
    if row is None:
        return None
    pk, updated_at = row
    return PageStamp(modified=updated_at, key=f"t{pk}:{updated_at.isoformat()}")


# -- people --------------------------------------------------------------------------------


# A filmography row: (url, title, year, kind, character, credited_as, notes) of strings, numbers and
# a tuple of strings, unpacked in this order by catalogue_tags.filmography_items and title_links.
# A plain tuple, not a NamedTuple: the garbage collector stops tracking tuples of such values, so
# 3,000 rows add no collector passes (as NamedTuples they doubled the page's p95).
FilmographyRow = tuple[str, str, "int | None", str, str, str, "tuple[str, ...] | str"]


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


def resolve_person_slug(slug: str) -> Person | None:
    return Person.objects.filter(slug=slug).first()


def person_redirect_target(slug: str) -> str | None:
    """The slug a merged person's old slug now points to."""
    return PersonRedirect.objects.filter(old_slug=slug).values_list("person__slug", flat=True).first()


def person_page(person: Person) -> PersonPage:
    # values_list rows, not Credit and Title instances: a 3,000-credit page builds them in
    # milliseconds, and the template renders its rows in one filter (catalogue_tags).
    rows = (
        Credit.objects.filter(person=person)
        # The notes as their JSON text, decoded below only when not empty: most rows have none,
        # and JSONField decodes every row (a third of the page's time at 3,000 credits).
        .annotate(notes_json=Cast("notes", TextField()))
        .order_by(F("title__year").desc(nulls_last=True), "title__title", "order")
        .values_list(
            "department", "department_label", "job", "credited_as",
            "title_id", "title__slug", "title__title", "title__year", "title__kind", "character", "notes_json",
        )
    )
    title_url = slug_url_maker("catalogue:title")
    # department -> (printed label, {job: rows}, title ids)
    by_department: dict[str, tuple[str, dict[str, list[FilmographyRow]], set[int]]] = {}
    aliases: dict[str, list[FilmographyRow]] = defaultdict(list)
    years: dict[int, int | None] = {}
    credit_total = 0
    for department, printed, job, credited_as, title_id, slug, title, year, kind, character, notes_json in rows:
        row = (title_url(slug), title, year, kind, character, credited_as, _decoded_notes(notes_json))
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


def person_stamp(slug: str) -> PageStamp | None:
    """The person's latest change: their row, any title they are credited on, their credit count.

    The count catches a credit moved away from them (its title's stamp then no longer
    counts here). One query through the credit (person, department) index.
    """
    if connection.vendor == "sqlite":
        row = _person_stamp_row_sqlite(slug)
    else:
        row = (
            Person.objects.filter(slug=slug)
            # Counting title_id (not id) keeps the credits in the (person, department, title) index: no heap reads.
            .annotate(latest_title=Max("credits__title__updated_at"), credit_count=Count("credits__title"))
            .values_list("pk", "updated_at", "latest_title", "credit_count")
            .first()
        )
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
    person, credit, title = (
        connection.ops.quote_name(model._meta.db_table) for model in (Person, Credit, Title)
    )
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
    updated_at, latest_title = (
        _converted(value, converters, stamp_field) for value in (updated_at, latest_title)
    )
    return pk, updated_at, latest_title, count


def _converted(value, converters, expression):
    for converter in converters:
        value = converter(value, expression, connection)
    return value


# -- companies and certificates ------------------------------------------------------------


def company_roles(company) -> list[tuple[str, list]]:
    rows = (
        TitleCompany.objects.filter(company=company)
        .select_related("title")
        .only("kind", "notes", "position", "company_id", "title__slug", "title__title", "title__year", "title__kind")
        .order_by("kind", "title__year", "title__title")
    )
    return _company_groups(rows)


@dataclass
class CertificateCountry:
    country: str
    ratings: list[dict]
    titles: int


def certificate_countries() -> list[CertificateCountry]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in Certificate.objects.countries_with_ratings():
        grouped[row["country"]].append(row)
    return [
        CertificateCountry(country, rows, sum(r["titles"] for r in rows))
        for country, rows in sorted(grouped.items(), key=lambda item: item[0].casefold())
    ]


def certificate_titles(country: str, rating: str):
    return (
        Certificate.objects.filter(country=country, rating=rating)
        .select_related("title")
        .only("country", "rating", "notes", "title__slug", "title__title", "title__year", "title__kind",
              "title__rating")
        .order_by("title__title", "title__year", "id")
    )


# -- home ----------------------------------------------------------------------------------


def home_page() -> dict:
    decades: Counter[int] = Counter()
    for row in Title.objects.exclude(year=None).values("year").annotate(n=Count("id")):
        decades[row["year"] // 10 * 10] += row["n"]
    return {
        "title_count": Title.objects.count(),
        "person_count": Person.objects.count(),
        "recent_titles": Title.objects.recently_imported().for_listing()[:10],
        "top_titles": Title.objects.top_rated().for_listing()[:10],
        "decades": sorted(decades.items()),
        "genres": Genre.objects.annotate(n=Count("titles")).filter(n__gt=0).order_by("-n", "name")[:30],
        "countries": Country.objects.annotate(n=Count("titles")).filter(n__gt=0).order_by("-n", "name")[:30],
        "certificate_countries": Certificate.objects.values("country")
        .annotate(n=Count("title", distinct=True))
        .order_by("-n", "country")[:30],
    }


def search_people(query: str, *, limit: int = 20) -> list[Person]:
    """The first ``limit`` + 1 people by name whose name contains ``query`` (one more: are there more?)."""
    folded = fold(query)
    if connection.vendor == "postgresql" and search_index.uses_index(DEFAULT_DB_ALIAS, folded):
        # PostgreSQL walks the name index in order and filters: for "the" it read 30,133
        # names before the 21st match (18–56 ms at 432,780 people), and a word whose
        # matches sort late would read the whole index. Fetched through the trigram index
        # and then sorted, the cost is bounded by the matches (7 ms for 4,546; 10 ms for
        # 10,962). OFFSET 0 keeps the planner from merging the two back into the walk.
        return list(Person.objects.raw(
            "SELECT id, name, slug FROM (SELECT id, name, slug FROM catalogue_person "
            "WHERE name_folded LIKE %s OFFSET 0) matches ORDER BY name, id LIMIT %s",
            [search_index.like_pattern(folded), limit + 1],
        ))
    return list(Person.objects.matching_name(query).only("slug", "name")[: limit + 1])

