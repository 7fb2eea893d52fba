"""Rendered-page caching keyed by what the page shows, correct across workers and machines.

A page is cached under a key made of its *stamp* (the ``updated_at`` of the title it
shows, or of a person and their titles), the scheme, host, path and query string. Every import
and admin edit bumps ``Title.updated_at``, so the next request, on any worker, computes
a new stamp, misses, and renders fresh: no per-process invalidation, no stale page. The
stamp costs one small indexed query; a hit then costs nothing else.

The cache is Django's default cache: LocMemCache (per process) needs no server; a
shared Redis or memcached (docs/deploy.md) lets all workers share rendered pages.

    @cache_page_by_stamp(lambda request, slug: selectors.title_stamp(slug).key)
    def title(request, slug): ...

The site's title and person views get it through ``views.conditional.stamped_page``,
which looks the stamp up once for both the ETag and the cache key.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.http import HttpRequest, HttpResponse

CACHE_HEADER = "X-Page-Cache"
# Headers a cached copy must not replay to another visitor.
_PRIVATE_HEADERS = {"set-cookie", "vary"}

Stamp = Callable[..., "str | None"]


def page_cache_key(view_name: str, stamp: str, request: HttpRequest) -> str:
    # Scheme and host too: pages hold absolute URLs (canonical links) built from the request.
    where = hashlib.sha256(request.build_absolute_uri().encode("utf-8")).hexdigest()[:32]
    return f"page:{view_name}:{hashlib.sha256(stamp.encode()).hexdigest()[:24]}:{where}"


def _cacheable(request: HttpRequest) -> bool:
    # Signed-in staff may see edit links, anyone may have a pending message: never share those pages.
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _shareable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page holding this visitor's CSRF token must not be replayed to another.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def cache_page_by_stamp(stamp: Stamp, *, timeout: int | None = DEFAULT_TIMEOUT, cache_alias: str = "default"):
    """Cache a view's successful responses under its stamp, path and query string.

    ``stamp(request, **view_kwargs)`` returns a string that changes whenever what the
    page shows changes, or None to skip the cache (the view then says 404).
    """

    def decorator(view):
        view_name = f"{view.__module__}.{view.__qualname__}"

        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            current = stamp(request, *args, **kwargs)
            if current is None:
                return view(request, *args, **kwargs)
            cache = caches[cache_alias]
            key = page_cache_key(view_name, current, request)
            cached = cache.get(key)
            if cached is not None:
                content, status, headers = cached
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
                response[CACHE_HEADER] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if _shareable(request, response):
                headers = [(name, value) for name, value in response.items() if name.lower() not in _PRIVATE_HEADERS]
                cache.set(key, (response.content, response.status_code, headers), timeout)
            response[CACHE_HEADER] = "miss"
            return response

        return wrapper

    return decorator
