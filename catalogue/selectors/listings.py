"""Reads for the browse pages (year, decade, genre, country, language, keyword, per-country
certificates), their index pages, the top-rated charts, and the catalogue-wide stamp they
are cached by.

Each page is a constant number of queries: the stamp, at most one lookup of what is
browsed (a genre by slug…), the paginator's COUNT and the page of titles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

from django.conf import settings
from django.db import connections, router
from django.db.models import Avg, Count, Exists, F, FloatField, OuterRef, QuerySet, Value
from django.db.models.functions import Cast

from catalogue.models import CertificateCount, Country, Genre, Keyword, Language, Title, TitleGenre, TitleKind
from catalogue.selectors.common import PageStamp

# ?sort= of a browse page: the orderings, each ending on unique columns (stable pages).
BROWSE_SORTS = {
    "votes": (F("votes").desc(nulls_last=True), "title", "id"),
    "rating": (F("rating").desc(nulls_last=True), F("votes").desc(nulls_last=True), "title", "id"),
    "year": (F("year").asc(nulls_last=True), "title", "id"),
    "title": ("title", "year", "id"),
}
DEFAULT_SORT = "votes"
# Browse pages' vocabularies by URL segment: (model, the title's many-to-many name).
VOCABULARIES = {
    "genre": (Genre, "genres"),
    "country": (Country, "countries"),
    "language": (Language, "languages"),
    "keyword": (Keyword, "keywords"),
}
CHART_SIZE = 250


def catalogue_stamp() -> PageStamp:
    """The whole catalogue's last change: the newest ``Title.updated_at`` and the largest id.

    Every import and admin edit of a title bumps its ``updated_at``, so a list of titles
    keyed by this stamp is rebuilt after any change. Two scalar subqueries (not one
    SELECT with two aggregates): each is one step down its index on SQLite and PostgreSQL.
    A deleted title leaves the stamp as it was: its lists are stale until the cache expires.
    """
    alias = router.db_for_read(Title)
    table = connections[alias].ops.quote_name(Title._meta.db_table)
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT (SELECT MAX(updated_at) FROM {table}), (SELECT MAX(id) FROM {table})")
        updated_at, last_id = cursor.fetchone()
    if isinstance(updated_at, str):  # SQLite's raw column
        updated_at = datetime.fromisoformat(updated_at)
    if updated_at is not None and updated_at.tzinfo is None and settings.USE_TZ:
        updated_at = updated_at.replace(tzinfo=timezone.utc)
    modified = updated_at or datetime(1970, 1, 1, tzinfo=timezone.utc)
    return PageStamp(modified=modified, key=f"c{last_id or 0}:{modified.isoformat()}")


def browse_sort(value: str | None) -> str:
    return value if value in BROWSE_SORTS else DEFAULT_SORT


def browse_kind(value: str | None) -> str:
    return value if value in TitleKind.values else ""


def browse_titles(titles: QuerySet, *, sort: str, kind: str = "") -> QuerySet:
    """``titles`` as a browse page lists them: ``kind`` only (when given), in ``sort`` order."""
    if kind:
        titles = titles.filter(kind=kind)
    return titles.for_listing().order_by(*BROWSE_SORTS[browse_sort(sort)])


def year_titles(year: int) -> QuerySet:
    return Title.objects.filter(year=year)


def decade_titles(decade: int, *, walk: bool = False) -> QuerySet:
    """The decade's titles; ``walk``: as ``year / 10``, which no index answers, so the
    database walks the sort's index and stops at the page's end (``decade_walks``)."""
    if walk:
        return Title.objects.alias(decade_of=F("year") / 10).filter(decade_of=decade // 10)
    return Title.objects.filter(year__gte=decade, year__lte=decade + 9)


def decade_walks(count: int, page: int, per_page: int) -> bool:
    """Whether a decade of ``count`` titles is listed faster by walking the sort's index to ``page``.

    Walking reads about (rows before the page's end) / (the decade's share) titles; the
    year range reads the decade's titles and sorts them. A big decade's first pages are
    walked, never a page that needs more than a tenth of the catalogue walked through
    (its end before a tenth of the decade's titles, for a decade of a tenth of the catalogue or more).
    """
    return page * per_page * 10 <= count


def decade_years(decade: int) -> list[tuple[int, int]]:
    """(year, number of titles) of the decade's years that have titles, on the year index.

    COUNT(*), not COUNT(id): PostgreSQL then counts from the year index alone.
    """
    rows = decade_titles(decade).order_by("year").values_list("year").annotate(n=Count("*"))
    return [(year, n) for year, n in rows]


# A vocabulary with at least this many titles is listed by walking the sort's index of
# titles and probing the link table; a smaller one by its links, then sorted.
WALK_FROM = 1000


@dataclass
class VocabularyTitles:
    item: object
    titles: QuerySet
    count: int  # its titles, all kinds


def vocabulary_titles(segment: str, slug: str) -> VocabularyTitles | None:
    """The genre/country/language/keyword with ``slug``, its titles and how many, or None.

    The count is the row's stored ``title_count`` (kept by catalogue/importing/counts.py).
    A big vocabulary's titles are filtered with EXISTS, so the database walks the order's
    index (votes, rating, year, title) and stops at the page's end; joined instead, a
    genre of half the catalogue was read whole and sorted on every first visit.
    """
    model, _ = VOCABULARIES[segment]
    item = model.objects.filter(slug=slug).only("name", "slug", "title_count").first()
    if item is None:
        return None
    links = Title._meta.get_field(VOCABULARIES[segment][1]).remote_field.through.objects.filter(**{segment: item})
    count = item.title_count
    if count >= WALK_FROM:
        titles = Title.objects.filter(Exists(links.filter(title=OuterRef("pk"))))
    else:
        titles = Title.objects.filter(pk__in=links.values("title_id"))
    return VocabularyTitles(item, titles, count)


def vocabulary_index(segment: str) -> list:
    """Every genre (country, language) that has titles, by name, with its stored number of titles.

    Counted in one GROUP BY, the genres' index read every genre link on each first visit.
    """
    model, _ = VOCABULARIES[segment]
    return list(model.objects.filter(title_count__gt=0).only("name", "slug", "title_count").order_by("name"))


def keyword_index() -> QuerySet:
    """Keywords with titles, by name, each with its stored number of titles (paginated)."""
    return Keyword.objects.filter(title_count__gt=0).only("name", "slug", "title_count").order_by("name", "id")


@dataclass
class Overview:
    decades: list[tuple[int, int, list[int]]]  # (decade, titles, its years with titles)
    genres: int
    countries: int
    languages: int
    keywords: int
    certificate_countries: int


def browse_overview() -> Overview:
    """The /browse/ page: every decade with its years, and how many of each vocabulary."""
    by_decade: dict[int, tuple[int, list[int]]] = {}
    for year, n in Title.objects.exclude(year=None).order_by("year").values_list("year").annotate(n=Count("*")):
        decade = year // 10 * 10
        count, years = by_decade.get(decade, (0, []))
        by_decade[decade] = (count + n, [*years, year])
    return Overview(
        decades=[(decade, count, years) for decade, (count, years) in sorted(by_decade.items())],
        genres=Genre.objects.filter(title_count__gt=0).count(),
        countries=Country.objects.filter(title_count__gt=0).count(),
        languages=Language.objects.filter(title_count__gt=0).count(),
        keywords=Keyword.objects.filter(title_count__gt=0).count(),
        certificate_countries=CertificateCount.objects.filter(rating="", title_count__gt=0).count(),
    )


def certificate_country_ratings(country: str) -> list[dict]:
    """The country's ratings, by rating, each with its stored number of titles (empty: no such country)."""
    return list(
        CertificateCount.objects.filter(country=country, title_count__gt=0)
        .exclude(rating="")
        .values("country", "rating", titles=F("title_count"))
        .order_by("rating")
    )


# -- charts -----------------------------------------------------------------------------------


@dataclass
class ChartRow:
    rank: int
    title: Title
    score: float


@dataclass
class Chart:
    rows: list[ChartRow]
    min_votes: int
    mean: Decimal | None  # C: the mean rating of the chart's eligible titles
    eligible: int


def chart_min_votes() -> int:
    return int(settings.CHART_MIN_VOTES)


def top_chart(
    *,
    kind: str = "",
    decade: int | None = None,
    genre: Genre | None = None,
    limit: int = CHART_SIZE,
    min_votes: int | None = None,
) -> Chart:
    """The top-rated titles by the old site's weighted rating (a Bayesian estimate).

    WR = v/(v+m)·R + m/(v+m)·C: R the title's rating, v its votes, m the minimum votes
    (``settings.CHART_MIN_VOTES``), C the mean rating of the chart's eligible titles
    (those with at least m votes, in the chart's kind, decade or genre); ties by votes,
    then by id. Both queries read the eligible titles from the ``title_chart`` index
    (votes, rating, year, kind), not from their rows: the mean, and the ids of the chart's
    titles (scored and sorted there), whose rows alone are then read. What a request costs
    grows with how many titles have m votes, not with the catalogue.
    """
    m = chart_min_votes() if min_votes is None else min_votes
    eligible = Title.objects.filter(votes__gte=max(m, 1), rating__isnull=False)
    if kind:
        eligible = eligible.filter(kind=kind)
    if decade is not None:
        # The decade as year / 10 (integer division on both databases): a year range made
        # SQLite read the decade's titles from the year index, and each of their rows.
        eligible = eligible.alias(decade_of=F("year") / 10).filter(decade_of=decade // 10)
    if genre is not None:
        # EXISTS: the eligible titles are walked and each probes the link's unique index;
        # joined, every title of a big genre was read.
        eligible = eligible.filter(Exists(TitleGenre.objects.filter(title=OuterRef("pk"), genre=genre)))
    summary = eligible.order_by().aggregate(mean=Avg("rating"), n=Count("id"))
    if not summary["n"]:
        return Chart([], m, None, 0)
    mean = float(summary["mean"])
    votes = Cast("votes", FloatField())
    rating = Cast("rating", FloatField())
    score = (votes * rating + Value(m * mean, output_field=FloatField())) / (
        votes + Value(float(m), output_field=FloatField())
    )
    order = (F("score").desc(), F("votes").desc(), "id")
    chosen = eligible.annotate(score=score).order_by(*order).values("pk")[:limit]
    titles = Title.objects.filter(pk__in=chosen).for_listing().annotate(score=score).order_by(*order)
    rows = [ChartRow(rank, title, title.score) for rank, title in enumerate(titles, start=1)]
    return Chart(rows, m, Decimal(str(round(mean, 2))), summary["n"])
