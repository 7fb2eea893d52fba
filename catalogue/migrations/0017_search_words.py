"""An index for the search box's exact names; SQLite's trigram vocabularies for "did you mean"."""

from django.conf import settings
from django.db import migrations, models

from catalogue.search_index import create_sqlite_vocabularies, drop_sqlite_vocabularies


def create_vocabularies(apps, schema_editor):
    create_sqlite_vocabularies(schema_editor)


def drop_vocabularies(apps, schema_editor):
    drop_sqlite_vocabularies(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0016_unicode_slugs'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='title',
            index=models.Index(fields=['original_title_folded'], name='title_original_folded'),
        ),
        # SQLite's "did you mean" counts the rows of each trigram (catalogue/search_index.py).
        migrations.RunPython(create_vocabularies, drop_vocabularies),
    ]
