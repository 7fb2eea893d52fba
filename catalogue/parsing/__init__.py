"""Parsing saved title pages into records: pure Python, no Django.

``parse_title_page(data)`` takes the page's bytes (or text) and returns a
``TitleRecord`` or raises ``PageError``; see docs/page-record.md.
"""

from .record import PARSER_VERSION, PageError, TitleRecord

__all__ = ["PARSER_VERSION", "PageError", "TitleRecord"]
