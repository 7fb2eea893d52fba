"""The public pages as JSON, for researchers: ``/title/<slug>.json``, ``/name/<slug>.json``.

One convention (docs/data.md): an object's JSON is its page's URL with ``.json`` in
place of the closing slash. It carries the same stamp as the HTML page (an ETag of its
own, Last-Modified, the page cache), so a harvester's repeat visit costs a 304.
A title is the record contract's form (docs/page-record.md), as ``export_pages`` writes
it, with the catalogue's links beside it.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from catalogue import selectors
from catalogue.importing.export import title_export, titles_for_export
from catalogue.selectors.common import slug_url

from .conditional import stamped_page


def _json(payload: dict) -> JsonResponse:
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
    response["Access-Control-Allow-Origin"] = "*"  # read-only public data: any notebook may fetch it
    return response


@stamped_page(selectors.title_stamp, "title-json")
def title_json(request: HttpRequest, slug: str) -> JsonResponse:
    title = titles_for_export().filter(slug=slug).first()
    if title is None:
        raise Http404(f"No title {slug}")
    url = request.build_absolute_uri
    return _json(
        {
            "catalogue": {
                "slug": title.slug,
                "id": title.imdb_id or title.slug,
                "url": url(title.get_absolute_url()),
                "full_credits": url(f"{title.get_absolute_url()}fullcredits/"),
                "reviews": url(f"{title.get_absolute_url()}reviews/"),
                "updated_at": title.updated_at.isoformat(),
            },
            "record": title_export(title=title).to_dict(),
        }
    )


@stamped_page(selectors.person_stamp, "person-json")
def person_json(request: HttpRequest, slug: str) -> JsonResponse:
    person = selectors.resolve_person_slug(slug)
    if person is None:
        raise Http404(f"No person {slug}")
    url = request.build_absolute_uri
    credits = [
        {
            "title": {
                "slug": title_slug,
                "title": title,
                "year": year,
                "kind": kind,
                "url": url(slug_url("catalogue:title", title_slug)),
            },
            "department": department,
            "department_label": printed,
            "job": job or None,
            "character": character or None,
            "credited_as": credited_as or None,
        }
        for department, printed, job, credited_as, _title_id, title_slug, title, year, kind, character, _notes, *_episode in selectors.filmography_query(
            person.pk
        )
    ]
    if not credits:
        raise Http404(f"{person.name} has no credits in the catalogue")
    return _json(
        {
            "catalogue": {
                "slug": person.slug,
                "id": person.imdb_id or person.slug,
                "url": url(person.get_absolute_url()),
            },
            "name": person.name,
            "imdb_id": person.imdb_id,
            "credits": credits,
        }
    )


def title_item(title, url) -> dict:
    return {
        "id": title.imdb_id or title.slug,
        "slug": title.slug,
        "title": title.title,
        "year": title.year,
        "kind": title.kind,
        "url": url(slug_url("catalogue:title", title.slug)),
    }


def list_json(request: HttpRequest, page, items: list[dict], **about) -> JsonResponse:
    """A page of a list as JSON: its items, the total, and the next and previous pages' URLs."""

    def page_url(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return _json(
        {
            **about,
            "count": page.paginator.count,
            "page": page.number,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": items,
        }
    )


def wants_json(request: HttpRequest) -> bool:
    return request.GET.get("format") == "json"


def company_json(request: HttpRequest, slug: str) -> JsonResponse:
    from django.shortcuts import get_object_or_404

    from catalogue.models import Company

    company = get_object_or_404(Company, slug=slug)
    url = request.build_absolute_uri
    return _json(
        {
            "catalogue": {
                "slug": company.slug,
                "id": company.imdb_id or company.slug,
                "url": url(company.get_absolute_url()),
            },
            "name": company.name,
            "imdb_id": company.imdb_id,
            "roles": [
                {"role": label, "titles": [{**title_item(row.title, url), "notes": row.notes or []} for row in rows]}
                for label, rows in selectors.company_roles(company)
            ],
        }
    )
