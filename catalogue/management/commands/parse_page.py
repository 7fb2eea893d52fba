"""``manage.py parse_page FILE [FILE…]``: print the parsed record of each page as JSON."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from catalogue.parsing import PageError, parse_page


class Command(BaseCommand):
    help = "Parse saved title pages and print their records as JSON (one object, or a list for several files)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="a saved page (text, HTML or JSON record)")

    def handle(self, *args, files: list[str], **options) -> None:
        _utf8(self.stdout._out)
        records = []
        failed = 0
        for path in files:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                records.append(parse_page(data).to_dict())
            except OSError as error:
                failed += 1
                self.stderr.write(f"{path}: cannot read: {error.strerror or error}")
            except PageError as error:
                failed += 1
                self.stderr.write(f"{path}: {error}")
        if records:
            payload = records[0] if len(files) == 1 else records
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        if failed:
            sys.exit(1)


def _utf8(stream) -> None:
    """Print UTF-8 whatever the locale says (names stay as printed, never escaped)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass
