"""New rows get the first free slug, in a number of queries that does not grow with the clashes."""

import pytest

from catalogue.importing.identity import allocate_slugs
from catalogue.models import Person

pytestmark = pytest.mark.django_db


def _people(slugs):
    Person.objects.bulk_create(Person(name=slug, name_folded=slug, slug=slug, imdb_id=f"nm{i:07d}") for i, slug in enumerate(slugs))


@pytest.mark.parametrize("clashes", [3, 40])
def test_clashing_bases_take_the_next_free_numbers(clashes, django_assert_num_queries):
    _people(["jean-leon", "jean-leon-pierre"] + [f"jean-leon-{i}" for i in range(2, clashes + 1)])

    with django_assert_num_queries(2):  # the bases, then the numbered slugs of the one clashing base
        slugs = allocate_slugs(Person, ["jean-leon", "anna-karina", "jean-leon"])

    assert slugs == [f"jean-leon-{clashes + 1}", "anna-karina", f"jean-leon-{clashes + 2}"]


def test_a_gap_in_the_numbers_is_reused():
    _people(["ito", "ito-2", "ito-4"])

    assert allocate_slugs(Person, ["ito", "ito"]) == ["ito-3", "ito-5"]
