"""An index for the search's case-insensitive certificate filter (``country__iexact``, ``rating__iexact``).

Django writes ``iexact`` as ``LIKE %s`` on SQLite and ``UPPER(col) = UPPER(%s)`` on
PostgreSQL; neither can use the plain (country, rating) index, so at 100,000 titles
(1.5 million certificates) the filter read the whole table. SQLite uses a NOCASE index
for a LIKE without wildcards; PostgreSQL an index on the UPPER expressions. Both carry
title_id, so the filter's subquery reads the index alone.
"""

from django.db import migrations

NAME = "certificate_country_rating_ci"


def create(apps, schema_editor):
    table = schema_editor.quote_name("catalogue_certificate")
    if schema_editor.connection.vendor == "sqlite":
        columns = "country COLLATE NOCASE, rating COLLATE NOCASE, title_id"
    elif schema_editor.connection.vendor == "postgresql":
        columns = "UPPER(country::text), UPPER(rating::text), title_id"
    else:
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} ({columns})")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0004_import_speed")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
