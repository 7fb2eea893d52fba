"""Certificates: every country's ratings, and the titles holding one certificate."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from catalogue import selectors
from catalogue.selectors import listings

from . import data
from .conditional import catalogue_page

TITLES_PER_PAGE = 100  # also a JSON page (?format=json)


def certificate_index(request):
    return render(request, "catalogue/certificates/index.html", {"countries": selectors.certificate_countries()})


@catalogue_page("certificates")
def certificate_country(request, country: str):
    ratings = listings.certificate_country_ratings(country)
    if not ratings:
        raise Http404(f"No certificates of {country}")
    context = {"country": country, "ratings": ratings, "titles": sum(row["titles"] for row in ratings)}
    return render(request, "catalogue/certificates/country.html", context)


def certificate_detail(request, country: str, rating: str):
    page = Paginator(selectors.certificate_titles(country, rating), TITLES_PER_PAGE).get_page(request.GET.get("page"))
    if not page.object_list:
        raise Http404(f"No certificate {country}:{rating}")
    if data.wants_json(request):
        url = request.build_absolute_uri
        items = [{**data.title_item(row.title, url), "notes": row.notes or []} for row in page.object_list]
        return data.list_json(request, page, items, certificate={"country": country, "rating": rating})
    context = {"country": country, "rating": rating, "page_obj": page}
    return render(request, "catalogue/certificates/detail.html", context)
