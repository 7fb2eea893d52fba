"""0026: each title's faq_questions column becomes rows of its own, in order, and back on reverse."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalogue.search_index import repair_sqlite_search_indexes
from catalogue.text_index import repair_sqlite_text_index

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("catalogue", "0025_filming_locations")]
AFTER = [("catalogue", "0026_faq_questions")]
QUESTIONS = ["Is this based on a novel?", "Where was it filmed?\nAnd when?"]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _search_triggers_missing() -> bool:
    """Whether a copy of the title table dropped its search triggers (the repair puts them back)."""
    return bool(repair_sqlite_search_indexes(connection, expected=True)) | repair_sqlite_text_index(
        connection, expected=True
    )


def test_the_faq_questions_column_becomes_rows_and_back():
    old = _migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(
        title="Hiroshima Mon Amour", slug="hiroshima-mon-amour-1959", year=1959, faq_questions=QUESTIONS
    )
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    try:
        new = _migrate(AFTER)
        questions = list(
            new.get_model("catalogue", "FaqQuestion")
            .objects.order_by("position")
            .values_list("title__title", "position", "text")
        )
        assert questions == [("Hiroshima Mon Amour", 1, QUESTIONS[0]), ("Hiroshima Mon Amour", 2, QUESTIONS[1])]
        assert not _search_triggers_missing()

        back = _migrate(BEFORE)
        assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "faq_questions")) == {
            "Hiroshima Mon Amour": QUESTIONS,
            "Silent": [],
        }
        assert not _search_triggers_missing()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
