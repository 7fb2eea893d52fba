"""The "editors" staff group (see catalogue/permissions.py; the lead may fold this into a squash)."""

from django.db import migrations

from catalogue.permissions import editors_group_ensure, editors_group_remove


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("admin", "0003_logentry_add_action_flag_choices"),
    ]

    operations = [migrations.RunPython(editors_group_ensure, editors_group_remove)]
