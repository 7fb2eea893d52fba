"""A person-name search: its titles found through the credits, counted from them alone."""

import pytest
from django.http import QueryDict

from catalogue import filters
from catalogue.filters import TitleFilter, search_queryset
from catalogue.selectors import search_titles
from tests import factories as f


@pytest.fixture
def smiths(db):
    """Three Smiths over four titles (one credits two of them), and a Jones."""
    people = [f.make_person(name) for name in ("Anna Smith", "Bob Smith", "Carla Smithson")]
    jones = f.make_person("Dee Jones")
    titles = [f.make_title(f"Film {n}", year=1990 + n) for n in range(5)]
    f.make_credit(titles[0], people[0], character="A")
    f.make_credit(titles[0], people[1], department="director")
    f.make_credit(titles[1], people[1], character="B")
    f.make_credit(titles[2], people[2], department="writer", job="screenplay")
    f.make_credit(titles[3], people[0], department="director")
    f.make_credit(titles[4], jones, character="D")
    f.add_genre(titles[3], "Drama")
    return titles


def _found(params: str):
    filterset = TitleFilter(QueryDict(params), queryset=search_queryset())
    results = search_titles(filterset, 1, 50)
    return results.page.paginator.count, [title.title for title in results.page.object_list], filterset


def test_a_person_name_finds_each_title_once_and_counts_it_from_the_credits(smiths):
    count, titles, filterset = _found("person=smith")

    assert titles == ["Film 0", "Film 1", "Film 2", "Film 3"]
    assert count == 4 == filterset.credit_title_count()


def test_department_and_job_narrow_the_count_too(smiths):
    assert _found("person=smith&department=director")[:2] == (2, ["Film 0", "Film 3"])
    assert _found("person=smith&job=screen")[:2] == (1, ["Film 2"])


def test_another_filter_counts_the_titles_themselves(smiths):
    count, titles, filterset = _found("person=smith&genre=Drama")

    assert (count, titles) == (1, ["Film 3"])
    assert filterset.credit_title_count() is None


def test_more_people_than_are_inlined_are_read_through_a_subquery(smiths, monkeypatch):
    monkeypatch.setattr(filters, "PEOPLE_INLINED", 1)

    assert _found("person=smith")[:2] == (4, ["Film 0", "Film 1", "Film 2", "Film 3"])


@pytest.mark.parametrize("few_people", [3, 2])
def test_a_few_people_find_their_titles_from_their_credits_many_by_walking_the_titles(smiths, monkeypatch, few_people):
    # Three Smiths match: with "a few" at 3 their titles come from their credits (IN); at 2,
    # by walking the titles in the page's order (EXISTS). The same titles either way.
    monkeypatch.setattr(filters, "PEOPLE_BY_THEIR_TITLES", few_people)
    count, titles, filterset = _found("person=smith&department=director")

    assert (count, titles) == (2, ["Film 0", "Film 3"])
    sql = str(filterset.qs.query)
    if few_people == 3:
        assert " IN (SELECT" in sql and "EXISTS" not in sql
    else:
        assert "EXISTS" in sql and " IN (SELECT" not in sql
