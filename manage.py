#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A missing or wrong setting (SECRET_KEY, DATABASE_URL…): one line that says
        # which and how to fix it, not a traceback.
        sys.exit(f"manage.py: {error}")


if __name__ == "__main__":
    main()
