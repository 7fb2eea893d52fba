"""A consistent copy of the whole catalogue, taken while the site runs (docs/guide.md: backing up).

SQLite: the online backup API copies the database page by page under a read lock, so
the copy is a whole database even while an import writes (a plain file copy of a WAL
database can miss the pages still in the -wal file). PostgreSQL: ``pg_dump`` in its
custom format, restored with ``pg_restore``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.db import connections


class BackupError(RuntimeError):
    """The backup could not be made (no pg_dump, a failed dump, an unwritable file)."""


@dataclass(frozen=True)
class Backup:
    path: Path
    vendor: str
    size: int


def catalogue_backup(*, path: Path, using: str = "default") -> Backup:
    """Write a copy of database ``using`` to ``path`` (replaced if it exists)."""
    connection = connections[using]
    path = Path(path)
    if connection.vendor == "sqlite":
        _sqlite_backup(connection, path)
    elif connection.vendor == "postgresql":
        _postgresql_backup(connection, path)
    else:
        raise BackupError(f"no backup for the {connection.vendor} database")
    return Backup(path=path, vendor=connection.vendor, size=path.stat().st_size)


def _sqlite_backup(connection, path: Path) -> None:
    connection.ensure_connection()
    partial = path.with_name(path.name + ".partial")
    try:
        target = sqlite3.connect(partial)
    except sqlite3.Error as error:
        raise BackupError(f"{partial}: {error}") from error
    try:
        with target:
            connection.connection.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"{path}: {error}") from error
    finally:
        target.close()
    partial.replace(path)  # a backup file is whole or absent


def _postgresql_backup(connection, path: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError("pg_dump is not installed (Debian: apt-get install postgresql-client)")
    settings = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    command = [pg_dump, "--format=custom", "--no-owner", "--file", str(path), "--dbname", settings["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            command += [flag, str(settings[key])]
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
