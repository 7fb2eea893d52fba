"""Reads for the title pages: the combined details page, full cast and crew, reviews, the title's stamp.

Every query of a title page is compiled once per database (catalogue/compiled.py) and
runs with the title's id or slug: a constant number of small queries however big the title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Count, F, Max, OuterRef, Q, Subquery, TextField, Window
from django.db.models.functions import Cast, Coalesce, Lag, Lead, RowNumber

from catalogue.compiled import STAND_IN_SLUG, CompiledQuery
from catalogue.models import (
    CONNECTION_REVERSE,
    Connection,
    ConnectionType,
    Credit,
    Department,
    QuoteLine,
    RatingCapture,
    Recommendation,
    Review,
    Title,
    TitleCompany,
)
from catalogue.sections import (
    LIST_SECTIONS,
    VOCABULARY_SECTIONS,
    CertificateItem,
    RuntimeItem,
    VocabularyItem,
    decoded_notes,
    list_rows_union,
)
from catalogue.selectors.common import (
    DepartmentGroup,
    PageStamp,
    TITLE_LINK_FIELDS,
    company_groups,
    group_credits_by_department,
    linked_title_fields,
    slug_url,
    slug_url_maker,
)

PRINCIPAL_CAST_SIZE = 15
TITLE_PAGE_REVIEWS = 3
# Crew the title page shows; the full credits page has every department.
KEY_CREW_DEPARTMENTS = ("director", "writer", "producer", "composer", "cinematographer", "editor")
KEY_CREW_PER_DEPARTMENT = 10
# The header block's certificate is this country's when the title has one (else the first).
MAIN_CERTIFICATE_COUNTRY = "USA"
# On the full credits page these departments come before the cast, as on the old page.
CREW_BEFORE_CAST = ("director", "writer")
# An aside's list (one kind of company, the certificates' countries) longer than this is
# shown collapsed (a closed <details>); a shorter one open.
ASIDE_OPEN_UP_TO = 8


# -- title pages ---------------------------------------------------------------------------


class LinkedTitle(NamedTuple):
    """Another title as a link to it shows it (TITLE_LINK_FIELDS)."""

    slug: str
    title: str
    year: int | None
    kind: str

    def get_absolute_url(self) -> str:
        return slug_url("catalogue:title", self.slug)


class CompanyLink(NamedTuple):
    name: str
    slug: str
    imdb_id: str = ""
    # Set when the page lists another company of the same name: what tells them apart.
    distinct_as: str = ""

    def get_absolute_url(self) -> str:
        return slug_url("catalogue:company", self.slug)


def _linked_title(slug: str | None, title: str, year, kind: str) -> LinkedTitle | None:
    """The linked title, or None when the link has no catalogued target (its columns are NULL)."""
    return None if slug is None else LinkedTitle(slug, title, _int_or_none(year), kind)


def _int_or_none(value) -> int | None:
    return None if value is None else int(value)


@dataclass
class ConnectionRow:
    type: str
    other: LinkedTitle | None
    other_title: str
    other_year: int | None
    note: str = ""


@dataclass
class ConnectionGroup:
    type: str
    rows: list[ConnectionRow]


class RatingPoint(NamedTuple):
    captured_at: datetime
    rating: Decimal | None
    votes: int | None
    precision: str | None = None  # the capture date's (SourcePage.captured_precision)


class QuoteLineItem(NamedTuple):
    character: str
    text: str


class QuoteItem(NamedTuple):
    lines: list[QuoteLineItem]


class AsideGroup(NamedTuple):
    """A list of the title page's aside in a <details>: open when short (ASIDE_OPEN_UP_TO)."""

    label: str
    rows: list
    open: bool


class CertificateCountry(NamedTuple):
    """A row of the certificates table: a country and its ratings, in printed order."""

    country: str
    certificates: list


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
    rating_history: list[RatingPoint]
    companies: list[tuple[str, list]]
    quotes: list[QuoteItem] = field(default_factory=list)
    # The title's own lists (TITLE_LISTS: genres, akas, taglines…), each in the order its
    # page printed it, read as attributes (page.genres).
    lists: dict[str, list] = field(default_factory=dict)
    # An episode's neighbours in its series (None for any other title).
    episode_nav: EpisodeNav | None = None

    def __getattr__(self, name: str):
        # Only called for names that are not attributes; the lists of a new section need no field here.
        try:
            return self.__dict__["lists"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def has_details(self) -> bool:
        t = self.title
        return bool(
            self.genres
            or self.countries
            or self.languages
            or self.colours
            or self.sound_mixes
            or self.runtimes
            or t.aspect_ratio
            or t.imdb_id
            or t.mpaa
            or len(self.release_dates) > 1
        )

    @property
    def directors(self):
        return next((group.credits for group in self.crew if group.key == "director"), [])

    @property
    def main_certificate(self) -> CertificateItem | None:
        """The header's certificate: the USA one if the title has one, else the first printed."""
        return next(
            (cert for cert in self.certificates if cert.country == MAIN_CERTIFICATE_COUNTRY),
            self.certificates[0] if self.certificates else None,
        )

    @property
    def company_asides(self) -> list[AsideGroup]:
        """The companies by kind (``companies``), each group open when it is short."""
        return [AsideGroup(label, rows, len(rows) <= ASIDE_OPEN_UP_TO) for label, rows in self.companies]

    @property
    def certificate_table(self) -> AsideGroup:
        """The certificates by country, each country where it was first printed; open when few countries."""
        by_country: dict[str, list] = {}
        for cert in self.certificates:
            by_country.setdefault(cert.country, []).append(cert)
        rows = [CertificateCountry(country, certs) for country, certs in by_country.items()]
        return AsideGroup("Certification", rows, len(rows) <= ASIDE_OPEN_UP_TO)

    @property
    def main_runtime(self) -> RuntimeItem | None:
        """The header's runtime: the first printed (the old page's headline one)."""
        return self.runtimes[0] if self.runtimes else None

    @property
    def seasons(self) -> list[tuple[int | None, list]]:
        by_season: dict[int | None, list] = defaultdict(list)
        for episode in self.episodes:
            by_season[episode.season].append(episode)
        return list(by_season.items())


class EpisodeLink(NamedTuple):
    """A neighbouring episode as the episode page links it."""

    slug: str
    title: str
    season: int | None
    episode: int | None

    def get_absolute_url(self) -> str:
        return slug_url("catalogue:title", self.slug)


@dataclass
class EpisodeNav:
    previous: EpisodeLink | None
    next: EpisodeLink | None


# The order of a series' episodes, on every page that lists or walks them: season, then
# episode number (unnumbered last), then year and id.
EPISODE_ORDER = (
    F("season").asc(nulls_last=True),
    F("episode").asc(nulls_last=True),
    F("year").asc(nulls_last=True),
    F("id").asc(),
)
_EPISODE_LINK_FIELDS = ("slug", "title", "season", "episode")


def _episode_neighbours_query(title_id: int):
    """The episode with its previous and next episodes' links: one query over its series' episodes.

    LAG and LEAD over the series (EPISODE_ORDER); the episode's own row is kept after the
    windows are computed (a filter on a window column goes to the outer query), so its
    neighbours are there even though only its row is read.
    """
    series_id = Subquery(Title.objects.filter(pk=title_id).values("series_id")[:1])
    around = {
        f"{side}_{name}": Window(function(name), order_by=EPISODE_ORDER)
        for side, function in (("previous", Lag), ("next", Lead))
        for name in _EPISODE_LINK_FIELDS
    }
    return (
        Title.objects.filter(series_id=series_id)
        .order_by()
        .annotate(own_id=Window(Max("id"), partition_by=F("id")), **around)
        .filter(own_id=title_id)
        .values_list(*around)
    )


_episode_neighbour_rows = CompiledQuery(_episode_neighbours_query)


def _episode_link(slug, title, season, episode) -> EpisodeLink | None:
    return None if slug is None else EpisodeLink(slug, title, _int_or_none(season), _int_or_none(episode))


def episode_nav(title_id: int) -> EpisodeNav | None:
    rows = _episode_neighbour_rows.rows(title_id)
    if not rows:
        return None
    width = len(_EPISODE_LINK_FIELDS)
    return EpisodeNav(_episode_link(*rows[0][:width]), _episode_link(*rows[0][width:]))


# The title page's queries: each compiled once per database (catalogue/compiled.py), run
# with the title's id (its slug for the title itself). At 100,000 titles on PostgreSQL,
# compiling them cost more than running them: with these and the short lists in one
# query, a first visit's median went from 24 to 9 ms.
_TITLE_FIELDS = tuple(field.attname for field in Title._meta.concrete_fields)
# A series as its episodes link it: its id and link fields, in the model's column order (Title.from_db).
_SERIES_FIELDS = tuple(name for name in _TITLE_FIELDS if name in ("id", *TITLE_LINK_FIELDS))
_title_rows = CompiledQuery(
    lambda slug: Title.objects.filter(slug=slug).values_list(
        *_TITLE_FIELDS, *linked_title_fields("series", _SERIES_FIELDS)
    ),
    stand_in=STAND_IN_SLUG,
)


def _count_of(model) -> Coalesce:
    """The title's number of ``model`` rows, as a subquery of the title's own row."""
    rows = (
        model.objects.filter(title_id=OuterRef("pk")).order_by().values("title_id").annotate(n=Count("id")).values("n")
    )
    return Coalesce(Subquery(rows), 0)


# A title's subpages (full credits, reviews, sources) read the title with the counts their
# tabs show in the same query: the tabs cost them no query of their own.
_tab_title_rows = CompiledQuery(
    lambda slug: (
        Title.objects.filter(slug=slug)
        .annotate(tab_credit_total=_count_of(Credit), tab_review_total=_count_of(Review))
        .values_list(
            *_TITLE_FIELDS, *linked_title_fields("series", _SERIES_FIELDS), "tab_credit_total", "tab_review_total"
        )
    ),
    stand_in=STAND_IN_SLUG,
)
_department_total_rows = CompiledQuery(
    # Plain COUNTs on the title's indexes: cheaper here than as subqueries of the title's query.
    lambda title_id: (
        Credit.objects.filter(title_id=title_id).order_by().values_list("department").annotate(n=Count("id"))
    )
)
_REVIEW_FIELDS = tuple(field.attname for field in Review._meta.concrete_fields)
_review_rows = CompiledQuery(
    # The first reviews, each with the count of all of them (a window over the whole title).
    lambda title_id: (
        Review.objects.filter(title_id=title_id)
        .most_helpful()
        .annotate(review_total=Window(Count("id")))
        .values_list(*_REVIEW_FIELDS, "review_total")[:TITLE_PAGE_REVIEWS]
    )
)
_connection_rows = CompiledQuery(
    # Both directions in one query: ordered by the linking title, the outgoing links (all
    # from this title) come by position and the incoming ones by their title's year and name.
    lambda title_id: (
        Connection.objects.filter(Q(title_id=title_id) | Q(target_id=title_id))
        .order_by("title__year", "title__title", "position")
        .values_list(
            "type",
            "title_id",
            "target_id",
            "target_title",
            "target_year",
            "target_note",
            *linked_title_fields("title"),
            *linked_title_fields("target"),
        )
    )
)
_rating_rows = CompiledQuery(
    lambda title_id: (
        RatingCapture.objects.filter(title_id=title_id)
        .order_by("captured_at")
        .values_list("captured_at", "rating", "votes", "source__captured_precision")
    )
)
_quote_line_rows = CompiledQuery(
    lambda title_id: (
        QuoteLine.objects.filter(quote__title_id=title_id)
        .order_by("quote__position", "quote_id", "position", "id")
        .values_list("quote_id", "character", "text")
    )
)


def _connection_groups(title_id: int) -> list[ConnectionGroup]:
    """Outgoing links and the reverse of incoming ones, grouped by type in the page's order."""
    links = _connection_rows.rows(title_id)
    rows: list[ConnectionRow] = []
    seen: set[tuple[str, int]] = set()
    for link_type, from_id, target_id, target_title, target_year, note, *linked in links:
        if from_id == title_id:
            rows.append(ConnectionRow(link_type, _linked_title(*linked[4:]), target_title, target_year, note))
            if target_id:
                seen.add((link_type, target_id))
    for link_type, from_id, _target_id, _title, _year, _note, *linked in links:
        if from_id == title_id:
            continue
        reverse_type = CONNECTION_REVERSE.get(link_type, link_type)
        if (reverse_type, from_id) in seen:
            continue  # both pages printed the link: show it once
        seen.add((reverse_type, from_id))
        other = _linked_title(*linked[:4])
        rows.append(ConnectionRow(reverse_type, other, other.title, other.year))
    order = {value: index for index, value in enumerate(ConnectionType.values)}
    grouped: dict[str, list[ConnectionRow]] = defaultdict(list)
    for row in rows:
        grouped[row.type].append(row)
    types = sorted(grouped, key=lambda t: (order.get(t, len(order)), t))
    return [ConnectionGroup(t, grouped[t]) for t in types]


def _quotes(title_id: int) -> list[QuoteItem]:
    quotes: dict[int, QuoteItem] = {}
    for quote_id, character, text in _quote_line_rows.rows(title_id):
        quotes.setdefault(quote_id, QuoteItem([])).lines.append(QuoteLineItem(character, text))
    return list(quotes.values())


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
    order: int = 0


def _title_credit_rows(credits):
    """``credits`` (a Credit queryset) in page order, as the values a TitleCredit is made of."""
    return (
        credits.order_by("department", "order", "id")
        # The notes as JSON text, decoded only when there are some (most rows have none).
        .annotate(notes_json=Cast("notes", TextField()))
        .values_list(
            "department",
            "department_label",
            "person__name",
            "person__slug",
            "job",
            "character",
            "credited_as",
            "notes_json",
            "order",
        )
    )


def _title_credits(rows) -> list[TitleCredit]:
    person_url = slug_url_maker("catalogue:person")
    return [
        TitleCredit(
            department,
            label,
            name,
            person_url(slug),
            job,
            character,
            credited_as,
            decoded_notes(notes_json),
            order,
        )
        for department, label, name, slug, job, character, credited_as, notes_json, order in rows
    ]


def _principal_credits_query(title_id: int):
    """The first credits of the cast and of each key crew department, however big the title.

    A window ranks the credits within their department on the (title, department, order)
    index; only the first PRINCIPAL_CAST_SIZE of each (more than a crew department shows)
    are read, with their people.
    """
    ranked = (
        Credit.objects.filter(title_id=title_id, department__in=(Department.CAST, *KEY_CREW_DEPARTMENTS))
        .annotate(rank=Window(RowNumber(), partition_by=F("department"), order_by=(F("order").asc(), F("id").asc())))
        .filter(rank__lte=max(PRINCIPAL_CAST_SIZE, KEY_CREW_PER_DEPARTMENT))
        .order_by()  # the model's default ordering would join the titles
        .values("id")
    )
    return _title_credit_rows(Credit.objects.filter(pk__in=Subquery(ranked)))


_principal_credit_rows = CompiledQuery(_principal_credits_query)
_all_credit_rows = CompiledQuery(lambda title_id: _title_credit_rows(Credit.objects.filter(title_id=title_id)))


class CompanyItem(NamedTuple):
    kind: str
    company: CompanyLink
    notes: tuple[str, ...] | str


def _told_apart(items: list[CompanyItem]) -> list[CompanyItem]:
    """Companies of one name that are different companies (seven "Warner Home Video"s) get
    what tells them apart: their IMDb id, else their catalogue slug."""
    slugs_by_name: dict[str, set[str]] = defaultdict(set)
    for item in items:
        slugs_by_name[item.company.name].add(item.company.slug)
    return [
        item._replace(company=item.company._replace(distinct_as=item.company.imdb_id or item.company.slug))
        if len(slugs_by_name[item.company.name]) > 1
        else item
        for item in items
    ]


class RecommendationItem(NamedTuple):
    target: LinkedTitle | None
    target_title: str
    target_year: int | None


class TitleList(NamedTuple):
    """A list of the title page: where its items live, the columns read, and the item they make."""

    model: type
    columns: tuple[str, ...]
    item: Callable


# TitlePage attribute: its list (catalogue/sections.py declares most of them). All of them
# are read in one UNION ALL query (_title_lists).
TITLE_LISTS = {
    **{
        v.key: TitleList(v.through, (f"{v.field}__name", f"{v.field}__slug"), VocabularyItem)
        for v in VOCABULARY_SECTIONS
    },
    **{section.key: TitleList(section.model, section.columns, section.page_item) for section in LIST_SECTIONS},
    # Grouped by kind for the page by _company_groups.
    "companies": TitleList(
        TitleCompany,
        ("kind", "company__name", "company__slug", "company__imdb_id", "notes"),
        lambda kind, name, slug, imdb_id, notes: CompanyItem(
            kind, CompanyLink(name, slug, imdb_id or ""), decoded_notes(notes)
        ),
    ),
    "recommendations": TitleList(
        Recommendation,
        ("target_title", "target_year", *linked_title_fields("target")),
        lambda title, year, *target: RecommendationItem(_linked_title(*target), title, _int_or_none(year)),
    ),
}


def _title_lists_query(title_id: int):
    lists = {name: (title_list.model, title_list.columns) for name, title_list in TITLE_LISTS.items()}
    return list_rows_union(lists, leading=("position",), title_id=title_id)


_title_lists_rows = CompiledQuery(_title_lists_query)


def _title_lists(title_id: int) -> dict[str, list]:
    """The title's short lists (TITLE_LISTS), each in printed order, in one query.

    One UNION ALL instead of fourteen queries: each cost the page a round trip (and, before
    queries were compiled once, ~0.4 ms of compiling). Every list's columns are read as
    text, padded to the same width, and made into its item type here.
    """
    found: dict[str, list] = {name: [] for name in TITLE_LISTS}
    for name, _position, *values in sorted(_title_lists_rows.rows(title_id), key=lambda row: row[1]):
        title_list = TITLE_LISTS[name]
        found[name].append(title_list.item(*values[: len(title_list.columns)]))
    return found


def _title_from_row(alias: str, row: tuple) -> Title:
    title = Title.from_db(alias, _TITLE_FIELDS, row[: len(_TITLE_FIELDS)])
    if title.series_id is not None:
        title.series = Title.from_db(
            alias, _SERIES_FIELDS, row[len(_TITLE_FIELDS) : len(_TITLE_FIELDS) + len(_SERIES_FIELDS)]
        )
    return title


def _title_by_slug(slug: str) -> Title | None:
    """The title with every column, and its series as a link (TITLE_LINK_FIELDS) when it has one."""
    alias, found = _title_rows.read(slug)
    return _title_from_row(alias, found[0]) if found else None


@dataclass(frozen=True)
class TabCounts:
    """What the title's tabs (templates/catalogue/title/_tabs.html) count; a tab with 0 is hidden."""

    credit_total: int
    review_total: int


def title_with_tab_counts(slug: str) -> tuple[Title, TabCounts] | None:
    """A subpage's title (as ``_title_by_slug``) and its tabs' counts, in one query."""
    alias, found = _tab_title_rows.read(slug)
    if not found:
        return None
    row = found[0]
    return _title_from_row(alias, row), TabCounts(int(row[-2]), int(row[-1]))


def title_page(slug: str) -> TitlePage | None:
    """Everything the title page shows in a constant number of small queries (9 for a film,
    10 for an episode: its neighbours; a series adds its episodes)."""
    title = _title_by_slug(slug)
    if title is None:
        return None
    principal = _title_credits(_principal_credit_rows.rows(title.pk))
    cast = [credit for credit in principal if credit.department == Department.CAST][:PRINCIPAL_CAST_SIZE]
    department_totals = dict(_department_total_rows.rows(title.pk))
    crew = group_credits_by_department(
        (credit for credit in principal if credit.department != Department.CAST), limit=KEY_CREW_PER_DEPARTMENT
    )
    for group in crew:
        # Credits past the window's cut are "more" too.
        group.more = department_totals[group.key] - len(group.credits)
    alias, review_rows = _review_rows.read(title.pk)
    reviews = [Review.from_db(alias, _REVIEW_FIELDS, row[:-1]) for row in review_rows]
    review_total = review_rows[0][-1] if review_rows else 0
    episodes = []
    if title.kind in ("tv_series", "tv_mini_series"):
        episodes = list(Title.objects.episodes_of(title).for_listing("season", "episode", "series_id"))
    lists = _title_lists(title.pk)
    return TitlePage(
        episode_nav=episode_nav(title.pk) if title.series_id is not None else None,
        title=title,
        cast=cast,
        cast_total=department_totals.get(Department.CAST, 0),
        crew=crew,
        credit_total=sum(department_totals.values()),
        reviews=reviews,
        review_total=review_total,
        connections=_connection_groups(title.pk),
        episodes=episodes,
        rating_history=[RatingPoint(*row) for row in _rating_rows.rows(title.pk)],
        companies=company_groups(_told_apart(lists.pop("companies"))),
        quotes=_quotes(title.pk),
        lists=lists,
    )


@dataclass
class FullCredits:
    title: Title
    cast: list
    crew: list[DepartmentGroup]
    tabs: TabCounts | None = None

    @property
    def alphabetical_at(self) -> int | None:
        """Where the old page's "rest of cast listed alphabetically" line goes in ``cast`` (None: nowhere)."""
        start = self.title.cast_alphabetical_from
        if not start:
            return None
        at = next((index for index, credit in enumerate(self.cast) if credit.order >= start), None)
        return at or None  # before the first row, or after the last, it divides nothing

    @property
    def cast_in_credits_order(self) -> list:
        at = self.alphabetical_at
        return self.cast if at is None else self.cast[:at]

    @property
    def cast_alphabetical(self) -> list:
        at = self.alphabetical_at
        return [] if at is None else self.cast[at:]

    @property
    def crew_before_cast(self) -> list[DepartmentGroup]:
        """Directed by and Writing credits: above the cast, as the old page printed them."""
        return [group for group in self.crew if group.key in CREW_BEFORE_CAST]

    @property
    def crew_after_cast(self) -> list[DepartmentGroup]:
        return [group for group in self.crew if group.key not in CREW_BEFORE_CAST]


def full_credits(slug: str) -> FullCredits | None:
    found = title_with_tab_counts(slug)
    if found is None:
        return None
    title, tabs = found
    groups = group_credits_by_department(_title_credits(_all_credit_rows.rows(title.pk)))
    cast = next((group.credits for group in groups if group.key == Department.CAST), [])
    return FullCredits(title, cast, [group for group in groups if group.key != Department.CAST], tabs)


REVIEW_SORTS = {"helpful": "most_helpful", "date": "newest"}


def title_reviews(title: Title, sort: str):
    """All reviews of a title in the order asked for ("helpful" unless "date")."""
    method = REVIEW_SORTS.get(sort, REVIEW_SORTS["helpful"])
    return getattr(Review.objects.filter(title=title), method)()


# The one query of a cached title page: compiled once, it costs a third of what it did.
_title_stamp_rows = CompiledQuery(
    lambda slug: Title.objects.filter(slug=slug).values_list("pk", "updated_at"), stand_in=STAND_IN_SLUG
)


def title_stamp(slug: str) -> PageStamp | None:
    """The title's last-change stamp: one query on the unique slug."""
    found = _title_stamp_rows.rows(slug)
    if not found:
        return None
    pk, updated_at = found[0]
    return PageStamp(modified=updated_at, key=f"t{pk}:{updated_at.isoformat()}")
