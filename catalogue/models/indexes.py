"""PostgreSQL's own indexes (trigram, NULLS LAST orders), declared on the models so migrations and models agree."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.backends.ddl_references import Statement


class PostgreSQLIndex(models.Index):
    """An index only PostgreSQL gets: SQLite writes a no-op (its index syntax has no NULLS LAST).

    The search box and the browse pages sort by ``votes DESC NULLS LAST``: SQLite puts
    NULLs last in a descending index already (NULL is its smallest value); PostgreSQL's
    ``votes DESC`` index puts them first and cannot give that order. A table SQLite
    rebuilds (most ALTERs) recreates the model's indexes: this writes ``SELECT 1`` there.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("SELECT 1")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("SELECT 1")
        return super().remove_sql(model, schema_editor, **kwargs)


class TrigramIndex(GinIndex):
    """``GinIndex(OpClass(column, "gin_trgm_ops"))`` on PostgreSQL; nothing on other databases.

    SQLite has its own FTS5 tables (catalogue/search_index.py). A table SQLite rebuilds
    (most ALTERs) recreates the model's indexes, so this index writes a no-op there.
    """

    def __init__(self, column: str, *, name: str) -> None:
        super().__init__(OpClass(column, name="gin_trgm_ops"), name=name)

    def deconstruct(self):
        path, _args, kwargs = super().deconstruct()
        column = self.expressions[0].source_expressions[0].name
        return "catalogue.models.indexes.TrigramIndex", (column,), {"name": kwargs["name"]}

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("SELECT 1")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("SELECT 1")
        return super().remove_sql(model, schema_editor, **kwargs)
