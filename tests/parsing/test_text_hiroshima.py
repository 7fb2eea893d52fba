"""The Hiroshima sample: every key of the contract (docs/page-record.md) with the values it lists."""

from __future__ import annotations

import json

import pytest

from catalogue.parsing import parse_page
from catalogue.parsing.text import parse_text_page
from tests.conftest import SAMPLES

SAMPLE = "hiroshima-mon-amour-1959.combined.txt"


@pytest.fixture(scope="module")
def record():
    return parse_page((SAMPLES / SAMPLE).read_bytes())


def test_header(record):
    assert record.title == "Hiroshima Mon Amour"
    assert record.year == 1959
    assert record.end_year is None
    assert record.kind == "movie"
    assert record.original_title == "Hiroshima mon amour"
    assert record.series is None
    assert record.imdb_id is None
    assert record.source_format == "text"
    assert record.page_type == "title"


def test_imdb_id_comes_from_the_url():
    text = (SAMPLES / SAMPLE).read_text(encoding="utf-8")
    record = parse_text_page(text, url="http://www.imdb.com/title/tt0052893/combined")
    assert record.imdb_id == "tt0052893"


def test_overview(record):
    assert record.rating.to_dict() == {"value": 8.0, "best": 10, "votes": 21203}
    assert record.popularity.to_dict() == {"rank": None, "text": "Up 1% in popularity this week."}
    assert record.release_date.to_dict() == {
        "date": "1960-05-16",
        "text": "16 May 1960",
        "country": "USA",
        "note": None,
    }
    assert record.taglines == ["...from the measureless depths of a woman's emotions..."]
    assert record.plot == (
        "A French actress filming an anti-war film in Hiroshima has an affair with a married Japanese "
        "architect as they share their differing perspectives on war."
    )
    assert record.photo_count == 18
    assert record.news.startswith(
        "Hiroshima Mon Amour -- The new restoration of Alain Resnais' HIROSHIMA MON AMOUR opens October 17"
    )
    assert record.news.endswith("the unavoidable memories of the war and atomic mass destruction.")
    assert record.awards.to_dict() == {
        "text": "Nominated for Oscar. Another 6 wins & 5 nominations",
        "oscar_wins": 0,
        "oscar_nominations": 1,
        "wins": 6,
        "nominations": 5,
    }


def test_details(record):
    assert record.genres == record.countries == record.languages == record.colors == record.sound_mixes == []
    assert [r.to_dict() for r in record.runtimes] == [{"minutes": 90, "country": None, "note": None}]
    assert record.aspect_ratio == "1.37 : 1"
    assert [a.to_dict() for a in record.akas] == [
        {"title": "Hiroshima mon amour", "country": "France", "notes": ["original title"]},
        {"title": "Hiroshima, My Love", "country": "International", "notes": ["English title", "imdb display title"]},
    ]


def test_certificates(record):
    certificates = [(c.country, c.rating, c.notes) for c in record.certificates]
    assert len(certificates) == 19
    assert certificates == [
        ("Argentina", "18", []),
        ("Australia", "PG", []),
        ("Finland", "K-18", []),
        ("Hungary", "18", []),
        ("Ireland", "12", ["2015"]),
        ("Italy", "VM16", ["original rating"]),
        ("Italy", "T", ["re-rating", "1974"]),
        ("Netherlands", "12", []),
        ("Portugal", "M/12", ["DVD rating"]),
        ("Portugal", "M/12", ["Qualidade"]),
        ("Portugal", "(Banned)", ["original rating"]),
        ("Singapore", "PG", []),
        ("South Korea", "15", []),
        ("Sweden", "15", []),
        ("UK", "X", ["original rating"]),
        ("UK", "PG", ["video"]),
        ("UK", "12", ["re-rating", "2011"]),
        ("USA", "Not Rated", []),
        ("West Germany", "16", ["f"]),
    ]


# (department, name, job, credited_as, notes, order), in page order.
CREW = [
    ("director", "Alain Resnais", None, None, [], 1),
    ("writer", "Marguerite Duras", "writer", None, [], 1),
    ("producer", "Anatole Dauman", "producer", None, [], 1),
    ("producer", "Samy Halfon", "producer", None, [], 2),
    ("composer", "Georges Delerue", None, None, [], 1),
    ("composer", "Giovanni Fusco", None, None, [], 2),
    ("cinematographer", "Michio Takahashi", None, "Takahashi Michio", ["Japan"], 1),
    ("cinematographer", "Sacha Vierny", None, None, ["France"], 2),
    ("editor", "Jasmine Chasney", None, None, [], 1),
    ("editor", "Henri Colpi", None, None, [], 2),
    ("editor", "Anne Sarraute", None, None, [], 3),
    ("production_designer", "Minoru Esaka", None, "Esaka", [], 1),
    ("production_designer", "Lucilla Mussini", None, None, ["uncredited"], 2),
    ("costume_designer", "Gerard Collery", None, None, [], 1),
    ("makeup", "Alexandre Marcus", "key makeup artist", "A. Marcus", [], 1),
    ("makeup", "Éliane Marcus", "hair stylist", "Eliane Marcus", [], 2),
    ("production_manager", "Sacha Kamenka", "production manager", None, [], 1),
    ("production_manager", "Takeo Shirakawa", "production manager", "Shirakawa Takeo", [], 2),
    ("assistant_director", "T. Andrefouet", "assistant director", None, [], 1),
    ("assistant_director", "R. Guyonne", "assistant director", None, [], 2),
    ("assistant_director", "Hara", "assistant director", None, [], 3),
    ("assistant_director", "Itoi", "assistant director", None, [], 4),
    ("assistant_director", "Jean Léon", "assistant director", "J.P. Léon", [], 5),
    ("assistant_director", "I. Shirai", "assistant director", None, [], 6),
    ("art_department", "Miyakuni", "assistant set decorator", None, [], 1),
    ("sound", "Gilles Barberis", "audio restorer", None, [], 1),
    ("sound", "Pierre-Louis Calvet", "sound engineer", "P. Calvet", [], 2),
    ("sound", "René Renault", "sound engineer", "R. Renault", [], 3),
    ("camera", "Jean Chiabaut", "assistant camera", "J. Chiabaut", [], 1),
    ("camera", "Denys Clerval", "assistant camera", "D. Clerval", [], 2),
    ("camera", "Ito", "lighting technician", None, [], 3),
    ("camera", "Goupil Watanabe", "camera operator", None, [], 4),
    ("miscellaneous", "Sylvette Baudrot", "script", None, [], 1),
    ("miscellaneous", "Gérard Jarlot", "literary consultant", None, [], 2),
    ("miscellaneous", "Nicole Seyler", "production secretary", None, [], 3),
]

LABELS = {
    "director": "Directed by",
    "writer": "Writing credits",
    "producer": "Produced by",
    "composer": "Original Music by",
    "cinematographer": "Cinematography by",
    "editor": "Film Editing by",
    "production_designer": "Production Design by",
    "costume_designer": "Costume Design by",
    "makeup": "Makeup Department",
    "production_manager": "Production Management",
    "assistant_director": "Second Unit Director or Assistant Director",
    "art_department": "Art Department",
    "sound": "Sound Department",
    "camera": "Camera and Electrical Department",
    "miscellaneous": "Other crew",
}


def test_crew_rows(record):
    rows = [(m.department, m.name, m.job, m.credited_as, m.notes, m.order) for m in record.crew]
    assert rows == CREW
    assert len(record.crew) == 35
    assert len({m.department for m in record.crew}) == 15
    assert all(m.department_label == LABELS[m.department] for m in record.crew)


def test_writer_summary_line_adds_no_second_writer(record):
    # "Marguerite Duras (writer)" in the overview names the writer the full list already has.
    assert [m.name for m in record.crew if m.department == "writer"] == ["Marguerite Duras"]


def test_cast_and_companies(record):
    assert record.cast == []
    assert record.cast_complete is True
    assert record.companies == []


def test_did_you_know(record):
    assert record.trivia == [
        "This started life as a documentary about the nuclear bomb drop on Hiroshima until Alain Resnais "
        "decided to include fictional elements."
    ]
    assert [g.to_dict() for g in record.goofs] == [
        {
            "category": "Continuity",
            "text": "After they leave the teahouse, a shot from the side shows Lui standing behind Elle to her left "
            "with a gap of about a foot and a half. The next frontal shot shows him standing directly behind her "
            "with only a small gap between them.",
        }
    ]
    assert [[line.to_dict() for line in quote] for quote in record.quotes] == [
        [
            {"character": "Lui", "text": "[First lines] You saw nothing in Hiroshima. Nothing."},
            {"character": "Elle", "text": "I saw everything. Everything."},
        ]
    ]
    assert [(c.type, c.title, c.year, c.note) for c in record.connections] == [("Featured in", "Taj Mahal", 2015, None)]
    assert record.faq_count == 0
    assert record.faq_questions == []


def _review_text_from_sample() -> str:
    lines = (SAMPLES / SAMPLE).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("Author: chaos-rampant")) + 1
    end = lines.index("Was the above review useful to you?")
    return "\n\n".join(line for line in lines[start:end] if line.strip())


def test_review(record):
    assert record.review_count == 99
    assert len(record.reviews) == 1
    review = record.reviews[0]
    assert (review.title, review.date, review.author, review.location) == (
        "The beginnings of the inland empire",
        "2011-05-10",
        "chaos-rampant",
        "Greece",
    )
    assert (review.helpful, review.helpful_total) == (15, 18)
    assert review.text == _review_text_from_sample()
    assert review.text.startswith("Memory has persistently troubled filmmakers")
    assert review.text.endswith("Something to meditate upon.")
    assert review.text.count("\n\n") == 8  # nine paragraphs
    assert "—internal observers of images." in review.text


def test_recommendations(record):
    assert (
        record.recommendations_text
        == "Pearl Harbor The English Patient Atonement Marcel Proust's Time Regained Isadora"
    )
    assert record.recommendation_count == 5
    assert record.recommendations == []


def test_nothing_unparsed_nothing_warned(record):
    assert record.unparsed == []
    assert record.warnings == []


def test_record_is_json_with_every_contract_key(record):
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    contract_keys = """title year end_year kind original_title series imdb_id rating popularity release_date taglines plot
        genres countries languages colors sound_mixes runtimes aspect_ratio awards photo_count news cast cast_complete
        crew companies akas certificates trivia goofs quotes connections review_count reviews recommendations
        recommendations_text recommendation_count faq_count warnings unparsed""".split()
    assert set(contract_keys) <= set(data)
