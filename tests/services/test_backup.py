"""A backup restores to the same catalogue, by the steps docs/guide.md gives (SQLite, and PostgreSQL in CI)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from catalogue.importing.pages import paths_import
from catalogue.models import Credit, SourcePage, Title
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
READ_CATALOGUE = (
    "import json; from catalogue.models import Credit, SourcePage, Title; print(json.dumps({"
    "'titles': sorted(Title.objects.values_list('slug', 'title', 'rating', 'votes')), "
    "'sources': sorted(SourcePage.objects.values_list('sha256', flat=True)), "
    "'credits': Credit.objects.count()}, default=str))"
)


def _catalogue_at(database_url: str) -> dict:
    """What the site would read from ``database_url``, asked through manage.py as a restored site would be."""
    environment = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE"}}
    environment.update(DEBUG="1", DATABASE_URL=database_url)
    check = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr  # the restored schema is the code's
    shell = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", READ_CATALOGUE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(shell.stdout.strip().splitlines()[-1])  # the last line: the shell may say more first


def _catalogue_here() -> dict:
    return json.loads(
        json.dumps(
            {
                "titles": sorted(Title.objects.values_list("slug", "title", "rating", "votes")),
                "sources": sorted(SourcePage.objects.values_list("sha256", flat=True)),
                "credits": Credit.objects.count(),
            },
            default=str,
        )
    )


@pytest.fixture
def samples_imported(transactional_db):
    report = paths_import([SAMPLES])
    assert report.imported >= 5 and not report.failed
    return _catalogue_here()


def _backup(path: Path) -> str:
    out = io.StringIO()
    call_command("backup_catalogue", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite file's backup (PostgreSQL's is below)")
def test_a_sqlite_backup_restores_to_the_same_catalogue(samples_imported, tmp_path):
    backup = tmp_path / "catalogue-backup.sqlite3"

    said = _backup(backup)

    assert said == f"sqlite backup written: {backup} ({backup.stat().st_size:,} bytes)\n"
    # Restoring is copying the file back in place of db.sqlite3 (the site stopped).
    restored = tmp_path / "db.sqlite3"
    shutil.copyfile(backup, restored)
    assert _catalogue_at(f"sqlite:///{restored}") == samples_imported
    assert not (tmp_path / "catalogue-backup.sqlite3.partial").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore need a PostgreSQL server")
def test_a_postgresql_dump_restores_to_the_same_catalogue(samples_imported, tmp_path):
    import psycopg

    backup = tmp_path / "catalogue.dump"
    _backup(backup)

    settings = connection.settings_dict
    name = f"restore_{uuid.uuid4().hex[:12]}"
    base = f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        # docs/guide.md's restore: pg_restore into an empty database.
        restore = subprocess.run(
            ["pg_restore", "--no-owner", "--dbname", f"{base}/{name}", str(backup)], capture_output=True, text=True
        )
        assert restore.returncode == 0, restore.stderr
        assert _catalogue_at(f"{base}/{name}") == samples_imported
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_to_a_folder_that_does_not_exist_says_so(db, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no-such-folder"):
        _backup(tmp_path / "no-such-folder" / "backup.file")
