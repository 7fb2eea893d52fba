"""Text extractions of old-layout user reviews pages: first line
``IMDb > Gaslight (1944) > Reviews & Ratings - IMDb`` (or ``> User Reviews``/``> Comments``)."""

from __future__ import annotations

from ..common import imdb_id_from_href
from ..decoding import decode_bytes
from ..record import TitleRecord
from ._boilerplate import is_navigation, is_review_stop, is_reviews_chrome
from ._records import new_record, refuse_other
from ..common import MAX_LINE, clean
from ..reviews import Line, parse_review_lines, review_count_in
from ._shared import check_not_binary
from ._text import header_from_lines
from ..pagetype import describe_page


def parse_text_reviews_page(text: str | bytes, *, url: str | None = None) -> TitleRecord:
    """Every review block of the page, with the title's header; PageError for what is not one."""
    text = decode_bytes(text)
    check_not_binary(text)
    refuse_other(describe_page(text[:65536], url=url))
    lines = [Line(text=clean(raw), number=number) for number, raw in enumerate(text.split("\n"), start=1)]
    header, header_lines = header_from_lines(lines)
    record = new_record(
        header, page_type="reviews", source_format="text", imdb_id=imdb_id_from_href(url, "tt"), what="user reviews"
    )
    result = parse_review_lines(lines, is_stop=is_review_stop)
    record.reviews = result.reviews
    record.warnings.extend(result.warnings)
    for index, line in enumerate(lines):
        if index in result.used or index in header_lines or not line.text:
            continue
        if record.review_count is None:
            record.review_count = review_count_in(line.text)
        if not (is_reviews_chrome(line.text) or is_navigation(line.text) or is_review_stop(line)):
            record.unparsed.append(line.text[:MAX_LINE])
    if not record.reviews:
        record.warnings.append("no user reviews found on the page")
    return record
