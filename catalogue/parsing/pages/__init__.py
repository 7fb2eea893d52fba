"""The pages that complete a title: its user reviews pages and its full cast and crew page,
as saved HTML and as text extractions. Each parses into a ``TitleRecord`` with
``page_type`` "reviews" or "fullcredits" holding the title's header and the page's
section; the importer merges it into the title. ``detect_page_type`` tells these pages,
title pages and other pages apart.
"""

from __future__ import annotations

from .html_fullcredits import parse_html_fullcredits_page
from .html_reviews import parse_html_reviews_page
from .pagetype import PageKind, describe_page, detect_page_type, not_a_title_page, raise_not_a_title_page
from .text_fullcredits import parse_text_fullcredits_page
from .text_reviews import parse_text_reviews_page

__all__ = [
    "PageKind",
    "describe_page",
    "detect_page_type",
    "not_a_title_page",
    "parse_html_fullcredits_page",
    "parse_html_reviews_page",
    "parse_text_fullcredits_page",
    "parse_text_reviews_page",
    "raise_not_a_title_page",
]
