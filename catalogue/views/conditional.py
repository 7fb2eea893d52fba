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
from catalogue.permissions import sees_staff_links
from catalogue.selectors import PageStamp
from catalogue.selectors.listings import catalogue_stamp

# Bump when the templates change what a page shows, so cached copies are not reused.
PAGE_VERSION = "10"


def stamped_page(stamp_of: Callable[[str], PageStamp | None], prefix: str):
    """Conditional GET (outside) and the stamp-keyed page cache (inside) for a view taking ``slug``."""

    def stamp(request, slug: str, **kwargs) -> PageStamp | None:
        memo = request.__dict__.setdefault("_catalogue_stamps", {})
        if (prefix, slug) not in memo:
            memo[(prefix, slug)] = stamp_of(slug)
        return memo[(prefix, slug)]

    return _stamped(stamp, prefix)


def catalogue_page(prefix: str):
    """``stamped_page`` for a list of titles (browse pages, charts): keyed by the catalogue's stamp.

    The page's own path and query string are part of the cache key (catalogue/caching.py);
    the ETag is the same for every page between two changes of the catalogue.
    """

    def stamp(request, *args, **kwargs) -> PageStamp:
        memo = request.__dict__.setdefault("_catalogue_stamps", {})
        if "catalogue" not in memo:
            memo["catalogue"] = catalogue_stamp()
        return memo["catalogue"]

    return _stamped(stamp, prefix)


def _stamped(stamp: Callable[..., PageStamp | None], prefix: str):
    def etag(request, *args, **kwargs) -> str | None:
        value = stamp(request, *args, **kwargs)
        if value is None:
            return None
        digest = hashlib.sha256(value.key.encode()).hexdigest()[:20]
        # A staff user's copy shows "Edit in admin" links: its own ETag, so a browser
        # never revalidates the public copy as the staff one (or the other way round).
        viewer = "-staff" if sees_staff_links(request) else ""
        return f"{prefix}-{PAGE_VERSION}-{digest}{viewer}"

    def last_modified(request, *args, **kwargs):
        value = stamp(request, *args, **kwargs)
        return value.modified if value else None

    def cache_key(request, *args, **kwargs) -> str | None:
        value = stamp(request, *args, **kwargs)
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
            if sees_staff_links(request):
                # Never kept by a shared cache (the page cache skips these requests already).
                patch_cache_control(response, private=True)
            return response

        return wrapped

    return decorator
