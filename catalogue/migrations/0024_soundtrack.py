# The soundtrack becomes a list section of its own rows (catalogue/sections.py): each song
# hand-editable in the admin, like taglines. Its JSON column's items are copied first.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# On SQLite removing a column copies the title table, which drops its FTS triggers.
from catalogue.search_index import reinstall_search_triggers


def rows_from_column(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    Soundtrack = apps.get_model("catalogue", "Soundtrack")
    batch = []
    # values_list reads the column: the new relation's accessor shares its name.
    for title_id, songs in Title.objects.exclude(soundtrack=[]).values_list("pk", "soundtrack").iterator(chunk_size=2000):
        batch += [Soundtrack(title_id=title_id, text=str(song), position=i) for i, song in enumerate(songs or [], 1)]
        if len(batch) >= 2000:
            Soundtrack.objects.bulk_create(batch)
            batch = []
    Soundtrack.objects.bulk_create(batch)


def column_from_rows(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    Soundtrack = apps.get_model("catalogue", "Soundtrack")
    songs: dict[int, list[str]] = {}
    for title_id, text in Soundtrack.objects.order_by("title_id", "position", "pk").values_list("title_id", "text"):
        songs.setdefault(title_id, []).append(text)
    Title.objects.bulk_update([Title(pk=pk, soundtrack=items) for pk, items in songs.items()], ["soundtrack"],
                              batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0023_title_mpaa_crazy_credits_alternate_versions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Soundtrack',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('edited_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('text', models.TextField()),
                ('position', models.PositiveIntegerField(default=0)),
                ('edited_by', models.ForeignKey(blank=True, db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                # "+" until the column of the same name is gone (the last operation names it).
                ('title', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='catalogue.title')),
            ],
            options={
                'ordering': ['position'],
            },
        ),
        migrations.RunPython(rows_from_column, column_from_rows),
        # Backwards, the column comes back by copying the title table again: its triggers after it.
        migrations.RunPython(migrations.RunPython.noop, reinstall_search_triggers, elidable=True),
        migrations.RemoveField(
            model_name='title',
            name='soundtrack',
        ),
        migrations.AlterField(
            model_name='soundtrack',
            name='title',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='soundtrack', to='catalogue.title'),
        ),
        migrations.RunPython(reinstall_search_triggers, migrations.RunPython.noop, elidable=True),
    ]
