"""recount_titles: count every vocabulary's titles afresh (the stored ``title_count``)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from catalogue.importing.counts import counts_recount


class Command(BaseCommand):
    help = "Set the stored title counts of genres, countries, languages, colours, sound mixes and keywords afresh."

    def handle(self, *args, **options):
        # The importer keeps the counts; this repairs them after writes that bypassed it.
        with transaction.atomic():
            counts_recount()
        self.stdout.write("title counts recounted")
