"""Title and person pages keyed by a last-change stamp: conditional GET and the page cache.

One stamp (``selectors.title_stamp`` / ``person_stamp``), looked up once per request,
gives the ETag and Last-Modified, so a repeat visit costs a 304, and the key of the
rendered-page cache (catalogue/caching.py), so a first visit by anyone else costs one
query when the page is cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from catalogue.caching import cache_page_by_stamp
from catalogue.selectors import PageStamp

# Bump when the templates change what a page shows, so cached copies are not reused.
PAGE_VERSION = "3"


def stamped_page(stamp_of: Callable[[str], PageStamp | None], prefix: str):
    """Conditional GET (outside) and the stamp-keyed page cache (inside) for a view taking ``slug``."""

    def stamp(request, slug: str, **kwargs) -> PageStamp | None:
        memo = request.__dict__.setdefault("_catalogue_stamps", {})
        if (prefix, slug) not in memo:
            memo[(prefix, slug)] = stamp_of(slug)
        return memo[(prefix, slug)]

    def etag(request, slug: str, **kwargs) -> str | None:
        value = stamp(request, slug)
        if value is None:
            return None
        digest = hashlib.sha256(value.key.encode()).hexdigest()[:20]
        return f"{prefix}-{PAGE_VERSION}-{digest}"

    def last_modified(request, slug: str, **kwargs):
        value = stamp(request, slug)
        return value.modified if value else None

    def cache_key(request, slug: str, **kwargs) -> str | None:
        value = stamp(request, slug)
        return f"{PAGE_VERSION}:{value.key}" if value else None

    def decorator(view):
        cached_view = cache_page_by_stamp(cache_key)(view)
        conditional_view = condition(etag_func=etag, last_modified_func=last_modified)(cached_view)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = conditional_view(request, *args, **kwargs)
            # Revalidate every time: without this, browsers guess a freshness from
            # Last-Modified and may show a stale page for days after a change.
            patch_cache_control(response, no_cache=True)
            return response

        return wrapped

    return decorator
