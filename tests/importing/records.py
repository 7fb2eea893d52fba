"""Import-test helpers: the hand-written records (catalogue/generation/records.py) as pages."""

from __future__ import annotations

from datetime import datetime, timezone

from catalogue.generation.records import crew, full_record, recommendation, record_bytes, small_record
from catalogue.importing.sources import Page
from catalogue.parsing.record import TitleRecord

__all__ = ["crew", "full_record", "page_of", "recommendation", "record_bytes", "small_record"]


def page_of(
    record: TitleRecord, *, name: str = "page.json", captured_at: datetime | None = None, url: str | None = None
) -> Page:
    return Page(
        name=name,
        data=record_bytes(record),
        url=url,
        captured_at=captured_at or datetime(2012, 1, 1, tzinfo=timezone.utc),
    )
