"""Conditional GET for pages keyed by a last-change stamp (a repeat visit costs a 304)."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from functools import wraps

from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

# Bump when the templates change what a page shows, so cached copies are not reused.
PAGE_VERSION = "1"


def conditional_on(stamp_of: Callable[[str], datetime | None], prefix: str):
    """ETag and Last-Modified from ``stamp_of(slug)``, looked up once per request."""

    def stamp(request, slug: str, **kwargs) -> datetime | None:
        cache = request.__dict__.setdefault("_catalogue_stamps", {})
        if slug not in cache:
            cache[slug] = stamp_of(slug)
        return cache[slug]

    def etag(request, slug: str, **kwargs) -> str | None:
        value = stamp(request, slug)
        if value is None:
            return None
        return f"{prefix}-{PAGE_VERSION}-{slug}-{int(value.timestamp() * 1_000_000)}"

    def last_modified(request, slug: str, **kwargs) -> datetime | None:
        return stamp(request, slug)

    def decorator(view):
        conditional_view = condition(etag_func=etag, last_modified_func=last_modified)(view)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = conditional_view(request, *args, **kwargs)
            # Revalidate every time: without this, browsers guess a freshness from
            # Last-Modified and may show a stale page for days after a change.
            patch_cache_control(response, no_cache=True)
            return response

        return wrapped

    return decorator
