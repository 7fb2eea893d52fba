"""Small layout variants, each a few real-layout lines around the header."""

from __future__ import annotations

from catalogue.parsing.text import parse_text_page


def _page(
    body: str, header: str = "IMDb > Pather Panchali (1955)\n\nPather Panchali (1955) More at IMDbPro »\n"
) -> str:
    return (
        header
        + body
        + "\nRelated Links\nYou may report errors and omissions on this page to the IMDb database managers.\n"
    )


def test_director_label_then_a_writer_line_whose_label_was_lost():
    record = parse_text_page(
        _page(
            "User Rating:\n8.4/10   12,002 votes »\nDirector:\nSatyajit Ray\nBibhutibhushan Bandyopadhyay (novel)\nRelease Date:\n26 August 1955 (India)\n"
        )
    )
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Satyajit Ray", []),
        ("writer", "Bibhutibhushan Bandyopadhyay", ["novel"]),
    ]
    assert record.release_date.country == "India"


def test_photos_line_right_after_the_header_is_read():
    record = parse_text_page("IMDb > Pather Panchali (1955)\nPhotos (See all 7 | slideshow)\n")
    assert record.photo_count == 7
    assert record.unparsed == []


def test_kind_suffixes_and_unknown_year():
    assert parse_text_page(_page("", "IMDb > Duel (1971) (TV)\n")).kind == "tv_movie"
    assert parse_text_page(_page("", "IMDb > Duel (TV Movie 1971)\n")).kind == "tv_movie"
    assert parse_text_page(_page("", "IMDb > Halo 3 (2007) (VG)\n")).kind == "video_game"
    record = parse_text_page(_page("", "IMDb > Untitled Project (????)\n"))
    assert (record.title, record.year, record.kind) == ("Untitled Project", None, "movie")
    record = parse_text_page(_page("", "IMDb > Friends (TV Series 1994–2004)\n"))
    assert (record.kind, record.year, record.end_year) == ("tv_series", 1994, 2004)
    record = parse_text_page(_page("", "IMDb > Roots (1977) (mini)\n"))
    assert (record.kind, record.year) == ("tv_mini_series", 1977)
    record = parse_text_page(_page("", 'IMDb > "Friends" (1994)\n'))
    assert (record.title, record.kind) == ("Friends", "tv_series")
    record = parse_text_page(_page("TV series 1994-2004\n", 'IMDb > "Friends" (1994)\n'))
    assert (record.kind, record.end_year) == ("tv_series", 2004)
    record = parse_text_page(_page("", "IMDb > Hamlet (1948/I)\n"))
    assert (record.title, record.year) == ("Hamlet", 1948)


def test_awaiting_votes_on_the_label_line():
    record = parse_text_page(_page("User Rating: awaiting 5 votes\nYour Rating:\n"))
    assert record.rating is None
    assert record.unparsed == []


def test_connections_with_notes_and_several_lines():
    record = parse_text_page(
        _page(
            "Movie Connections:\nReferences Bicycle Thieves (1948)\nSpoofed in The Simpsons Movie (2007) (V)\nSee more »\n"
        )
    )
    assert [(c.type, c.title, c.year, c.note) for c in record.connections] == [
        ("References", "Bicycle Thieves", 1948, None),
        ("Spoofed in", "The Simpsons Movie", 2007, "V"),
    ]


def test_review_with_spoiler_warning_and_no_helpfulness():
    record = parse_text_page(
        _page(
            "User Reviews\nA quiet masterpiece, 3 March 2004\nAuthor: reel-watcher\n\n*** This review may contain spoilers ***\n\n"
            "First paragraph.\n\nSecond paragraph.\n\nWas the above review useful to you?\nSee more (120 total) »\n"
        )
    )
    review = record.reviews[0]
    assert (review.title, review.date, review.author, review.location) == (
        "A quiet masterpiece",
        "2004-03-03",
        "reel-watcher",
        None,
    )
    assert (review.helpful, review.helpful_total, review.spoiler) == (None, None, True)
    assert review.text == "First paragraph.\n\nSecond paragraph."
    assert record.review_count == 120


def test_company_rows_keep_name_parentheses_and_split_notes():
    record = parse_text_page(
        _page(
            "Production Companies\nGovernment of West Bengal\nDistributors\n"
            "Edward Harrison (1958) (USA) (theatrical)\nThe Criterion Collection (2015) (USA) (Blu-ray)\n"
            "Special Effects\nPrasad Studios (India)\nOther Companies\nBengal Film Lab  film processing\n"
        )
    )
    assert [(c.kind, c.name, c.notes) for c in record.companies] == [
        ("production", "Government of West Bengal", []),
        ("distributor", "Edward Harrison", ["1958", "USA", "theatrical"]),
        ("distributor", "The Criterion Collection", ["2015", "USA", "Blu-ray"]),
        ("special_effects", "Prasad Studios", ["India"]),
        ("other", "Bengal Film Lab", ["film processing"]),
    ]


def test_stars_summary_merges_into_cast_without_duplicates():
    record = parse_text_page(
        _page(
            "Stars:\nKanu Bannerjee, Karuna Bannerjee and Subir Banerjee\n\nCast\n(in credits order)\nKanu Bannerjee ... Harihar Ray\n"
        )
    )
    assert [(m.name, m.character, m.order) for m in record.cast] == [
        ("Kanu Bannerjee", "Harihar Ray", 1),
        ("Karuna Bannerjee", None, 2),
        ("Subir Banerjee", None, 3),
    ]


def test_awards_forms():
    cases = {
        "Won 3 Oscars. Another 31 wins & 19 nominations": (3, 0, 31, 19),
        "Nominated for Oscar. Another 6 wins & 5 nominations": (0, 1, 6, 5),
        "Nominated for 2 Oscars.": (0, 2, 0, 0),
        "4 wins & 3 nominations": (0, 0, 4, 3),
        "Won Oscar. Another 1 win": (1, 0, 1, 0),
    }
    for text, expected in cases.items():
        awards = parse_text_page(_page(f"Awards:\n{text} See more »\n")).awards
        assert awards.text == text
        assert (awards.oscar_wins, awards.oscar_nominations, awards.wins, awards.nominations) == expected, text


def test_crew_row_shapes_of_the_contract():
    record = parse_text_page(
        _page(
            "Directed by\nAlain Resnais \nWriting credits\nMarguerite Duras  writer\nProduced by\nAnatole Dauman .... producer\n"
            "Cinematography by\nMichio Takahashi (Japan) (as Takahashi Michio)\nProduction Design by\nMinoru Esaka  (as Esaka)\n"
            "Lucilla Mussini (uncredited)\nMakeup Department\nAlexandre Marcus .... key makeup artist (as A. Marcus)\n"
            "Second Unit Director or Assistant Director\nHara .... assistant director\n"
        )
    )
    assert [(m.name, m.job, m.credited_as, m.notes) for m in record.crew] == [
        ("Alain Resnais", None, None, []),
        ("Marguerite Duras", "writer", None, []),
        ("Anatole Dauman", "producer", None, []),
        ("Michio Takahashi", None, "Takahashi Michio", ["Japan"]),
        ("Minoru Esaka", None, "Esaka", []),
        ("Lucilla Mussini", None, None, ["uncredited"]),
        ("Alexandre Marcus", "key makeup artist", "A. Marcus", []),
        ("Hara", "assistant director", None, []),
    ]


def test_cast_cells_joined_without_spaces():
    record = parse_text_page(
        _page("Cast\n(in credits order)\nEmmanuelle Riva...Elle\nEiji Okada...Lui\nClarence Gilyard Jr.  ...  Theo\n")
    )
    assert [(m.name, m.character) for m in record.cast] == [
        ("Emmanuelle Riva", "Elle"),
        ("Eiji Okada", "Lui"),
        ("Clarence Gilyard Jr.", "Theo"),
    ]


def test_page_without_breadcrumb_or_imdbpro_link_starts_at_its_title_line():
    text = "Quicklinks\nTop Links\n\nLa strada (1954)\n\nUser Rating:\n8.1/10   31,000 votes »\nYour Rating:\nDirected by\nFederico Fellini\n"
    record = parse_text_page(text)
    assert (record.title, record.year) == ("La strada", 1954)
    assert record.rating.votes == 31000
    assert [m.name for m in record.crew] == ["Federico Fellini"]


def test_title_like_line_without_imdb_labels_is_not_a_title_page():
    import pytest

    from catalogue.parsing import PageError

    with pytest.raises(PageError, match="not an IMDb title page"):
        parse_text_page("My film diary\nLa strada (1954)\nSaw it again, Directed by Fellini.\n")


def test_cast_with_one_table_cell_per_line():
    record = parse_text_page(
        _page(
            "Cast\n(in credits order)\nCharles Boyer\n...\nGregory Anton\nIngrid Bergman ...\nPaula Alquist (as Ingrid Bergmann)\n"
            "Joseph Cotten ... Brian Cameron\n\nDirected by\nGeorge Cukor\n"
        )
    )
    assert [(m.name, m.character, m.credited_as, m.order) for m in record.cast] == [
        ("Charles Boyer", "Gregory Anton", None, 1),
        ("Ingrid Bergman", "Paula Alquist", "Ingrid Bergmann", 2),
        ("Joseph Cotten", "Brian Cameron", None, 3),
    ]
    assert [m.name for m in record.crew] == ["George Cukor"]


def test_label_less_plot_keywords_after_the_plot():
    record = parse_text_page(
        _page(
            "Release Date:\n26 August 1955 (India)\nThe story of a poor family in a Bengal village. Full summary » | Add synopsis »\n"
            "Village | Poverty | Family Relationships See more »\n"
        )
    )
    assert record.taglines == []
    assert record.plot == "The story of a poor family in a Bengal village."
    assert record.plot_keywords == ["Village", "Poverty", "Family Relationships"]


def test_label_less_faq_questions_after_the_other_items():
    record = parse_text_page(
        _page(
            "Did You Know?\n\nRay made the film on a shoestring budget.See more »\n"
            "Featured in Cinema Paradiso (1988)See more »\n"
            "Is this based on a novel?\nWhere was it filmed?\nSee more »\n"
        )
    )
    assert record.trivia == ["Ray made the film on a shoestring budget."]
    assert record.faq_questions == ["Is this based on a novel?", "Where was it filmed?"]
    assert record.faq_count == 2
    assert record.unparsed == []


def test_list_wrapped_onto_the_next_line():
    record = parse_text_page(
        _page(
            "Certification:\nArgentina:18 | Australia:PG |\nFinland:K-18 | UK:X (original rating)\nLanguage:\nBengali\n"
        )
    )
    assert [(c.country, c.rating, c.notes) for c in record.certificates] == [
        ("Argentina", "18", []),
        ("Australia", "PG", []),
        ("Finland", "K-18", []),
        ("UK", "X", ["original rating"]),
    ]
    assert record.languages == ["Bengali"]


def test_quote_on_the_label_line():
    record = parse_text_page(
        _page("Quotes: Apu: Didi! See more »\nMovie Connections: Referenced in Nayak (1966) See more »\n")
    )
    assert [[line.to_dict() for line in quote] for quote in record.quotes] == [[{"character": "Apu", "text": "Didi!"}]]
    assert [(c.type, c.title, c.year) for c in record.connections] == [("Referenced in", "Nayak", 1966)]


def test_photos_and_videos_on_separate_lines():
    record = parse_text_page(
        _page(
            "Photos (See all 12 | slideshow)\nVideos (see all 2)\nPather Panchali -- Trailer\nPather Panchali -- Clip: The train\n"
        )
    )
    assert (record.photo_count, record.video_count, record.videos, record.news) == (
        12,
        2,
        ["Trailer", "Clip: The train"],
        None,
    )


def test_page_cut_mid_line_warns_about_that_line():
    record = parse_text_page(
        "IMDb > Pather Panchali (1955)\n\nPather Panchali (1955) More at IMDbPro »\nRelease Date:\n26 August 1955 (India)\nThe story of a poor fam"
    )
    # A line cut off mid-word is no tagline (nor plot): which field it was is unknown (the
    # corpus's Twilight Zone page ends so, in its plot). It stays in unparsed.
    assert record.taglines == [] and record.plot is None
    assert record.unparsed == ["The story of a poor fam"]
    assert record.warnings[0] == "line 6: the last line is cut off: The story of a poor fam"
    assert "no footer" in record.warnings[1]


def test_list_items_on_separate_lines_with_bars_between():
    record = parse_text_page(
        _page("Genre:\nDrama\n|\nFamily\nSee more »\nCertification:\nIndia:U\n| UK:U\n| USA:Not Rated\n")
    )
    assert record.genres == ["Drama", "Family"]
    assert [(c.country, c.rating) for c in record.certificates] == [("India", "U"), ("UK", "U"), ("USA", "Not Rated")]
    assert record.unparsed == []


def test_crew_with_one_table_cell_per_line():
    record = parse_text_page(
        _page(
            "Produced by\nArthur Hornblow Jr.\n....\nproducer\nMakeup Department\nJack Dawn\n....\nmakeup artist (as J. Dawn)\n"
        )
    )
    assert [(m.department, m.name, m.job, m.credited_as) for m in record.crew] == [
        ("producer", "Arthur Hornblow Jr.", "producer", None),
        ("makeup", "Jack Dawn", "makeup artist", "J. Dawn"),
    ]


def test_review_without_its_end_line_stops_at_the_next_section():
    record = parse_text_page(
        _page(
            "User Reviews\n3 out of 4 people found the following review useful.\nA quiet masterpiece, 3 March 2004\n"
            "Author: reel-watcher from India\n\nOnly paragraph.\n\nRecommendations\nIf you enjoyed this title, our database also recommends:\n"
            "Aparajito  Apur Sansar\nIMDb User Rating:\nIMDb User Rating:\n"
        )
    )
    assert record.reviews[0].text == "Only paragraph."
    assert (record.reviews[0].author, record.reviews[0].location) == ("reel-watcher", "India")
    assert any("no end line" in warning for warning in record.warnings)
    assert [r.title for r in record.recommendations] == ["Aparajito", "Apur Sansar"]
    assert record.recommendation_count == 2


def test_recommendations_one_title_per_line():
    record = parse_text_page(
        _page(
            "If you enjoyed this title, our database also recommends:\n- - -\nAparajito\nApur Sansar\nCharulata\n"
            "IMDb User Rating:\nIMDb User Rating:\nIMDb User Rating:\nShow more recommendations\n"
        )
    )
    assert [r.title for r in record.recommendations] == ["Aparajito", "Apur Sansar", "Charulata"]
    assert record.recommendations_text == "Aparajito Apur Sansar Charulata"
    assert record.recommendation_count == 3


def test_label_less_summary_director_writer_and_stars():
    record = parse_text_page(
        _page(
            "User Rating:\n8.0/10   21,203 votes »\nAlain Resnais\nMarguerite Duras (writer)\n"
            "Emmanuelle Riva, Eiji Okada and Stella Dassas\nRelease Date:\n16 May 1960 (USA)\n"
        )
    )
    assert [(m.department, m.name) for m in record.crew] == [
        ("director", "Alain Resnais"),
        ("writer", "Marguerite Duras"),
    ]
    assert [(m.name, m.order) for m in record.cast] == [("Emmanuelle Riva", 1), ("Eiji Okada", 2), ("Stella Dassas", 3)]
    assert record.unparsed == []
