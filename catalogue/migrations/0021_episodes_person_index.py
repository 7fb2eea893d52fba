"""The person page's title index also carries an episode's series and number (PostgreSQL's INCLUDE).

The filmography names an episode "Series: Episode (S1.E3)": its series id, series title,
season and episode are read with the title's link from ``title_id_updated``, and the
series' slug and title from the same index, so the page stays two index-only reads. As
in migration 0009, SQLite builds the same index with or without ``include``: there this
changes the model state only.
"""

from django.db import migrations, models

OLD_INDEX = models.Index(
    fields=["id", "updated_at"], name="title_id_updated", include=("slug", "title", "year", "kind"),
)
NEW_INDEX = models.Index(
    fields=["id", "updated_at"], name="title_id_updated",
    include=("slug", "title", "year", "kind", "series", "series_title", "season", "episode"),
)


def _rebuild(apps, schema_editor, drop, create) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("catalogue", "title")
    schema_editor.remove_index(model, drop)
    schema_editor.add_index(model, create)


def forwards(apps, schema_editor):
    _rebuild(apps, schema_editor, OLD_INDEX, NEW_INDEX)


def backwards(apps, schema_editor):
    _rebuild(apps, schema_editor, NEW_INDEX, OLD_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0020_import_uploads"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="title", name=OLD_INDEX.name),
                migrations.AddIndex(model_name="title", index=NEW_INDEX),
            ],
            database_operations=[migrations.RunPython(forwards, backwards)],
        ),
    ]
