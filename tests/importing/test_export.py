"""Round trip: record → import → export gives the same record (database ids aside)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.importing.export import iter_title_records, title_export, titles_for_export
from catalogue.models import Title
from catalogue.models.didyouknow import AlternateVersion, CrazyCredit, FaqQuestion
from catalogue.models.titles import FilmingLocation
from catalogue.parsing import parse_page
from catalogue.parsing.record import CastMember, Connection, CrewMember, Recommendation, SeriesRef
from tests.importing.records import full_record, record_bytes, small_record

pytestmark = pytest.mark.django_db


def round_trip(record, import_record):
    parsed = parse_page(record_bytes(record))
    import_record(parsed)
    title = titles_for_export().get(title=record.title, year=record.year)
    return parsed, title_export(title=title)


RECORDS = [
    pytest.param(lambda: full_record(), id="full"),
    pytest.param(lambda: small_record("Bare", None), id="bare"),
    pytest.param(
        lambda: small_record(
            "Pilot",
            2004,
            kind="tv_episode",
            imdb_id="tt0636289",
            series=SeriesRef(title="Lost", year=2004, season=1, episode=1),
            cast=[
                CastMember(name="Matthew Fox", character="Jack", order=1, imdb_id="nm0289142", character_id="ch0001")
            ],
            crew=[
                CrewMember("director", "Directed by", "J.J. Abrams", order=1, imdb_id="nm0009190"),
                CrewMember("weird_heading", "Weird Heading", "Someone", job="thing", order=1),
                CrewMember("writer", "Writing credits", "Jeffrey Lieber", job="story", order=1),
            ],
            connections=[
                Connection(type="Followed by", title="Pilot: Part 2", year=2004, note="TV", imdb_id="tt0636290")
            ],
            recommendations=[Recommendation(title="Heroes", year=2006)],
            seasons=[1, 2],
            plot_keywords=["island"],
            top_rank=3,
        ),
        id="episode",
    ),
]


@pytest.mark.parametrize("make", RECORDS)
def test_round_trip(make, import_record):
    parsed, exported = round_trip(make(), import_record)
    assert exported.to_dict() == parsed.to_dict()


def test_round_trip_with_the_recommendations_split(import_record):
    for name, year in (
        ("Pearl Harbor", 2001),
        ("The English Patient", 1996),
        ("Atonement", 2007),
        ("Marcel Proust's Time Regained", 1999),
        ("Isadora", 1968),
    ):
        import_record(small_record(name, year))
    parsed, exported = round_trip(full_record(), import_record)
    assert Title.objects.get(title="Hiroshima Mon Amour").recommendations.count() == 5
    assert exported.recommendations == [] and exported.to_dict() == parsed.to_dict()


def test_export_command_writes_files_and_one_json(tmp_path, import_record):
    import_record(full_record())
    import_record(small_record("Éloge de l'amour", 2001))

    call_command("export_pages", str(tmp_path / "out"))
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["eloge-de-lamour-2001.json", "hiroshima-mon-amour-1959.json"]
    text = (tmp_path / "out" / "eloge-de-lamour-2001.json").read_text(encoding="utf-8")
    assert '"Éloge de l\'amour"' in text  # ensure_ascii=False
    assert parse_page(text.encode()).title == "Éloge de l'amour"

    call_command("export_pages", "--title", "hiroshima-mon-amour-1959", str(tmp_path / "one.json"))
    records = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    assert [r["title"] for r in records] == ["Hiroshima Mon Amour"]
    assert records[0] == parse_page(record_bytes(full_record())).to_dict()


def test_export_queries_do_not_grow_with_titles(import_record, django_assert_max_num_queries):
    for i in range(3):
        import_record(full_record(title=f"Title {i}"))
    with django_assert_max_num_queries(40):
        records = [title_export(title=t) for t in titles_for_export()]
    assert len(records) == 3


def test_the_list_sections_of_a_chunk_of_titles_are_one_query(import_record):
    for i in range(3):
        import_record(full_record(title=f"Title {i}"))
    with CaptureQueriesContext(connection) as queries:
        records = [record for _title, record in iter_title_records(chunk_size=2)]
    # Every list section (catalogue/sections.py) in one UNION ALL a chunk: two chunks, two queries.
    list_queries = [query for query in queries.captured_queries if "catalogue_runtime" in query["sql"]]
    assert len(records) == 3 and len(list_queries) == 2
    assert all("UNION ALL" in query["sql"] and "catalogue_tagline" in query["sql"] for query in list_queries)
    assert [len(record.akas) for record in records] == [len(full_record().akas)] * 3


def test_mpaa_crazy_credits_and_alternate_versions_are_stored_and_an_edit_is_exported(import_record):
    record = small_record(
        "Rated",
        2000,
        mpaa="Rated R for strong war violence.",
        crazy_credits=["A cat is credited."],
        alternate_versions=["A longer cut on DVD."],
    )
    parsed, exported = round_trip(record, import_record)
    assert exported.to_dict() == parsed.to_dict()

    title = Title.objects.get(title="Rated")
    assert (
        title.mpaa,
        [row.text for row in title.crazy_credits.all()],
        [row.text for row in title.alternate_versions.all()],
    ) == ("Rated R for strong war violence.", ["A cat is credited."], ["A longer cut on DVD."])
    # Columns now, not only the stored page: a staff edit is what the export gives.
    Title.objects.filter(pk=title.pk).update(mpaa="Rated PG-13 on appeal.")
    assert title_export(title=titles_for_export().get(pk=title.pk)).mpaa == "Rated PG-13 on appeal."


# List sections that were JSON columns of the title (migrations 0025–0028): (rows' related name, model, items).
MOVED_LIST_SECTIONS = [
    pytest.param(
        "filming_locations", FilmingLocation, ["Nevers, Nièvre, France", "Hiroshima, Japan"], id="filming_locations"
    ),
    pytest.param(
        "faq_questions", FaqQuestion, ["Is this based on a novel?", "Where was it filmed?"], id="faq_questions"
    ),
    pytest.param("crazy_credits", CrazyCredit, ["A cat is credited.\nTwice.", "No one else."], id="crazy_credits"),
    pytest.param(
        "alternate_versions", AlternateVersion, ["A longer cut on DVD.", "A colourised one."], id="alternate_versions"
    ),
]


@pytest.mark.parametrize("field, model, items", MOVED_LIST_SECTIONS)
def test_a_moved_list_section_is_rows_that_round_trip_and_an_edit_is_exported(field, model, items, import_record):
    parsed, exported = round_trip(small_record("Listed", 2000, **{field: items}), import_record)
    assert exported.to_dict() == parsed.to_dict()

    title = Title.objects.get(title="Listed")
    assert [(row.position, row.text) for row in getattr(title, field).all()] == list(enumerate(items, 1))
    model.objects.filter(title=title, position=2).update(text="Edited by staff.")
    assert getattr(title_export(title=titles_for_export().get(pk=title.pk)), field) == [items[0], "Edited by staff."]
