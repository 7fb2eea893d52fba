"""sitemap.xml: every title page and every credited person's page, in id-range sections.

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

from catalogue.models import Credit, Person, Title

URLS_PER_PAGE = 50_000
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class SitemapSection:
    name: str
    url_prefix: str  # the public page's path before its slug

    def rows(self) -> QuerySet:
        if self.name == "titles":
            return Title.objects.all()
        # A person left with no credits (a re-import moved them all) has no page to list.
        return Person.objects.filter(Exists(Credit.objects.filter(person=OuterRef("pk"))))

    def last_id(self) -> int:
        model = Title if self.name == "titles" else Person
        return model.objects.aggregate(last=Max("id"))["last"] or 0

    def page_count(self, last_id: int) -> int:
        return max(1, -(-last_id // URLS_PER_PAGE))

    def page_rows(self, page: int) -> list[tuple[str, datetime]]:
        first = (page - 1) * URLS_PER_PAGE
        rows = self.rows().filter(id__gt=first, id__lte=first + URLS_PER_PAGE).order_by("id")
        return list(rows.values_list("slug", "updated_at"))


SECTIONS = {
    "titles": SitemapSection("titles", "/title/"),
    "people": SitemapSection("people", "/name/"),
}
