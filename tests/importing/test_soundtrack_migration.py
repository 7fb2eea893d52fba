"""0024: each title's soundtrack column becomes rows of its own, in order, and back on reverse."""

BEFORE = [("catalogue", "0023_title_mpaa_crazy_credits_alternate_versions")]
AFTER = [("catalogue", "0024_soundtrack")]


def test_the_soundtrack_column_becomes_rows_and_back(migrate):
    old = migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(
        title="Gaslight", slug="gaslight-1944", year=1944, soundtrack=["Waltz", "Sonata in C\nWritten by Mozart"]
    )
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    new = migrate(AFTER)
    songs = list(
        new.get_model("catalogue", "Soundtrack")
        .objects.order_by("position")
        .values_list("title__title", "position", "text")
    )
    assert songs == [("Gaslight", 1, "Waltz"), ("Gaslight", 2, "Sonata in C\nWritten by Mozart")]

    back = migrate(BEFORE)
    assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "soundtrack")) == {
        "Gaslight": ["Waltz", "Sonata in C\nWritten by Mozart"],
        "Silent": [],
    }
