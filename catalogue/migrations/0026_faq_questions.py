# The FAQ questions become a list section of their own rows (catalogue/sections.py): each
# question hand-editable in the admin, like the soundtrack. Its JSON column's items are copied first.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# On SQLite removing (and, backwards, adding) the column copies the title table, which drops
# its FTS triggers.
from catalogue.search_index import reinstall_search_triggers


def rows_from_column(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    FaqQuestion = apps.get_model("catalogue", "FaqQuestion")
    batch = []
    # values_list reads the column: the new relation's accessor shares its name.
    for title_id, questions in Title.objects.exclude(faq_questions=[]).values_list("pk", "faq_questions").iterator(chunk_size=2000):
        batch += [FaqQuestion(title_id=title_id, text=str(question), position=i) for i, question in enumerate(questions or [], 1)]
        if len(batch) >= 2000:
            FaqQuestion.objects.bulk_create(batch)
            batch = []
    FaqQuestion.objects.bulk_create(batch)


def column_from_rows(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    FaqQuestion = apps.get_model("catalogue", "FaqQuestion")
    questions: dict[int, list[str]] = {}
    for title_id, text in FaqQuestion.objects.order_by("title_id", "position", "pk").values_list("title_id", "text"):
        questions.setdefault(title_id, []).append(text)
    Title.objects.bulk_update([Title(pk=pk, faq_questions=found) for pk, found in questions.items()], ["faq_questions"],
                              batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0025_filming_locations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='FaqQuestion',
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
                'verbose_name': 'FAQ question',
                'ordering': ['position'],
                'abstract': False,
            },
        ),
        migrations.RunPython(rows_from_column, column_from_rows),
        # Backwards, the column comes back by copying the title table again: its triggers after it.
        migrations.RunPython(migrations.RunPython.noop, reinstall_search_triggers, elidable=True),
        migrations.RemoveField(
            model_name='title',
            name='faq_questions',
        ),
        migrations.AlterField(
            model_name='faqquestion',
            name='title',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='faq_questions', to='catalogue.title'),
        ),
        migrations.RunPython(reinstall_search_triggers, migrations.RunPython.noop, elidable=True),
    ]
