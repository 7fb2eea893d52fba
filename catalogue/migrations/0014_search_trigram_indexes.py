"""The models now declare PostgreSQL's trigram indexes; migration 0003 already created them.

State only: no SQL on either database (SQLite has its FTS5 tables instead; on
PostgreSQL the indexes exist under these names).
"""

from django.db import migrations

import catalogue.models.indexes


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0013_chart_indexes")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="alternatetitle",
                    index=catalogue.models.indexes.TrigramIndex("title_folded", name="catalogue_aka_title_trgm"),
                ),
                migrations.AddIndex(
                    model_name="person",
                    index=catalogue.models.indexes.TrigramIndex("name_folded", name="catalogue_person_name_trgm"),
                ),
                migrations.AddIndex(
                    model_name="title",
                    index=catalogue.models.indexes.TrigramIndex("title_folded", name="catalogue_title_title_trgm"),
                ),
                migrations.AddIndex(
                    model_name="title",
                    index=catalogue.models.indexes.TrigramIndex(
                        "original_title_folded", name="catalogue_title_original_trgm"
                    ),
                ),
            ],
        ),
    ]
