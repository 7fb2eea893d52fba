"""Person pages: the filmography by department and job."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from catalogue import selectors, seo
from catalogue.charts import credits_per_year_chart
from catalogue.models import Person

from .conditional import stamped_page

COLLABORATORS_LISTED = 30


def _person_or_redirect(slug: str, url_name: str) -> Person | HttpResponse:
    """The person of ``slug``, else a permanent redirect to ``url_name`` of the person it was merged into."""
    person = selectors.resolve_person_slug(slug)
    if person is not None:
        return person
    target = selectors.person_redirect_target(slug)
    if target is None:
        raise Http404(f"No person {slug}")
    # People merged in the admin: the old slug keeps working.
    return redirect(url_name, slug=target, permanent=True)


@stamped_page(selectors.person_stamp, "person")
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = _person_or_redirect(slug, "catalogue:person")
    if isinstance(person, HttpResponse):
        return person
    page = selectors.person_page(person)
    if not page.credit_total:
        # Left with no credits (a re-import or a merge moved them): nothing to show, as the sitemap agrees.
        raise Http404(f"{person.name} has no credits in the catalogue")
    context = {
        "page": page,
        "person": person,
        "canonical_url": request.build_absolute_uri(person.get_absolute_url()),
        "json_ld": seo.person_json_ld(page, request.build_absolute_uri),
        "year_chart": credits_per_year_chart(page.credits_per_year),
    }
    return render(request, "catalogue/person/detail.html", context)


@stamped_page(selectors.person_stamp, "person-collaborators")
def person_collaborators(request: HttpRequest, slug: str) -> HttpResponse:
    """The people sharing most titles with a person: a page of its own, linked from theirs.

    Its own page because it reads every credit of the person's best-known titles (tens of
    thousands of rows for the busiest people), which the filmography page should not pay.
    """
    person = _person_or_redirect(slug, "catalogue:person_collaborators")
    if isinstance(person, HttpResponse):
        return person
    context = {
        "person": person,
        "collaborators": selectors.frequent_collaborators(person.pk, limit=COLLABORATORS_LISTED),
        "titles_counted": selectors.COLLABORATION_TITLES,
    }
    return render(request, "catalogue/person/collaborators.html", context)


def person_by_imdb_id(request: HttpRequest, imdb_id: str) -> HttpResponse:
    slug = Person.objects.filter(imdb_id=imdb_id).values_list("slug", flat=True).first()
    if slug is None or slug == imdb_id:
        return person_detail(request, slug=imdb_id)
    return redirect("catalogue:person", slug=slug, permanent=True)
