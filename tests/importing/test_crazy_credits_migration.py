"""0027: each title's crazy_credits column becomes rows of its own, in order, and back on reverse."""

BEFORE = [("catalogue", "0026_faq_questions")]
AFTER = [("catalogue", "0027_crazy_credits")]
CREDITS = ["The <i>cat</i> is credited.\nTwice.", "No one is credited at the end."]


def test_the_crazy_credits_column_becomes_rows_and_back(migrate, search_triggers_missing):
    old = migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(title="Hiroshima Mon Amour", slug="hiroshima-mon-amour-1959", year=1959, crazy_credits=CREDITS)
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    new = migrate(AFTER)
    credits = list(
        new.get_model("catalogue", "CrazyCredit")
        .objects.order_by("position")
        .values_list("title__title", "position", "text")
    )
    assert credits == [("Hiroshima Mon Amour", 1, CREDITS[0]), ("Hiroshima Mon Amour", 2, CREDITS[1])]
    assert not search_triggers_missing()

    back = migrate(BEFORE)
    assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "crazy_credits")) == {
        "Hiroshima Mon Amour": CREDITS,
        "Silent": [],
    }
    assert not search_triggers_missing()
