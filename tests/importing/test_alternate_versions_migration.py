"""0028: each title's alternate_versions column becomes rows of its own, in order, and back on reverse."""

BEFORE = [("catalogue", "0027_crazy_credits")]
AFTER = [("catalogue", "0028_alternate_versions")]
VERSIONS = ["A cut & a longer cut.", "The DVD adds a scene.\nAnd a prologue."]


def test_the_alternate_versions_column_becomes_rows_and_back(migrate, search_triggers_missing):
    old = migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(
        title="Hiroshima Mon Amour", slug="hiroshima-mon-amour-1959", year=1959, alternate_versions=VERSIONS
    )
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    new = migrate(AFTER)
    versions = list(
        new.get_model("catalogue", "AlternateVersion")
        .objects.order_by("position")
        .values_list("title__title", "position", "text")
    )
    assert versions == [("Hiroshima Mon Amour", 1, VERSIONS[0]), ("Hiroshima Mon Amour", 2, VERSIONS[1])]
    assert not search_triggers_missing()

    back = migrate(BEFORE)
    assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "alternate_versions")) == {
        "Hiroshima Mon Amour": VERSIONS,
        "Silent": [],
    }
    assert not search_triggers_missing()
