"""The two truncated excerpts: a record with what is there, and a warning that the rest is missing."""

from __future__ import annotations

from catalogue.parsing import parse_page
from tests.conftest import SAMPLES


def _parse(name):
    return parse_page((SAMPLES / name).read_bytes())


def test_seven_samurai_labelled_variant():
    record = _parse("seven-samurai-1954.combined-excerpt.txt")
    assert (record.title, record.year, record.kind) == ("Seven Samurai", 1954, "movie")
    assert record.original_title == "Shichinin no samurai"
    assert record.photo_count == 33
    assert record.rating.to_dict() == {"value": 8.7, "best": 10, "votes": 187811}
    assert record.popularity.text == "Up 7% in popularity this week."
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("writer", "Akira Kurosawa", ["screenplay"]),
        ("writer", "Shinobu Hashimoto", ["screenplay"]),
    ]
    assert record.release_date.to_dict() == {
        "date": "1956-11-19",
        "text": "19 November 1956",
        "country": "USA",
        "note": None,
    }
    assert record.genres == []
    assert record.taglines == ["Will Take Its Place With the Seven Greatest Films of All Time!"]
    assert (
        record.plot
        == "A poor village under attack by bandits recruits seven unemployed samurai to help them defend themselves."
    )
    assert record.plot_keywords == []
    assert (record.awards.oscar_nominations, record.awards.wins, record.awards.nominations) == (2, 6, 5)
    assert record.review_count == 559


def test_seven_samurai_cast_with_aliases_and_cut_off_row():
    record = _parse("seven-samurai-1954.combined-excerpt.txt")
    assert record.cast_complete is True
    rows = [(m.name, m.character, m.credited_as, m.order) for m in record.cast]
    assert rows[:6] == [
        ("Toshirô Mifune", "Kikuchiyo", "Toshiro Mifune", 1),
        ("Takashi Shimura", "Kambei Shimada", None, 2),
        ("Keiko Tsushima", "Shino", None, 3),
        ("Yukiko Shimazaki", "Wife", "Yukio Shimazaki", 4),
        ("Kamatari Fujiwara", "Farmer Manzo", None, 5),
        ("Daisuke Katô", "Shichiroji", "Daisake Kato", 6),
    ]
    # The file stops inside "(as Ko Kimura)": the cut-off alias is not kept as a fact.
    assert rows[6] == ("Isao Kimura", "Katsushiro", None, 7)
    assert any("cut off" in warning and "Ko Kimu" in warning for warning in record.warnings)
    assert any("no footer" in warning for warning in record.warnings)
    assert record.unparsed == []


def test_godfather_label_less_variant():
    record = _parse("the-godfather-1972.combined-excerpt.txt")
    assert (record.title, record.year, record.kind, record.original_title) == ("The Godfather", 1972, "movie", None)
    assert (record.photo_count, record.video_count) == (176, 4)
    assert record.videos == [
        "The aging patriarch of an organized crime dynasty transfers control of his clandestine empire to his reluctant son.",
        "Clip: The garden scene with Don and Michael Corleone",
        "Clip: Michael, Fredo and Moe Green",
        "Clip: The wedding of Connie and Carlo",
    ]
    assert record.news is None
    assert record.rating.votes == 1213049
    assert record.popularity.text == "Down 5% in popularity this week."
    # Writers on two lines ending "and" / "...": the summary gives the writer rows.
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("writer", "Mario Puzo", ["screenplay"]),
        ("writer", "Francis Ford Coppola", ["screenplay"]),
    ]
    assert record.release_date.date == "1972-03-24"
    assert record.taglines == ["An offer you can't refuse."]
    assert record.plot.startswith("The aging patriarch")
    assert (record.awards.oscar_wins, record.awards.wins, record.awards.nominations) == (3, 31, 19)
    assert record.review_count == 2348


def test_godfather_cast_rows_separated_by_blank_lines():
    record = _parse("the-godfather-1972.combined-excerpt.txt")
    assert [(m.name, m.character, m.order) for m in record.cast] == [
        ("Marlon Brando", "Don Vito Corleone", 1),
        ("Al Pacino", "Michael Corleone", 2),
        ("James Caan", "Sonny Corleone", 3),
        ("Richard S. Castellano", "Clem", 4),
    ]
    assert record.cast_complete is True
    assert any("cut off" in warning for warning in record.warnings)
    assert record.unparsed == []
