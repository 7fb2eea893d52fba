"""Fast bulk writes for rows whose primary keys the importer never reads back.

``bulk_create`` compiles an INSERT and converts every value through each field's
``get_db_prep_save`` for every row; with ~100 rows a page that dominated the import.
``rows_insert`` builds the statement once per model and runs one ``executemany``:
plain values go as they are, only fields that need a database form (JSON, dates,
decimals, auto_now stamps) are converted. SQLite's parameter limit does not apply
to ``executemany`` (each row is bound on its own), so no batching is needed. Both writers
check text lengths first (validation.check_lengths): a too-long value fails the page with
its model, field and value on every database, and no caller has to remember it.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.base import ModelState

from .validation import check_lengths

# Field classes whose Python value the database driver takes as it is.
_PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
    models.FloatField,
)


class EncodedJSON(str):
    """A JSON field's value already encoded (by the parse-ahead worker): written as it is."""


_PLANS: dict[tuple[type, str], tuple[str, Callable, list]] = {}


def _plan(model: type[models.Model], database) -> tuple[str, Callable, list]:
    """The INSERT, a getter of a row's values in column order, and the columns to convert."""
    key = (model, database.vendor)
    if key not in _PLANS:
        fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        quote = database.ops.quote_name
        sql = (
            f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
            f"VALUES ({marks(len(fields))})"
        )
        conversions = []
        for index, field in enumerate(fields):
            auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            if isinstance(field, models.JSONField) and database.vendor == "sqlite" and field.encoder is None:
                # SQLite keeps JSON as text: json.dumps is all the field would do (~60 a page).
                conversions.append((index, None, False))
            elif auto or not isinstance(field, _PLAIN) or isinstance(field, models.JSONField):
                conversions.append((index, field, auto))
        getter = operator.attrgetter(*(field.attname for field in fields))
        if len(fields) == 1:
            getter = (lambda get: lambda row: (get(row),))(getter)
        _PLANS[key] = (sql, getter, conversions)
    return _PLANS[key]


def rows_insert(model: type[models.Model], rows: list[models.Model]) -> None:
    """INSERT ``rows`` (unsaved instances of ``model``) in one executemany; their pks stay None."""
    if not rows:
        return
    check_lengths(rows)
    # The connection itself, not the thread-local proxy: every attribute read through
    # ``django.db.connection`` is a lookup in asgiref's Local.
    database = connections[DEFAULT_DB_ALIAS]
    sql, getter, conversions = _plan(model, database)
    params = [_values(row, getter, conversions, database) for row in rows]
    with _driver_cursor(database) as cursor:
        cursor.executemany(sql, params)


def rows_select(sql: str, params: Sequence = ()) -> list[tuple]:
    """The rows of a raw SELECT written with ``%s`` placeholders (none literal in ``sql``)."""
    with _driver_cursor(connections[DEFAULT_DB_ALIAS]) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@contextmanager
def _driver_cursor(database) -> Iterator:
    """A cursor taking ``%s`` statements: on SQLite, unless queries are being logged, the driver's own.

    Django's cursor wrapper rewrites every statement with a regex (the importer's IN
    lists of hundreds of values, INSERTs of 15–45 columns) and re-reads an executemany's
    rows through tee(), ~25 calls a page. Where queries are being logged (DEBUG,
    assertNumQueries) it is used as before, so they are seen and counted. Errors are
    Django's either way.
    """
    if database.vendor != "sqlite" or database.queries_logged:
        with database.cursor() as cursor:
            yield cursor
        return
    database.ensure_connection()
    with database.wrap_database_errors:
        cursor = database.connection.cursor()
        try:
            yield _QmarkCursor(cursor)
        finally:
            cursor.close()


class _QmarkCursor:
    """A sqlite3 cursor that takes ``%s`` placeholders (the importer's SQL has no literal ``%``)."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence = ()):
        return self._cursor.execute(sql.replace("%s", "?"), params)

    def executemany(self, sql: str, params: list):
        return self._cursor.executemany(sql.replace("%s", "?"), params)

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall()


def _values(row: models.Model, getter: Callable, conversions: list, database) -> tuple | list:
    values = getter(row)  # a tuple, read at C speed
    if conversions:
        values = list(values)
        for index, field, auto in conversions:
            if field is None:  # JSON text
                value = values[index]
                if value.__class__ is not EncodedJSON:
                    values[index] = "[]" if value == [] else None if value is None else json.dumps(value)
            elif values[index].__class__ is EncodedJSON:
                values[index] = _encoded_json_param(values[index], field, database)
            else:
                value = field.pre_save(row, True) if auto else values[index]
                if value is not None:  # NULL as it is (most rows: edited_at, never set by an import)
                    values[index] = field.get_db_prep_save(value, database)
    return values


def _encoded_json_param(text: EncodedJSON, field: models.Field, database):
    if database.vendor == "postgresql":
        from psycopg.types.json import Jsonb

        return Jsonb(text, dumps=str)  # the text is the JSON already
    return field.get_db_prep_save(json.loads(text), database)


_DEFAULTS: dict[type, list] = {}


def new_row(model: type[models.Model], **values) -> models.Model:
    """An unsaved ``model`` instance from attnames (``title_id=…``), without ``Model.__init__``.

    ``__init__`` runs descriptors and signals per field; for the ~100 rows of a page
    that was a large share of the import. Every concrete field gets its default first.
    """
    if model not in _DEFAULTS:
        _DEFAULTS[model] = [
            (
                field.attname,
                field.default if field.has_default() and callable(field.default) else None,
                field.get_default(),
            )
            for field in model._meta.concrete_fields
        ]
    row = model.__new__(model)
    row._state = ModelState()
    fields = row.__dict__
    for attname, factory, default in _DEFAULTS[model]:
        fields[attname] = factory() if factory is not None else default
    fields.update(values)
    return row


def row_insert(model: type[models.Model], row: models.Model) -> int:
    """INSERT one unsaved ``row`` (as ``rows_insert`` does) and set and return its new pk.

    ``save()`` runs the same INSERT … RETURNING through the ORM's generic path, which for
    a title (~45 columns) cost as much as all the rest of its row-building.
    """
    check_lengths([row])
    database = connections[DEFAULT_DB_ALIAS]
    sql, getter, conversions = _plan(model, database)
    values = _values(row, getter, conversions, database)
    pk_column = database.ops.quote_name(model._meta.pk.column)
    with database.cursor() as cursor:
        cursor.execute(f"{sql} RETURNING {pk_column}", values)
        row.pk = cursor.fetchone()[0]
    row._state.adding = False
    row._state.db = DEFAULT_DB_ALIAS
    return row.pk


# Values per IN list: well under SQLite's oldest parameter limit (999).
IN_CHUNK = 400


def marks(count: int) -> str:
    """``count`` placeholders for an IN list: "%s, %s, …"."""
    return ", ".join(["%s"] * count)


def in_chunks(values: Sequence) -> Iterator[tuple[list, str]]:
    """``values`` in slices of at most ``IN_CHUNK``, each with its placeholders."""
    for start in range(0, len(values), IN_CHUNK):
        chunk = list(values[start : start + IN_CHUNK])
        yield chunk, marks(len(chunk))
