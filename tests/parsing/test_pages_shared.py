"""The small helpers of the page parsers: crew rows (the contract's table), cast rows,
dates, title headers, ids."""

from __future__ import annotations

import pytest

from catalogue.parsing.common import imdb_id_from_href, parse_date
from catalogue.parsing.pages._shared import (
    department_for,
    parse_title_header,
    split_cast_row,
    split_crew_row,
)


@pytest.mark.parametrize(
    "line, name, job, credited_as, notes",
    [
        ("Alain Resnais ", "Alain Resnais", None, None, []),
        ("Marguerite Duras  writer", "Marguerite Duras", "writer", None, []),
        ("Anatole Dauman .... producer", "Anatole Dauman", "producer", None, []),
        ("Michio Takahashi (Japan) (as Takahashi Michio)", "Michio Takahashi", None, "Takahashi Michio", ["Japan"]),
        ("Minoru Esaka  (as Esaka)", "Minoru Esaka", None, "Esaka", []),
        ("Lucilla Mussini (uncredited)", "Lucilla Mussini", None, None, ["uncredited"]),
        (
            "Alexandre Marcus .... key makeup artist (as A. Marcus)",
            "Alexandre Marcus",
            "key makeup artist",
            "A. Marcus",
            [],
        ),
        ("Hara .... assistant director", "Hara", "assistant director", None, []),
        # Extraction variants: NBSP after the name, dots with double spaces, writers joined by "and"/"&".
        ("Alain Resnais\u00a0", "Alain Resnais", None, None, []),
        ("Arthur Hornblow Jr.  ....  producer", "Arthur Hornblow Jr.", "producer", None, []),
        ('Patrick Hamilton   (play "Angel Street")', "Patrick Hamilton", None, None, ['play "Angel Street"']),
        ("John Van Druten   (screenplay) and", "John Van Druten", None, None, ["screenplay"]),
        ("Akira Kurosawa (screenplay) &", "Akira Kurosawa", None, None, ["screenplay"]),
        ("Jakob Gimpel  ....  musician: piano solos", "Jakob Gimpel", "musician: piano solos", None, []),
        (
            "Marion Herwood Keyes .... costume (as Marion (Herwood))",
            "Marion Herwood Keyes",
            "costume",
            "Marion (Herwood)",
            [],
        ),
        ("Unclosed Paren .... editor (uncredited", "Unclosed Paren", "editor (uncredited", None, []),
    ],
)
def test_crew_rows(line, name, job, credited_as, notes):
    parts = split_crew_row(line)
    assert (parts.name, parts.job, parts.credited_as, parts.notes) == (name, job, credited_as, notes)


@pytest.mark.parametrize("line", ["", "   ", "(in alphabetical order)", "x" * 5000])
def test_not_crew_rows(line):
    assert split_crew_row(line) is None


@pytest.mark.parametrize(
    "line, name, character, credited_as, notes",
    [
        ("Toshirô Mifune ... Kikuchiyo (as Toshiro Mifune)", "Toshirô Mifune", "Kikuchiyo", "Toshiro Mifune", []),
        ("Charles Boyer  ...  Gregory Anton", "Charles Boyer", "Gregory Anton", None, []),
        ("Harry Adams  ...  Policeman (uncredited)", "Harry Adams", "Policeman", None, ["uncredited"]),
        ("Jun Tazaki ... Narrator (voice) (uncredited)", "Jun Tazaki", "Narrator", None, ["voice", "uncredited"]),
        ("Eizô Tanaka ... (uncredited)", "Eizô Tanaka", None, None, ["uncredited"]),
        (
            "Terry Moore  ...  Paula Alquist - Age 14 (uncredited)",
            "Terry Moore",
            "Paula Alquist - Age 14",
            None,
            ["uncredited"],
        ),
        ("Haruo Nakajima", "Haruo Nakajima", None, None, []),
    ],
)
def test_cast_rows(line, name, character, credited_as, notes):
    parts = split_cast_row(line)
    assert (parts.name, parts.character, parts.credited_as, parts.notes) == (name, character, credited_as, notes)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("10 May 2011", "2011-05-10"),
        ("6 November 2001", "2001-11-06"),
        ("1 Sept 2009", "2009-09-01"),
        ("May 10, 2011", "2011-05-10"),
        ("31 February 2011", None),
        ("10 Mayo 2011", None),
        ("The beginnings of the inland empire", None),
        ("", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text, title, year, end_year, kind",
    [
        ("Gaslight (1944)", "Gaslight", 1944, None, "movie"),
        ("Gaslight (1944) More at IMDbPro »", "Gaslight", 1944, None, "movie"),
        ('"Lost" (2004)', "Lost", 2004, None, "tv_series"),
        ("Lost (TV Series 2004–2010)", "Lost", 2004, 2010, "tv_series"),
        ("Hamlet (TV 1990)", "Hamlet", 1990, None, "tv_movie"),
        ("Hamlet (1990) (TV)", "Hamlet", 1990, None, "tv_movie"),
        ("Halo 2 (2004) (VG)", "Halo 2", 2004, None, "video_game"),
        ("Some Tape (1999) (V)", "Some Tape", 1999, None, "video"),
        ("The Lost Weekend (1945/I)", "The Lost Weekend", 1945, None, "movie"),
        ("Untitled Project (????)", "Untitled Project", None, None, "movie"),
        ("(500) Days of Summer (2009)", "(500) Days of Summer", 2009, None, "movie"),
        ("Sex (and Other Things) (2010)", "Sex (and Other Things)", 2010, None, "movie"),
    ],
)
def test_title_headers(text, title, year, end_year, kind):
    header = parse_title_header(text)
    assert (header.title, header.year, header.end_year, header.kind) == (title, year, end_year, kind)


def test_title_header_with_original_title():
    header = parse_title_header("Seven Samurai (1954) More at IMDbPro »Shichinin no samurai (original title)")
    assert (header.title, header.year, header.original_title) == ("Seven Samurai", 1954, "Shichinin no samurai")
    header = parse_title_header("Rome, Open City (1945) Roma, città aperta (original title)")
    assert (header.title, header.year, header.original_title) == ("Rome, Open City", 1945, "Roma, città aperta")
    header = parse_title_header("Rome, Open City (1945) More at IMDbPro »roma (original title)")
    assert header.original_title == "roma"


@pytest.mark.parametrize("text", ["Gaslight", "Ingrid Bergman", "(1944)", "User Reviews", ""])
def test_not_title_headers(text):
    assert parse_title_header(text) is None


def test_ids_and_departments():
    assert imdb_id_from_href("/name/nm0000964/", "nm") == "nm0000964"
    assert imdb_id_from_href("http://www.imdb.com/title/tt0036855/combined", "tt") == "tt0036855"
    assert imdb_id_from_href("/user/ur1422408/comments", "ur") == "ur1422408"
    assert imdb_id_from_href("/name/nm12/", "nm") is None
    assert imdb_id_from_href(None, "nm") is None
    assert department_for("Directed by") == ("director", True)
    assert department_for("Second Unit Director or Assistant Director:") == ("assistant_director", True)
    assert department_for("Series Directed by") == ("director", True)
    assert department_for("Location Management") == ("location_management", False)
