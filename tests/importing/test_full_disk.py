"""A database that stops taking writes (a full disk) stops the import cleanly: every page
counted is committed and whole, nothing is reported imported that was rolled back, and
the same command run again once there is room imports the rest.

SQLite's ``max_page_count`` makes the database file full at a chosen size: SQLite then
answers every write with SQLITE_FULL, the error a full disk gives.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from catalogue.models import Credit, SourcePage, Title
from tests.importing.records import crew, record_bytes, small_record

PAGES = 80
CREW = 20


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(PAGES):
        record = small_record(f"Title {i}", 2000, crew=crew(CREW, prefix=f"Person {i}"))
        (folder / f"page-{i:04d}.json").write_bytes(record_bytes(record))
    return folder


@pytest.fixture
def database_room():
    """Set how many more pages of 4 KiB the database file may grow by; unlimited again afterwards."""

    def limit(more_pages: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA page_count")
            (used,) = cursor.fetchone()
            cursor.execute(f"PRAGMA max_page_count = {used + more_pages}")

    yield limit
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA max_page_count = 1073741823")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a full database is made with SQLite's max_page_count")
@pytest.mark.django_db(transaction=True)
def test_a_full_disk_stops_the_import_and_a_rerun_finishes(pages, database_room, capsys):
    database_room(60)
    with pytest.raises(CommandError) as stopped:
        call_command("import_pages", "--commit-every", "10", str(pages))
    message = str(stopped.value)
    assert message.startswith("stopped: ")
    assert "database or disk is full" in message
    assert "run the same command again" in message
    out = capsys.readouterr().out
    imported = int(re.search(r"imported (\d+),", out).group(1))
    rolled_back = int(re.search(r"\((\d+) page\(s\)\)", message).group(1))

    # What the report counts is what the catalogue holds, each page whole.
    assert 0 < imported < PAGES
    assert Title.objects.count() == imported
    assert SourcePage.objects.count() == imported
    assert SourcePage.objects.filter(title__isnull=True).count() == 0
    assert Credit.objects.count() == imported * CREW
    assert imported % 10 == 0  # whole groups only
    assert "failed 0" in out  # no page is blamed for the database's state
    assert 0 <= rolled_back < 10

    database_room(100_000)
    call_command("import_pages", str(pages))
    out = capsys.readouterr().out
    assert f"imported {PAGES - imported}, updated 0, unchanged {imported}" in out
    assert Title.objects.count() == PAGES
    assert Credit.objects.count() == PAGES * CREW
