# The alternate versions become a list section of their own rows (catalogue/sections.py):
# each item hand-editable in the admin, like the soundtrack. Its JSON column's items are copied first.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# On SQLite removing (and, backwards, adding) the column copies the title table, which drops
# its FTS triggers.
from catalogue.search_index import reinstall_search_triggers


def rows_from_column(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    AlternateVersion = apps.get_model("catalogue", "AlternateVersion")
    batch = []
    # values_list reads the column: the new relation's accessor shares its name.
    for title_id, items in Title.objects.exclude(alternate_versions=[]).values_list("pk", "alternate_versions").iterator(chunk_size=2000):
        batch += [AlternateVersion(title_id=title_id, text=str(item), position=i) for i, item in enumerate(items or [], 1)]
        if len(batch) >= 2000:
            AlternateVersion.objects.bulk_create(batch)
            batch = []
    AlternateVersion.objects.bulk_create(batch)


def column_from_rows(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    AlternateVersion = apps.get_model("catalogue", "AlternateVersion")
    items: dict[int, list[str]] = {}
    for title_id, text in AlternateVersion.objects.order_by("title_id", "position", "pk").values_list("title_id", "text"):
        items.setdefault(title_id, []).append(text)
    Title.objects.bulk_update([Title(pk=pk, alternate_versions=found) for pk, found in items.items()], ["alternate_versions"],
                              batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0027_crazy_credits'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AlternateVersion',
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
                'abstract': False,
            },
        ),
        migrations.RunPython(rows_from_column, column_from_rows),
        # Backwards, the column comes back by copying the title table again: its triggers after it.
        migrations.RunPython(migrations.RunPython.noop, reinstall_search_triggers, elidable=True),
        migrations.RemoveField(
            model_name='title',
            name='alternate_versions',
        ),
        migrations.AlterField(
            model_name='alternateversion',
            name='title',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='alternate_versions', to='catalogue.title'),
        ),
        migrations.RunPython(reinstall_search_triggers, migrations.RunPython.noop, elidable=True),
    ]
