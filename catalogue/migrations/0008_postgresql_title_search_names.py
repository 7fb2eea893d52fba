"""PostgreSQL: the titles' names in one trigger-kept column with a trigram index (see catalogue/search_index.py).

Nothing on SQLite, whose FTS tables already serve the search.
"""

from django.db import migrations


def create(apps, schema_editor):
    from catalogue.search_index import create_title_search_names

    create_title_search_names(schema_editor)


def drop(apps, schema_editor):
    from catalogue.search_index import drop_title_search_names

    drop_title_search_names(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0007_recommendations_due")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
