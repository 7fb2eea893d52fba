from django.http import HttpRequest, HttpResponse
from django.urls import reverse


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Point crawlers at the sitemap; keep them out of search result pages and the admin."""
    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('catalogue:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
