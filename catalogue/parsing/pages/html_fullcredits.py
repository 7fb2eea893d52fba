"""Old-layout (2008–2015) full cast and crew pages (``/title/tt…/fullcredits``) as saved HTML.

Each department is a ``<table>`` whose first row heads it (``td.blackcatheader`` or an
``<h5>``); the cast is ``<table class="cast">`` with ``td.nm``/``td.char`` cells. The same
tables appear on "combined details" pages, which these functions read too.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ..common import imdb_id_from_href
from ..html.common import decode_html
from ..record import TitleRecord
from ._credits import CAST_COMPLETE, LIST_NOTES, REST_OF_CAST, CreditCollector
from ._html import content_root, node_text, sub_page_tree, title_header, title_id
from ._records import new_record, refuse_other
from ..common import MAX_LINE, clean
from ._shared import CreditParts, cast_parts, is_known_heading, looks_like_heading, split_credit_tail
from ..pagetype import describe_page

_HEADING_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# Headings after the credits on a title page: they end the credits.
_OTHER_SECTIONS = ("production companies", "distributors", "other companies", "special effects companies")


def parse_html_fullcredits_page(data: bytes, *, url: str | None = None) -> TitleRecord:
    """Every cast and crew row of the page, with the title's header; PageError for what is not one."""
    text = decode_html(data)
    tree = sub_page_tree(text)
    refuse_other(describe_page(text[:65536], url=url))
    record = new_record(
        title_header(tree),
        page_type="fullcredits",
        source_format="html",
        imdb_id=title_id(tree, url),
        what="full cast and crew",
    )
    parse_credit_tables(content_root(tree), record)
    if not record.cast and not record.crew:
        record.warnings.append("no cast or crew rows found on the page")
    return record


def parse_credit_tables(root: LexborNode, record: TitleRecord) -> None:
    """Add the cast and crew tables under ``root`` to ``record``, in page order."""
    collector = CreditCollector(record)
    stack: list[LexborNode] = [root]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == "tr":
            _row(node, collector)
            continue
        if _is_heading(node):
            _heading(node_text(node), collector, certain="blackcatheader" in (node.attributes.get("class") or ""))
            continue
        if tag == "small" and collector.in_cast:
            collector.note_cast_text(node_text(node))
        if tag == "table" and "cast" in (node.attributes.get("class") or "").split():
            collector.heading("Cast")
        children = list(node.iter())
        stack.extend(reversed(children))


def _is_heading(node: LexborNode) -> bool:
    if node.tag in _HEADING_TAGS:
        return True
    classes = (node.attributes.get("class") or "").split()
    return "blackcatheader" in classes


def _heading(text: str, collector: CreditCollector, *, certain: bool = False) -> None:
    """A heading: a known department starts it; an unknown one only when it is shaped like a
    crew heading or heads a credits table (``certain``); anything else ends the credits."""
    text = clean(text)[:MAX_LINE]
    lower = text.lower().rstrip(":")
    if not text:
        return
    if lower in _OTHER_SECTIONS or lower.startswith("crew verified"):
        collector.stop()
    elif is_known_heading(text) or looks_like_heading(text) or (certain and len(text) <= 80):
        collector.heading(text)
    else:
        collector.stop()


def _cells(row: LexborNode) -> list[LexborNode]:
    return [child for child in row.iter() if child.tag in ("td", "th")]


def _row(row: LexborNode, collector: CreditCollector) -> None:
    cells = _cells(row)
    if not cells:
        return
    heading_cell = next((cell for cell in cells if _is_heading(cell) or cell.css_first("h5, h4, h3") is not None), None)
    if heading_cell is not None:
        _heading(node_text(heading_cell), collector, certain=True)
        return
    filled = [cell for cell in cells if node_text(cell)]
    # A row of one cell (or one spanning the table) is a note or a heading, not a credit.
    if len(filled) == 1 and filled[0].css_first('a[href*="/name/"]') is None:
        if len(cells) == 1 or collector.department is None:
            _single_cell(node_text(filled[0])[:MAX_LINE], collector)
            return
    if collector.department is None:
        return
    name_cell = next((cell for cell in cells if "nm" in (cell.attributes.get("class") or "").split()), None)
    if name_cell is None:
        name_cell = next((cell for cell in cells if cell.css_first('a[href*="/name/"]') is not None), None)
    if name_cell is None:
        name_cell = filled[0] if filled else None
    if name_cell is None:
        return
    name = node_text(name_cell)[:MAX_LINE]
    if not name:
        return
    link = name_cell.css_first('a[href*="/name/"]')
    imdb_id = imdb_id_from_href(link.attributes.get("href"), "nm") if link is not None else None
    after = cells[cells.index(name_cell) + 1 :]
    if collector.in_cast:
        char_cell = next((cell for cell in after if "char" in (cell.attributes.get("class") or "").split()), None)
        if char_cell is None:
            rest = [cell for cell in after if node_text(cell).strip(". ")]
            char_cell = rest[0] if rest else None
        character_text = node_text(char_cell)[:MAX_LINE] if char_cell is not None else ""
        character_id = None
        if char_cell is not None:
            char_link = char_cell.css_first('a[href*="/character/"]')
            character_id = imdb_id_from_href(char_link.attributes.get("href"), "ch") if char_link is not None else None
        collector.add_cast(cast_parts(name, character_text.lstrip(". ")), imdb_id=imdb_id, character_id=character_id)
        return
    tail = " ".join(node_text(cell) for cell in after)[:MAX_LINE]
    job, credited_as, notes = split_credit_tail(tail.strip().lstrip(".").strip())
    collector.add_crew(CreditParts(name=name, job=job, credited_as=credited_as, notes=notes), imdb_id=imdb_id)


def _single_cell(text: str, collector: CreditCollector) -> None:
    if not text:
        return
    if REST_OF_CAST.fullmatch(text) or LIST_NOTES.fullmatch(text):
        if collector.in_cast or CAST_COMPLETE.search(text):
            collector.note_cast_text(text)
        return
    if is_known_heading(text):
        collector.heading(text)
        return
    if collector.department is not None:
        collector.record.unparsed.append(text)
