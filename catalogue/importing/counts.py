"""The stored title counts of the vocabularies (``Genre.title_count``…), kept by every write of their links.

A browse index (``/genres/``, ``/keywords/``, the home page's genres) reads these counts
instead of counting the link tables on each first visit. Every change of links adds
+1/-1 per vocabulary row to the innermost open ``counted()`` scope; a scope that ends
normally hands its changes to the scope around it, and the outermost one writes them in
the same transaction: one UPDATE per vocabulary and chunk, ``title_count + n`` (right
when two imports run at once), rows in id order, so two imports writing counts never
wait on each other in a cycle. A group of pages (``paths_import``) writes its counts
once, just before its commit: the rows of a common genre are locked for a moment, not
for the whole group. A scope that ends by an exception drops its changes, as the
savepoint around it drops the links.

Certificates are counted the same way in ``CertificateCount`` by (country, rating), and
by country alone (rating ""): a title's certificate keys are the set of both, so a title
with two UK ratings counts once for the UK.

``counts_recount`` counts every row afresh (migrations 0018/0020, ``manage.py recount_titles``).
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, F, IntegerField, Value, When

from catalogue.models import (
    Certificate,
    CertificateCount,
    Colour,
    Country,
    Genre,
    Keyword,
    Language,
    SoundMix,
    TitleColour,
    TitleCountry,
    TitleGenre,
    TitleKeyword,
    TitleLanguage,
    TitleSoundMix,
)

# (vocabulary, its link model, the link's field), in the order their counts are written.
COUNTED = (
    (Genre, TitleGenre, "genre"),
    (Country, TitleCountry, "country"),
    (Language, TitleLanguage, "language"),
    (Colour, TitleColour, "colour"),
    (SoundMix, TitleSoundMix, "sound_mix"),
    (Keyword, TitleKeyword, "keyword"),
)
_CHUNK = 400

_state = threading.local()


def _scopes() -> list[dict]:
    if not hasattr(_state, "scopes"):
        _state.scopes = []
    return _state.scopes


@contextmanager
def counted():
    """Collect count changes; written when the outermost scope ends without an exception."""
    scopes = _scopes()
    changes: dict = defaultdict(Counter)
    scopes.append(changes)
    try:
        yield
    except BaseException:
        scopes.pop()
        raise
    scopes.pop()
    if scopes:
        for model, deltas in changes.items():
            scopes[-1][model].update(deltas)
    else:
        _write(changes)


def links_changed(model, *, added: Iterable[int] = (), removed: Iterable[int] = ()) -> None:
    """One title gained links to the ``added`` rows of ``model`` and lost those to ``removed``."""
    deltas = Counter()
    deltas.update(added)
    deltas.subtract(removed)
    with counted():
        _scopes()[-1][model].update(deltas)


def certificate_keys(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The ``CertificateCount`` keys one title's certificates (country, rating) count under."""
    keys = set()
    for country, rating in pairs:
        keys.add((country, rating))
        keys.add((country, ""))
    return keys


def title_certificate_keys(title_id: int) -> set[tuple[str, str]]:
    return certificate_keys(Certificate.objects.filter(title_id=title_id).values_list("country", "rating"))


def certificates_changed(*, added: Iterable[tuple[str, str]] = (), removed: Iterable[tuple[str, str]] = ()) -> None:
    """One title's certificate keys (``certificate_keys``) gained and lost."""
    links_changed(CertificateCount, added=added, removed=removed)


def title_links(title_ids: Iterable[int]) -> dict:
    """{vocabulary: Counter(row id: titles among ``title_ids`` linked to it)}, and the same of
    ``CertificateCount`` keys: what a delete or an edit of these titles changes."""
    ids = list(title_ids)
    found: dict = {}
    for model, through, field in COUNTED:
        rows = through.objects.filter(title_id__in=ids).values_list(f"{field}_id", flat=True)
        found[model] = Counter(rows)
    by_title = defaultdict(list)
    for title_id, country, rating in Certificate.objects.filter(title_id__in=ids).values_list(
        "title_id", "country", "rating"
    ):
        by_title[title_id].append((country, rating))
    found[CertificateCount] = Counter(key for pairs in by_title.values() for key in certificate_keys(pairs))
    return found


def titles_links_changed(before: dict, after: dict) -> None:
    """The count changes between two ``title_links`` readings of the same titles."""
    with counted():
        for model in [m for m, _, _ in COUNTED] + [CertificateCount]:
            deltas = Counter(after.get(model, {}))
            deltas.subtract(before.get(model, {}))
            _scopes()[-1][model].update(deltas)


def _write(changes: dict) -> None:
    for model, _, _ in COUNTED:
        deltas = sorted((pk, n) for pk, n in changes.get(model, {}).items() if n)
        for start in range(0, len(deltas), _CHUNK):
            chunk = deltas[start : start + _CHUNK]
            if len(chunk) == 1 or len({n for _, n in chunk}) == 1:
                by = Value(chunk[0][1])
            else:
                by = Case(*(When(pk=pk, then=Value(n)) for pk, n in chunk), output_field=IntegerField())
            model.objects.filter(pk__in=[pk for pk, _ in chunk]).order_by().update(title_count=F("title_count") + by)
    deltas = sorted((key, n) for key, n in changes.get(CertificateCount, {}).items() if n)
    for start in range(0, len(deltas), _CHUNK):
        _certificate_counts_add(deltas[start : start + _CHUNK])


def _certificate_counts_add(rows: list) -> None:
    """Add each (country, rating) change to its row, made if missing (one upsert, keys in order)."""
    conn = connections[DEFAULT_DB_ALIAS]
    table = conn.ops.quote_name(CertificateCount._meta.db_table)
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    params = [value for (country, rating), n in rows for value in (country, rating, n)]
    with conn.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (country, rating, title_count) VALUES {values} "
            f"ON CONFLICT (country, rating) DO UPDATE SET title_count = {table}.title_count + excluded.title_count",
            params,
        )


def counts_recount(using: str = DEFAULT_DB_ALIAS) -> None:
    """Set every stored count from a fresh count of its links (one UPDATE per vocabulary)."""
    conn = connections[using]
    recount_tables(conn, [(m._meta.db_table, t._meta.db_table, f"{field}_id") for m, t, field in COUNTED])
    recount_certificates(conn, CertificateCount._meta.db_table, Certificate._meta.db_table)


def recount_certificates(conn, table: str, certificate_table: str) -> None:
    """``CertificateCount`` afresh from the certificates; also what migration 0020 runs."""
    quote = conn.ops.quote_name
    with conn.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quote(table)}")
        cursor.execute(
            f"INSERT INTO {quote(table)} (country, rating, title_count) "
            f"SELECT country, rating, COUNT(DISTINCT title_id) FROM {quote(certificate_table)} "
            f"WHERE rating <> '' GROUP BY country, rating "
            f"UNION ALL SELECT country, '', COUNT(DISTINCT title_id) FROM {quote(certificate_table)} GROUP BY country"
        )


def recount_tables(conn, tables: list[tuple[str, str, str]]) -> None:
    """``UPDATE vocabulary SET title_count = (its links)``; also what the migration runs, on its own models."""
    quote = conn.ops.quote_name
    with conn.cursor() as cursor:
        for table, link_table, column in tables:
            cursor.execute(
                f"UPDATE {quote(table)} SET title_count = "
                f"(SELECT COUNT(*) FROM {quote(link_table)} l WHERE l.{quote(column)} = {quote(table)}.id)"
            )
