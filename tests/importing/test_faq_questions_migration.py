"""0026: each title's faq_questions column becomes rows of its own, in order, and back on reverse."""

BEFORE = [("catalogue", "0025_filming_locations")]
AFTER = [("catalogue", "0026_faq_questions")]
QUESTIONS = ["Is this based on a novel?", "Where was it filmed?\nAnd when?"]


def test_the_faq_questions_column_becomes_rows_and_back(migrate, search_triggers_missing):
    old = migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(
        title="Hiroshima Mon Amour", slug="hiroshima-mon-amour-1959", year=1959, faq_questions=QUESTIONS
    )
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    new = migrate(AFTER)
    questions = list(
        new.get_model("catalogue", "FaqQuestion")
        .objects.order_by("position")
        .values_list("title__title", "position", "text")
    )
    assert questions == [("Hiroshima Mon Amour", 1, QUESTIONS[0]), ("Hiroshima Mon Amour", 2, QUESTIONS[1])]
    assert not search_triggers_missing()

    back = migrate(BEFORE)
    assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "faq_questions")) == {
        "Hiroshima Mon Amour": QUESTIONS,
        "Silent": [],
    }
    assert not search_triggers_missing()
