"""0027: each title's crazy_credits column becomes rows of its own, in order, and back on reverse."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalogue.search_index import repair_sqlite_search_indexes
from catalogue.text_index import repair_sqlite_text_index

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("catalogue", "0026_faq_questions")]
AFTER = [("catalogue", "0027_crazy_credits")]
CREDITS = ["The <i>cat</i> is credited.\nTwice.", "No one is credited at the end."]


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


def test_the_crazy_credits_column_becomes_rows_and_back():
    old = _migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(title="Hiroshima Mon Amour", slug="hiroshima-mon-amour-1959", year=1959, crazy_credits=CREDITS)
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    try:
        new = _migrate(AFTER)
        credits = list(
            new.get_model("catalogue", "CrazyCredit")
            .objects.order_by("position")
            .values_list("title__title", "position", "text")
        )
        assert credits == [("Hiroshima Mon Amour", 1, CREDITS[0]), ("Hiroshima Mon Amour", 2, CREDITS[1])]
        assert not _search_triggers_missing()

        back = _migrate(BEFORE)
        assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "crazy_credits")) == {
            "Hiroshima Mon Amour": CREDITS,
            "Silent": [],
        }
        assert not _search_triggers_missing()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
