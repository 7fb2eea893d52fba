from django.db import migrations, models


def reinstall_search_triggers(apps, schema_editor):
    # On SQLite the new column (a CHECK constraint) copies the title table, which drops its FTS triggers.
    from catalogue.search_index import repair_sqlite_search_indexes
    from catalogue.text_index import repair_sqlite_text_index

    repair_sqlite_search_indexes(schema_editor.connection, expected=True)
    repair_sqlite_text_index(schema_editor.connection, expected=True)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0021_episodes_person_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='title',
            name='cast_alphabetical_from',
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(reinstall_search_triggers, migrations.RunPython.noop, elidable=True),
    ]
