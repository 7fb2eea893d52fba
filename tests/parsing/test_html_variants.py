"""HTML pages written for the tests (tests/pages/html/) in the tn15 layout of the samples:
TV series, episode, localised title, video game, TV movie, Latin-1 bytes, unrated, non-title pages."""

from __future__ import annotations

import pytest

from catalogue.parsing import PageError, parse_page
from catalogue.parsing.html import parse_html_page


def parse(test_page_bytes, name: str, **kwargs):
    return parse_html_page(test_page_bytes(f"html/{name}"), **kwargs)


def test_tv_series_with_seasons_creators_and_series_cast_summary(test_page_bytes):
    record = parse(test_page_bytes, "modern-family-2009.series-combined-2013.html")
    assert (record.title, record.year, record.end_year, record.kind) == ("Modern Family", 2009, 2013, "tv_series")
    assert record.imdb_id == "tt1442437"
    assert record.seasons == [1, 2, 3, 4]
    assert [(m.department, m.department_label, m.name, m.job, m.order, m.imdb_id) for m in record.crew] == [
        ("creator", "Created by", "Steven Levitan", None, 1, "nm0513165"),
        ("creator", "Created by", "Christopher Lloyd", None, 2, "nm0506074"),
    ]
    cast = [(m.name, m.character, m.credited_as, m.notes, m.order) for m in record.cast]
    assert cast[0] == ("Ed O'Neill", "Jay Pritchett", None, ["97 episodes, 2009-2013"], 1)
    assert cast[1][0] == "Sofía Vergara"
    assert cast[4] == ("Rico Rodriguez", "Manny Delgado", None, ["43 episodes, 2010-2013"], 5)
    assert cast[5] == (
        "Aubrey Anderson-Emmons",
        "Lily Tucker-Pritchett",
        "Aubrey Anderson Emmons",
        ["43 episodes, 2011-2013"],
        6,
    )
    assert record.cast[0].character_id == "ch0159618"
    assert record.awards.text == "Won 3 Golden Globes. Another 52 wins & 82 nominations"
    # Wins other than the Oscars (the contract): 3 Golden Globes and 52 more.
    assert (record.awards.oscar_wins, record.awards.wins, record.awards.nominations) == (0, 55, 82)
    assert [(c.country, c.rating, c.notes) for c in record.certificates] == [
        ("USA", "TV-PG", []),
        ("Australia", "PG", []),
        ("UK", "12", ["DVD rating"]),
    ]
    assert (
        record.plot
        == "Three different, but related families face trials and tribulations in their own uniquely comedic ways."
    )
    assert record.unparsed == []


def test_episode_with_series_season_episode_and_air_date(test_page_bytes):
    record = parse(test_page_bytes, "dexter-s07e06.episode-combined-2012.html")
    assert (record.title, record.year, record.kind) == ("Do the Wrong Thing", 2012, "tv_episode")
    assert record.series.to_dict() == {
        "title": "Dexter",
        "year": None,
        "season": 7,
        "episode": 6,
        "imdb_id": "tt0773262",
    }
    assert record.release_date.to_dict() == {
        "date": "2012-11-04",
        "text": "4 November 2012",
        "country": None,
        "note": None,
    }
    assert record.imdb_id == "tt2394960"
    assert [(m.department_label, m.name, m.notes) for m in record.crew] == [
        ("Directed by", "John Dahl", []),
        ("Writing credits", "Jace Richdale", ["written by"]),
    ]
    assert [(m.name, m.notes) for m in record.cast] == [
        ("Michael C. Hall", []),
        ("Jennifer Carpenter", []),
        ("Ray Stevenson", ["credit only"]),
    ]


def test_localised_title_keeps_the_h1_and_sets_the_original_title(test_page_bytes):
    record = parse(test_page_bytes, "amelie-2001.localised-de-combined-2010.html")
    assert record.title == "Die fabelhafte Welt der Amélie"
    assert record.original_title == "Le fabuleux destin d'Amélie Poulain"
    assert record.year == 2001
    assert [(a.title, a.country, a.notes) for a in record.akas] == [
        ("Amélie", "USA", ["imdb display title"]),
        ("Le fabuleux destin d'Amélie Poulain", "France", ["original title"]),
        ("Amelie from Montmartre", "International", ["English title", "informal literal title"]),
    ]
    assert [(r.minutes, r.country, r.note) for r in record.runtimes] == [
        (122, None, None),
        (120, "Germany", "TV version"),
    ]
    assert record.release_date.country == "Germany"
    assert [(m.department_label, m.name, m.notes) for m in record.crew] == [
        ("Directed by", "Jean-Pierre Jeunet", []),
        ("Writing credits", "Guillaume Laurant", ["scenario"]),
        ("Writing credits", "Jean-Pierre Jeunet", ["scenario"]),
    ]


def test_localised_title_shown_only_in_the_akas(test_page_bytes):
    data = test_page_bytes("html/amelie-2001.localised-de-combined-2010.html")
    start = data.index(b'<span class="title-extra">')
    end = data.index(b"</span>", start) + len(b"</span>")
    record = parse_html_page(data[:start] + data[end:])
    assert record.title == "Die fabelhafte Welt der Amélie"
    assert record.original_title == "Le fabuleux destin d'Amélie Poulain"


def test_video_game_maindetails(test_page_bytes):
    record = parse(test_page_bytes, "halo-3-2007.videogame-maindetails-2009.html")
    assert (record.title, record.year, record.kind) == ("Halo 3", 2007, "video_game")
    assert record.rating.to_dict() == {"value": 8.6, "best": 10, "votes": 6012}
    assert [(m.department, m.department_label, m.name, m.order) for m in record.crew] == [
        ("director", "Directed by", "Marcus Lehto", 1),
        ("director", "Directed by", "Joseph Staten", 2),
        ("writer", "Writing credits", "Joseph Staten", 1),
    ]
    assert record.plot == "The Master Chief returns to finish the fight."
    assert [(m.name, m.character, m.credited_as, m.notes) for m in record.cast] == [
        ("Steve Downes", "Master Chief", None, ["voice"]),
        ("Jen Taylor", "Cortana", "Jennifer Taylor", ["voice"]),
    ]
    # An h3 section no parser knows is kept, not dropped.
    assert record.unparsed == ["Crazy Credits: Thanks to the players of Halo 2 for nine years of feedback."]


def test_tv_movie_with_writer_label_and_no_rating_yet(test_page_bytes):
    record = parse(test_page_bytes, "the-quiet-house-2011.tvmovie-unrated-maindetails.html")
    assert (record.title, record.year, record.kind) == ("The Quiet House", 2011, "tv_movie")
    assert record.rating is None  # "(awaiting 5 votes)"
    assert [(m.department, m.department_label, m.name, m.notes) for m in record.crew] == [
        ("director", "Directed by", "Ann Fielding", []),
        ("writer", "Writing credits", "Tom Greer", ["teleplay"]),
    ]
    assert record.release_date.to_dict() == {"date": "2011-03", "text": "March 2011", "country": "UK", "note": None}
    assert [(m.name, m.character) for m in record.cast] == [("Clare Holt", "Mrs. Abbot"), ("Sam Ives", None)]
    assert record.unparsed == ["Box Office: Budget: £900,000 (estimated)"]


def test_latin1_page_with_meta_charset_and_accented_names(test_page_bytes):
    data = test_page_bytes("html/hiroshima-mon-amour-1959.latin1-combined-2010.html")
    assert b"\xc9liane" in data and b"\x92" in data  # really Latin-1 / Windows-1252 bytes
    record = parse_html_page(data)
    assert record.title == "Hiroshima mon amour"
    assert [m.name for m in record.cast] == ["Emmanuelle Riva", "Eiji Okada", "Éliane Marcus", "Bernard Fresson"]
    assert (record.cast[2].character, record.cast[2].notes) == (None, ["uncredited"])
    assert record.cast[3].character == "L'Allemand"
    assert record.taglines == ["...from the measureless depths of a woman\u2019s emotions..."]
    assert record.cast_complete is True
    crew = [(m.department, m.department_label, m.name, m.job, m.credited_as, m.notes) for m in record.crew]
    assert crew == [
        ("cinematographer", "Cinematography by", "Sacha Vierny", None, None, []),
        ("cinematographer", "Cinematography by", "Michio Takahashi", None, "Takahashi Michio", ["Japan"]),
        (
            "script_and_continuity_department",
            "Script and Continuity Department",
            "Sylvette Baudrot",
            "script supervisor",
            None,
            [],
        ),
        # The crew tables have no "Directed by" / "Writing credits": the overview's rows are kept.
        ("director", "Directed by", "Alain Resnais", None, None, []),
        ("writer", "Writing credits", "Marguerite Duras", None, None, ["scénario"]),
    ]
    assert record.warnings == [
        "unknown crew heading 'Script and Continuity Department': kept as department 'script_and_continuity_department'"
    ]
    assert [(c.kind, c.name, c.notes, c.imdb_id) for c in record.companies] == [
        ("production", "Argos Films", [], "co0028283"),
        ("production", "Como Films", [], "co0001529"),
        ("special_effects", "Effets Spéciaux Lumière", ["titles"], "co0999999"),
    ]
    assert [(c.country, c.rating, c.notes) for c in record.certificates] == [
        ("Portugal", "(Banned)", ["original rating"]),
        ("Italy", "T", ["re-rating", "1974"]),
        ("West Germany", "16", ["f"]),
    ]
    assert record.languages == ["French", "Japanese", "English"]


def test_same_page_as_utf8_gives_the_same_record(test_page_bytes):
    data = test_page_bytes("html/hiroshima-mon-amour-1959.latin1-combined-2010.html")
    as_utf8 = data.decode("cp1252").replace("iso-8859-1", "utf-8").encode("utf-8")
    assert parse_html_page(as_utf8).to_dict() == parse_html_page(data).to_dict()


def test_creators_label_variant(test_page_bytes):
    data = test_page_bytes("html/modern-family-2009.series-combined-2013.html").replace(b"Creator(s):", b"Creators:")
    record = parse_html_page(data)
    assert [(m.department, m.department_label, m.name) for m in record.crew] == [
        ("creator", "Created by", "Steven Levitan"),
        ("creator", "Created by", "Christopher Lloyd"),
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ingrid-bergman.name-page-2010.html", "not an IMDb title page"),
        ("blog-post.not-imdb.html", "not an IMDb title page"),
    ],
)
def test_pages_that_are_not_title_pages_raise_page_error(test_page_bytes, name, message):
    with pytest.raises(PageError, match=message):
        parse(test_page_bytes, name)
    with pytest.raises(PageError, match=message):
        parse_page(test_page_bytes(f"html/{name}"))


def test_name_page_without_canonical_link_is_still_not_a_title(test_page_bytes):
    data = test_page_bytes("html/ingrid-bergman.name-page-2010.html")
    start = data.index(b'<link rel="canonical"')
    end = data.index(b"/>", start) + 2
    with pytest.raises(PageError, match="not an IMDb title page"):
        parse_html_page(data[:start] + data[end:])


def test_url_of_a_title_page_gives_the_id_when_the_page_has_no_canonical_link(test_page_bytes):
    data = test_page_bytes("html/dexter-s07e06.episode-combined-2012.html")
    start = data.index(b'<link rel="canonical"')
    end = data.index(b"/>", start) + 2
    stripped = data[:start] + data[end:]
    assert parse_html_page(stripped, url="http://www.imdb.com/title/tt2394960/combined").imdb_id == "tt2394960"
    # Without URL or canonical link: the page's own "See more"/quick links name it.
    assert parse_html_page(stripped).imdb_id == "tt2394960"
