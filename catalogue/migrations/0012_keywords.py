"""Plot keywords become a vocabulary table (``Keyword``) linked in printed order
(``TitleKeyword.position``), so each keyword has a browsable page; the JSON list
``Title.plot_keywords`` is copied over, in order, and dropped.

A list's repeated or empty names are left out (the link is unique per title and
keyword, as for genres). Keywords keep the case the page printed ("Scotland Yard"):
the export writes them back unchanged.
"""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def _slug_allocator(taken: set[str]):
    from django.utils.text import slugify

    from catalogue.text import fold

    def allocate(name: str) -> str:
        base = slugify(fold(name))[:80].strip("-") or "keyword"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug

    return allocate


def copy_keywords(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    Keyword = apps.get_model("catalogue", "Keyword")
    TitleKeyword = apps.get_model("catalogue", "TitleKeyword")
    ids: dict[str, int] = dict(Keyword.objects.values_list("name", "id"))
    allocate = _slug_allocator(set(Keyword.objects.values_list("slug", flat=True)))
    links = []
    rows = Title.objects.exclude(plot_keywords=[]).values_list("id", "plot_keywords").order_by("id")
    for title_id, names in rows.iterator(chunk_size=BATCH):
        names = [name for name in dict.fromkeys(names or []) if isinstance(name, str) and name.strip()]
        new = [name for name in names if name not in ids]
        if new:
            created = Keyword.objects.bulk_create([Keyword(name=name, slug=allocate(name)) for name in new])
            if any(row.pk is None for row in created):  # backends that do not return ids
                ids.update(Keyword.objects.filter(name__in=new).values_list("name", "id"))
            else:
                ids.update((row.name, row.pk) for row in created)
        links += [TitleKeyword(title_id=title_id, keyword_id=ids[name], position=i) for i, name in enumerate(names, 1)]
        if len(links) >= BATCH:
            TitleKeyword.objects.bulk_create(links)
            links = []
    TitleKeyword.objects.bulk_create(links)


def copy_back(apps, schema_editor):
    Title = apps.get_model("catalogue", "Title")
    TitleKeyword = apps.get_model("catalogue", "TitleKeyword")
    lists: dict[int, list[str]] = {}
    for title_id, name in TitleKeyword.objects.order_by("title_id", "position").values_list("title_id", "keyword__name"):
        lists.setdefault(title_id, []).append(name)
    changed = []
    for title in Title.objects.filter(pk__in=list(lists)).only("pk"):
        title.plot_keywords = lists[title.pk]
        changed.append(title)
    Title.objects.bulk_update(changed, ["plot_keywords"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0011_fold_letters")]

    operations = [
        migrations.CreateModel(
            name="Keyword",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200, unique=True)),
                ("slug", models.SlugField(max_length=220, unique=True)),
            ],
            options={"ordering": ["name"], "abstract": False},
        ),
        migrations.CreateModel(
            name="TitleKeyword",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("keyword", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="catalogue.keyword")),
                ("title", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="catalogue.title")),
            ],
            options={"ordering": ["position"], "abstract": False},
        ),
        migrations.AddField(
            model_name="title",
            name="keywords",
            field=models.ManyToManyField(
                blank=True, related_name="titles", through="catalogue.TitleKeyword", to="catalogue.keyword"
            ),
        ),
        migrations.AddConstraint(
            model_name="titlekeyword",
            constraint=models.UniqueConstraint(fields=("title", "keyword"), name="uniq_title_keyword"),
        ),
        migrations.RunPython(copy_keywords, copy_back),
        migrations.RemoveField(model_name="title", name="plot_keywords"),
    ]
