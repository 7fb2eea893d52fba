"""Trigram search indexes: FTS5 (trigram) tables and triggers on SQLite, pg_trgm GIN indexes on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    from catalogue.search_index import create_search_indexes

    create_search_indexes(schema_editor)


def drop(apps, schema_editor):
    from catalogue.search_index import drop_search_indexes

    drop_search_indexes(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_editors_group")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
