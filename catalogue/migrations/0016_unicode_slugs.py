"""Slugs may hold any script's letters (catalogue.text.base_slug): the fields' validators only.

The columns do not change (the same varchar), so the database is not touched: on SQLite
an AlterField would rebuild each table, dropping the triggers that keep the search
indexes, for nothing.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0015_full_text'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='colour',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=220, unique=True),
                ),
                migrations.AlterField(
                    model_name='company',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=120, unique=True),
                ),
                migrations.AlterField(
                    model_name='country',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=220, unique=True),
                ),
                migrations.AlterField(
                    model_name='genre',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=220, unique=True),
                ),
                migrations.AlterField(
                    model_name='keyword',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=220, unique=True),
                ),
                migrations.AlterField(
                    model_name='language',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=220, unique=True),
                ),
                migrations.AlterField(
                    model_name='person',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=120, unique=True),
                ),
                migrations.AlterField(
                    model_name='personredirect',
                    name='old_slug',
                    field=models.SlugField(allow_unicode=True, max_length=120, unique=True),
                ),
                migrations.AlterField(
                    model_name='soundmix',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=220, unique=True),
                ),
                migrations.AlterField(
                    model_name='title',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, max_length=120, unique=True),
                ),
            ],
            database_operations=[],
        ),
    ]
