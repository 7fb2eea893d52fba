from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalogue.importing.pages import page_import
from catalogue.search_index import repair_sqlite_search_indexes
from catalogue.text_index import repair_sqlite_text_index


@pytest.fixture
def import_record():
    """Import a record through the real JSON page path; returns the outcome."""
    from tests.importing.records import page_of

    def run(record, **page_options):
        return page_import(page=page_of(record, **page_options))

    return run


@pytest.fixture
def migrate(transactional_db):
    """Migrate the test database to ``targets`` and get that state's models (``apps``).

    The database is migrated back to the latest state after the test, pass or fail.
    """

    def to(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def search_triggers_missing(transactional_db):
    """Whether a copy of the title table dropped its search triggers (the repair puts them back)."""

    def missing() -> bool:
        return bool(repair_sqlite_search_indexes(connection, expected=True)) | repair_sqlite_text_index(
            connection, expected=True
        )

    return missing
