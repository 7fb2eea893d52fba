"""The public site's guard: read-only methods, no NUL characters, a strict content policy.

The public pages only ever answer GET and HEAD; the admin (under ``/admin/``) is left to
Django. A NUL character cannot be stored or compared by PostgreSQL (and makes SQLite's
LIKE misbehave), and no real search contains one, so a request carrying one in its path
or its query is refused with a 400 before any view runs. The public pages load nothing
but their own stylesheet and images and run no script (the JSON-LD block is data, which
a policy does not block), so ``default-src 'self'`` costs them nothing and stops injected
markup from loading or running anything, should escaping ever fail.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

PUBLIC_METHODS = ("GET", "HEAD")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path:
        return True
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())


class PublicSiteGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def _is_admin(request: HttpRequest) -> bool:
        # Looked up per request (the resolver caches it): a URLconf may have no admin.
        try:
            prefix = reverse("admin:index", urlconf=getattr(request, "urlconf", None))
        except NoReverseMatch:
            return False
        return request.path_info.startswith(prefix)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._is_admin(request):
            return self.get_response(request)
        if request.method not in PUBLIC_METHODS:
            response = HttpResponseNotAllowed(PUBLIC_METHODS)
        elif _has_nul(request):
            # The site's 400 page (templates/400.html), which reads nothing from the database.
            reason = "A request must not contain NUL characters."
            response = HttpResponseBadRequest(render_to_string("400.html", {"reason": reason}, request))
        else:
            response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
