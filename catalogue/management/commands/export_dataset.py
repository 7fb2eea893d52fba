"""export_dataset [OUT]: the catalogue as IMDb-style TSVs and JSON Lines of records (served at /data/)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from catalogue.dataset import dataset_export


class Command(BaseCommand):
    help = (
        "Write the dataset files (IMDb's TSV layout, records.jsonl.gz, manifest.json) to OUT (default: DATASET_ROOT)."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", nargs="?", metavar="OUT", help=f"a folder (default {settings.DATASET_ROOT})")

    def handle(self, *args, out, **options):
        folder = Path(out) if out else Path(settings.DATASET_ROOT)

        def progress(written) -> None:
            self.stderr.write(f"{written.name}: {written.rows:,} rows, {written.bytes:,} bytes")

        dataset = dataset_export(out=folder, progress=progress)
        self.stdout.write(f"dataset written to {dataset.folder}: {len(dataset.files)} files")
