"""An HTML page and its plain-text extraction of the same title give the same record,
for every field the text carries.

The expected values are read from samples/gaslight-1944.combined-2010.extracted.txt
(quoted below); the HTML record must hold them. When the text parser
(``catalogue.parsing.text``) is present, its record of the .extracted.txt is also
compared with the HTML record field by field.
"""

from __future__ import annotations


import pytest

from catalogue.parsing.html import parse_html_page
from tests.conftest import SAMPLES

from .html_expected import (
    GASLIGHT_CAST,
    GASLIGHT_CERTIFICATES,
    GASLIGHT_COMPANIES,
    GASLIGHT_CREW,
    GASLIGHT_FAQ,
    GASLIGHT_GOOF,
    GASLIGHT_PLOT,
    GASLIGHT_QUOTE,
    GASLIGHT_REVIEW_FIRST_PARAGRAPH,
    GASLIGHT_REVIEW_LAST_PARAGRAPH,
    GASLIGHT_TRIVIA,
)

HTML = SAMPLES / "gaslight-1944.combined-2010.html"
TEXT = SAMPLES / "gaslight-1944.combined-2010.extracted.txt"

# What the .extracted.txt shows, field by field (the text's own words in the comments).
EXPECTED_FROM_TEXT = {
    "title": "Gaslight",  # "Gaslight (1944) More at IMDbPro »"
    "year": 1944,
    "end_year": None,
    "kind": "movie",
    "original_title": None,
    "series": None,
    "rating": {"value": 7.8, "best": 10, "votes": 7807},  # "7.8/10   7,807 votes »"
    "popularity": {"rank": None, "text": "Up 15% in popularity this week."},
    "release_date": {"date": "1944-05-11", "text": "11 May 1944", "country": "USA", "note": None},
    "taglines": ["Strange drama of a captive sweetheart!"],
    "plot": GASLIGHT_PLOT,  # without "Full summary » | Full synopsis »"
    "genres": ["Drama", "Mystery", "Thriller"],
    "countries": ["USA"],
    "languages": ["English"],
    "colors": ["Black and White"],
    "sound_mixes": ["Mono (Western Electric Sound System)"],
    "runtimes": [{"minutes": 114, "country": None, "note": None}],
    "aspect_ratio": "1.37 : 1",
    "awards": {
        "text": "Won 2 Oscars. Another 1 win & 5 nominations",
        "oscar_wins": 2,
        "oscar_nominations": 0,
        "wins": 1,
        "nominations": 5,
    },
    "photo_count": 12,  # "Photos (See all 12 | slideshow)"
    "news": None,  # NewsDesk headlines link to news pages: not the page's news teaser
    "cast": [
        {
            "name": name,
            "character": character,
            "credited_as": None,
            "notes": [] if order <= 13 else ["uncredited"],
            "order": order,
        }
        for order, (name, character) in enumerate(GASLIGHT_CAST, start=1)
    ],
    "cast_complete": True,  # "(in credits order) (verified as complete)"
    "crew": [
        {
            "department": department,
            "department_label": label,
            "name": name,
            "job": job,
            "credited_as": credited_as,
            "notes": notes,
            "order": order,
        }
        for department, label, name, job, credited_as, notes, order in GASLIGHT_CREW
    ],
    "companies": [{"kind": kind, "name": name, "notes": notes} for kind, name, notes in GASLIGHT_COMPANIES],
    "akas": [],
    "certificates": [{"country": c, "rating": r, "notes": n} for c, r, n in GASLIGHT_CERTIFICATES],
    "trivia": [GASLIGHT_TRIVIA],
    "goofs": [{"category": "Continuity", "text": GASLIGHT_GOOF}],
    "quotes": [[{"character": character, "text": text} for character, text in GASLIGHT_QUOTE]],
    "connections": [
        {
            "type": "Featured in",
            "title": "AFI's 100 Years... 100 Thrills: America's Most Heart-Pounding Movies",
            "year": 2001,
            "note": "TV",
        }
    ],
    "review_count": 84,  # "See more (84 total) »"
    "recommendation_count": 5,  # five "IMDb User Rating:" lines
    "filming_locations": ["Metro-Goldwyn-Mayer Studios - 10202 W. Washington Blvd., Culver City, California, USA"],
    "plot_keywords": ["Scotland Yard", "Letter", "Murder", "Driven Mad", "Pianist"],
    "soundtrack": ["Waltz"],
    "faq_questions": GASLIGHT_FAQ,
    "faq_count": 3,  # three questions under "FAQ"
    "seasons": [],
    "top_rank": None,
}
EXPECTED_REVIEW = {
    "title": "Them there eyes",
    "date": "2001-11-06",
    "author": "Susan (srella)",
    "location": "New York",
    "helpful": 31,
    "helpful_total": 42,
}

# Keys only HTML carries: ids of the title, people, characters, companies, linked titles.
HTML_ONLY = {"imdb_id", "character_id", "author_id", "source_format"}


def comparable(value):
    """The record's JSON without what only HTML can carry."""
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items() if key not in HTML_ONLY}
    if isinstance(value, list):
        return [comparable(item) for item in value]
    return value


@pytest.fixture(scope="module")
def html_record():
    return parse_html_page(HTML.read_bytes())


def test_the_text_shows_what_the_expected_values_say():
    """The expected values are the text's: spot-check them against the .extracted.txt itself."""
    text = " ".join(TEXT.read_text(encoding="utf-8").split())  # U+00A0 and runs of spaces as one space
    for snippet in (
        "7.8/10   7,807 votes",
        "11 May 1944 (USA)",
        "Won 2 Oscars. Another 1 win & 5 nominations",
        "Marion Herwood Keyes  ....  associate costume supervisor (as Marion Herwood)",
        "Yleisradio (YLE) (1965) (1977) (1990) (2008) (Finland) (TV)",
        "USA:Approved (certificate #9800)",
        "Them there eyes, 6 November 2001",
        "31 out of 42 people found the following review useful.",
        "See more (84 total)",
        "Photos (See all 12 | slideshow)",
    ):
        assert " ".join(snippet.split()) in text, snippet
    for order, (name, character) in enumerate(GASLIGHT_CAST, start=1):
        assert f"{name} ... {character}{'' if order <= 13 else ' (uncredited)'}" in text


@pytest.mark.parametrize("key", sorted(EXPECTED_FROM_TEXT))
def test_html_record_holds_the_text_values(html_record, key):
    assert comparable(html_record.to_dict())[key] == EXPECTED_FROM_TEXT[key]


def test_html_review_holds_the_text_review(html_record):
    review = comparable(html_record.to_dict())["reviews"][0]
    assert {key: review[key] for key in EXPECTED_REVIEW} == EXPECTED_REVIEW
    paragraphs = review["text"].split("\n\n")
    assert paragraphs[0] == GASLIGHT_REVIEW_FIRST_PARAGRAPH
    assert paragraphs[-1] == GASLIGHT_REVIEW_LAST_PARAGRAPH
    assert len(paragraphs) == 7


@pytest.mark.parametrize("key", sorted(EXPECTED_FROM_TEXT) + ["reviews"])
def test_text_parser_record_matches_the_html_record(html_record, key):
    from catalogue.parsing.text import parse_text_page

    from catalogue.parsing.decoding import decode_bytes

    text_record = comparable(parse_text_page(decode_bytes(TEXT.read_bytes())).to_dict())
    html = comparable(html_record.to_dict())
    if key == "reviews":
        # The text shows no reviewer's star rating (an image on the page).
        for review in html["reviews"] + text_record["reviews"]:
            review.pop("rating", None)
    assert text_record[key] == html[key]
