"""The sitemap index and its sections (catalogue/sitemaps.py says how they scale)."""

from __future__ import annotations

import hashlib
from xml.sax.saxutils import escape

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from catalogue.sitemaps import CACHE_SECONDS, SECTIONS

XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _xml(body: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def _key(*parts) -> str:
    # The site's own address is part of every URL: one cached copy per host name.
    return "sitemap:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def sitemap_index(request: HttpRequest) -> HttpResponse:
    base = request.build_absolute_uri("/")[:-1]
    last_ids = {name: section.last_id() for name, section in SECTIONS.items()}
    key = _key("index", base, sorted(last_ids.items()))
    body = cache.get(key)
    if body is None:
        entries = []
        for name, section in SECTIONS.items():
            location = base + reverse("catalogue:sitemap_section", kwargs={"section": name})
            for page in range(1, section.page_count(last_ids[name]) + 1):
                url = location if page == 1 else f"{location}?p={page}"
                entries.append(f"<sitemap><loc>{escape(url)}</loc></sitemap>")
        body = f'{XML_HEAD}<sitemapindex xmlns="{NAMESPACE}">\n' + "\n".join(entries) + "\n</sitemapindex>\n"
        cache.set(key, body, CACHE_SECONDS)
    return _xml(body)


def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    found = SECTIONS.get(section)
    if found is None:
        raise Http404(f"No sitemap section {section}")
    page = request.GET.get("p", "1")
    if not page.isdigit() or not 1 <= int(page) <= 100_000:
        raise Http404("No such sitemap page")
    last_id = found.last_id()
    if int(page) > found.page_count(last_id):
        raise Http404("No such sitemap page")
    base = request.build_absolute_uri("/")[:-1]
    key = _key(base, section, page, last_id)
    body = cache.get(key)
    if body is None:
        urls = [
            f"<url><loc>{escape(base + path)}</loc>"
            + (f"<lastmod>{updated.date().isoformat()}</lastmod>" if updated else "")
            + "<changefreq>monthly</changefreq></url>"
            for path, updated in found.page_rows(int(page))
        ]
        body = f'{XML_HEAD}<urlset xmlns="{NAMESPACE}">\n' + "\n".join(urls) + "\n</urlset>\n"
        cache.set(key, body, CACHE_SECONDS)
    return _xml(body)
