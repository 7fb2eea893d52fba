"""Checks before a bulk write, so every database rejects the same records with a clear reason.

SQLite does not enforce ``max_length``; PostgreSQL does, with an opaque error. Checking
here makes a too-long value fail the page on both, naming the model, field and value.
"""

from __future__ import annotations

from django.db import models

from .outcome import ImportRejected

_LIMITED_FIELDS: dict[type, list[tuple[str, int]]] = {}


def _limited_fields(model: type[models.Model]) -> list[tuple[str, int]]:
    if model not in _LIMITED_FIELDS:
        _LIMITED_FIELDS[model] = [
            (field.attname, field.max_length)
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField) and field.max_length
        ]
    return _LIMITED_FIELDS[model]


def check_lengths(rows) -> None:
    for row in rows:
        for attname, limit in _limited_fields(type(row)):
            value = getattr(row, attname)
            if isinstance(value, str) and len(value) > limit:
                raise ImportRejected(
                    f"{type(row).__name__}.{attname} is {len(value)} characters long, more than the "
                    f"{limit} the catalogue holds: {value[:60]!r}…"
                )
