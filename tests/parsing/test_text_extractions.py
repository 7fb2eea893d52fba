"""Text extractions of saved title pages, made by the tools users have, give the HTML page's record.

tests/pages/extractions/<page>.<tool>.txt are the HTML pages of samples/ and tests/pages/html/
as these tools print them (made once; the tests do not need the tools):

- innertext: Chromium's ``document.body.innerText`` (what select-all + copy gives), via Playwright;
  innertext-crlf: the same with Windows line ends.
- lynx: ``lynx -dump -nolist -width=200 -display_charset=utf-8``; w3m: ``w3m -dump -cols 200 -O utf-8``;
  lynx-80 / w3m-80: the same at their default width of 80 columns (lines wrapped mid-row, mid-note).
- html2text (PyPI, ``body_width=0``): its default markdown-ish output, and with ``ignore_links``;
  html2text-78: the command line's defaults (lines wrapped at 78 columns, links and addresses broken).
- bs4-newline / bs4-newline-strip / bs4-space: BeautifulSoup ``get_text("\\n")``, ``get_text("\\n",
  strip=True)``, ``get_text(" ")`` (scripts and styles removed first); selectolax:
  ``LexborHTMLParser(html).body.text(separator="\\n")``.

Each extraction is parsed with ``parse_page`` and compared, fact by fact, with the HTML record
of the same page. What a tool loses is listed in ``LOSSES`` with what it keeps (compared after a
stated folding); what the parser still misreads is listed in ``GAPS`` as a strict xfail.
"""

from __future__ import annotations

import time
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from catalogue.parsing import PageError, parse_page
from tests.conftest import SAMPLES

EXTRACTIONS = Path(__file__).resolve().parent.parent / "pages" / "extractions"
HTML_PAGES = Path(__file__).resolve().parent.parent / "pages" / "html"

GASLIGHT = "gaslight-1944.combined-2010"
DIE_HARD = "die-hard-1988.maindetails-2009"
AMELIE = "amelie-2001.localised-de-combined-2010"
DEXTER = "dexter-s07e06.episode-combined-2012"
HALO = "halo-3-2007.videogame-maindetails-2009"
HIROSHIMA = "hiroshima-mon-amour-1959.latin1-combined-2010"
MODERN_FAMILY = "modern-family-2009.series-combined-2013"
QUIET_HOUSE = "the-quiet-house-2011.tvmovie-unrated-maindetails"
HTML = {
    GASLIGHT: SAMPLES / f"{GASLIGHT}.html",
    DIE_HARD: SAMPLES / f"{DIE_HARD}.html",
    **{page: HTML_PAGES / f"{page}.html" for page in (AMELIE, DEXTER, HALO, HIROSHIMA, MODERN_FAMILY, QUIET_HOUSE)},
}
TOOLS = (
    "innertext",
    "innertext-crlf",
    "lynx",
    "lynx-80",
    "w3m",
    "w3m-80",
    "html2text",
    "html2text-78",
    "html2text-ignore-links",
    "bs4-newline",
    "bs4-newline-strip",
    "bs4-space",
    "selectolax",
)


def _extraction_files() -> list[tuple[str, str]]:
    found = []
    for path in sorted(EXTRACTIONS.glob("*.txt")):
        page = next(page for page in HTML if path.name.startswith(page + "."))
        found.append((page, path.name[len(page) + 1 : -4]))
    return found


EXTRACTIONS_FOUND = _extraction_files()

# The facts a text extraction can carry (ids, reviewers' stars and department labels are HTML's).
FIELDS = (
    "title",
    "year",
    "kind",
    "original_title",
    "rating",
    "release_date",
    "genres",
    "countries",
    "languages",
    "colors",
    "sound_mixes",
    "runtimes",
    "aspect_ratio",
    "awards",
    "certificates",
    "akas",
    "cast",
    "crew",
    "companies",
    "trivia",
    "goofs",
    "quotes",
    "connections",
    "reviews",
    "review_count",
    "recommendation_count",
    "plot",
    "taglines",
)
ROW_KEYS = {
    "cast": ("name", "character", "credited_as", "notes", "order"),
    "crew": ("department", "name", "job", "credited_as", "notes"),
    "reviews": ("title", "date", "author", "location", "helpful", "helpful_total", "text"),
    "akas": ("title", "country", "notes"),
    "companies": ("kind", "name", "notes"),
}


def _fold_text(text: str, how: str) -> str:
    if how == "ascii":  # html2text's default spells "Amélie" as "Amelie"
        text = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    if how == "letters":  # a dropped character reference: "woman’s" → "womans" / "woman s"
        text = "".join(char for char in text if char.isalnum() or char.isspace())
        return "".join(text.split())
    return " ".join(text.split())


def fold(value, how: str | None):
    """A fact with what a tool cannot keep folded away (``None``: compared as is)."""
    if how is None:
        return value
    if isinstance(value, str):
        return _fold_text(value, how)
    if isinstance(value, list):
        return [fold(item, how) for item in value]
    if isinstance(value, dict):
        return {key: fold(item, how) for key, item in value.items()}
    return value


# What a tool loses, for every page: field → (folding, why). "*" is every field.
TOOL_LOSSES = {
    # html2text's default (unicode_snob off) writes accented letters as plain ASCII.
    "html2text": {"*": ("ascii", "html2text writes é as e unless --unicode-snob")},
    "html2text-ignore-links": {"*": ("ascii", "html2text writes é as e unless --unicode-snob")},
    "html2text-78": {"*": ("ascii", "html2text writes é as e unless --unicode-snob")},
    # lynx prints a review's <br><br> paragraph break as a bare line break: the words stay, the breaks go.
    "lynx": {"reviews": ("words", "lynx keeps no blank line between a review's paragraphs")},
    "lynx-80": {"reviews": ("words", "lynx keeps no blank line between a review's paragraphs")},
    # get_text("\n") puts a newline after every text node: blank lines mean nothing, so a review's
    # paragraphs run together (its words and order are kept).
    "bs4-newline": {"reviews": ("words", 'get_text("\\n") has no paragraph breaks')},
    "bs4-newline-strip": {"reviews": ("words", 'get_text("\\n", strip=True) has no paragraph breaks')},
    "selectolax": {"reviews": ("words", 'text(separator="\\n") has no paragraph breaks')},
}
# What a tool loses on one page.
PAGE_LOSSES = {
    # The page writes ’ as &#146; (a windows-1252 number in an iso-8859-1 page): browsers and the HTML
    # parser show ’, lynx drops it ("womans") and w3m prints a space ("woman s").
    (HIROSHIMA, "lynx"): {"taglines": ("letters", "lynx drops &#146;")},
    (HIROSHIMA, "w3m"): {"taglines": ("letters", "w3m prints &#146; as a space")},
    (HIROSHIMA, "lynx-80"): {"taglines": ("letters", "lynx drops &#146;")},
    (HIROSHIMA, "w3m-80"): {"taglines": ("letters", "w3m prints &#146; as a space")},
}

# What the text parser still misreads: strict xfails, so a fix shows up as XPASS.
GAPS: dict[tuple[str, str, str], str] = {}
for _field in ("cast", "crew", "trivia", "quotes", "reviews"):
    GAPS[(DIE_HARD, "bs4-space", _field)] = 'get_text(" "): table rows and paragraphs on one line'
for _field in ("awards", "cast", "crew", "companies", "quotes", "reviews"):
    GAPS[(GASLIGHT, "bs4-space", _field)] = 'get_text(" "): table rows and paragraphs run together on one line'
# "Author: [MadReviewer](…) from Oldwick, NJ "Die Hard" is…": one space between the place and the text.
for _tool in ("html2text", "html2text-78"):
    GAPS[(DIE_HARD, _tool, "reviews")] = "html2text: the author's place runs into the review's first line"


HTML_ONLY = {"imdb_id", "character_id", "author_id", "department_label"}


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key not in HTML_ONLY}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _comparable(record: dict, field: str):
    value = record.get(field)
    keys = ROW_KEYS.get(field)
    if keys and value is not None:
        return [{key: row.get(key) for key in keys} for row in value]
    return _without_ids(value)


@lru_cache(maxsize=None)
def html_record(page: str) -> dict:
    return parse_page(HTML[page].read_bytes()).to_dict()


@lru_cache(maxsize=None)
def text_record(page: str, tool: str) -> dict:
    return parse_page((EXTRACTIONS / f"{page}.{tool}.txt").read_bytes()).to_dict()


def _loss(page: str, tool: str, field: str) -> tuple[str, str] | None:
    for table in (PAGE_LOSSES.get((page, tool), {}), TOOL_LOSSES.get(tool, {})):
        if field in table:
            return table[field]
        if "*" in table:
            return table["*"]
    return None


def _cases():
    for page, tool in EXTRACTIONS_FOUND:
        for field in FIELDS:
            marks = []
            gap = GAPS.get((page, tool, field))
            if gap:
                marks.append(pytest.mark.xfail(strict=True, reason=gap))
            yield pytest.param(page, tool, field, id=f"{page.split('.')[0]}-{tool}-{field}", marks=marks)


def test_every_tool_and_page_has_its_extraction():
    assert {tool for _, tool in EXTRACTIONS_FOUND} == set(TOOLS)
    for page in HTML:
        assert {tool for found, tool in EXTRACTIONS_FOUND if found == page} >= {
            "innertext",
            "lynx",
            "lynx-80",
            "w3m",
            "w3m-80",
            "html2text",
            "html2text-78",
            "html2text-ignore-links",
            "bs4-newline",
        }
    assert len(EXTRACTIONS_FOUND) == 80


@pytest.mark.parametrize(("page", "tool", "field"), list(_cases()))
def test_extraction_gives_the_html_fact(page, tool, field):
    html = _comparable(html_record(page), field)
    text = _comparable(text_record(page, tool), field)
    loss = _loss(page, tool, field)
    if loss:
        html, text = fold(html, loss[0]), fold(text, loss[0])
    assert text == html


@pytest.mark.parametrize(
    ("page", "tool"), EXTRACTIONS_FOUND, ids=[f"{p.split('.')[0]}-{t}" for p, t in EXTRACTIONS_FOUND]
)
def test_extraction_is_read_as_a_text_title_page(page, tool):
    record = parse_page((EXTRACTIONS / f"{page}.{tool}.txt").read_bytes())
    assert (record.source_format, record.page_type) == ("text", "title")
    assert record.title
    assert len(record.warnings) <= 2, record.warnings


def test_real_facts_survive_each_common_tool():
    """Spot values (not only equality with the HTML record): the Gaslight page by every common tool."""
    for tool in (
        "innertext",
        "lynx",
        "lynx-80",
        "w3m",
        "w3m-80",
        "html2text",
        "html2text-78",
        "html2text-ignore-links",
        "bs4-newline",
    ):
        record = text_record(GASLIGHT, tool)
        assert (record["title"], record["year"], record["rating"]["votes"]) == ("Gaslight", 1944, 7807), tool
        assert record["genres"] == ["Drama", "Mystery", "Thriller"], tool
        assert record["cast"][0]["name"] == "Charles Boyer" and record["cast"][0]["character"] == "Gregory Anton", tool
        assert len(record["cast"]) == 53, tool
        assert {"country": "USA", "rating": "Approved", "notes": ["certificate #9800"]} in record["certificates"], tool
        assert record["reviews"][0]["title"] == "Them there eyes", tool
        assert record["reviews"][0]["helpful"] == 31, tool


def test_lynx_and_w3m_keep_the_reviewers_stars():
    """The stars image's alt text ("9/10") reaches a text browser's dump: the text record keeps it too."""
    assert text_record(DIE_HARD, "lynx")["reviews"][0]["rating"] == 9
    assert text_record(DIE_HARD, "w3m")["reviews"][0]["rating"] == 9
    assert html_record(DIE_HARD)["reviews"][0]["rating"] == 9


def test_awards_count_other_wins_alike_in_both_parsers():
    """ "Won 3 Golden Globes. Another 52 wins": 55 wins other than the Oscars (the contract)."""
    assert html_record(MODERN_FAMILY)["awards"]["wins"] == 55
    assert text_record(MODERN_FAMILY, "innertext")["awards"]["wins"] == 55


def _timed(data: bytes) -> float:
    start = time.process_time()
    try:
        parse_page(data)
    except PageError:
        pass
    return time.process_time() - start


@pytest.mark.parametrize(
    ("tool", "unit"),
    [
        ("html2text-78", b"[a\n"),
        ("html2text-78", b"x](/a-\n"),
        ("html2text-78", b"word \n"),
        ("bs4-newline-strip", b"|\n"),
        ("bs4-newline-strip", b"(\n"),
        ("bs4-newline-strip", b"a\n...\n"),
        ("bs4-newline-strip", b"[\n"),
        ("bs4-newline-strip", b":\n"),
        ("bs4-newline-strip", b"(x)\n"),
        ("html2text", b"[a](/b) "),
        ("html2text", b"["),
        ("html2text", b"!["),
        ("html2text", b"_a"),
        ("html2text", b"x|  "),
        ("html2text", b"Runtime:"),
        ("html2text", b"\\-"),
    ],
)
def test_hostile_fragments_and_markdown_are_linear(tool, unit):
    """A megabyte of separators (each glued onto one line) or of markdown costs ~10x a tenth of it."""
    head = (EXTRACTIONS / f"{GASLIGHT}.{tool}.txt").read_bytes()[:20_000]
    small = head + unit * (100_000 // len(unit)) + b"\n"
    large = head + unit * (1_000_000 // len(unit)) + b"\n"
    small_time = max(_timed(small), 0.02)
    assert _timed(large) < small_time * 25


@pytest.mark.parametrize("page", list(HTML))
@pytest.mark.parametrize("tool", ["html2text", "html2text-78"])
def test_html2text_links_give_the_html_ids(page, tool):
    """html2text keeps links ("[Charles Boyer](/name/nm0000964/)"): the same ids the HTML parser reads."""
    text, html = text_record(page, tool), html_record(page)
    assert text["imdb_id"] == html["imdb_id"]
    for field in ("cast", "crew", "companies"):
        assert [row["imdb_id"] for row in text[field]] == [row["imdb_id"] for row in html[field]], field
    assert text_record(GASLIGHT, "html2text")["cast"][0]["imdb_id"] == "nm0000964"  # Charles Boyer
    assert (
        text_record(GASLIGHT, "html2text")["connections"][0]["imdb_id"]
        == html_record(GASLIGHT)["connections"][0]["imdb_id"]
    )


def test_html2text_without_links_gives_no_ids():
    record = text_record(GASLIGHT, "html2text-ignore-links")
    assert record["imdb_id"] is None
    assert {row["imdb_id"] for row in record["cast"]} == {None}


def test_wrapped_lines_of_one_quote_are_linear():
    """A speech wrapped onto many lines (text browsers) is joined once, not line by line."""
    page = (SAMPLES / f"{GASLIGHT}.extracted.txt").read_bytes()
    head = page[: page.index(b"Quotes:")] + b"Quotes:\nNancy Oliver: hello\n"
    small = head + b"and more words\n" * 20_000
    large = head + b"and more words\n" * 200_000
    small_time = max(_timed(small), 0.02)
    assert _timed(large) < small_time * 25
    quote = parse_page(small).quotes[0]
    assert quote[0].character == "Nancy Oliver"
    assert quote[0].text.startswith("hello and more words and more words")
