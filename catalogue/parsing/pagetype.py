"""The one page-type detector: what kind of page a saved file is — a title page, a user
reviews page, a full cast and crew page, a name page, or something else (news, an FAQ, a
message board, another site).

``detect_page(page_format, content, url=…)`` is what ``parse_page`` asks, once the format is
known: ``content`` is the decoded text for "text", the parsed tree for "html", the bytes for
"json". Its ``PageKind.route`` is the key of the dispatch table in ``catalogue.parsing``.

- The URL decides first when it tells (a WARC record's target; for HTML also the page's
  canonical link, its "saved from url" mark and its "Update" form): ``page_kind_from_url``,
  the one set of URL rules for every format.
- Text (and HTML given as bytes or text to ``describe_page``): the breadcrumb, the
  sub-page's heading, the ``<title>``, then markers in the first lines.
- A parsed HTML tree (``html_page_kind``): the old layout's ``<div id="tn15" class="…">``,
  the ``<title>``, then the title header and its sections.

Only positive evidence makes a text page "other": a page nothing recognises stays
"title", for the title parser to accept or refuse with its own message. The page types
kept in ``PageKind.page_type`` (and in a record) are title, reviews, fullcredits and other;
a name page is an "other" page whose ``route`` is "name".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from .decoding import decode_bytes
from .record import PageError

TITLE, REVIEWS, FULLCREDITS, NAME, OTHER = "title", "reviews", "fullcredits", "name", "other"
# The routes of the dispatch table: a page type, or "name" for a name page.
ROUTES = (TITLE, REVIEWS, FULLCREDITS, NAME, OTHER)
NAME_PAGE = "a name page"


@dataclass(frozen=True)
class PageKind:
    page_type: str  # "title", "reviews", "fullcredits" or "other"
    looks_like: str | None = None  # for "other": "a name page", "a news page"…

    @property
    def route(self) -> str:
        """The dispatch table's page type: ``page_type``, or "name" for a name page."""
        return NAME if self.page_type == OTHER and self.looks_like == NAME_PAGE else self.page_type


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below space, other than \t \n \f \r


def not_a_title_page(looks_like: str | None) -> PageError:
    """The one error for pages that are not title pages: "not an IMDb title page: looks like a name page"."""
    return PageError(f"not an IMDb title page: looks like {looks_like or 'another kind of page'}")


def raise_not_a_title_page(looks_like: str | None) -> None:
    raise not_a_title_page(looks_like)


# --- URLs --------------------------------------------------------------------------

_IMDB_IN_URL = re.compile(r"(?:^|[/.])imdb\.(?:com|de|it|fr|es|pt)(?::\d+)?(/[^\s#]*)?", re.I)
_TITLE_PATH = re.compile(r"/title/tt\d{7,8}/?([A-Za-z_-]*)", re.I)
_SUB_PAGES = {
    "": TITLE,
    "maindetails": TITLE,
    "combined": TITLE,
    "reference": TITLE,
    "usercomments": REVIEWS,
    "reviews": REVIEWS,
    "fullcredits": FULLCREDITS,
}
_OTHER_SECTIONS = (
    ("/name/", NAME_PAGE),
    ("/character/", "a character page"),
    ("/company/", "a company page"),
    ("/news", "a news page"),
    ("/board", "a message board"),
    ("/user/", "a user's page"),
    ("/search", "a search page"),
    ("/chart", "a chart"),
    ("/list", "a list"),
    ("/gallery", "a photo gallery"),
    ("/media", "a photo gallery"),
    ("/keyword", "a keyword page"),
    ("/event/", "an awards event page"),
)
_TITLE_SUB_NAMES = {
    "faq": "an FAQ page",
    "board": "a message board",
    "news": "a news page",
    "trivia": "the title's trivia page",
    "quotes": "the title's quotes page",
    "goofs": "the title's goofs page",
    "usercomments-enter": "the form for writing a review",
    "reviews-enter": "the form for writing a review",
}


def page_kind_from_url(url: str | None, *, vague: bool = True) -> PageKind | None:
    """The page kind a URL shows, or None when the URL does not tell (a local file name).

    With ``vague`` False (a parsed HTML page, whose tree has more to say), only a title's
    path or a section's path decides: another site's address, or an IMDb address about no
    one title (the home page), leaves it to the page.
    """
    if not url:
        return None
    url = url.strip()[:2000]
    found = _IMDB_IN_URL.search(url)
    if found is None:
        try:
            parts = urlsplit(url) if "://" in url else None
            host = parts.hostname if parts is not None and parts.scheme in ("http", "https") else None
        except ValueError:  # "Invalid IPv6 URL" and the like: not a web address
            parts = host = None
        if host and vague:
            return PageKind(OTHER, f"a page of another site ({host})")
        path = parts.path if host else url
    else:
        path = found.group(1) or "/"
    path = path.split("?", 1)[0]
    title = _TITLE_PATH.search(path)
    if title:
        sub = title.group(1).lower()
        if sub in _SUB_PAGES:
            return PageKind(_SUB_PAGES[sub])
        if re.fullmatch(r"(?:usercomments|reviews)-\d+", sub):
            return PageKind(REVIEWS)
        return PageKind(OTHER, _TITLE_SUB_NAMES.get(sub, f"the title's {sub} page"))
    for fragment, looks_like in _OTHER_SECTIONS:
        if fragment in path.lower():
            return PageKind(OTHER, looks_like)
    if found is not None and vague:
        return PageKind(OTHER, "an IMDb page that is not about one title")
    return None


# --- contents ----------------------------------------------------------------------

_CRUMB = re.compile(r"IMDb\s*>\s*(.{1,300})")
_YEAR_PARENS = re.compile(r"\((?:[A-Za-z -]{0,20} )?(?:\d{4}|\?{4})(?:/[IVXL]+)?(?:\s*[-–—]\s*(?:\d{4})?\s*)?\)")
_REVIEWS_NAMES = re.compile(r"(?:Reviews (?:&|and) Ratings|User Reviews|User Comments|Comments|Reviews)\b", re.I)
_FULLCREDITS_NAMES = re.compile(r"(?:Full cast and crew|Full credits|Full cast & crew)\b", re.I)
_OTHER_NAMES = (
    (re.compile(r"FAQ\b|Frequently Asked Questions", re.I), "an FAQ page"),
    (re.compile(r"(?:Message )?Boards?\b", re.I), "a message board"),
    (re.compile(r"News(?:Desk)?\b", re.I), "a news page"),
)
_NAME_MARKERS = re.compile(
    r"^(?:Filmography|Jump to filmography as:.*|Date of Birth:|Born:|Birth Name:|Mini Biography|Biography"
    r"|(?:Actor|Actress|Director|Writer|Producer|Self|Archive Footage)(?: \(\d+ titles?\))?:?)\s*$",
    re.M | re.I,
)
_NEWS_MARKERS = re.compile(
    r"^(?:IMDb News|News Desk|NewsDesk|Top News|Movie News|TV News|Celebrity News)\b", re.M | re.I
)
_REVIEW_MARKER = re.compile(r"found the following (?:review|comment) useful|reviews? in total", re.I)
_TITLE_MARKERS = re.compile(
    r"^(?:User Rating:|Director:|Directors:|Writers?:|Genre:|Plot:|Tagline:|Release Date:|Cast"
    r"|.*\(in credits order\).*)\s*$",
    re.M | re.I,
)
_HTML_TITLE = re.compile(r"<title[^>]{0,200}>([^<]{0,500})</title", re.I)
_HTML_CANONICAL = re.compile(
    r"<(?:link[^>]{0,200}rel=[\"']?canonical[\"']?[^>]{0,200}href|meta[^>]{0,200}property=[\"']og:url[\"'][^>]{0,200}content)"
    r"=[\"']?([^\"'\s>]{1,500})",
    re.I,
)
_HTML_CRUMBS = re.compile(r"id=[\"']?tn15crumbs[\"']?[^>]{0,200}>(.{0,1500}?)</div", re.I | re.S)
_TAGS = re.compile(r"<[^>]{0,500}>")


def _crumb_kind(crumb_text: str) -> PageKind | None:
    """``IMDb > Gaslight (1944) > User Reviews`` → reviews; ``IMDb > Gaslight (1944)`` → title."""
    parts = [part.strip() for part in crumb_text.split(">")]
    parts = [part for part in parts if part]
    if not parts:
        return None
    with_year = [index for index, part in enumerate(parts) if _YEAR_PARENS.search(part)]
    if not with_year:
        for pattern, looks_like in _OTHER_NAMES:
            if any(pattern.match(part) for part in parts):
                return PageKind(OTHER, looks_like)
        return None
    after = parts[with_year[-1] + 1 :]
    if not after:
        return PageKind(TITLE)
    last = after[-1]
    if _REVIEWS_NAMES.match(last):
        return PageKind(REVIEWS)
    if _FULLCREDITS_NAMES.match(last):
        return PageKind(FULLCREDITS)
    for pattern, looks_like in _OTHER_NAMES:
        if pattern.match(last):
            return PageKind(OTHER, looks_like)
    if re.match(r"(?:Main details|Combined details|Overview)\b", last, re.I):
        return PageKind(TITLE)
    return PageKind(OTHER, f'the title\'s "{last[:60]}" page')


def _kind_from_html_title(title: str) -> PageKind | None:
    title = " ".join(title.replace("&gt;", ">").replace("&amp;", "&").split())
    if not title:
        return None
    if title.lower().startswith("imdb user comments for"):
        return PageKind(REVIEWS)
    has_year = bool(_YEAR_PARENS.search(title))
    if has_year:
        tail = title[_YEAR_PARENS.search(title).end() :].strip(" -–|:")
        tail = re.sub(r"(?:\s*[-–|]\s*)?IMDb$", "", tail, flags=re.I).strip(" -–|:")
        if not tail or re.fullmatch(r"\((?:TV|V|VG|mini)\)", tail):
            return PageKind(TITLE)
        if _REVIEWS_NAMES.match(tail):
            return PageKind(REVIEWS)
        if _FULLCREDITS_NAMES.match(tail):
            return PageKind(FULLCREDITS)
        for pattern, looks_like in _OTHER_NAMES:
            if pattern.match(tail):
                return PageKind(OTHER, looks_like)
        return None
    if re.search(r"\bnews\b", title, re.I):
        return PageKind(OTHER, "a news page")
    if re.search(r"\bboards?\b", title, re.I):
        return PageKind(OTHER, "a message board")
    return None


def describe_page(data: bytes | str | None = None, *, url: str | None = None) -> PageKind:
    """The kind of page ``data`` (bytes or text) is, helped by ``url`` when known.

    ``data`` may itself be a URL (a string of one line starting with http(s):// or /).
    """
    if isinstance(data, str) and "\n" not in data and re.match(r"(?:https?://|/(?:title|name)/)", data.strip()):
        url, data = data.strip(), None
    from_url = page_kind_from_url(url)
    if from_url is not None:
        return from_url
    if data is None:
        return PageKind(TITLE)
    if isinstance(data, (bytes, bytearray)):
        head_bytes = bytes(data[:65536])
        if len(data) > 65536 and b"\n" in head_bytes:
            head_bytes = head_bytes[: head_bytes.rindex(b"\n")]  # never cut a character in two
        head = decode_bytes(head_bytes)
    else:
        head = data[:65536].lstrip("\ufeff")
    if not head.strip():
        return PageKind(TITLE)  # empty: the parser says so in its own words
    sample = head[:4096]
    if "\x00" in sample or len(_CONTROL_CHARACTERS.findall(sample)) > len(sample) // 20:
        return PageKind(OTHER, "a binary file")
    if head.lstrip().startswith("{"):
        # A JSON record (the contract's form) says what it is.
        declared = re.search(r'"page_type"\s*:\s*"(title|reviews|fullcredits)"', head)
        return PageKind(declared.group(1) if declared else TITLE)
    if (
        re.match(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|meta|title)\b", head, re.I | re.S)
        or head.count("<") > 20
    ):
        return _describe_html(head)
    return _describe_text(head)


def detect_page_type(data: bytes | str | None = None, *, url: str | None = None) -> str:
    """``"title"``, ``"reviews"``, ``"fullcredits"`` or ``"other"`` (see ``describe_page``)."""
    return describe_page(data, url=url).page_type


def _describe_html(head: str) -> PageKind:
    for match in _HTML_CANONICAL.finditer(head[:16384]):
        kind = page_kind_from_url(match.group(1))
        if kind is not None:
            return kind
    crumbs = _HTML_CRUMBS.search(head)
    if crumbs:
        kind = _crumb_kind(_TAGS.sub(" ", crumbs.group(1)).replace("&gt;", ">"))
        if kind is not None:
            return kind
    title = _HTML_TITLE.search(head)
    if title:
        kind = _kind_from_html_title(title.group(1))
        if kind is not None:
            return kind
    return _describe_by_markers(_TAGS.sub("\n", head), html=True)


_TOP_HEADING = re.compile(
    r"(?P<title>[^()]{1,200}\((?:[A-Za-z -]{0,20} )?\d{4}[^()]{0,12}\)\s*[-–|:]?\s*)?"
    r"(?:(?P<fullcredits>Full cast and crew|Full credits)|(?P<reviews>User Reviews|User Comments|Reviews (?:&|and) Ratings))"
    r"(?:\s*[-–|]\s*IMDb)?",
    re.I,
)


def _describe_text(head: str) -> PageKind:
    lines = [line.strip() for line in head.splitlines()[:60] if line.strip()]
    for line in lines[:5]:
        crumb = _CRUMB.match(line)
        if crumb:
            kind = _crumb_kind(line)
            if kind is not None:
                return kind
            break
    # Without a breadcrumb, a sub-page's own heading near the top names it.
    for line in lines[:15]:
        heading = _TOP_HEADING.fullmatch(line) if len(line) < 300 else None
        # Alone, a heading is capitalised; the menu's links ("full cast and crew") are not.
        if heading and (heading.group("title") or line[:1].isupper()):
            return PageKind(FULLCREDITS if heading.group("fullcredits") else REVIEWS)
    return _describe_by_markers(head, html=False)


def _describe_by_markers(text: str, *, html: bool) -> PageKind:
    if "imdb" not in text.lower() and not _TITLE_MARKERS.search(text) and not _REVIEW_MARKER.search(text):
        return PageKind(OTHER, "a page of another site")
    if len(_NAME_MARKERS.findall(text)) >= 2 and not _TITLE_MARKERS.search(text):
        return PageKind(OTHER, NAME_PAGE)
    if _NEWS_MARKERS.search(text) and not _TITLE_MARKERS.search(text):
        return PageKind(OTHER, "a news page")
    if _REVIEW_MARKER.search(text) and len(re.findall(r"^Author:", text, re.M)) >= 2:
        return PageKind(REVIEWS)
    return PageKind(TITLE)


# --- a parsed HTML tree ------------------------------------------------------------

_TN15_REVIEWS = {"usercomments", "reviews"}
_TN15_FULLCREDITS = {"fullcredits"}
_HEADER_YEAR = re.compile(
    r"\((?:\d{4}|\?{4})(?:/[IVXL]+)?(?:[^()]*)\)|\b(?:TV|Video Game|Video|TV Series|TV Mini-Series)\b"
)


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


def html_page_kind(tree: LexborHTMLParser, url: str | None = None) -> PageKind:
    """The kind of a parsed HTML page.

    The URL given (a WARC record's target) decides first, then the page's own
    canonical address, then the old layout's ``<div id="tn15" class="…">`` and
    finally the title header itself.
    """
    for candidate in (url, page_url(tree), _update_form_path(tree)):
        kind = page_kind_from_url(candidate, vague=False)
        if kind is not None:
            return kind
    tn15 = tree.css_first("div#tn15")
    tn15_classes = (tn15.attributes.get("class") or "").lower().split() if tn15 is not None else []
    if _TN15_REVIEWS.intersection(tn15_classes):
        return PageKind(REVIEWS)
    if _TN15_FULLCREDITS.intersection(tn15_classes):
        return PageKind(FULLCREDITS)
    head_title = tree.css_first("title")
    head_text = " ".join(head_title.text(deep=True).split()).lower() if head_title is not None else ""
    if re.search(r" - (?:user reviews|user comments|reviews)$", head_text):
        return PageKind(REVIEWS)
    if re.search(r" - full cast(?: and | & )crew$", head_text):
        return PageKind(FULLCREDITS)
    header = tree.css_first("div#tn15title h1")
    if header is None:
        return PageKind(OTHER)
    if tn15 is not None and tn15_classes not in ([], ["combined"], ["maindetails"]):
        # Another tn15 subpage (trivia, goofs…) or a name page.
        if not tree.css_first("div#tn15content div.info h5"):
            return PageKind(OTHER)
    if not _HEADER_YEAR.search(header.text(deep=True)[:1000]):
        return PageKind(OTHER)
    # A name page has the same frame but no title sections.
    if tree.css_first("div#tn15content div.info h5, table.cast, table h5") is None:
        return PageKind(OTHER)
    return PageKind(TITLE)


def html_page_type(tree: LexborHTMLParser, url: str | None = None) -> str:
    """``"title"``, ``"reviews"``, ``"fullcredits"`` or ``"other"`` (see ``html_page_kind``)."""
    return html_page_kind(tree, url).page_type


# --- the detector parse_page asks ---------------------------------------------------

_DECLARED = re.compile(rb'"page_type"\s*:\s*"(title|reviews|fullcredits)"')


def detect_page(page_format: str, content, *, url: str | None = None) -> PageKind:
    """The kind of a page whose format is known (``detect.detect_format``).

    ``content`` is what that format's parser reads: the decoded text ("text"), the parsed
    tree ("html") or the bytes ("json": the record says its own page type).
    """
    if page_format == "html":
        return html_page_kind(content, url)
    if page_format == "json":
        declared = _DECLARED.search(bytes(content[:65536]))
        return PageKind(declared.group(1).decode() if declared else TITLE)
    return describe_page(content, url=url)
