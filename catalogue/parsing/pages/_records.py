"""Building the record of a sub-page: the title's header plus the section the page carries."""

from __future__ import annotations

from ..record import PageError, TitleRecord
from ._shared import TitleHeader
from ..pagetype import OTHER, PageKind, not_a_title_page


def refuse_other(kind: PageKind) -> None:
    if kind.page_type == OTHER:
        raise not_a_title_page(kind.looks_like)


def new_record(
    header: TitleHeader | None, *, page_type: str, source_format: str, imdb_id: str | None, what: str
) -> TitleRecord:
    if header is None:
        raise PageError(f'no title found: the page has no "Title (Year)" heading, so it is not an IMDb {what} page')
    return TitleRecord(
        title=header.title,
        year=header.year,
        end_year=header.end_year,
        kind=header.kind,
        original_title=header.original_title,
        imdb_id=imdb_id,
        page_type=page_type,
        source_format=source_format,
    )
