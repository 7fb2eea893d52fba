"""Plot keywords are written to the Keyword vocabulary, linked in printed order, and read back."""

import pytest

from catalogue.importing.export import title_export, titles_for_export
from catalogue.models import Keyword, Title, TitleKeyword
from tests.importing.records import small_record

pytestmark = pytest.mark.django_db


def _links(title):
    return list(TitleKeyword.objects.filter(title=title).order_by("position").values_list("keyword__name", "position"))


def test_keywords_are_shared_rows_linked_in_order_and_replaced_on_reimport(import_record):
    import_record(small_record("Gaslight", 1944, plot_keywords=["Scotland Yard", "Murder", "Pianist"]))
    import_record(small_record("Rope", 1948, plot_keywords=["Murder", "murder"]))
    gaslight, rope = Title.objects.get(title="Gaslight"), Title.objects.get(title="Rope")

    assert _links(gaslight) == [("Scotland Yard", 1), ("Murder", 2), ("Pianist", 3)]
    assert _links(rope) == [("Murder", 1), ("murder", 2)]
    # One "Murder" row for both titles; case is kept, so "murder" is another (with its own slug).
    assert Keyword.objects.filter(name="Murder").count() == 1
    assert Keyword.objects.get(name="murder").slug == "murder-2"

    import_record(small_record("Gaslight", 1944, plot_keywords=["Pianist", "Letter"]))
    assert _links(gaslight) == [("Pianist", 1), ("Letter", 2)]
    exported = title_export(title=titles_for_export().get(pk=gaslight.pk))
    assert exported.plot_keywords == ["Pianist", "Letter"]
