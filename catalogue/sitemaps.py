"""sitemap.xml: every title page and every credited person's page, in id-range sections;
the browse pages (years, decades, genres, countries, languages, certificate countries,
charts) in one section and the plot keywords' pages in id-range pages like the titles.

Django's sitemap framework counts and OFFSET-pages the whole table, and its index asks
every item for its ``lastmod``: at a million people that reads the catalogue on every
request. Here a section's page N holds the rows whose id falls in the N-th block of
``URLS_PER_PAGE`` ids (at most 50,000 URLs, as the protocol allows), read by a range of
the primary key; the index needs only each table's largest id. Both are cached, keyed
by that largest id (a new row starts a new key) for ``CACHE_SECONDS`` (a changed
``lastmod`` is at most that late).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse

from catalogue.models import Certificate, Country, Credit, Genre, Keyword, Language, Person, Title, TitleKeyword

URLS_PER_PAGE = 50_000
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class SitemapSection:
    name: str
    url_prefix: str  # the public page's path before its slug

    def model(self):
        return {"titles": Title, "people": Person, "keywords": Keyword}[self.name]

    def rows(self) -> QuerySet:
        if self.name == "titles":
            return Title.objects.all()
        if self.name == "keywords":
            return Keyword.objects.filter(Exists(TitleKeyword.objects.filter(keyword=OuterRef("pk"))))
        # A person left with no credits (a re-import moved them all) has no page to list.
        return Person.objects.filter(Exists(Credit.objects.filter(person=OuterRef("pk"))))

    def last_id(self) -> int:
        return self.model().objects.aggregate(last=Max("id"))["last"] or 0

    def page_count(self, last_id: int) -> int:
        return max(1, -(-last_id // URLS_PER_PAGE))

    def page_rows(self, page: int) -> list[tuple[str, datetime | None]]:
        """(path, last change or None) of the page's URLs."""
        first = (page - 1) * URLS_PER_PAGE
        rows = self.rows().filter(id__gt=first, id__lte=first + URLS_PER_PAGE).order_by("id")
        if self.name == "keywords":  # a keyword has no stamp of its own
            return [(f"{self.url_prefix}{slug}/", None) for slug in rows.values_list("slug", flat=True)]
        return [(f"{self.url_prefix}{slug}/", updated) for slug, updated in rows.values_list("slug", "updated_at")]


class BrowseSection:
    """The browse pages but keywords': a few thousand URLs at most, one sitemap page."""

    name = "browse"

    def last_id(self) -> str:
        # Keys the cached copy: a new title (or a changed one) may add a year or a genre.
        return Title.objects.aggregate(last=Max("updated_at"))["last"] or ""

    def page_count(self, last_id) -> int:
        return 1

    def page_rows(self, page: int) -> list[tuple[str, None]]:
        paths = [reverse("catalogue:browse"), reverse("catalogue:chart_top")]
        years = Title.objects.exclude(year=None).order_by("year").values_list("year", flat=True).distinct()
        decades: list[int] = []
        for year in years:
            paths.append(reverse("catalogue:year", kwargs={"year": year}))
            if year // 10 * 10 not in decades:
                decades.append(year // 10 * 10)
        for decade in decades:
            paths.append(reverse("catalogue:decade", kwargs={"decade": str(decade)}))
            paths.append(reverse("catalogue:chart_top_decade", kwargs={"decade": str(decade)}))
        for name, model in (("genre", Genre), ("country", Country), ("language", Language)):
            paths.append(reverse(f"catalogue:{name}_index"))
            for slug in (
                model.objects.filter(Exists(model.titles.through.objects.filter(**{name: OuterRef("pk")})))
                .order_by("name")
                .values_list("slug", flat=True)
            ):
                paths.append(reverse(f"catalogue:{name}", kwargs={"slug": slug}))
                if name == "genre":
                    paths.append(reverse("catalogue:chart_top_genre", kwargs={"slug": slug}))
        paths.append(reverse("catalogue:keyword_index"))
        countries = Certificate.objects.order_by("country").values_list("country", flat=True).distinct()
        paths += [reverse("catalogue:certificate_country", kwargs={"country": c}) for c in countries if "/" not in c]
        return [(path, None) for path in paths]


SECTIONS = {
    "titles": SitemapSection("titles", "/title/"),
    "people": SitemapSection("people", "/name/"),
    "browse": BrowseSection(),
    "keywords": SitemapSection("keywords", "/keyword/"),
}
