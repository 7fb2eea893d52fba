"""0028: each title's alternate_versions column becomes rows of its own, in order, and back on reverse."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalogue.search_index import repair_sqlite_search_indexes
from catalogue.text_index import repair_sqlite_text_index

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("catalogue", "0027_crazy_credits")]
AFTER = [("catalogue", "0028_alternate_versions")]
VERSIONS = ["A cut & a longer cut.", "The DVD adds a scene.\nAnd a prologue."]


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


def test_the_alternate_versions_column_becomes_rows_and_back():
    old = _migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(
        title="Hiroshima Mon Amour", slug="hiroshima-mon-amour-1959", year=1959, alternate_versions=VERSIONS
    )
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    try:
        new = _migrate(AFTER)
        versions = list(
            new.get_model("catalogue", "AlternateVersion")
            .objects.order_by("position")
            .values_list("title__title", "position", "text")
        )
        assert versions == [("Hiroshima Mon Amour", 1, VERSIONS[0]), ("Hiroshima Mon Amour", 2, VERSIONS[1])]
        assert not _search_triggers_missing()

        back = _migrate(BEFORE)
        assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "alternate_versions")) == {
            "Hiroshima Mon Amour": VERSIONS,
            "Silent": [],
        }
        assert not _search_triggers_missing()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
