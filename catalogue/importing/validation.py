"""Checks before a bulk write, so every database rejects the same records with a clear reason.

SQLite does not enforce ``max_length``; PostgreSQL does, with an opaque error. Checking
here makes a too-long value fail the page on both, naming the model, field and value.
"""

from __future__ import annotations

import operator

from django.db import models

from .outcome import ImportRejected

_LIMITS: dict[type, tuple] = {}


def _limits(model: type[models.Model]) -> tuple:
    """A getter of the length-limited values of a row, and their (attname, limit) pairs."""
    if model not in _LIMITS:
        limited = [
            (field.attname, field.max_length)
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField) and field.max_length
        ]
        getter = operator.attrgetter(*(attname for attname, _ in limited)) if limited else None
        if len(limited) == 1:
            getter = (lambda get: lambda row: (get(row),))(getter)
        _LIMITS[model] = (getter, limited)
    return _LIMITS[model]


def check_lengths(rows) -> None:
    for row in rows:
        getter, limited = _limits(type(row))
        if getter is None:
            continue
        for value, (attname, limit) in zip(getter(row), limited):
            if isinstance(value, str) and len(value) > limit:
                raise ImportRejected(
                    f"{type(row).__name__}.{attname} is {len(value)} characters long, more than the "
                    f"{limit} the catalogue holds: {value[:60]!r}…"
                )
