"""The person page's two indexes carry what its filmography shows (PostgreSQL's INCLUDE).

SQLite has no covering indexes and Django builds the same index there with or without
``include``, so only PostgreSQL rebuilds them: on SQLite this changes the model state only.
"""

from django.db import migrations, models

OLD_INDEXES = {
    "credit": models.Index(fields=["person", "department", "title"], name="credit_person_dept_title"),
    "title": models.Index(fields=["id", "updated_at"], name="title_id_updated"),
}
NEW_INDEXES = {
    "credit": models.Index(
        fields=["person", "department", "title"], name="credit_person_dept_title",
        include=("department_label", "job", "credited_as", "character", "order", "notes"),
    ),
    "title": models.Index(
        fields=["id", "updated_at"], name="title_id_updated", include=("slug", "title", "year", "kind"),
    ),
}


def _rebuild(apps, schema_editor, drop: dict, create: dict) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name in drop:
        model = apps.get_model("catalogue", model_name)
        schema_editor.remove_index(model, drop[model_name])
        schema_editor.add_index(model, create[model_name])


def forwards(apps, schema_editor):
    _rebuild(apps, schema_editor, OLD_INDEXES, NEW_INDEXES)


def backwards(apps, schema_editor):
    _rebuild(apps, schema_editor, NEW_INDEXES, OLD_INDEXES)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0008_postgresql_title_search_names"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                *(migrations.RemoveIndex(model_name=model, name=index.name) for model, index in OLD_INDEXES.items()),
                *(migrations.AddIndex(model_name=model, index=index) for model, index in NEW_INDEXES.items()),
            ],
            database_operations=[migrations.RunPython(forwards, backwards)],
        ),
    ]
