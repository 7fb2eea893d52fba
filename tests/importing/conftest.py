from __future__ import annotations

import pytest

from catalogue.importing.pages import page_import


@pytest.fixture
def import_record():
    """Import a record through the real JSON page path; returns the outcome."""
    from tests.importing.records import page_of

    def run(record, **page_options):
        return page_import(page=page_of(record, **page_options))

    return run
