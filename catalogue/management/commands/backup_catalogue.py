"""backup_catalogue FILE: a consistent copy of the catalogue, safe while the site runs."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.services.backup import BackupError, catalogue_backup


class Command(BaseCommand):
    help = "Copy the whole catalogue to FILE: a SQLite database file, or a pg_dump custom-format file."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args, file, **options):
        try:
            backup = catalogue_backup(path=Path(file))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{backup.vendor} backup written: {backup.path} ({backup.size:,} bytes)")
