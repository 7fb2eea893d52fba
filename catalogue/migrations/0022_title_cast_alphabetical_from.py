from django.db import migrations, models

# On SQLite each new column copies the title table, which drops its FTS triggers.
from catalogue.search_index import reinstall_search_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0021_episodes_person_index'),
    ]

    operations = [
        # Backwards, removing the column copies the title table again: its triggers after it.
        migrations.RunPython(migrations.RunPython.noop, reinstall_search_triggers, elidable=True),
        migrations.AddField(
            model_name='title',
            name='cast_alphabetical_from',
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(reinstall_search_triggers, migrations.RunPython.noop, elidable=True),
    ]
