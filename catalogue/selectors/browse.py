"""Reads for the company, certificate and home pages."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, F

from catalogue.models import Certificate, CertificateCount, Country, Genre, Person, Title, TitleCompany
from catalogue.selectors.common import company_groups
from catalogue.selectors.listings import top_chart


# -- companies and certificates ------------------------------------------------------------


def company_roles(company) -> list[tuple[str, list]]:
    rows = (
        TitleCompany.objects.filter(company=company)
        .select_related("title")
        .only(
            "kind",
            "notes",
            "position",
            "company_id",
            "title__slug",
            "title__imdb_id",
            "title__title",
            "title__year",
            "title__kind",
        )
        .order_by("kind", "title__year", "title__title")
    )
    return company_groups(rows)


@dataclass
class CertificateCountry:
    country: str
    ratings: list[dict]
    titles: int


def certificate_countries() -> list[CertificateCountry]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    rows = (
        CertificateCount.objects.filter(title_count__gt=0)
        .exclude(rating="")
        .values("country", "rating", titles=F("title_count"))
        .order_by("country", "rating")
    )
    for row in rows:
        grouped[row["country"]].append(row)
    return [
        CertificateCountry(country, rows, sum(r["titles"] for r in rows))
        for country, rows in sorted(grouped.items(), key=lambda item: item[0].casefold())
    ]


def certificate_titles(country: str, rating: str):
    return (
        Certificate.objects.filter(country=country, rating=rating)
        .select_related("title")
        .only(
            "country",
            "rating",
            "notes",
            "title__slug",
            "title__imdb_id",
            "title__title",
            "title__year",
            "title__kind",
            "title__rating",
        )
        .order_by("title__title", "title__year", "id")
    )


# -- home ----------------------------------------------------------------------------------


def home_page() -> dict:
    decades: Counter[int] = Counter()
    titles = 0
    # COUNT(*): from the year index alone on PostgreSQL too; the titles without a year
    # are a group of their own, so the groups also give the catalogue's count.
    for row in Title.objects.order_by().values("year").annotate(n=Count("*")):
        titles += row["n"]
        if row["year"] is not None:
            decades[row["year"] // 10 * 10] += row["n"]
    return {
        "title_count": titles,
        "person_count": Person.objects.count(),
        "recent_titles": Title.objects.recently_imported().for_listing()[:10],
        # The overall chart's first ten (selectors/listings.py: weighted rating, minimum votes).
        "top_chart": top_chart(limit=10),
        "decades": sorted(decades.items()),
        # The stored counts (catalogue/importing/counts.py), not a count of every link.
        "genres": Genre.objects.filter(title_count__gt=0)
        .order_by("-title_count", "name")
        .only("name", "slug", "title_count")[:30],
        "countries": Country.objects.filter(title_count__gt=0)
        .order_by("-title_count", "name")
        .only("name", "slug", "title_count")[:30],
        "certificate_countries": CertificateCount.objects.filter(rating="", title_count__gt=0)
        .values("country", n=F("title_count"))
        .order_by("-title_count", "country")[:30],
    }
