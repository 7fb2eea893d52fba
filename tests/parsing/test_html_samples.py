"""The two real HTML samples, every field asserted with values read from the page."""

from __future__ import annotations

import pytest

from catalogue.parsing import parse_page
from catalogue.parsing.html import parse_html_page
from catalogue.parsing.record import DEPARTMENT_KEYS

from .html_expected import (
    GASLIGHT_CAST,
    GASLIGHT_CERTIFICATES,
    GASLIGHT_COMPANIES,
    GASLIGHT_CREW,
    GASLIGHT_FAQ,
    GASLIGHT_GOOF,
    GASLIGHT_PLOT,
    GASLIGHT_QUOTE,
    GASLIGHT_RECOMMENDATIONS,
    GASLIGHT_REVIEW_FIRST_PARAGRAPH,
    GASLIGHT_REVIEW_LAST_PARAGRAPH,
    GASLIGHT_TRIVIA,
)


@pytest.fixture(scope="module")
def gaslight():
    from tests.conftest import SAMPLES

    return parse_html_page((SAMPLES / "gaslight-1944.combined-2010.html").read_bytes())


@pytest.fixture(scope="module")
def die_hard():
    from tests.conftest import SAMPLES

    return parse_html_page((SAMPLES / "die-hard-1988.maindetails-2009.html").read_bytes())


# --- Gaslight (combined details, 2010) -------------------------------------------------


def test_gaslight_header_and_ids(gaslight):
    assert gaslight.title == "Gaslight"
    assert gaslight.year == 1944
    assert gaslight.end_year is None
    assert gaslight.kind == "movie"
    assert gaslight.original_title is None
    assert gaslight.series is None
    assert gaslight.imdb_id == "tt0036855"
    assert gaslight.source_format == "html"
    assert gaslight.page_type == "title"


def test_gaslight_overview(gaslight):
    assert gaslight.rating.to_dict() == {"value": 7.8, "best": 10, "votes": 7807}
    assert gaslight.popularity.to_dict() == {"rank": None, "text": "Up 15% in popularity this week."}
    assert gaslight.release_date.to_dict() == {
        "date": "1944-05-11",
        "text": "11 May 1944",
        "country": "USA",
        "note": None,
    }
    assert gaslight.genres == ["Drama", "Mystery", "Thriller"]
    assert gaslight.taglines == ["Strange drama of a captive sweetheart!"]
    assert gaslight.plot == GASLIGHT_PLOT
    assert gaslight.plot_keywords == ["Scotland Yard", "Letter", "Murder", "Driven Mad", "Pianist"]
    assert gaslight.awards.to_dict() == {
        "text": "Won 2 Oscars. Another 1 win & 5 nominations",
        "oscar_wins": 2,
        "oscar_nominations": 0,
        "wins": 1,
        "nominations": 5,
    }
    assert gaslight.news is None  # NewsDesk headlines are links to news pages, not the page's news
    assert gaslight.review_count == 84
    assert gaslight.photo_count == 12
    assert gaslight.top_rank is None


def test_gaslight_cast_rows_characters_and_ids(gaslight):
    assert len(gaslight.cast) == 53
    assert [(member.name, member.character) for member in gaslight.cast] == GASLIGHT_CAST
    assert [member.order for member in gaslight.cast] == list(range(1, 54))
    assert gaslight.cast_complete is True
    # The 13 credited rows have no notes; the 40 "rest of cast listed alphabetically" are uncredited.
    assert all(member.notes == [] for member in gaslight.cast[:13])
    assert all(member.notes == ["uncredited"] for member in gaslight.cast[13:])
    assert all(member.credited_as is None for member in gaslight.cast)
    boyer, bergman, cotten = gaslight.cast[:3]
    assert (boyer.imdb_id, boyer.character_id) == ("nm0000964", "ch0021316")
    assert (bergman.imdb_id, bergman.character_id) == ("nm0000006", "ch0098131")
    assert (cotten.imdb_id, cotten.character_id) == ("nm0001072", None)
    terry_moore = gaslight.cast[38]
    assert (terry_moore.name, terry_moore.imdb_id, terry_moore.character_id) == (
        "Terry Moore",
        "nm0601930",
        "ch0098131",
    )
    assert gaslight.cast[-1].imdb_id == "nm0952959"
    assert sum(1 for member in gaslight.cast if member.character_id) == 6


def test_gaslight_crew_every_department_and_row(gaslight):
    rows = [(m.department, m.department_label, m.name, m.job, m.credited_as, m.notes, m.order) for m in gaslight.crew]
    assert rows == GASLIGHT_CREW
    assert {m.department_label for m in gaslight.crew} <= set(DEPARTMENT_KEYS)
    ids = {m.name: m.imdb_id for m in gaslight.crew}
    assert ids["George Cukor"] == "nm0002030"
    assert ids["Irene"] == "nm0409898"
    assert ids["Conrad Salinger"] == "nm0758404"
    assert all(m.imdb_id and m.imdb_id.startswith("nm") for m in gaslight.crew)
    assert gaslight.warnings == []


def test_gaslight_companies_with_notes_and_ids(gaslight):
    assert [(c.kind, c.name, c.notes) for c in gaslight.companies] == GASLIGHT_COMPANIES
    assert gaslight.companies[0].imdb_id == "co0016037"
    assert gaslight.companies[2].imdb_id == "co0155230"
    assert gaslight.companies[9].imdb_id == "co0089683"  # "Warner Home V&#xED;deo"


def test_gaslight_additional_details(gaslight):
    assert gaslight.akas == []  # "Also Known As:" holds only "See more »"
    assert [r.to_dict() for r in gaslight.runtimes] == [{"minutes": 114, "country": None, "note": None}]
    assert gaslight.countries == ["USA"]
    assert gaslight.languages == ["English"]
    assert gaslight.colors == ["Black and White"]
    assert gaslight.aspect_ratio == "1.37 : 1"
    assert gaslight.sound_mixes == ["Mono (Western Electric Sound System)"]
    assert [(c.country, c.rating, c.notes) for c in gaslight.certificates] == GASLIGHT_CERTIFICATES
    assert gaslight.filming_locations == [
        "Metro-Goldwyn-Mayer Studios - 10202 W. Washington Blvd., Culver City, California, USA"
    ]


def test_gaslight_fun_stuff(gaslight):
    assert gaslight.trivia == [GASLIGHT_TRIVIA]
    assert [g.to_dict() for g in gaslight.goofs] == [{"category": "Continuity", "text": GASLIGHT_GOOF}]
    assert len(gaslight.quotes) == 1
    assert [(line.character, line.text) for line in gaslight.quotes[0]] == GASLIGHT_QUOTE
    assert [c.to_dict() for c in gaslight.connections] == [
        {
            "type": "Featured in",
            "title": "AFI's 100 Years... 100 Thrills: America's Most Heart-Pounding Movies",
            "year": 2001,
            "note": "TV",
            "imdb_id": "tt0288408",
        }
    ]
    assert gaslight.soundtrack == ["Waltz"]
    assert gaslight.faq_questions == GASLIGHT_FAQ
    assert gaslight.faq_count == 3  # the questions the page shows (it prints no total)


def test_gaslight_featured_user_comment(gaslight):
    assert len(gaslight.reviews) == 1
    review = gaslight.reviews[0]
    assert review.title == "Them there eyes"
    assert review.date == "2001-11-06"
    assert review.author == "Susan (srella)"
    assert review.author_id == "ur1422408"
    assert review.location == "New York"
    assert (review.helpful, review.helpful_total) == (31, 42)
    assert review.rating == 9
    assert review.spoiler is False
    paragraphs = review.text.split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[0] == GASLIGHT_REVIEW_FIRST_PARAGRAPH
    assert paragraphs[-1] == GASLIGHT_REVIEW_LAST_PARAGRAPH
    assert "Was the above review useful" not in review.text
    assert "\u00a0" not in review.text


def test_gaslight_recommendations_and_leftovers(gaslight):
    assert [(r.title, r.imdb_id) for r in gaslight.recommendations] == GASLIGHT_RECOMMENDATIONS
    assert all(r.year is None for r in gaslight.recommendations)  # the strip prints no years
    assert gaslight.recommendation_count == 5
    assert gaslight.recommendations_text is None
    assert gaslight.seasons == []
    # Everything on the page was taken by a section or is boilerplate (boards, share, related links).
    assert gaslight.unparsed == []


def test_gaslight_through_parse_page_dispatch(sample_bytes):
    record = parse_page(sample_bytes("gaslight-1944.combined-2010.html"))
    assert record.source_format == "html"
    assert record.title == "Gaslight"
    assert len(record.cast) == 53


def test_gaslight_record_round_trips_through_json(gaslight):
    from catalogue.parsing.record import TitleRecord

    assert TitleRecord.from_dict(gaslight.to_dict()).to_dict() == gaslight.to_dict()


# --- Die Hard (main details, 2009) -------------------------------------------------------


def test_die_hard_header_and_rating(die_hard):
    assert (die_hard.title, die_hard.year, die_hard.kind) == ("Die Hard", 1988, "movie")
    assert die_hard.imdb_id == "tt0095016"
    # The rating sits in a "starbar static" block with a plain "meta" div.
    assert die_hard.rating.to_dict() == {"value": 8.3, "best": 10, "votes": 154281}
    assert die_hard.top_rank == 123
    assert die_hard.popularity.text == "Up 5% in popularity this week."
    assert die_hard.photo_count == 74


def test_die_hard_first_billed_cast(die_hard):
    assert len(die_hard.cast) == 15
    assert die_hard.cast_complete is None  # "(Cast overview, first billed only)"
    assert [m.name for m in die_hard.cast[:3]] == ["Bruce Willis", "Bonnie Bedelia", "Reginald VelJohnson"]
    powell = die_hard.cast[2]
    assert (powell.character, powell.credited_as, powell.notes) == ("Sgt. Al Powell", "Reginald Veljohnson", [])
    assert (powell.imdb_id, powell.character_id) == ("nm0001817", "ch0001768")
    assert die_hard.cast[4].name == "De'voreaux White"
    assert (die_hard.cast[-1].name, die_hard.cast[-1].character, die_hard.cast[-1].order) == (
        "Lorenzo Caccialanza",
        "Marco",
        15,
    )
    assert all(m.character_id for m in die_hard.cast)


def test_die_hard_overview_crew_under_h5(die_hard):
    rows = [(m.department, m.department_label, m.name, m.notes, m.order, m.imdb_id) for m in die_hard.crew]
    assert rows == [
        # "Director:" and "Writers (WGA):" rows take their crew-list headings, as from a text page.
        ("director", "Directed by", "John McTiernan", [], 1, "nm0001532"),
        ("writer", "Writing credits", "Roderick Thorp", ["novel"], 1, "nm0861636"),
        ("writer", "Writing credits", "Jeb Stuart", ["screenplay"], 2, "nm0835732"),
    ]


def test_die_hard_values_directly_under_h5(die_hard):
    assert die_hard.release_date.to_dict() == {
        "date": "1988-07-15",
        "text": "15 July 1988",
        "country": "USA",
        "note": None,
    }
    assert die_hard.genres == ["Action", "Crime", "Drama", "Thriller"]
    assert die_hard.taglines == ["It will blow you through the back wall of the theater!"]
    assert die_hard.plot == (
        "New York cop John McClane gives terrorists a dose of their own medicine as they hold hostages in an LA office building."
    )
    assert die_hard.plot_keywords == ["Terrorist", "Hostage", "Christmas", "Christmas Party", "Bond"]
    assert die_hard.awards.to_dict() == {
        "text": "Nominated for 4 Oscars. Another 6 wins & 2 nominations",
        "oscar_wins": 0,
        "oscar_nominations": 4,
        "wins": 6,
        "nominations": 2,
    }
    assert die_hard.news is None
    assert [r.minutes for r in die_hard.runtimes] == [131]
    assert die_hard.countries == ["USA"]
    assert die_hard.languages == ["English", "German", "Italian"]
    assert die_hard.colors == ["Color"]
    assert die_hard.aspect_ratio == "2.20 : 1"
    assert die_hard.sound_mixes == ["70 mm 6-Track (70 mm prints)", "Dolby (35 mm prints)"]
    assert die_hard.filming_locations == [
        "20th Century Fox Studios - 10201 Pico Blvd., Century City, Los Angeles, California, USA"
    ]
    # Without company lists, "Company:" names the production company.
    assert [(c.kind, c.name, c.imdb_id) for c in die_hard.companies] == [
        ("production", "Twentieth Century-Fox Film Corporation", "co0000756")
    ]


def test_die_hard_34_certificates(die_hard):
    certificates = [(c.country, c.rating, c.notes) for c in die_hard.certificates]
    assert len(certificates) == 34
    assert certificates[0] == ("USA", "R", ["certificate #29160"])
    assert certificates[3] == ("Canada", "13+", ["Quebec"])
    assert certificates[4] == ("Canada", "18", ["Nova Scotia", "re-rating", "2001"])
    assert certificates[7] == ("Canada", "R", ["Nova Scotia/Ontario", "original rating"])
    assert certificates[9] == ("West Germany", "16", ["cut", "video premiere"])
    assert certificates[12] == ("Finland", "K-18", ["1988", "uncut"])
    assert certificates[-1] == ("Spain", "18", [])


def test_die_hard_fun_stuff(die_hard):
    assert die_hard.trivia[0].startswith("Director John McTiernan found it necessary to smash cut away")
    assert die_hard.goofs[0].category == "Continuity"
    assert die_hard.goofs[0].text.endswith("near the end of the movie (error acknowledged by moviemakers).")
    lines = [(line.character, line.text) for line in die_hard.quotes[0]]
    assert lines[0] == (None, "[first lines]")
    assert lines[1] == ("Businessman", "You don't like flying, do you?")
    assert lines[7] == (None, "[the businessman sees John's gun]")
    assert lines[-1] == ("John McClane", "It's okay, I'm a cop. Trust me, I've been doing this for eleven years.")
    assert len(lines) == 9
    assert [c.to_dict() for c in die_hard.connections] == [
        {
            "type": "Referenced in",
            "title": "Friends: The One with the Nap Partners (#7.6)",  # printed in quotes (a series)
            "year": 2000,
            "note": None,
            "imdb_id": "tt0583632",
        }
    ]
    assert die_hard.soundtrack == ["Brandenburg Concerto No. 3 In G Major, (Allegro Moderato)"]
    assert die_hard.faq_questions == [
        "In what year is Die Hard set?",
        "Who are the 'terrorists'?",
        "How much sex, violence, and profanity are in this movie?",
    ]
    assert die_hard.faq_count == 3


def test_die_hard_user_comment(die_hard):
    review = die_hard.reviews[0]
    assert review.title == "The Perfect Modern Action Film"
    assert review.date == "2001-07-31"
    assert (review.author, review.author_id, review.location) == ("MadReviewer", "ur1125206", "Oldwick, NJ")
    assert (review.helpful, review.helpful_total) == (167, 185)
    assert review.rating == 9  # an image with alt="9/10" in 2009
    paragraphs = review.text.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith('"Die Hard" is the prototype type for the modern action film. Since it\'s also')
    assert paragraphs[-1].endswith("it just might well be the perfect modern action film. Grade: A")
    assert die_hard.review_count is None  # "more", without a total


def test_die_hard_recommendations(die_hard):
    assert [(r.title, r.imdb_id) for r in die_hard.recommendations] == [
        ("Live Free or Die Hard", "tt0337978"),
        ("Die Hard 2", "tt0099423"),
        ("Die Hard: With a Vengeance", "tt0112864"),
        ("Face/Off", "tt0119094"),
        ("The Godfather", "tt0068646"),
    ]
    assert die_hard.recommendation_count == 5
    assert die_hard.unparsed == []
    assert die_hard.warnings == []


def test_wayback_machine_copy_gives_the_same_record(sample_bytes):
    """The Wayback Machine rewrites every link and adds its toolbar; the record is the same."""
    page = sample_bytes("gaslight-1944.combined-2010.html")
    archived = page.replace(b'href="/', b'href="/web/20101024231516/http://www.imdb.com/').replace(
        b'href="http://www.imdb.com/', b'href="http://web.archive.org/web/20101024231516/http://www.imdb.com/'
    )
    archived = archived.replace(
        b'<div id="wrapper">',
        b'<div id="wm-ipp"><h1>Wayback Machine</h1><table><tr><td><a href="/web/2010/">OCT</a> 24 captures</td>'
        b'</tr></table></div><div id="wrapper">',
        1,
    )
    assert b"web.archive.org/web/20101024231516/http://www.imdb.com/title/tt0036855/combined" in archived
    assert parse_html_page(archived).to_dict() == parse_html_page(page).to_dict()
