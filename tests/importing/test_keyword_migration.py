"""0012_keywords: the JSON list of plot keywords becomes Keyword rows linked in printed order."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("catalogue", "0011_fold_letters")]
AFTER = [("catalogue", "0012_keywords")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_migration_copies_keyword_lists_in_order_and_drops_the_json_field():
    old = _migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    first = Title.objects.create(title="Gaslight", slug="gaslight-1944", year=1944,
                                 plot_keywords=["Scotland Yard", "Letter", "Murder", "Letter", ""])
    Title.objects.create(title="Rope", slug="rope-1948", year=1948, plot_keywords=["Murder", "murder", "Party"])
    Title.objects.create(title="Nothing", slug="nothing", year=1950, plot_keywords=[])
    try:
        new = _migrate(AFTER)
        TitleKeyword = new.get_model("catalogue", "TitleKeyword")
        Keyword = new.get_model("catalogue", "Keyword")
        links = TitleKeyword.objects.order_by("title__year", "position").values_list("title__slug", "keyword__name", "position")
        assert list(links) == [
            # A repeated and an empty name are left out; order and case are kept.
            ("gaslight-1944", "Scotland Yard", 1), ("gaslight-1944", "Letter", 2), ("gaslight-1944", "Murder", 3),
            ("rope-1948", "Murder", 1), ("rope-1948", "murder", 2), ("rope-1948", "Party", 3),
        ]
        assert dict(Keyword.objects.values_list("name", "slug")) == {
            "Scotland Yard": "scotland-yard", "Letter": "letter", "Murder": "murder", "murder": "murder-2",
            "Party": "party",
        }
        assert "plot_keywords" not in {f.name for f in new.get_model("catalogue", "Title")._meta.get_fields()}

        back = _migrate(BEFORE)  # and the reverse writes the lists back
        assert back.get_model("catalogue", "Title").objects.get(pk=first.pk).plot_keywords == [
            "Scotland Yard", "Letter", "Murder",
        ]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
