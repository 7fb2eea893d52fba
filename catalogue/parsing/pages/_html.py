"""HTML plumbing for the page parsers: decoding, a guarded parse, the page header, and
the content as lines (block elements and ``<br>`` end lines, bold and links noted)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..common import imdb_id_from_href
from ..html.common import check_nesting, decode_html, node_text as _node_text, parse_html
from ..record import PageError
from ..common import MAX_LINE, clean
from ..reviews import Line
from ._shared import TitleHeader, check_not_binary, parse_title_header


def sub_page_tree(data: bytes | str) -> LexborHTMLParser:
    """The document tree (``html.common.parse_html``), or PageError for input that is not a page.

    A sub-page is refused when binary or nested too deep, and script-like elements are
    removed, since ``html_lines`` walks the whole content.
    """
    text = decode_html(data)
    check_not_binary(text)
    check_nesting(text)
    tree = parse_html(text)
    if tree.root is None:
        raise PageError("not an HTML page: nothing could be parsed")
    tree.strip_tags(["script", "style", "noscript", "iframe", "select", "textarea", "object", "embed"])
    return tree


def content_root(tree: LexborHTMLParser) -> LexborNode:
    """The page's own content (``#tn15content``), else ``#tn15main``, else the body."""
    for selector in ("#tn15content", "#tn15main", "body"):
        node = tree.css_first(selector)
        if node is not None:
            return node
    return tree.root


def node_text(node: LexborNode | None) -> str:
    """An element's text on one line: ``html.common.node_text`` with its line breaks made spaces."""
    return clean(_node_text(node)) if node is not None else ""


def _canonical_urls(tree: LexborHTMLParser) -> list[str]:
    urls = []
    for selector, attribute in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        if node is not None and node.attributes.get(attribute):
            urls.append(node.attributes[attribute])
    return urls


def page_urls(tree: LexborHTMLParser, url: str | None) -> list[str]:
    """The page's own address: the given one first, then its canonical link."""
    return ([url] if url else []) + _canonical_urls(tree)


def title_id(tree: LexborHTMLParser, url: str | None) -> str | None:
    """The title's tt id from the URL, the canonical link, the h1 link or the breadcrumb."""
    for candidate in page_urls(tree, url):
        found = imdb_id_from_href(candidate, "tt")
        if found:
            return found
    for selector in ("#tn15title h1 a", "#tn15crumbs a"):
        for node in tree.css(selector):
            found = imdb_id_from_href(node.attributes.get("href"), "tt")
            if found:
                return found
    return None


_TITLE_SUFFIX = re.compile(
    r"\s*(?:[-–|:]\s*)?(?:User (?:Reviews|Comments)|Reviews (?:&|and) Ratings|Full cast and crew|Full credits|IMDb)\b.*$",
    re.I,
)
_TITLE_PREFIX = re.compile(r"^(?:IMDb(?: User Comments for|:)?\s*|IMDb\s*>\s*)", re.I)


def title_header(tree: LexborHTMLParser) -> TitleHeader | None:
    """The title's header from the h1, the breadcrumb, or the ``<title>``."""
    h1 = tree.css_first("#tn15title h1") or tree.css_first("h1")
    if h1 is not None:
        extra = h1.css_first(".title-extra")
        original = None
        if extra is not None:
            extra_text = node_text(extra)
            if "(original title)" in extra_text:
                original = clean(extra_text.replace("(original title)", "")) or None
            extra.decompose()
        for pro in h1.css(".pro-link"):
            pro.decompose()
        header = parse_title_header(node_text(h1))
        if header is not None:
            header.original_title = original
            return header
    crumbs = tree.css_first("#tn15crumbs")
    if crumbs is not None:
        parts = [part.strip() for part in node_text(crumbs).split(">")]
        for part in parts[1:]:
            header = parse_title_header(part)
            if header is not None:
                return header
    title = tree.css_first("title")
    if title is not None:
        text = _TITLE_PREFIX.sub("", node_text(title))
        return parse_title_header(_TITLE_SUFFIX.sub("", text))
    return None


_BLOCKS = frozenset(
    "address article aside blockquote center dd div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table tbody td th thead tfoot tr ul body html".split()
)
# Never text: the sub-pages' trees have these stripped already; a title page's tree has not.
_NEVER_TEXT = frozenset(("script", "style", "noscript", "template"))
_BOLD = frozenset("b strong h1 h2 h3 h4 h5 h6".split())
# Anywhere in the link: a page saved with absolute links, or by the Wayback Machine
# (/web/2010…/http://www.imdb.com/user/ur…/), names the reviewer the same way.
_USER_LINK = re.compile(r"/user/ur\d+/?(?:comments)?/?(?:[?#].*)?$")
_RATING_ALT = re.compile(r"\s*(\d{1,2})\s*/\s*10\s*")


class _LineBuilder:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.pieces: list[tuple[str, bool]] = []
        self.user_id: str | None = None
        self.user_name: str | None = None
        self.rating: int | None = None

    def add_text(self, text: str, bold: bool) -> None:
        self.pieces.append((text, bold))

    def end_line(self, *, keep_empty: bool = False) -> None:
        text = clean("".join(piece for piece, _ in self.pieces))
        if text or keep_empty or self.user_id or self.rating is not None:
            bold = bool(text) and all(bold or not piece.strip() for piece, bold in self.pieces)
            self.lines.append(
                Line(text=text, bold=bold, user_id=self.user_id, user_name=self.user_name, rating=self.rating)
            )
        self.pieces = []
        self.user_id = self.user_name = None
        self.rating = None

    def blank(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1].text:
            self.lines.append(Line(text=""))


def html_lines(root: LexborNode) -> list[Line]:
    """The content under ``root`` as lines, in document order (iterative: any depth)."""
    builder = _LineBuilder()
    stack: list[tuple[LexborNode, bool, int]] = [(root, False, 0)]
    while stack:
        node, leaving, bold_depth = stack.pop()
        tag = node.tag
        if leaving:
            if tag in ("p", "pre", "blockquote"):
                builder.blank()
            elif tag in _BLOCKS:
                builder.end_line()
            continue
        if tag == "-text":
            text = node.text_content or ""
            if text:
                builder.add_text(re.sub(r"\s+", " ", text), bold_depth > 0)
            continue
        if tag == "-comment" or tag is None or tag in _NEVER_TEXT:
            continue
        if tag == "br":
            builder.end_line(keep_empty=True)
            continue
        if tag == "hr":
            builder.end_line()
            builder.lines.append(Line(text="", rule=True))
            continue
        if tag == "img" or (node.attributes.get("title") and tag == "div"):
            label = node.attributes.get("alt") or node.attributes.get("title") or ""
            rating = _RATING_ALT.fullmatch(label[:40])
            if rating:
                builder.rating = int(rating.group(1))
            if tag == "img":
                continue
        if tag == "a":
            # A reviewer's link: /user/ur…/ or /user/ur…/comments (not message-board profiles).
            href = node.attributes.get("href") or ""
            user = imdb_id_from_href(href, "ur") if _USER_LINK.search(href[:300]) else None
            if user:
                builder.user_id = user
                name = node_text(node)[:MAX_LINE]
                if name:
                    builder.user_name = name
        if tag in ("p", "pre", "blockquote"):
            builder.blank()
        elif tag in _BLOCKS:
            builder.end_line()
        stack.append((node, True, bold_depth))
        child_bold = bold_depth + (1 if tag in _BOLD else 0)
        children = list(node.iter(include_text=True))
        for child in reversed(children):
            stack.append((child, False, child_bold))
    builder.end_line()
    return _squeeze_blank_lines(builder.lines)


def _squeeze_blank_lines(lines: list[Line]) -> list[Line]:
    squeezed: list[Line] = []
    for line in lines:
        if not line.text and line.rating is None and not line.rule and not line.user_id:
            if not squeezed or _is_blank(squeezed[-1]):
                continue
        squeezed.append(line)
    while squeezed and _is_blank(squeezed[-1]):
        squeezed.pop()
    return squeezed


def _is_blank(line: Line) -> bool:
    return not line.text and line.rating is None and not line.rule and not line.user_id
