"""Fold the stored name and title columns again: fold() now maps the Latin letters NFKD
leaves whole (ø→o, ł→l, æ→ae, …), so "zulawski" finds Żuławski.

Only rows with a non-ASCII character can change, and only those are written. Slugs are
left as they are: a published URL never changes. On PostgreSQL the triggers on the
folded columns keep ``search_names`` in step; on SQLite the FTS tables' triggers do.
"""

from django.db import migrations

BATCH = 2000


def _refold(model, pairs):
    from catalogue.text import fold

    changed = []
    for row in model.objects.only("pk", *[source for source, _ in pairs], *[target for _, target in pairs]).iterator(chunk_size=BATCH):
        dirty = False
        for source, target in pairs:
            text = getattr(row, source) or ""
            if text.isascii():
                continue
            folded = fold(text)
            if getattr(row, target) != folded:
                setattr(row, target, folded)
                dirty = True
        if dirty:
            changed.append(row)
        if len(changed) >= BATCH:
            model.objects.bulk_update(changed, [target for _, target in pairs])
            changed = []
    if changed:
        model.objects.bulk_update(changed, [target for _, target in pairs])


def refold(apps, schema_editor):
    _refold(apps.get_model("catalogue", "Title"), [("title", "title_folded"), ("original_title", "original_title_folded")])
    _refold(apps.get_model("catalogue", "AlternateTitle"), [("aka", "title_folded")])
    _refold(apps.get_model("catalogue", "Person"), [("name", "name_folded")])


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0010_capture_precision")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop, elidable=True)]
