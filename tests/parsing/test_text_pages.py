"""Pages written for the tests (tests/pages/): each kind of title and the layout's variants."""

from __future__ import annotations

import pytest

from catalogue.parsing import decode_bytes, parse_page
from tests.conftest import TEST_PAGES


def _parse(name):
    return parse_page((TEST_PAGES / name).read_bytes())


def test_every_test_page_parses_without_unparsed_lines():
    names = sorted(path.name for path in TEST_PAGES.glob("*.txt"))
    assert len(names) >= 12
    for name in names:
        record = _parse(name)
        assert record.title, name
        if name != "inline-labels-variant.txt":  # keeps one footer line on purpose
            assert record.unparsed == [], name


def test_tv_movie_labelled():
    record = _parse("tv-movie-labelled.txt")
    assert (record.title, record.year, record.kind) == ("Introducing Dorothy Dandridge", 1999, "tv_movie")
    assert record.popularity.to_dict() == {"rank": 4512, "text": "Down 12% in popularity this week."}
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Martha Coolidge", []),
        ("writer", "Shonda Rhimes", ["teleplay"]),
        ("writer", "Scott Abbott", ["teleplay"]),
    ]
    assert record.genres == ["Biography", "Drama", "Music"]
    assert record.taglines == ["She broke all the rules."]
    assert record.awards.to_dict() == {
        "text": "Won 1 Golden Globe. Another 4 wins & 9 nominations",
        "oscar_wins": 0,
        "oscar_nominations": 0,
        "wins": 5,
        "nominations": 9,
    }
    cast = {m.name: m for m in record.cast}
    assert len(record.cast) == 7
    assert (cast["Obba Babatundé"].character, cast["Obba Babatundé"].credited_as) == (
        "Harold Nicholas",
        "Obba Babatunde",
    )
    assert (cast["Tamara Taylor"].character, cast["Tamara Taylor"].notes) == ("Geri Branton", ["uncredited"])
    assert [r.to_dict() for r in record.runtimes] == [
        {"minutes": 115, "country": "USA", "note": None},
        {"minutes": 111, "country": "Germany", "note": "TV version"},
    ]
    assert [a.to_dict() for a in record.akas] == [
        {"title": "Dorothy Dandridge - Ihr Weg zum Ruhm", "country": "Germany", "notes": []}
    ]
    assert [(c.country, c.rating) for c in record.certificates] == [("Germany", "12"), ("USA", "TV-MA")]
    assert record.warnings == []


def test_tv_series_with_year_range_and_seasons():
    record = _parse("tv-series-range.txt")
    assert (record.title, record.year, record.end_year, record.kind) == ("The Wire", 2002, 2008, "tv_series")
    assert record.seasons == [1, 2, 3, 4, 5]
    assert [(m.department, m.department_label, m.name, m.job, m.notes) for m in record.crew] == [
        ("director", "Series Directed by", "Joe Chappelle", None, ["9 episodes, 2004-2008"]),
        ("director", "Series Directed by", "Ernest R. Dickerson", None, ["6 episodes, 2002-2008"]),
        ("writer", "Series Writing credits", "David Simon", None, ["60 episodes, 2002-2008"]),
        ("writer", "Series Writing credits", "Ed Burns", "story", ["30 episodes, 2002-2008"]),
        ("creator", "Created by", "David Simon", None, []),
    ]
    mcnulty = record.cast[0]
    assert (mcnulty.name, mcnulty.character, mcnulty.notes) == (
        "Dominic West",
        "Det. Jimmy McNulty / ...",
        ["60 episodes, 2002-2008"],
    )


def test_tv_series_open_range_label_less():
    record = _parse("tv-series-open-range-labelless.txt")
    assert (record.title, record.year, record.end_year, record.kind) == ("Family Guy", 1999, None, "tv_series")
    assert record.videos == ["Trailer: Season 9", "Clip: Stewie and Brian"]
    assert record.news is None
    assert record.release_date.date == "1999-01-31"
    assert record.taglines == ["In a world where everything is animated, one family is just a little more animated."]
    assert record.plot == "In a wacky Rhode Island town, a dysfunctional family strive to cope with everyday life."
    assert record.awards.wins == 28
    assert record.review_count == 716
    # Values whose labels were lost, recognised by their shape.
    assert [r.minutes for r in record.runtimes] == [22]
    assert record.genres == ["Animation", "Comedy"]
    assert record.colors == ["Color"]
    assert [c.country for c in record.certificates] == ["Australia", "Germany", "UK", "USA"]


def test_mini_series():
    record = _parse("mini-series.txt")
    assert (record.title, record.year, record.kind) == ("Band of Brothers", 2001, "tv_mini_series")
    assert record.countries == ["UK", "USA"]
    assert record.languages == ["English", "Dutch", "French", "German"]


def test_episode_with_season_and_episode_line():
    record = _parse("episode-season-episode.txt")
    assert (record.title, record.year, record.kind) == ("The One with the Nap Partners", 2000, "tv_episode")
    assert record.series.to_dict() == {"title": "Friends", "year": None, "season": 7, "episode": 6, "imdb_id": None}
    assert record.release_date.to_dict() == {
        "date": "2000-11-07",
        "text": "7 November 2000",
        "country": None,
        "note": None,
    }
    assert [(m.name, m.character, m.credited_as) for m in record.cast][1] == (
        "Courteney Cox",
        "Monica Geller",
        "Courteney Cox Arquette",
    )
    # The summary names the same director and writers as the full lists: no duplicates.
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Gary Halvorson", []),
        ("writer", "Brian Buckner", ["written by"]),
        ("writer", "Sebastian Jones", ["written by"]),
    ]


def test_episode_with_number_in_title():
    record = _parse("episode-number.txt")
    assert (record.title, record.year, record.kind) == ("Treehouse of Horror", 1990, "tv_episode")
    assert record.series.to_dict() == {
        "title": "The Simpsons",
        "year": 1989,
        "season": 2,
        "episode": 3,
        "imdb_id": None,
    }
    assert [m.name for m in record.crew] == ["Wes Archer", "Rich Moore", "David Silverman"]


def test_video_and_voice_credits():
    record = _parse("video.txt")
    assert (record.title, record.year, record.kind) == ("Batman: Mystery of the Batwoman", 2003, "video")
    assert [(m.name, m.character, m.notes) for m in record.cast] == [
        ("Kevin Conroy", "Batman / Bruce Wayne", ["voice"]),
        ("Kimberly Brooks", "Kathy Duquesne", ["voice"]),
        ("Kelly Ripa", "Dr. Roxanne 'Rocky' Ballantine", ["voice", "uncredited"]),
    ]


def test_video_game():
    record = _parse("video-game.txt")
    assert (record.title, record.year, record.kind) == ("Grand Theft Auto: San Andreas", 2004, "video_game")
    assert record.cast[0].character == "Carl 'CJ' Johnson"


def test_short_and_unknown_crew_heading():
    record = _parse("short-unknown-heading.txt")
    assert (record.title, record.kind) == ("Luxo Jr.", "short")
    assert record.release_date.to_dict() == {"date": "1986-08", "text": "August 1986", "country": "USA", "note": None}
    assert record.awards.oscar_nominations == 1
    unknown = [m for m in record.crew if m.department != "director"]
    assert [(m.department, m.department_label, m.name, m.job) for m in unknown] == [
        ("non_original_music_by", "Non-Original Music by", "James L. Venable", "music"),
        ("script_and_continuity_department", "Script and Continuity Department", "Jane Doe", "script supervisor"),
    ]
    assert len(record.warnings) == 2
    assert all("unknown crew heading" in warning for warning in record.warnings)


def test_tv_special():
    record = _parse("tv-special.txt")
    assert (record.kind, record.year) == ("tv_special", 2000)
    assert record.title == "The Kennedy Center Honors: A Celebration of the Performing Arts"
    assert (record.cast[0].name, record.cast[0].character) == ("Walter Cronkite", "Himself - Host")


def test_awaiting_votes_and_missing_sections():
    record = _parse("awaiting-votes-missing-sections.txt")
    assert record.rating is None
    assert record.popularity is None and record.release_date is None and record.plot is None
    assert record.certificates == [] and record.runtimes == [] and record.reviews == []
    assert record.faq_count == 0
    assert [m.name for m in record.crew] == ["István Szabó"]
    assert [m.name for m in record.cast] == ["András Bálint", "Judit Halász"]


def test_non_latin_and_accented_names_exactly_as_printed():
    record = _parse("non-latin-names.txt")
    assert record.original_title == "Bronenosets Potyomkin"
    assert [m.name for m in record.cast] == [
        "Aleksandr Antonov",
        "Владимир Барский",
        "Γιώργος Φούντας",
        "三船敏郎",
        "Éliane Marcus",
    ]
    assert record.cast[3].character == "菊千代"
    assert record.cast[2].notes == ["uncredited"]
    assert [a.title for a in record.akas] == ["Броненосец «Потёмкин»", "Θωρηκτό Ποτέμκιν", "戦艦ポチョムキン"]
    assert [(m.name, m.job) for m in record.crew if m.department == "writer"] == [("Нина Агаджанова", "writer")]
    assert [r.to_dict() for r in record.runtimes] == [
        {"minutes": 75, "country": None, "note": None},
        {"minutes": 69, "country": "Soviet Union", "note": "1950 re-release"},
        {"minutes": 66, "country": None, "note": "restored"},
    ]
    assert record.languages == ["None"]


def test_windows_1252_file():
    data = (TEST_PAGES / "amelie-windows-1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    record = parse_page(data)
    assert record.title == "Amélie"
    assert record.original_title == "Le fabuleux destin d’Amélie Poulain"
    assert record.taglines == ["One person can change your life forever…"]
    assert record.cast[4].character == "Hipolito – l’écrivain"
    assert record.quotes[0][0].to_dict() == {
        "character": "Amélie Poulain",
        "text": "Les temps sont durs pour les rêveurs.",
    }
    assert [(m.name, m.notes) for m in record.crew if m.department == "writer"] == [
        ("Guillaume Laurant", ["scenario"]),
        ("Jean-Pierre Jeunet", ["scenario"]),
    ]


def test_utf8_bom_crlf_file():
    data = (TEST_PAGES / "kagemusha-utf8-bom-crlf.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    record = parse_page(data)
    assert (record.title, record.year, record.original_title) == ("Kagemusha", 1980, "Kagemusha")
    assert [(m.name, m.character) for m in record.cast][2] == ("仲代達矢", "武田信玄")
    assert record.colors == ["Color (Eastmancolor)"]
    assert [(r.minutes, r.country, r.note) for r in record.runtimes] == [
        (180, None, None),
        (162, "USA", "international version"),
    ]
    assert not any("\r" in line for line in record.unparsed)
    assert parse_page(data).to_dict() == parse_page(decode_bytes(data).encode("utf-8")).to_dict()


def test_non_breaking_spaces_tabs_and_trailing_spaces():
    text = (
        "IMDb > Les quatre cents coups (1959)\n\n"
        "Les quatre cents coups (1959) More at IMDbPro\u00a0\u00bb\n\n"
        "User Rating:\n8.1/10\u00a0\u00a0\u00a024,000 votes\u00a0\u00bb\n"
        "Directed by\nFran\u00e7ois Truffaut\u00a0\t \n"
        "Writing credits\nMarcel Moussy\u00a0\t(adaptation)   \n"
        "Runtime:\t99 min\u00a0\n"
    )
    record = parse_page(text.encode("utf-8"))
    assert record.rating.votes == 24000
    assert [(m.name, m.notes) for m in record.crew] == [("François Truffaut", []), ("Marcel Moussy", ["adaptation"])]
    assert record.runtimes[0].minutes == 99


def test_values_on_the_label_line_and_other_variants():
    record = _parse("inline-labels-variant.txt")
    # "IMDb > Title (1950) > Combined details"; a title line without "More at IMDbPro".
    assert (record.title, record.year, record.original_title) == ("Rashômon", 1950, "Rashômon")
    # "8.3/10" with its votes on the next line; rank and text of the popularity on one line.
    assert record.rating.to_dict() == {"value": 8.3, "best": 10, "votes": 42567}
    assert record.popularity.to_dict() == {"rank": 3212, "text": "Up 4% in popularity this week."}
    assert record.release_date.date == "1951-12-26"
    assert record.genres == ["Crime", "Drama", "Mystery"]
    assert record.taglines == ["Can you look into the darkness of a man's heart?"]
    assert record.plot_keywords == ["Rape", "Samurai", "Rashomon Effect"]
    assert (record.awards.oscar_wins, record.awards.wins, record.awards.nominations) == (1, 5, 1)
    assert record.cast_complete is True and len(record.cast) == 3
    # "Writing credits (in alphabetical order)" is the writer heading; the summary's third writer is added.
    assert [(m.name, m.job, m.notes, m.order) for m in record.crew if m.department == "writer"] == [
        ("Ryûnosuke Akutagawa", None, ['stories "In a Grove" and "Rashomon"'], 1),
        ("Akira Kurosawa", "screenplay", [], 2),
        ("Shinobu Hashimoto", None, ["screenplay"], 3),
    ]
    assert [a.to_dict() for a in record.akas] == [
        {"title": "In the Woods", "country": "USA", "notes": ["working title"]}
    ]
    assert (record.runtimes[0].minutes, record.countries, record.languages) == (88, ["Japan"], ["Japanese"])
    assert (record.colors, record.sound_mixes, record.aspect_ratio) == (["Black and White"], ["Mono"], "1.37 : 1")
    assert [c.country for c in record.certificates] == ["Finland", "UK", "USA"]
    assert record.goofs[0].to_dict() == {
        "category": "Revealing mistakes",
        "text": "The rain is visibly coming from hoses.",
    }
    assert [(c.type, c.title, c.year) for c in record.connections] == [("Remade as", "The Outrage", 1964)]
    # A line in the footer that is not the site's furniture is kept.
    assert record.unparsed == ["Printed from a library terminal, 12 March 2012"]


def test_label_less_page_without_cast_or_did_you_know_headings():
    record = _parse("labelless-no-headings.txt")
    # The summary's bare name before the writers is the director (its "Director:" label was lost).
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Jean-Pierre Melville", []),
        ("writer", "Jean-Pierre Melville", ["screenplay"]),
        ("writer", "Georges Pellegrin", ["screenplay"]),
    ]
    assert record.taglines == ["There is no solitude greater than that of the samurai."]
    assert record.plot == "After carrying out a hit, a hitman finds himself in a dilemma."
    assert record.genres == ["Crime", "Drama", "Thriller"]
    assert (record.awards.text, record.awards.wins) == ("Won 1 BAFTA. Another 2 wins", 3)
    assert [(m.name, m.character, m.order) for m in record.cast] == [
        ("Alain Delon", "Jef Costello", 1),
        ("François Périer", "Le commissaire", 2),
        ("Nathalie Delon", "Jane Lagrange", 3),
    ]
    assert ([r.minutes for r in record.runtimes], record.countries, record.languages) == (
        [105],
        ["France", "Italy"],
        ["French"],
    )
    assert (record.colors, record.sound_mixes) == (["Color (Eastmancolor)"], ["Mono"])
    assert [(c.country, c.rating) for c in record.certificates] == [
        ("France", "Tous publics"),
        ("UK", "PG"),
        ("USA", "PG"),
    ]
    assert record.trivia == ["Jef was written with Alain Delon in mind."]
    assert record.goofs[0].to_dict() == {"category": "Continuity", "text": "The raincoat changes from scene to scene."}
    assert record.quotes[0][0].to_dict() == {"character": "Jef Costello", "text": "I never lose. Never really."}
    assert [(c.type, c.title, c.year) for c in record.connections] == [("Featured in", "Cinema Paradiso", 1988)]
    assert record.soundtrack == ["Le samouraï"]
    assert record.unparsed == [] and record.warnings == []
