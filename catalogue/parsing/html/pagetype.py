"""Kept for ``html/title.py``, which imports ``page_url`` from here: the page-type rules
live in ``catalogue/parsing/pagetype.py``. Remove once title.py imports from there."""

from __future__ import annotations

from ..pagetype import html_page_type, page_url

__all__ = ["html_page_type", "page_url"]
