"""0024: each title's soundtrack column becomes rows of its own, in order, and back on reverse."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("catalogue", "0023_title_mpaa_crazy_credits_alternate_versions")]
AFTER = [("catalogue", "0024_soundtrack")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_soundtrack_column_becomes_rows_and_back():
    old = _migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(title="Gaslight", slug="gaslight-1944", year=1944,
                         soundtrack=["Waltz", "Sonata in C\nWritten by Mozart"])
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    try:
        new = _migrate(AFTER)
        songs = list(new.get_model("catalogue", "Soundtrack").objects.order_by("position")
                     .values_list("title__title", "position", "text"))
        assert songs == [("Gaslight", 1, "Waltz"), ("Gaslight", 2, "Sonata in C\nWritten by Mozart")]

        back = _migrate(BEFORE)
        assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "soundtrack")) == {
            "Gaslight": ["Waltz", "Sonata in C\nWritten by Mozart"],
            "Silent": [],
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
