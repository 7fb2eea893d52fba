"""The importer keeps the full-text index (catalogue/text_index.py): through the triggers, on every write."""

from __future__ import annotations

import pytest
from django.db import connection

from catalogue.parsing.record import Goof, QuoteLine, Review
from catalogue.selectors.text_search import text_search
from catalogue.text_index import repair_sqlite_text_index
from tests.importing.records import small_record

pytestmark = pytest.mark.django_db


def found(query: str) -> list[tuple[str, str]]:
    return sorted((hit.title.title, hit.section) for hit in text_search(query)[0:50])


def record(trivia: str, line: str):
    return small_record(
        "Gaslight",
        1944,
        plot="A wife is driven toward madness in a foggy London.",
        taglines=["The screen's most sinister secret."],
        trivia=[trivia],
        goofs=[Goof(category="Continuity", text="The gaslight flickers twice.")],
        quotes=[[QuoteLine(character="Paula", text=line)]],
        reviews=[Review(title="Chilling", date="2010-01-01", author="someone", text="Boyer is menacing.")],
    )


def test_an_import_and_a_reimport_keep_the_index(import_record):
    import_record(record("Ingrid Bergman won an Oscar.", "I am not mad."))
    assert found("london") == [("Gaslight", "plot")]
    assert found("sinister") == [("Gaslight", "tagline")]
    assert found("bergman oscar") == [("Gaslight", "trivia")]
    assert found("flickers") == [("Gaslight", "goof")]
    assert found("paula mad") == [("Gaslight", "quote")]
    assert found("menacing") == [("Gaslight", "review")]

    import_record(record("Remade from a 1940 British film.", "Where is the brooch?"))
    assert found("bergman") == [] and found("mad") == []
    assert found("british") == [("Gaslight", "trivia")]
    assert found("brooch") == [("Gaslight", "quote")]
    assert found("london") == [("Gaslight", "plot")]  # one plot document, not two


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite drops a table's triggers when a migration copies it")
def test_missing_triggers_are_put_back_and_the_index_rebuilt(import_record):
    import_record(record("Ingrid Bergman won an Oscar.", "I am not mad."))
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER catalogue_text_fts_catalogue_trivia_insert")
        cursor.execute("DELETE FROM catalogue_text_fts")
    assert found("bergman") == []
    assert repair_sqlite_text_index(connection, expected=True) is True
    assert found("bergman") == [("Gaslight", "trivia")]
    assert found("mad") == [("Gaslight", "quote")]
    assert repair_sqlite_text_index(connection) is False  # nothing missing now
