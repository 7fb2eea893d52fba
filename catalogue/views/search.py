"""/search/: one FilterSet over titles, and the people whose names match."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from catalogue import selectors
from catalogue.filters import TitleFilter, search_queryset

RESULTS_PER_PAGE = 25
PEOPLE_SHOWN = 20


def _active_filters(params: QueryDict, filterset: TitleFilter) -> list[dict]:
    """The filters in use, each with the URL that removes it (and resets the page)."""
    active = []
    for name, field in filterset.form.fields.items():
        value = params.get(name, "").strip()
        if not value:
            continue
        remaining = params.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        display = dict(getattr(field, "choices", []) or []).get(value, value) if name in ("sort", "kind", "department") else value
        active.append({"name": name, "label": field.label, "value": display, "remove_url": "?" + remaining.urlencode()})
    return active


def _uses_more_filters(params: QueryDict, filterset: TitleFilter) -> bool:
    """Open the folded filters when one of them is in use or wrong."""
    names = set(filterset.form.fields) - {"q", "person"}
    return any(params.get(name) for name in names) or any(name in filterset.form.errors for name in names)


def search(request: HttpRequest) -> HttpResponse:
    filterset = TitleFilter(request.GET or None, queryset=search_queryset())
    results = filterset.qs  # invalid fields are reported in the form and left out of the query
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    name_query = (request.GET.get("person") or request.GET.get("q") or "").strip()
    people = selectors.search_people(name_query, limit=PEOPLE_SHOWN) if name_query else []
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "page_obj": page,
        "people": people[:PEOPLE_SHOWN],
        "more_people": len(people) > PEOPLE_SHOWN,
        "name_query": name_query,
        "active_filters": _active_filters(request.GET, filterset) if request.GET else [],
        "has_errors": bool(request.GET) and not filterset.is_valid(),
        "show_more_filters": _uses_more_filters(request.GET, filterset),
    }
    return render(request, "catalogue/search.html", context)
