"""New rows get the first free slug, in a number of queries that does not grow with the clashes."""

import pytest

from catalogue.importing.identity import allocate_slugs
from catalogue.models import Person

pytestmark = pytest.mark.django_db


def _people(slugs):
    Person.objects.bulk_create(
        Person(name=slug, name_folded=slug, slug=slug, imdb_id=f"nm{i:07d}") for i, slug in enumerate(slugs)
    )


@pytest.mark.parametrize("clashes", [3, 40])
def test_clashing_bases_take_the_next_free_numbers(clashes, django_assert_num_queries):
    _people(["jean-leon", "jean-leon-pierre"] + [f"jean-leon-{i}" for i in range(2, clashes + 1)])

    with django_assert_num_queries(2):  # the bases, then the numbered slugs of the one clashing base
        slugs = allocate_slugs(Person, ["jean-leon", "anna-karina", "jean-leon"])

    assert slugs == [f"jean-leon-{clashes + 1}", "anna-karina", f"jean-leon-{clashes + 2}"]


def test_a_gap_in_the_numbers_is_reused():
    _people(["ito", "ito-2", "ito-4"])

    assert allocate_slugs(Person, ["ito", "ito"]) == ["ito-3", "ito-5"]


def test_names_in_other_scripts_get_slugs_in_their_own_letters(import_record, client):
    from urllib.parse import quote

    from catalogue.models import Title
    from catalogue.parsing.record import CrewMember
    from tests.importing.records import small_record

    directors = ["黒澤明", "小津安二郎", "Жан Ренуар"]
    import_record(
        small_record(
            "七人の侍",
            1954,
            crew=[CrewMember("director", "Directed by", name, order=n) for n, name in enumerate(directors, start=1)],
        )
    )
    import_record(small_record("七人の侍", 1954, kind="tv_movie"))  # the same title text again
    import_record(small_record("生きる", 1952, crew=[CrewMember("director", "Directed by", "黒澤明", order=1)]))

    slugs = dict(Person.objects.values_list("name", "slug"))
    assert slugs == {"黒澤明": "黒澤明", "小津安二郎": "小津安二郎", "Жан Ренуар": "жан-ренуар"}
    assert Title.objects.get(title="生きる").slug == "生きる-1952"
    assert sorted(Title.objects.filter(title="七人の侍").values_list("slug", flat=True)) == [
        "七人の侍-1954",
        "七人の侍-1954-2",
    ]

    # The URLs hold those letters (percent-encoded on the wire), and the pages link to each other by them.
    person_page = client.get("/name/жан-ренуар/")
    assert person_page.status_code == 200
    assert f'href="/title/{quote("七人の侍-1954")}/"' in person_page.content.decode()
    title_page = client.get(f"/title/{quote('七人の侍-1954')}/")
    assert title_page.status_code == 200
    assert f'href="/name/{quote("жан-ренуар")}/"' in title_page.content.decode()


def test_names_with_no_letters_at_all_get_a_base_of_their_own(import_record):
    import re

    from catalogue.models import Title
    from catalogue.parsing.record import CrewMember
    from tests.importing.records import small_record

    directors = ["???", "★★★", "—"]
    import_record(
        small_record(
            "☆☆",
            1954,
            crew=[CrewMember("director", "Directed by", name, order=n) for n, name in enumerate(directors, start=1)],
        )
    )
    import_record(small_record("☆☆", 1954, kind="tv_movie"))  # the same title text again
    import_record(small_record("♪", 1952, crew=[CrewMember("director", "Directed by", "???", order=1)]))

    slugs = dict(Person.objects.values_list("name", "slug"))
    assert len(slugs) == 3  # the same printed name in two pages is one person
    # Not "person", "person-2", "person-3": each name hashes to a base of its own.
    assert all(re.fullmatch(r"person-[a-z2-7]{8}", slug) for slug in slugs.values()), slugs
    assert len(set(slugs.values())) == 3

    note_slug = Title.objects.get(title="♪").slug
    first, second = Title.objects.filter(title="☆☆").values_list("slug", flat=True)
    assert re.fullmatch(r"title-[a-z2-7]{8}-1952", note_slug)
    assert re.fullmatch(r"title-[a-z2-7]{8}-1954", min(first, second))
    assert max(first, second) == min(first, second) + "-2"  # the same text: the same base, then -2
