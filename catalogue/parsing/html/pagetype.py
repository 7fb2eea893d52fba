"""What kind of IMDb page a saved HTML page is: title, reviews, full credits, or other."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

_TITLE_PATH = re.compile(r"/title/tt\d+(?:/(?P<sub>[A-Za-z_-]*))?")
_OTHER_PATH = re.compile(r"/(?:name|character|company|news|board|user|keyword|search|chart|list|event)s?/", re.I)
_REVIEW_SUBPAGES = {"usercomments", "reviews"}
_FULLCREDITS_SUBPAGES = {"fullcredits"}
_TITLE_SUBPAGES = {"", "combined", "maindetails", "reference"}
_HEADER_YEAR = re.compile(r"\((?:\d{4}|\?{4})(?:/[IVXL]+)?(?:[^()]*)\)|\b(?:TV|Video Game|Video|TV Series|TV Mini-Series)\b")


def _kind_from_url(url: str | None) -> str | None:
    if not url:
        return None
    path = urlsplit(url.strip()).path if "://" in url else url.strip()
    found = _TITLE_PATH.search(path)
    if found:
        sub = (found.group("sub") or "").lower()
        if sub in _REVIEW_SUBPAGES:
            return "reviews"
        if sub in _FULLCREDITS_SUBPAGES:
            return "fullcredits"
        if sub in _TITLE_SUBPAGES:
            return "title"
        return "other"
    if _OTHER_PATH.search(path):
        return "other"
    return None


def page_url(tree: LexborHTMLParser) -> str | None:
    """The page's own address from ``<link rel="canonical">`` or ``og:url``."""
    scope = tree.head or tree  # both live in <head>: a small subtree to search
    for link in scope.css("link[rel]"):
        if (link.attributes.get("rel") or "").strip().lower() == "canonical" and link.attributes.get("href"):
            return link.attributes["href"]
    for meta in scope.css('meta[property="og:url"]'):
        if meta.attributes.get("content"):
            return meta.attributes["content"]
    return _saved_from_url(tree)


def _saved_from_url(tree: LexborHTMLParser) -> str | None:
    """A browser's "Save page" mark before ``<html>``: ``<!-- saved from url=(0043)http://… -->``."""
    node = tree.root.prev if tree.root is not None else None
    for _ in range(5):
        if node is None:
            return None
        if node.tag == "-comment":
            comment = (node.comment_content or "").strip()
            if comment.startswith("saved from url="):
                return comment.split(")", 1)[-1].strip() or None
        node = node.prev
    return None


def _update_form_path(tree: LexborHTMLParser) -> str | None:
    """The page's own path in the "Update" form: ``legacy/title/tt0036855/combined``."""
    field = tree.css_first('input[name="auto"]')
    value = field.attributes.get("value") if field is not None else None
    return "/" + value if value else None


def html_page_type(tree: LexborHTMLParser, url: str | None = None) -> str:
    """``"title"``, ``"reviews"``, ``"fullcredits"`` or ``"other"``.

    The URL given (a WARC record's target) decides first, then the page's own
    canonical address, then the old layout's ``<div id="tn15" class="…">`` and
    finally the title header itself.
    """
    for candidate in (url, page_url(tree), _update_form_path(tree)):
        kind = _kind_from_url(candidate)
        if kind:
            return kind
    tn15 = tree.css_first("div#tn15")
    if tn15 is not None:
        classes = set((tn15.attributes.get("class") or "").lower().split())
        if classes & _REVIEW_SUBPAGES:
            return "reviews"
        if classes & _FULLCREDITS_SUBPAGES:
            return "fullcredits"
    head_title = tree.css_first("title")
    head_text = " ".join(head_title.text(deep=True).split()).lower() if head_title is not None else ""
    if re.search(r" - (?:user reviews|user comments|reviews)$", head_text):
        return "reviews"
    if re.search(r" - full cast(?: and | & )crew$", head_text):
        return "fullcredits"
    header = tree.css_first("div#tn15title h1")
    if header is None:
        return "other"
    if tn15 is not None and (tn15.attributes.get("class") or "").lower().split() not in ([], ["combined"], ["maindetails"]):
        # Another tn15 subpage (trivia, goofs…) or a name page.
        if not tree.css_first("div#tn15content div.info h5"):
            return "other"
    if not _HEADER_YEAR.search(header.text(deep=True)[:1000]):
        return "other"
    # A name page has the same frame but no title sections.
    if tree.css_first("div#tn15content div.info h5, table.cast, table h5") is None:
        return "other"
    return "title"
