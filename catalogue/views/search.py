"""/search/: one FilterSet over titles, and the people whose names match."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue import selectors
from catalogue.filters import TitleFilter, search_queryset

RESULTS_PER_PAGE = 25
PEOPLE_SHOWN = 20


def search(request: HttpRequest) -> HttpResponse:
    filterset = TitleFilter(request.GET or None, queryset=search_queryset())
    # Invalid fields are reported on the form and left out of the query.
    page = Paginator(filterset.qs, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    name_query = (request.GET.get("person") or request.GET.get("q") or "").strip()
    people = selectors.search_people(name_query, limit=PEOPLE_SHOWN) if name_query else []
    context = {
        "form": filterset.form,
        "page_obj": page,
        "people": people[:PEOPLE_SHOWN],
        "more_people": len(people) > PEOPLE_SHOWN,
        "name_query": name_query,
        "active_filters": filterset.active_filters() if filterset.is_bound else [],
        "has_errors": filterset.is_bound and not filterset.is_valid(),
        "show_more_filters": filterset.is_bound and filterset.uses_more_filters(),
    }
    return render(request, "catalogue/search.html", context)
