"""The site's URLconf with views that fail, for the error pages' tests (tests/web/test_title_chrome.py)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500, urlpatterns as site_patterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def suspicious(request):
    raise SuspiciousOperation("a tampered request")


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("the view failed")


urlpatterns = [
    path("fail/400/", suspicious),
    path("fail/403/", forbidden),
    path("fail/500/", broken),
    *site_patterns,
]
