"""Title pages: the combined details, the full cast and crew, the user reviews."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from catalogue import selectors, seo
from catalogue.charts import rating_history_chart
from catalogue.models import Title

from .conditional import stamped_page

REVIEWS_PER_PAGE = 20

stamped_title_page = stamped_page(selectors.title_stamp, "title")


@stamped_title_page
def title_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.title_page(slug)
    if page is None:
        raise Http404(f"No title {slug}")
    context = {
        "page": page,
        "title": page.title,
        "tabs": selectors.TabCounts(page.credit_total, page.review_total),
        "canonical_url": request.build_absolute_uri(page.title.get_absolute_url()),
        "json_ld": seo.title_json_ld(page, request.build_absolute_uri),
        "og_type": seo.og_type(page.title),
        "rating_chart": rating_history_chart(page.rating_history),
    }
    return render(request, "catalogue/title/detail.html", context)


@stamped_title_page
def full_credits(request: HttpRequest, slug: str) -> HttpResponse:
    credits = selectors.full_credits(slug)
    if credits is None:
        raise Http404(f"No title {slug}")
    context = {
        "credits": credits,
        "title": credits.title,
        "tabs": credits.tabs,
        "canonical_url": request.build_absolute_uri(request.path),
    }
    return render(request, "catalogue/title/fullcredits.html", context)


@stamped_title_page
def reviews(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.title_with_tab_counts(slug)
    if found is None:
        raise Http404(f"No title {slug}")
    title, tabs = found
    sort = "date" if request.GET.get("sort") == "date" else "helpful"
    paginator = Paginator(selectors.title_reviews(title, sort), REVIEWS_PER_PAGE)
    # The tabs' count, read with the title, is the paginator's: no COUNT query of its own.
    paginator.count = tabs.review_total
    page = paginator.get_page(request.GET.get("page"))
    # Each page of reviews is its own canonical page; the sort is not.
    canonical = request.path + (f"?page={page.number}" if page.number > 1 else "")
    context = {
        "title": title,
        "tabs": tabs,
        "page_obj": page,
        "sort": sort,
        "canonical_url": request.build_absolute_uri(canonical),
    }
    return render(request, "catalogue/title/reviews.html", context)


def title_by_imdb_id(request: HttpRequest, imdb_id: str) -> HttpResponse:
    """/title/tt0052893/ → the title's slug URL, permanently."""
    slug = Title.objects.filter(imdb_id=imdb_id).values_list("slug", flat=True).first()
    if slug is None or slug == imdb_id:
        # A title whose slug is its id (non-Latin name) is served here directly.
        return title_detail(request, slug=imdb_id)
    return redirect("catalogue:title", slug=slug, permanent=True)


@stamped_title_page
def sources(request: HttpRequest, slug: str) -> HttpResponse:
    """Every capture the title was read from, the differences between two, and how to cite it."""
    from catalogue.selectors.sources import captures_diff, citation_date, title_captures

    found = selectors.title_with_tab_counts(slug)
    if found is None:
        raise Http404(f"No title {slug}")
    title, tabs = found
    captures = title_captures(title)
    diff = None
    older, newer = request.GET.get("from", ""), request.GET.get("to", "")
    if older.isdigit() and newer.isdigit():
        diff = captures_diff(captures, int(older), int(newer))
    latest = next((c for c in reversed(captures) if c.source.captured_at), captures[-1] if captures else None)
    context = {
        "title": title,
        "tabs": tabs,
        "captures": captures,
        "diff": diff,
        "latest": latest,
        "latest_date": citation_date(latest.source.captured_at, latest.source.captured_precision) if latest else "",
        "catalogue_url": request.build_absolute_uri(title.get_absolute_url()),
        "canonical_url": request.build_absolute_uri(request.path),
    }
    return render(request, "catalogue/title/sources.html", context)
