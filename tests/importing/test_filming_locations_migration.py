"""0025: each title's filming_locations column becomes rows of its own, in order, and back on reverse."""

BEFORE = [("catalogue", "0024_soundtrack")]
AFTER = [("catalogue", "0025_filming_locations")]
PLACES = ["Nevers, Nièvre, France", "Hiroshima, Japan"]


def test_the_filming_locations_column_becomes_rows_and_back(migrate, search_triggers_missing):
    old = migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    Title.objects.create(
        title="Hiroshima Mon Amour", slug="hiroshima-mon-amour-1959", year=1959, filming_locations=PLACES
    )
    Title.objects.create(title="Silent", slug="silent-1920", year=1920)
    new = migrate(AFTER)
    places = list(
        new.get_model("catalogue", "FilmingLocation")
        .objects.order_by("position")
        .values_list("title__title", "position", "text")
    )
    assert places == [("Hiroshima Mon Amour", 1, PLACES[0]), ("Hiroshima Mon Amour", 2, PLACES[1])]
    assert not search_triggers_missing()

    back = migrate(BEFORE)
    assert dict(back.get_model("catalogue", "Title").objects.values_list("title", "filming_locations")) == {
        "Hiroshima Mon Amour": PLACES,
        "Silent": [],
    }
    assert not search_triggers_missing()
