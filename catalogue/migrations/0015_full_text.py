"""The full-text index of plot, taglines, trivia, goofs, quotes and reviews (catalogue/text_index.py)."""

from django.db import migrations


def create(apps, schema_editor):
    from catalogue.text_index import create_text_index

    create_text_index(schema_editor)


def drop(apps, schema_editor):
    from catalogue.text_index import drop_text_index

    drop_text_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0014_search_trigram_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
