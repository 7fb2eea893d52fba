"""The site's error pages: 400, 403 and 404 in the site's layout, 500 as a plain page.

400, 403 and 404 inherit base.html (its header menu and search box): rendering them
reads nothing from the database. The 500 page is a template of its own rendered
without the request's context processors, so it still renders when the database (or
anything a context processor might read) is what failed.
"""

from __future__ import annotations

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(loader.get_template("400.html").render({}, request))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponseForbidden:
    return HttpResponseForbidden(loader.get_template("403.html").render({}, request))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponseNotFound:
    """A 404 that helps: it says what was not found and offers the search box."""
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"path": request.path}, request))


def server_error(request: HttpRequest) -> HttpResponseServerError:
    # No request: no context processor runs, nothing is read.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"site_name": settings.CATALOGUE_SITE_NAME}))
