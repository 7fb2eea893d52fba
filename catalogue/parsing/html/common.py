"""Helpers shared by the HTML page parsers (title, reviews, full credits).

Bytes are decoded with ``decoding.decode_bytes`` using the page's own ``<meta>``
charset as the declared one, then parsed with selectolax (lexbor). Text is taken
from the tree with an iterative walk (no recursion: hostile pages nest deeply)
that turns ``<br>`` and block ends into line breaks and collapses the rest of
the whitespace, non-breaking spaces included.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..decoding import decode_bytes
from ..record import PageError

__all__ = [
    "BLOCK_TAGS",
    "clean_text",
    "decode_html",
    "is_certificate_country",
    "is_certificate_rating",
    "meta_charset",
    "node_lines",
    "node_text",
    "parse_html",
    "to_int",
]

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt fieldset form h1 h2 h3 h4 h5 h6 hr li "
    "ol p pre section table tbody td th thead tr ul".split()
)
_NEVER_TEXT = frozenset(
    {"script", "style", "noscript", "iframe", "select", "option", "-comment", "head", "title", "template"}
)
_CHARSET_IN_CONTENT = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag of its first 8 KiB, or None."""
    end = data.find(b"</head", 0, 8192)
    head = LexborHTMLParser(data[: end if end > 0 else 8192].decode("latin-1"))
    for meta in head.css("meta"):
        attrs = meta.attributes
        charset = attrs.get("charset")
        if charset and charset.strip():
            return charset.strip()
        if (attrs.get("http-equiv") or "").strip().lower() == "content-type":
            found = _CHARSET_IN_CONTENT.search(attrs.get("content") or "")
            if found:
                return found.group(1)
    return None


def decode_html(data: bytes | str) -> str:
    """A page's bytes as text: valid UTF-8 first, then its meta charset, then Windows-1252.

    Text passes through (byte-order mark dropped, line ends normalised).
    """
    if isinstance(data, str):
        return decode_bytes(data)
    try:
        return decode_bytes(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return decode_bytes(data, declared=meta_charset(data))


def _is_plain_utf8(data: bytes) -> bool:
    """UTF-8 without a byte-order mark (ASCII included): what lexbor can take as it is."""
    if data.isascii():
        return True
    if data.startswith(b"\xef\xbb\xbf"):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse_html(data: bytes | str) -> LexborHTMLParser:
    """The selectolax tree of a page given as bytes (charset handled) or text."""
    if isinstance(data, (bytes, bytearray)) and _is_plain_utf8(data):
        # lexbor reads UTF-8 bytes itself (line ends normalised, NUL dropped from text):
        # no decoding and re-encoding in Python, a quarter of the parse time saved.
        return LexborHTMLParser(bytes(data))
    text = decode_html(data) if isinstance(data, (bytes, bytearray)) else data
    # NUL is never text (lexbor drops it); keeping it out leaves it free as
    # node_text's line-break marker.
    return LexborHTMLParser(text.replace("\x00", ""))


def clean_text(value: LexborNode | str | None) -> str | None:
    """A node's (or a string's) text on one line, whitespace collapsed; None when empty."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = value.text(deep=True, separator=" ")
    text = " ".join(value.split())
    return text or None


def _default_skip(node: LexborNode) -> bool:
    return False


# No value of a real page holds more nodes than this; hostile nesting stops here.
NODE_BUDGET = 2000


def node_text(
    node: LexborNode, *, skip: Callable[[LexborNode], bool] = _default_skip, budget: int = NODE_BUDGET
) -> str:
    """A node's text with ``\\n`` for ``<br>`` and block ends; inline whitespace collapsed.

    ``skip(child)`` True drops a child element and all it holds. Scripts, styles,
    comments and form options never give text. At most ``budget`` nodes are read.
    """
    # Line breaks are marked with NUL (never in the parsed text) while the source's
    # own newlines, which are inline whitespace, are turned into spaces at the end.
    parts: list[str] = []
    append = parts.append
    stack: list[tuple[Iterable[LexborNode], bool]] = [(node.iter(include_text=True), False)]
    while stack:
        iterator, is_block = stack[-1]
        child = next(iterator, None)
        budget -= 1
        if budget < 0:
            break
        if child is None:
            stack.pop()
            if is_block:
                append("\x00")
            continue
        tag = child.tag
        if tag == "-text":
            text = child.text_content
            if text:
                append(text)
            continue
        if tag in _NEVER_TEXT or tag is None or tag[0] == "-":
            continue
        if tag == "br":
            append("\x00")
            continue
        if skip(child):
            continue
        block = tag in BLOCK_TAGS
        if block:
            append("\x00")
        elif tag in ("td", "th"):
            append(" ")
        stack.append((child.iter(include_text=True), block))
    return "".join(parts).replace("\n", " ").replace("\x00", "\n")


def node_lines(node: LexborNode, *, skip: Callable[[LexborNode], bool] = _default_skip) -> list[str]:
    """The non-empty lines of a node's text (see ``node_text``), each whitespace-collapsed."""
    lines = []
    for line in node_text(node, skip=skip).split("\n"):
        line = " ".join(line.split())
        if line:
            lines.append(line)
    return lines


def to_int(text: str | None) -> int | None:
    """``"7,807"`` → 7807; None when there is no number."""
    if not text:
        return None
    digits = text.replace(",", "").replace(".", "").strip()
    return int(digits) if digits.isdigit() and len(digits) < 16 else None


# ---------------------------------------------------------------------------
# Shapes of values: what is not shaped like its field stays in ``unparsed``.

# Country names as IMDb printed them in certificates and release dates (history included).
KNOWN_COUNTRIES = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Aruba|Australia|Austria|Azerbaijan|
    Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bermuda|Bhutan|Bolivia|
    Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burma|Burundi|Cambodia|Cameroon|
    Canada|Cape Verde|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|
    Czechia|Czechoslovakia|Democratic Republic of the Congo|Denmark|Dominican Republic|East Germany|Ecuador|
    Egypt|El Salvador|Estonia|Ethiopia|Faroe Islands|Federal Republic of Yugoslavia|Fiji|Finland|France|
    Gabon|Georgia|Germany|Ghana|Greece|Greenland|Guatemala|Guinea|Haiti|Honduras|Hong Kong|Hungary|
    Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|
    Kenya|Korea|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Liberia|Libya|Liechtenstein|Lithuania|
    Luxembourg|Macau|Macao|Macedonia|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|
    Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|
    Netherlands Antilles|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|
    Occupied Palestinian Territory|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
    Philippines|Poland|Portugal|Puerto Rico|Qatar|Romania|Russia|Rwanda|San Marino|Saudi Arabia|Senegal|
    Serbia|Serbia and Montenegro|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|
    Soviet Union|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|
    Thailand|Togo|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|UK|USA|Uganda|Ukraine|
    United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|West Germany|
    Yemen|Yugoslavia|Zaire|Zambia|Zimbabwe|International|Europe|World-wide""".replace("\n", "").split("|")
)
KNOWN_COUNTRIES = frozenset(" ".join(name.split()) for name in KNOWN_COUNTRIES)
_COUNTRY_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de][\w'.\-\u00c0-\u024f]*|and|of|the|da|de|d'\w+)$")


def is_certificate_country(text: str, *, known_only: bool = True) -> bool:
    """A country as a certificate prints it: a known name, or (``known_only=False``, a value
    from IMDb's own certificate link) one to four capitalised words."""
    text = " ".join(text.split())
    if text in KNOWN_COUNTRIES:
        return True
    if known_only or not text or len(text) > 40:
        return False
    words = text.split()
    return len(words) <= 4 and words[0][0].isupper() and all(_COUNTRY_WORD.match(word) for word in words)


def is_certificate_rating(text: str) -> bool:
    """A rating is short: "R", "K-12", "(Banned)", "Tous publics", "Genel İzleyici Kitlesi"."""
    return 0 < len(text) <= 25 and len(text.split()) <= 3 and not text.endswith((".", ":", ","))


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})")
# Tags that never nest (void) or that the parser closes by itself (p, li, td, a…).
_FLAT = frozenset(
    "br img hr input meta link area base col embed param source track wbr p li option td th tr dt dd tbody thead tfoot a".split()
)
# The HTML tree builder scans its stack of open elements for many tags: nesting this
# deep costs quadratic time and never happens in a saved page (real pages: under 100).
MAX_DEPTH = 1000
# A title page's parser walks nested blocks within its own limits; only nesting that
# would make the tree builder itself slow (a second at 30,000) is refused. The largest
# real title pages hold about 8,000 "<" in all, so the exact count never runs on them.
TITLE_MAX_DEPTH = 10_000


def check_nesting(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse HTML nested deeper than ``max_depth`` before the tree builder sees it.

    Counted per tag name, so that void tags and stray end tags (``</span>`` with no open
    span) neither inflate nor hide the nesting the tree builder sees. A page with no
    more "<" than ``max_depth`` cannot nest deeper: it is let through after one count
    at C speed.
    """
    if text.count("<" if isinstance(text, str) else b"<") <= max_depth:
        return
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    open_counts: dict[str, int] = {}
    depth = 0
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _FLAT:
            continue
        if match.group(1):
            if open_counts.get(name):
                open_counts[name] -= 1
                depth -= 1
        else:
            open_counts[name] = open_counts.get(name, 0) + 1
            depth += 1
            if depth > max_depth:
                raise PageError(f"not a saved page: HTML elements nested more than {max_depth} deep")
