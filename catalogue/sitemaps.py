"""sitemap.xml: every title and person page."""

from django.contrib.sitemaps import Sitemap

from catalogue.models import Person, Title


class TitleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Title.objects.only("slug", "updated_at").order_by("id")

    def lastmod(self, title):
        return title.updated_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Person.objects.only("slug", "updated_at").order_by("id")

    def lastmod(self, person):
        return person.updated_at


SITEMAPS = {"titles": TitleSitemap, "people": PersonSitemap}
