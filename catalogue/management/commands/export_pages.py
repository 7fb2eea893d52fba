"""export_pages [--title SLUG] OUT: write catalogued titles back as JSON records."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.dataset import unmapped_reads
from catalogue.importing.export import iter_title_records, titles_for_export


class Command(BaseCommand):
    help = "Write titles as JSON records: one file per title in OUT (a folder), or one file if OUT ends with .json."

    def add_arguments(self, parser):
        parser.add_argument("out", metavar="OUT")
        parser.add_argument("--title", metavar="SLUG", help="only this title")

    def handle(self, *args, out, title, **options):
        with unmapped_reads():  # flat memory on SQLite (catalogue/dataset.py)
            self._export(out, title)

    def _export(self, out, title) -> None:
        titles = titles_for_export()
        if title:
            titles = titles.filter(slug=title)
            if not titles.exists():
                raise CommandError(f"no title with slug {title!r}")
        out_path = Path(out)
        count = 0
        if out_path.suffix.lower() == ".json":
            out_path.parent.mkdir(parents=True, exist_ok=True)
            # Streamed: one record at a time, so memory stays flat however many titles.
            with out_path.open("w", encoding="utf-8") as handle:
                handle.write("[")
                for row, record in iter_title_records(titles):
                    handle.write(",\n" if count else "\n")
                    handle.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
                    count += 1
                handle.write("\n]\n")
        else:
            out_path.mkdir(parents=True, exist_ok=True)
            for row, record in iter_title_records(titles):
                path = out_path / f"{row.slug}.json"
                path.write_text(json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
                count += 1
        self.stdout.write(f"exported {count} title{'s' if count != 1 else ''} to {out_path}")
