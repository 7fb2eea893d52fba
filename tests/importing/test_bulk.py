"""rows_insert: one executemany per model, the same rows and errors whichever way it is sent."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from catalogue.importing.bulk import EncodedJSON, new_row, rows_insert
from catalogue.models import Genre, SourcePage

pytestmark = pytest.mark.django_db


def test_rows_are_written_in_one_statement_that_logged_queries_show():
    with CaptureQueriesContext(connection) as queries:
        rows_insert(
            Genre, [new_row(Genre, name="Drama", slug="drama"), new_row(Genre, name="Film-Noir", slug="film-noir")]
        )
    assert [query["sql"] for query in queries] == [
        '2 times: INSERT INTO "catalogue_genre" ("name", "slug", "title_count") VALUES (%s, %s, %s)'
    ]
    assert list(Genre.objects.values_list("name", "slug")) == [("Drama", "drama"), ("Film-Noir", "film-noir")]


def test_rows_written_without_query_logging_are_the_same_rows():
    assert not connection.queries_logged  # the driver's own executemany on SQLite
    rows_insert(Genre, [new_row(Genre, name="Ação", slug="acao"), new_row(Genre, name="100% Drama", slug="100-drama")])
    assert list(Genre.objects.values_list("name", flat=True)) == ["100% Drama", "Ação"]


@pytest.mark.parametrize("logged", [False, True])
def test_a_rejected_row_raises_djangos_integrity_error(logged):
    rows_insert(Genre, [new_row(Genre, name="Drama", slug="drama")])
    context = CaptureQueriesContext(connection) if logged else transaction.atomic()
    with pytest.raises(IntegrityError), context, transaction.atomic():
        rows_insert(Genre, [new_row(Genre, name="Drama", slug="drama-2")])  # name is unique
    assert Genre.objects.count() == 1


def test_encoded_json_is_stored_as_the_json_it_is():
    from catalogue.models import Title

    title = Title.objects.create(title="Gaslight", year=1944, slug="gaslight-1944")
    row = new_row(
        SourcePage,
        title_id=title.pk,
        file_name="p.txt",
        sha256="0" * 64,
        raw=b"page",
        record=EncodedJSON('{"title": "Gaslight", "year": 1944, "aka": ["Angel Street"]}'),
    )
    rows_insert(SourcePage, [row])
    assert SourcePage.objects.get().record == {"title": "Gaslight", "year": 1944, "aka": ["Angel Street"]}


def test_both_writers_reject_a_value_longer_than_its_column_naming_model_and_field():
    from catalogue.importing.bulk import row_insert
    from catalogue.importing.outcome import ImportRejected
    from catalogue.models import PendingSplitWord, Title

    title = Title.objects.create(title="Lines", slug="lines")
    # No caller checks these rows itself: the writer does, on SQLite (which would store them) too.
    with pytest.raises(ImportRejected, match=r"PendingSplitWord\.word is 150 characters long, more than the 100"):
        rows_insert(PendingSplitWord, [new_row(PendingSplitWord, title_id=title.pk, word="w" * 150)])
    with pytest.raises(ImportRejected, match=r"Genre\.name is 300 characters long"):
        row_insert(Genre, new_row(Genre, name="g" * 300, slug="g"))
    assert not PendingSplitWord.objects.exists() and not Genre.objects.exists()
    rows_insert(PendingSplitWord, [new_row(PendingSplitWord, title_id=title.pk, word="w" * 100)])
    assert PendingSplitWord.objects.get().word == "w" * 100
