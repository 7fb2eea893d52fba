"""The Gaslight and Die Hard pages as another extractor wrote them: labels kept, blank lines everywhere."""

from __future__ import annotations

import pytest

from catalogue.parsing import parse_page
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def gaslight():
    return parse_page((SAMPLES / "gaslight-1944.combined-2010.extracted.txt").read_bytes())


@pytest.fixture(scope="module")
def die_hard():
    return parse_page((SAMPLES / "die-hard-1988.maindetails-2009.extracted.txt").read_bytes())


def test_gaslight_header_and_overview(gaslight):
    assert (gaslight.title, gaslight.year, gaslight.kind) == ("Gaslight", 1944, "movie")
    assert gaslight.rating.to_dict() == {"value": 7.8, "best": 10, "votes": 7807}
    assert gaslight.popularity.text == "Up 15% in popularity this week."
    assert gaslight.release_date.date == "1944-05-11"
    assert gaslight.taglines == ["Strange drama of a captive sweetheart!"]
    assert gaslight.plot.startswith("Years after her aunt was murdered in her home")
    assert gaslight.plot.endswith("driving his wife insane.")
    assert gaslight.plot_keywords == ["Scotland Yard", "Letter", "Murder", "Driven Mad", "Pianist"]
    assert (gaslight.awards.oscar_wins, gaslight.awards.wins, gaslight.awards.nominations) == (2, 1, 5)
    assert (gaslight.photo_count, gaslight.video_count) == (12, 2)
    assert gaslight.review_count == 84


def test_gaslight_cast_continues_order_after_rest_of_cast(gaslight):
    cast = gaslight.cast
    assert len(cast) == 53
    assert gaslight.cast_complete is True
    assert [m.order for m in cast] == list(range(1, 54))
    assert (cast[0].name, cast[0].character) == ("Charles Boyer", "Gregory Anton")
    assert (cast[12].name, cast[12].character, cast[12].notes) == ("Jakob Gimpel", "Pianist", [])
    assert (cast[13].name, cast[13].character, cast[13].notes, cast[13].order) == (
        "Harry Adams",
        "Policeman",
        ["uncredited"],
        14,
    )
    terry = next(m for m in cast if m.name == "Terry Moore")
    assert (terry.character, terry.notes) == ("Paula Alquist - Age 14", ["uncredited"])
    assert (cast[-1].name, cast[-1].order) == ("Guy Zanette", 53)


def test_gaslight_crew(gaslight):
    by_department = {}
    for member in gaslight.crew:
        by_department.setdefault(member.department, []).append(member)
    assert [m.name for m in by_department["writer"]] == [
        "Patrick Hamilton",
        "John Van Druten",
        "Walter Reisch",
        "John L. Balderston",
    ]
    assert by_department["writer"][0].notes == ['play "Angel Street"']
    assert by_department["writer"][1].notes == ["screenplay"]
    assert [(m.name, m.job) for m in by_department["producer"]] == [("Arthur Hornblow Jr.", "producer")]
    assert [m.name for m in by_department["costume_designer"]] == ["Irene"]
    keeves = by_department["costume"][0]
    assert (keeves.name, keeves.job, keeves.credited_as) == (
        "Marion Herwood Keyes",
        "associate costume supervisor",
        "Marion Herwood",
    )
    assert [(m.job, m.notes) for m in by_department["music"]][:2] == [
        ("musician: piano solos", []),
        ("composer: additional music", ["uncredited"]),
    ]
    assert len(by_department["music"]) == 7
    assert set(by_department) == {
        "director",
        "writer",
        "producer",
        "composer",
        "cinematographer",
        "editor",
        "art_director",
        "set_decorator",
        "costume_designer",
        "makeup",
        "assistant_director",
        "art_department",
        "sound",
        "special_effects",
        "camera",
        "costume",
        "editorial",
        "music",
        "miscellaneous",
    }
    assert len(gaslight.crew) == 32
    # "George Cukor" and the writers' summary lines repeat people the full lists name.
    assert [m.name for m in by_department["director"]] == ["George Cukor"]


def test_gaslight_companies(gaslight):
    kinds = [c.kind for c in gaslight.companies]
    assert kinds.count("production") == 1 and kinds.count("distributor") == 17 and kinds.count("other") == 1
    assert gaslight.companies[0].to_dict()["name"] == "Metro-Goldwyn-Mayer (MGM)"
    yle = next(c for c in gaslight.companies if c.name == "Yleisradio (YLE)")
    assert yle.notes == ["1965", "1977", "1990", "2008", "Finland", "TV"]
    other = gaslight.companies[-1]
    assert (other.kind, other.name, other.notes) == ("other", "Metro-Goldwyn-Mayer (MGM)", ["presents"])
    assert any(c.name == "Warner Home Vídeo" for c in gaslight.companies)


def test_gaslight_details(gaslight):
    assert gaslight.genres == ["Drama", "Mystery", "Thriller"]
    assert gaslight.countries == ["USA"]
    assert gaslight.languages == ["English"]
    assert gaslight.colors == ["Black and White"]
    assert gaslight.sound_mixes == ["Mono (Western Electric Sound System)"]
    assert [(r.minutes, r.country) for r in gaslight.runtimes] == [(114, None)]
    assert gaslight.aspect_ratio == "1.37 : 1"
    assert len(gaslight.certificates) == 8
    assert gaslight.certificates[-1].to_dict() == {
        "country": "USA",
        "rating": "Approved",
        "notes": ["certificate #9800"],
    }
    assert gaslight.filming_locations == [
        "Metro-Goldwyn-Mayer Studios - 10202 W. Washington Blvd., Culver City, California, USA"
    ]
    assert gaslight.akas == []


def test_gaslight_fun_stuff(gaslight):
    assert gaslight.trivia[0].startswith("The first time Ingrid Bergman met Charles Boyer")
    assert gaslight.goofs[0].category == "Continuity"
    quote = gaslight.quotes[0]
    assert len(quote) == 11
    assert quote[0].to_dict() == {
        "character": "Nancy Oliver",
        "text": "Gonna work on your tunes again tonight, sir? You're always working, aren't you?",
    }
    assert quote[3].to_dict() == {"character": None, "text": "[starts to sing 'Up in a balloon']"}
    assert quote[-1].to_dict() == {"character": None, "text": "[...]"}
    connection = gaslight.connections[0]
    assert (connection.type, connection.year, connection.note) == ("Featured in", 2001, "TV")
    assert connection.title == "AFI's 100 Years... 100 Thrills: America's Most Heart-Pounding Movies"
    assert gaslight.soundtrack == ["Waltz"]
    assert gaslight.faq_count == 3
    assert gaslight.faq_questions[1] == 'To what does the title "Gaslight" refer?'


def test_gaslight_featured_comment(gaslight):
    review = gaslight.reviews[0]
    assert (review.helpful, review.helpful_total) == (31, 42)
    assert (review.title, review.date) == ("Them there eyes", "2001-11-06")
    assert (review.author, review.location) == ("Susan (srella)", "New York")
    assert review.text.startswith("If you're looking for everything you've ever wanted to know about horror")
    assert review.text.endswith("the perfect blend of mystery, suspense, and beauty.")
    assert review.text.count("\n\n") == 6


def test_gaslight_recommendations_are_split_where_the_page_separates_them(gaslight):
    assert [r.title for r in gaslight.recommendations] == [
        "The Murder in Thornton Square",
        "Wait Until Dark",
        "Midnight Lace",
        "Jack the Ripper",
        "Amadeus",
    ]
    assert gaslight.recommendation_count == 5
    assert (
        gaslight.recommendations_text
        == "The Murder in Thornton Square Wait Until Dark Midnight Lace Jack the Ripper Amadeus"
    )


def test_gaslight_boilerplate_is_not_unparsed(gaslight):
    # Message-board posts, NewsDesk headlines, "Share this page:", the footer and Amazon links are furniture.
    assert gaslight.unparsed == []
    assert gaslight.warnings == []


def test_die_hard_overview(die_hard):
    assert (die_hard.title, die_hard.year, die_hard.kind) == ("Die Hard", 1988, "movie")
    assert die_hard.rating.to_dict() == {"value": 8.3, "best": 10, "votes": 154281}
    assert die_hard.top_rank == 123
    assert die_hard.popularity.text == "Up 5% in popularity this week."
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
    assert (die_hard.awards.oscar_nominations, die_hard.awards.wins, die_hard.awards.nominations) == (4, 6, 2)


def test_die_hard_credits_from_summaries(die_hard):
    # A main-details page has no full crew list: "Director:" and "Writers (WGA):" give the rows.
    assert [(m.department, m.name, m.notes, m.order) for m in die_hard.crew] == [
        ("director", "John McTiernan", [], 1),
        ("writer", "Roderick Thorp", ["novel"], 1),
        ("writer", "Jeb Stuart", ["screenplay"], 2),
    ]
    assert len(die_hard.cast) == 15
    assert die_hard.cast_complete is None
    powell = die_hard.cast[2]
    assert (powell.name, powell.character, powell.credited_as, powell.order) == (
        "Reginald VelJohnson",
        "Sgt. Al Powell",
        "Reginald Veljohnson",
        3,
    )
    assert (die_hard.cast[-1].name, die_hard.cast[-1].character) == ("Lorenzo Caccialanza", "Marco")
    assert [(c.kind, c.name) for c in die_hard.companies] == [("production", "Twentieth Century-Fox Film Corporation")]


def test_die_hard_details(die_hard):
    assert [(r.minutes, r.country, r.note) for r in die_hard.runtimes] == [(131, None, None)]
    assert die_hard.countries == ["USA"]
    assert die_hard.languages == ["English", "German", "Italian"]
    assert die_hard.colors == ["Color"]
    assert die_hard.aspect_ratio == "2.20 : 1"
    assert die_hard.sound_mixes == ["70 mm 6-Track (70 mm prints)", "Dolby (35 mm prints)"]
    assert len(die_hard.certificates) == 34
    assert die_hard.certificates[0].to_dict() == {"country": "USA", "rating": "R", "notes": ["certificate #29160"]}
    assert die_hard.certificates[4].to_dict() == {
        "country": "Canada",
        "rating": "18",
        "notes": ["Nova Scotia", "re-rating", "2001"],
    }
    assert die_hard.filming_locations == [
        "20th Century Fox Studios - 10201 Pico Blvd., Century City, Los Angeles, California, USA"
    ]


def test_die_hard_fun_stuff(die_hard):
    assert die_hard.trivia[0].endswith("you can see him wincing.")
    assert die_hard.goofs[0].text.endswith("(error acknowledged by moviemakers).")
    quote = die_hard.quotes[0]
    assert quote[0].to_dict() == {"character": None, "text": "[first lines]"}
    assert quote[1].to_dict() == {"character": "Businessman", "text": "You don't like flying, do you?"}
    assert quote[-1].character == "John McClane"
    assert len(quote) == 9
    assert [(c.type, c.title, c.year) for c in die_hard.connections] == [
        ("Referenced in", "Friends: The One with the Nap Partners (#7.6)", 2000)
    ]
    assert die_hard.soundtrack == ["Brandenburg Concerto No. 3 In G Major, (Allegro Moderato)"]
    assert die_hard.faq_count == 3


def test_die_hard_featured_comment(die_hard):
    review = die_hard.reviews[0]
    assert (review.helpful, review.helpful_total) == (167, 185)
    assert (review.title, review.date, review.author, review.location) == (
        "The Perfect Modern Action Film",
        "2001-07-31",
        "MadReviewer",
        "Oldwick, NJ",
    )
    assert review.text.startswith('"Die Hard" is the prototype type for the modern action film.')
    assert review.text.endswith("the perfect modern action film. Grade: A")


def test_die_hard_recommendations_and_nothing_unparsed(die_hard):
    assert [r.title for r in die_hard.recommendations] == [
        "Live Free or Die Hard",
        "Die Hard 2",
        "Die Hard: With a Vengeance",
        "Face/Off",
        "The Godfather",
    ]
    assert die_hard.recommendation_count == 5
    assert die_hard.unparsed == []
    assert die_hard.warnings == []
