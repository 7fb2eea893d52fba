"""The pages that complete a title: its user reviews pages and its full cast and crew page,
as saved HTML and as text extractions. Each parses into a ``TitleRecord`` with
``page_type`` "reviews" or "fullcredits" holding the title's header and the page's
section; the importer merges it into the title. Which page is which is decided by
``catalogue.parsing.pagetype`` (the one detector); each parser still refuses a page
that detector calls "other" when it is called directly.
"""

from __future__ import annotations

from .html_fullcredits import parse_html_fullcredits_page
from .html_reviews import parse_html_reviews_page
from .text_fullcredits import parse_text_fullcredits_page
from .text_reviews import parse_text_reviews_page

__all__ = [
    "parse_html_fullcredits_page",
    "parse_html_reviews_page",
    "parse_text_fullcredits_page",
    "parse_text_reviews_page",
]
