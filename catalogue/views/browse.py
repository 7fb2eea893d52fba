"""Browse pages: titles by year, decade, genre, country, language and plot keyword, their
index pages, and the top-rated charts. Crawlable (not under /search/), in the sitemap,
cached and ETagged by the catalogue's stamp (views/conditional.py:catalogue_page)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.models import Genre, TitleKind
from catalogue.selectors import listings

from .conditional import catalogue_page

TITLES_PER_PAGE = 50
KEYWORDS_PER_PAGE = 200
VOCABULARY_LABELS = {
    "genre": ("Genre", "Genres"),
    "country": ("Country", "Countries"),
    "language": ("Language", "Languages"),
    "keyword": ("Plot keyword", "Plot keywords"),
}

browse_page = catalogue_page("browse")


class CountedPaginator(Paginator):
    """A paginator told its count (read more cheaply than a COUNT of the listing's query)."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # the cached_property's slot


def _listing(
    request: HttpRequest, titles, context: dict, *, allow_empty: bool = False, count: int | None = None
) -> HttpResponse:
    sort = listings.browse_sort(request.GET.get("sort"))
    kind = listings.browse_kind(request.GET.get("kind"))
    listed = listings.browse_titles(titles, sort=sort, kind=kind)
    if count is not None and not kind:
        paginator = CountedPaginator(listed, TITLES_PER_PAGE, count=count)
    else:
        paginator = Paginator(listed, TITLES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    if not paginator.count and not kind and not allow_empty:
        raise Http404("Nothing to browse here")
    # Each page number is its own canonical page; the sort and kind are not.
    canonical = request.path + (f"?page={page.number}" if page.number > 1 else "")
    context.update(
        page_obj=page,
        sort=sort,
        kind=kind,
        sorts=list(listings.BROWSE_SORTS),
        kinds=TitleKind.choices,
        canonical_url=request.build_absolute_uri(canonical),
    )
    return render(request, "catalogue/browse/titles.html", context)


@browse_page
def year(request: HttpRequest, year: int) -> HttpResponse:
    decade = year // 10 * 10
    context = {"heading": str(year), "about": f"Titles of {year}", "year": year, "decade": decade}
    return _listing(request, listings.year_titles(year), context)


@browse_page
def decade(request: HttpRequest, decade: str) -> HttpResponse:
    start = int(decade)
    years = listings.decade_years(start)
    if not years:
        raise Http404(f"No titles of the {start}s")
    count = sum(n for _, n in years)
    walk = listings.decade_walks(count, _page_number(request), TITLES_PER_PAGE)
    context = {"heading": f"The {start}s", "about": f"Titles of the {start}s", "decade": start, "years": years}
    return _listing(request, listings.decade_titles(start, walk=walk), context, count=count)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page") or 1))
    except ValueError:
        return 1


def _vocabulary_view(segment: str):
    singular, plural = VOCABULARY_LABELS[segment]

    def view(request: HttpRequest, slug: str) -> HttpResponse:
        found = listings.vocabulary_titles(segment, slug)
        if found is None:
            raise Http404(f"No {segment} {slug}")
        item = found.item
        context = {
            "heading": item.name,
            "about": f"{singular}: {item.name}",
            "item": item,
            "segment": segment,
            "index_url_name": f"catalogue:{segment}_index",
            "index_label": plural,
        }
        return _listing(request, found.titles, context, allow_empty=True, count=found.count)

    view.__name__ = view.__qualname__ = f"{segment}_titles"
    return browse_page(view)


genre = _vocabulary_view("genre")
country = _vocabulary_view("country")
language = _vocabulary_view("language")
keyword = _vocabulary_view("keyword")


def _index_view(segment: str):
    _, plural = VOCABULARY_LABELS[segment]

    def view(request: HttpRequest) -> HttpResponse:
        context = {"heading": plural, "segment": segment, "items": listings.vocabulary_index(segment)}
        return render(request, "catalogue/browse/index.html", context)

    view.__name__ = view.__qualname__ = f"{segment}_index"
    return browse_page(view)


genre_index = _index_view("genre")
country_index = _index_view("country")
language_index = _index_view("language")


@browse_page
def keyword_index(request: HttpRequest) -> HttpResponse:
    page = Paginator(listings.keyword_index(), KEYWORDS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"heading": "Plot keywords", "segment": "keyword", "items": page.object_list, "page_obj": page}
    return render(request, "catalogue/browse/index.html", context)


@browse_page
def overview(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/browse/overview.html", {"overview": listings.browse_overview()})


# -- charts -----------------------------------------------------------------------------------


def _chart(request: HttpRequest, context: dict, **scope) -> HttpResponse:
    kind = listings.browse_kind(request.GET.get("kind"))
    chart = listings.top_chart(kind=kind, **scope)
    context.update(
        chart=chart, kind=kind, kinds=TitleKind.choices, canonical_url=request.build_absolute_uri(request.path)
    )
    return render(request, "catalogue/browse/chart.html", context)


@browse_page
def chart_top(request: HttpRequest) -> HttpResponse:
    return _chart(request, {"heading": "Top rated"})


@browse_page
def chart_top_decade(request: HttpRequest, decade: str) -> HttpResponse:
    start = int(decade)
    return _chart(request, {"heading": f"Top rated of the {start}s", "decade": start}, decade=start)


@browse_page
def chart_top_genre(request: HttpRequest, slug: str) -> HttpResponse:
    genre = Genre.objects.filter(slug=slug).only("name", "slug").first()
    if genre is None:
        raise Http404(f"No genre {slug}")
    return _chart(request, {"heading": f"Top rated: {genre.name}", "genre": genre}, genre=genre)
