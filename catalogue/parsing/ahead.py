"""A page parsed ahead of its import, possibly in another process (pure Python, picklable).

The importer hands pages to a worker process that runs ``page_parse_ahead`` while it
writes the previous pages to the database: the two cores of a small machine then
parse and write at the same time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from . import parse_page
from .record import PageError, TitleRecord


@dataclass(frozen=True)
class ParsedPage:
    sha256: str
    record: TitleRecord | None = None
    record_data: dict[str, Any] | None = None  # record.to_dict(), as the source page keeps it
    error_message: str | None = None
    error_line: int | None = None

    def record_or_raise(self) -> TitleRecord:
        if self.record is None:
            raise PageError(self.error_message or "the page could not be parsed", line=self.error_line)
        return self.record


def page_parse_ahead(data: bytes, url: str | None = None) -> ParsedPage:
    """Hash and parse one page; a ``PageError`` is carried in the result (exceptions pickle poorly)."""
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        record = parse_page(data, url=url)
    except PageError as error:
        return ParsedPage(sha256, error_message=error.message, error_line=error.line)
    return ParsedPage(sha256, record, record.to_dict())
