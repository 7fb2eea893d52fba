"""/search/: one box for titles and people; the FilterSet's filters; "did you mean" when nothing matches."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import render

from catalogue import selectors
from catalogue.filters import TitleFilter, search_queryset

from . import data

RESULTS_PER_PAGE = 25
PEOPLE_SHOWN = 20


def search(request: HttpRequest) -> HttpResponse:
    filterset = TitleFilter(request.GET or None, queryset=search_queryset())
    # Invalid fields are reported on the form and left out of the query.
    results = selectors.search_titles(filterset, request.GET.get("page"), RESULTS_PER_PAGE)
    if data.wants_json(request):
        url = request.build_absolute_uri
        items = [
            {
                **data.title_item(title, url),
                "rating": _number(title.rating),
                "votes": title.votes,
                "matched_aka": getattr(title, "matched_aka", None),
            }
            for title in results.page.object_list
        ]
        return data.list_json(request, results.page, items, ranked=results.ranked, capped=results.capped)
    name_query = (request.GET.get("person") or request.GET.get("q") or "").strip()
    people = selectors.search_people(name_query, limit=PEOPLE_SHOWN) if name_query else []
    person_ids = filterset.person_ids()
    for person in people:
        # "Their titles" filters by the id; beside other people already chosen, "worked together" adds it.
        person.titles_url = "?" + _ids_query([person.pk])
        if person_ids and person.pk not in person_ids:
            person.together_url = "?" + _ids_query([*person_ids, person.pk])
    text_query = (request.GET.get("q") or "").strip()
    nothing_found = bool(text_query) and not people and not results.page.paginator.count
    context = {
        "form": filterset.form,
        "results": results,
        "page_obj": results.page,
        "people": people[:PEOPLE_SHOWN],
        "more_people": len(people) > PEOPLE_SHOWN,
        "name_query": name_query,
        "text_query": text_query,
        "person_ids": person_ids,
        "suggestions": selectors.did_you_mean(text_query) if nothing_found else [],
        "active_filters": filterset.active_filters() if filterset.is_bound else [],
        "has_errors": filterset.is_bound and not filterset.is_valid(),
        "show_more_filters": filterset.is_bound and filterset.uses_more_filters(),
    }
    return render(request, "catalogue/search.html", context)


def _number(value):
    return float(value) if value is not None else None


def _ids_query(ids: list[int]) -> str:
    query = QueryDict(mutable=True)
    query.setlist("person_id", [str(pk) for pk in ids])
    return query.urlencode()


CSV_COLUMNS = ("id", "title", "year", "kind", "rating", "votes", "url")
# A spreadsheet runs a cell that starts with one of these as a formula: page text never should.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def search_csv(request: HttpRequest) -> StreamingHttpResponse:
    """/search/csv/?…: every title the same search finds, as CSV (streamed: flat memory however many)."""
    filterset = TitleFilter(request.GET or None, queryset=search_queryset())
    url = request.build_absolute_uri

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for title in selectors.search_titles_all(filterset):
            yield writer.writerow(
                [
                    title.imdb_id or title.slug,
                    _cell(title.title),
                    title.year or "",
                    title.kind,
                    title.rating if title.rating is not None else "",
                    title.votes if title.votes is not None else "",
                    url(title.get_absolute_url()),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="titles.csv"'
    return response


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text
