"""catalogue/compiled.py: a query compiled once per database reads what the ORM reads."""

from datetime import datetime, timezone
from decimal import Decimal

import pytest
from django.db.models import Q

from catalogue.compiled import CompiledQuery
from catalogue.models import Connection, RatingCapture, Title
from tests import factories as f

pytestmark = pytest.mark.django_db


def captures(title_id):
    return (
        RatingCapture.objects.filter(title_id=title_id)
        .order_by("captured_at")
        .values_list("captured_at", "rating", "votes")
    )


def test_rows_are_the_orms_rows_converted_as_the_orm_converts_them():
    first, second = f.make_title("First"), f.make_title("Second")
    f.make_capture(first, datetime(2008, 3, 1, 12, 30, tzinfo=timezone.utc), 7.5, 1200)
    f.make_capture(first, datetime(2012, 6, 9, tzinfo=timezone.utc), None, 3400)
    f.make_capture(second, datetime(2010, 1, 1, tzinfo=timezone.utc), 6.1, None)
    query = CompiledQuery(captures)

    for title in (first, second, first):
        assert query.rows(title.pk) == list(captures(title.pk))
    assert query.rows(first.pk)[0] == (datetime(2008, 3, 1, 12, 30, tzinfo=timezone.utc), Decimal("7.5"), 1200)
    assert query.rows(Title.objects.order_by("-pk").first().pk + 1) == []


def test_a_slug_stands_in_as_well_as_an_id():
    title = f.make_title("Hiroshima Mon Amour")
    query = CompiledQuery(lambda slug: Title.objects.filter(slug=slug).values_list("pk", "updated_at"), stand_in="-")

    assert query.rows(title.slug, using="default") == [(title.pk, Title.objects.get(pk=title.pk).updated_at)]
    assert query.rows(title.slug) == [(title.pk, Title.objects.get(pk=title.pk).updated_at)]
    assert query.rows("no-such-title") == []


def test_every_use_of_the_value_takes_it():
    film, sequel, remake = f.make_title("Film"), f.make_title("Sequel"), f.make_title("Remake")
    f.make_connection(sequel, "Follows", film)
    f.make_connection(film, "Remade as", remake)
    f.make_connection(remake, "Follows", sequel)
    query = CompiledQuery(
        lambda title_id: (
            Connection.objects.filter(Q(title_id=title_id) | Q(target_id=title_id))
            .order_by("pk")
            .values_list("title_id", "target_id")
        )
    )

    assert query.rows(film.pk) == [(sequel.pk, film.pk), (film.pk, remake.pk)]
    assert query.rows(remake.pk) == [(film.pk, remake.pk), (remake.pk, sequel.pk)]


def test_compiled_once_then_one_query_a_call(django_assert_num_queries):
    title = f.make_title()
    f.make_capture(title, datetime(2008, 3, 1, tzinfo=timezone.utc), 7.5, 1200)
    builds = []

    def build(title_id):
        builds.append(title_id)
        return captures(title_id)

    query = CompiledQuery(build)
    for _ in range(3):
        with django_assert_num_queries(1):
            assert len(query.rows(title.pk)) == 1

    assert len(builds) == 1


def test_a_query_that_does_not_use_its_value_is_refused():
    query = CompiledQuery(lambda title_id: Title.objects.values_list("pk"))

    with pytest.raises(ValueError, match="does not use it"):
        query.rows(1)


def test_the_compiler_internals_compiled_py_relies_on_are_still_there():
    """Fails on a Django upgrade that changes what catalogue/compiled.py reads from the compiler.

    It uses SQLCompiler.as_sql() -> (sql, params), .select as (expression, sql, alias)
    triples with .col_count of them selected, .get_converters(expressions) ->
    {index: (functions, expression)}, and converters called as f(value, expression, connection).
    """
    import inspect

    from django.db.models.sql.compiler import SQLCompiler

    assert list(inspect.signature(SQLCompiler.get_converters).parameters) == ["self", "expressions"]
    title = f.make_title("Seasons", seasons=[1, 2])
    queryset = Title.objects.filter(pk=title.pk).values_list("pk", "title", "seasons")
    compiler = queryset.query.get_compiler(using="default")
    sql, params = compiler.as_sql()
    assert isinstance(sql, str) and list(params) == [title.pk]
    assert compiler.col_count == 3
    assert all(len(entry) == 3 for entry in compiler.select)
    selected = [expression for expression, _sql, _alias in compiler.select[: compiler.col_count]]
    assert [expression.target.name for expression in selected] == ["id", "title", "seasons"]
    converters = compiler.get_converters(selected)
    # A JSONField is converted from the database on every backend (its from_db_value).
    functions, expression = converters[2]
    assert expression is selected[2]
    assert functions and all(len(inspect.signature(function).parameters) == 3 for function in functions)
    assert CompiledQuery(lambda pk: Title.objects.filter(pk=pk).values_list("pk", "title", "seasons")).rows(
        title.pk
    ) == [(title.pk, "Seasons", [1, 2])]
