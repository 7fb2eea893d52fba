"""reparse [--title SLUG]: re-parse stored source pages with the current parser."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from catalogue.importing.reparse import sources_reparse
from catalogue.models import SourcePage, Title


class Command(BaseCommand):
    help = "Re-parse stored source pages with the current parser and re-import what changed."

    def add_arguments(self, parser):
        parser.add_argument("--title", metavar="SLUG", help="only the pages of this title")

    def handle(self, *args, title, **options):
        sources = SourcePage.objects.order_by("captured_at", "pk")
        if title:
            found = Title.objects.filter(slug=title).first()
            if found is None:
                raise CommandError(f"no title with slug {title!r}")
            sources = sources.filter(title=found)
        report = sources_reparse(sources.iterator(chunk_size=100))
        self.stdout.write(
            f"reparsed {report.changed + report.unchanged + len(report.failed)} pages: changed {report.changed}, "
            f"unchanged {report.unchanged}, failed {len(report.failed)}, conflicts {len(report.conflicts)}"
        )
        for failure in report.failed:
            self.stdout.write(f"failed: {failure}")
        for name, conflict in report.conflicts:
            self.stdout.write(f"conflict: {name}: {conflict}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} page(s) failed to re-parse", returncode=1)
