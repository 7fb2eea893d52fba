"""Old-layout (2008–2015) user reviews pages as saved HTML: ``/title/tt…/usercomments``
and ``/title/tt…/reviews``, any ``?start=N`` page of them."""

from __future__ import annotations

from ..html.common import decode_html
from ..record import TitleRecord
from ._boilerplate import is_navigation, is_review_stop, is_reviews_chrome
from ._html import content_root, html_lines, sub_page_tree, title_header, title_id
from ._records import new_record, refuse_other
from ..common import MAX_LINE
from ..reviews import parse_review_lines, review_count_in
from ..pagetype import describe_page


def parse_html_reviews_page(data: bytes, *, url: str | None = None) -> TitleRecord:
    """Every review on the page, with the title's header; PageError for what is not one."""
    text = decode_html(data)
    tree = sub_page_tree(text)
    refuse_other(describe_page(text[:65536], url=url))
    record = new_record(
        title_header(tree), page_type="reviews", source_format="html", imdb_id=title_id(tree, url), what="user reviews"
    )
    lines = html_lines(content_root(tree))
    result = parse_review_lines(lines, is_stop=is_review_stop)
    record.reviews = result.reviews
    record.warnings.extend(result.warnings)
    for index, line in enumerate(lines):
        if index in result.used or not line.text:
            continue  # a review's own text may say "(5 total)": only the page's lines count
        if record.review_count is None:
            record.review_count = review_count_in(line.text)
        if not (is_reviews_chrome(line.text) or is_navigation(line.text) or is_review_stop(line)):
            record.unparsed.append(line.text[:MAX_LINE])
    if not record.reviews:
        record.warnings.append("no user reviews found on the page")
    return record
