"""Substring search indexes on the folded name and title columns.

SQLite: FTS5 tables with the trigram tokenizer, kept in sync by triggers (external
content: the text lives only in the real table). PostgreSQL: ``pg_trgm`` GIN indexes,
which plain ``LIKE '%…%'`` uses, and for the title search one more column,
``catalogue_title.search_names`` (below). Queries shorter than three characters have no
trigram and fall back to ``LIKE``; both paths give the same rows (tests/web/test_search_indexes.py).
"""

from __future__ import annotations

import logging
import sqlite3

from django.db import connections
from django.db.models import BooleanField, Expression, Func, TextField
from django.db.models.expressions import RawSQL

logger = logging.getLogger(__name__)

MIN_INDEXED_LENGTH = 3
# SQLite grew the trigram tokenizer in 3.34.
SQLITE_HAS_TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)

# (FTS table, content table, folded columns)
SQLITE_INDEXES = (
    ("catalogue_title_fts", "catalogue_title", ("title_folded", "original_title_folded")),
    ("catalogue_alternatetitle_fts", "catalogue_alternatetitle", ("title_folded",)),
    ("catalogue_person_fts", "catalogue_person", ("name_folded",)),
)
# (index name, table, column)
POSTGRESQL_INDEXES = (
    ("catalogue_title_title_trgm", "catalogue_title", "title_folded"),
    ("catalogue_title_original_trgm", "catalogue_title", "original_title_folded"),
    ("catalogue_aka_title_trgm", "catalogue_alternatetitle", "title_folded"),
    ("catalogue_person_name_trgm", "catalogue_person", "name_folded"),
)


def uses_index(alias: str, folded_query: str) -> bool:
    """Whether a search for ``folded_query`` on database ``alias`` goes through the trigram index."""
    if len(folded_query) < MIN_INDEXED_LENGTH:
        return False
    vendor = connections[alias].vendor
    return vendor == "postgresql" or (vendor == "sqlite" and SQLITE_HAS_TRIGRAM)


def fts_phrase(folded_query: str) -> str:
    """An FTS5 query matching the text as a substring: one quoted phrase, quotes doubled."""
    return '"' + folded_query.replace('"', '""') + '"'


def like_pattern(folded_query: str) -> str:
    escaped = folded_query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def person_ids(alias: str, folded_query: str) -> RawSQL:
    """Ids of people whose folded name contains the query, from the SQLite FTS table."""
    return RawSQL(
        "SELECT rowid FROM catalogue_person_fts WHERE catalogue_person_fts MATCH %s", (fts_phrase(folded_query),)
    )


def title_ids(folded_query: str) -> RawSQL:
    """SQLite: ids of titles whose folded title, original title or an AKA contains the query.

    One UNION ALL of FTS lookups, so each part uses its own index (an OR would scan);
    the ``IN`` this goes into removes the duplicates. (PostgreSQL: ``TitleNamesContain``.)
    """
    phrase = fts_phrase(folded_query)
    return RawSQL(
        "SELECT rowid FROM catalogue_title_fts WHERE catalogue_title_fts MATCH %s "
        "UNION ALL SELECT title_id FROM catalogue_alternatetitle WHERE id IN "
        "(SELECT rowid FROM catalogue_alternatetitle_fts WHERE catalogue_alternatetitle_fts MATCH %s)",
        (phrase, phrase),
    )


# PostgreSQL: a title's names (title, original title, AKAs; folded, one a line) in one
# column of the title row, kept by triggers like SQLite's FTS tables (every write path:
# the importer, the admin, the shell), with its own trigram index. The model does not
# declare it. With the names in three columns and a second table, a word in 40% of the
# titles ("the") made PostgreSQL hash every match and sort them all for a page of 25
# (116 ms at 100,000 titles); one predicate on one column it estimates from the trigram
# statistics, and then walks the (title, year) index for a common word and fetches the
# few matches of a rare one (0.3 / 0.5 ms). Migration 0008.
POSTGRESQL_TITLE_NAMES = [
    "ALTER TABLE catalogue_title ADD COLUMN IF NOT EXISTS search_names text NOT NULL DEFAULT ''",
    """CREATE OR REPLACE FUNCTION catalogue_title_search_names(p_id bigint, p_title text, p_original text)
    RETURNS text LANGUAGE sql STABLE AS $$
        SELECT concat_ws(E'\n', NULLIF(p_title, ''), NULLIF(p_original, ''),
            (SELECT string_agg(a.title_folded, E'\n' ORDER BY a.id) FROM catalogue_alternatetitle a
             WHERE a.title_id = p_id AND a.title_folded <> ''))
    $$""",
    """CREATE OR REPLACE FUNCTION catalogue_title_search_names_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_names := catalogue_title_search_names(NEW.id, NEW.title_folded, NEW.original_title_folded);
        RETURN NEW;
    END $$""",
    """CREATE OR REPLACE FUNCTION catalogue_titles_search_names_refresh(p_ids bigint[])
    RETURNS void LANGUAGE sql AS $$
        UPDATE catalogue_title t SET search_names = catalogue_title_search_names(t.id, t.title_folded,
            t.original_title_folded) WHERE t.id = ANY(p_ids)
    $$""",
    # A transition table exists only for its own event: each branch reads the ones it has.
    """CREATE OR REPLACE FUNCTION catalogue_aka_search_names() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            PERFORM catalogue_titles_search_names_refresh(ARRAY(SELECT title_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM catalogue_titles_search_names_refresh(ARRAY(SELECT title_id FROM old_rows));
        ELSE
            PERFORM catalogue_titles_search_names_refresh(
                ARRAY(SELECT title_id FROM new_rows UNION SELECT title_id FROM old_rows));
        END IF;
        RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS catalogue_title_search_names ON catalogue_title",
    "CREATE TRIGGER catalogue_title_search_names BEFORE INSERT OR UPDATE OF title_folded, original_title_folded "
    "ON catalogue_title FOR EACH ROW EXECUTE FUNCTION catalogue_title_search_names_row()",
    "DROP TRIGGER IF EXISTS catalogue_aka_search_names_insert ON catalogue_alternatetitle",
    "CREATE TRIGGER catalogue_aka_search_names_insert AFTER INSERT ON catalogue_alternatetitle "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_aka_search_names()",
    "DROP TRIGGER IF EXISTS catalogue_aka_search_names_update ON catalogue_alternatetitle",
    "CREATE TRIGGER catalogue_aka_search_names_update AFTER UPDATE ON catalogue_alternatetitle "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION catalogue_aka_search_names()",
    "DROP TRIGGER IF EXISTS catalogue_aka_search_names_delete ON catalogue_alternatetitle",
    "CREATE TRIGGER catalogue_aka_search_names_delete AFTER DELETE ON catalogue_alternatetitle "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_aka_search_names()",
    "UPDATE catalogue_title t SET search_names = catalogue_title_search_names(t.id, t.title_folded, "
    "t.original_title_folded)",
    "CREATE INDEX IF NOT EXISTS catalogue_title_search_names_trgm ON catalogue_title "
    "USING gin (search_names gin_trgm_ops)",
    # A substring's share of the rows is estimated from a sample of the column's values:
    # with the default 100, a surname in 0.4% of the people was estimated at 43 rows for
    # 1,812, and the person filter fetched and sorted 26,273 titles (97 ms) instead of
    # walking the title index (41 ms).
    "ALTER TABLE catalogue_person ALTER COLUMN name_folded SET STATISTICS 1000",
    "ALTER TABLE catalogue_title ALTER COLUMN search_names SET STATISTICS 1000",
    "ANALYZE catalogue_person (name_folded)",
    "ANALYZE catalogue_title (search_names)",
]
POSTGRESQL_TITLE_NAMES_DROP = [
    "ALTER TABLE catalogue_person ALTER COLUMN name_folded SET STATISTICS -1",
    "DROP TRIGGER IF EXISTS catalogue_aka_search_names_insert ON catalogue_alternatetitle",
    "DROP TRIGGER IF EXISTS catalogue_aka_search_names_update ON catalogue_alternatetitle",
    "DROP TRIGGER IF EXISTS catalogue_aka_search_names_delete ON catalogue_alternatetitle",
    "DROP TRIGGER IF EXISTS catalogue_title_search_names ON catalogue_title",
    "DROP FUNCTION IF EXISTS catalogue_aka_search_names()",
    "DROP FUNCTION IF EXISTS catalogue_titles_search_names_refresh(bigint[])",
    "DROP FUNCTION IF EXISTS catalogue_title_search_names_row()",
    "DROP FUNCTION IF EXISTS catalogue_title_search_names(bigint, text, text)",
    "DROP INDEX IF EXISTS catalogue_title_search_names_trgm",
    "ALTER TABLE catalogue_title DROP COLUMN IF EXISTS search_names",
]


class TitleNamesContain(Expression):
    """PostgreSQL: the condition "one of the title's names contains the (folded) query".

    The column is read from the query's own title table, whatever its alias (``U0``
    when the queryset is a subquery of another).
    """

    output_field = BooleanField()

    def __init__(self, folded_query: str) -> None:
        super().__init__()
        self.pattern = like_pattern(folded_query)

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_names LIKE %s", [self.pattern]


class Unindexed(Func):
    """The column's value, written ``+column`` on SQLite so the planner cannot drive the query by its index.

    ``Title.id IN (<trigram matches>)`` makes SQLite fetch every match by rowid and then
    sort them all: 45 ms for the 41,000 titles containing "the" in a 100,000-title
    catalogue. With ``+id`` it walks the index of the ORDER BY instead and stops at the
    page's last row (18 ms; 12 ms at worst, for a rare word).
    """

    template = "%(expressions)s"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="+%(expressions)s", **extra_context)


class OrderedApart(Func):
    """A text column to ORDER BY, written ``(column || '')`` on PostgreSQL so it cannot walk the column's index.

    A word in 1% of 500,000 names: walking the name index for the first 1,000 people
    containing it read 190,000 names; the trigram index and a top-N sort read the few
    thousand that contain it.
    """

    template = "%(expressions)s"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="(%(expressions)s || '')", **extra_context)


# --- creating and checking the indexes (the migration and post_migrate call these) ------------------


def _sqlite_statements(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    names = ", ".join(columns)
    new_values = ", ".join(f"new.{column}" for column in columns)
    old_values = ", ".join(f"old.{column}" for column in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old_values});"
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new_values});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{table}', content_rowid='id', "
        "tokenize='trigram')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def create_search_indexes(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        if not SQLITE_HAS_TRIGRAM:
            logger.warning("SQLite %s has no trigram tokenizer: search uses LIKE.", sqlite3.sqlite_version)
            return
        for fts, table, columns in SQLITE_INDEXES:
            for statement in _sqlite_statements(fts, table, columns):
                schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in POSTGRESQL_INDEXES:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")


def create_title_search_names(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_TITLE_NAMES:
            schema_editor.execute(statement)


def drop_title_search_names(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_TITLE_NAMES_DROP:
            schema_editor.execute(statement)


def drop_search_indexes(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for fts, _table, _columns in SQLITE_INDEXES:
            for suffix in ("insert", "delete", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")
    elif vendor == "postgresql":
        for name, _table, _column in POSTGRESQL_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def repair_sqlite_search_indexes(connection, *, expected: bool = False) -> list[str]:
    """Recreate missing FTS triggers and rebuild their tables; returns the tables repaired.

    SQLite migrations that alter a table copy it into a new one, which drops its
    triggers: after such a migration the index would silently go stale. A migration
    known to do that calls this itself (``expected``: no warning).
    """
    if connection.vendor != "sqlite" or not SQLITE_HAS_TRIGRAM:
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        repaired = []
        for fts, table, columns in SQLITE_INDEXES:
            if fts not in present or table not in present:
                continue  # not created (or rolled back): nothing to repair
            if {f"{fts}_insert", f"{fts}_delete", f"{fts}_update"} <= present:
                continue
            for statement in _sqlite_statements(fts, table, columns):
                cursor.execute(statement)
            repaired.append(fts)
    if repaired and not expected:
        logger.warning("Rebuilt search indexes whose triggers were missing: %s", ", ".join(repaired))
    return repaired


def reinstall_search_triggers(apps, schema_editor) -> None:
    """A migration's RunPython after it copies a table on SQLite: the FTS triggers back, no warning."""
    from catalogue.text_index import repair_sqlite_text_index

    repair_sqlite_search_indexes(schema_editor.connection, expected=True)
    repair_sqlite_text_index(schema_editor.connection, expected=True)


# --- the search box: candidates for the word rule (catalogue/wordsearch.py) -----------------------


class TitleOtherNames(Expression):
    """A title's other names, folded, one a line: on SQLite its AKAs; on PostgreSQL ``search_names``.

    The search box reads it for every candidate title to check the word rule in Python.
    (``search_names`` holds the title and original title too; reading them twice is harmless.)
    """

    output_field = TextField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        if connection.vendor == "postgresql":
            return f"{table}.search_names", []
        return (
            "(SELECT group_concat(a.title_folded, char(10)) FROM catalogue_alternatetitle a "
            f"WHERE a.title_id = {table}.id)",
            [],
        )


# "Did you mean" on SQLite: the vocabulary (rows per trigram) of the FTS tables it reads.
SQLITE_VOCABULARIES = (
    ("catalogue_title_fts_vocab", "catalogue_title_fts"),
    ("catalogue_person_fts_vocab", "catalogue_person_fts"),
)
# Its candidates share one of the query's rarest trigrams, taken while their rows add up to at most this
# (the rarest one whatever its count).
SIMILAR_ROWS_BUDGET = 5000
# Never in a folded text (runs of spaces are collapsed): an FTS query that matches nothing.
_NO_TRIGRAM = '"   "'


def create_sqlite_vocabularies(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite" and SQLITE_HAS_TRIGRAM:
        for vocabulary, fts in SQLITE_VOCABULARIES:
            schema_editor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocabulary} USING fts5vocab({fts}, row)")


def drop_sqlite_vocabularies(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for vocabulary, _fts in SQLITE_VOCABULARIES:
            schema_editor.execute(f"DROP TABLE IF EXISTS {vocabulary}")


def _trigrams(folded_query: str) -> list[str]:
    grams = []
    for word in folded_query.split():
        grams.extend(word[index : index + 3] for index in range(len(word) - 2))
    return list(dict.fromkeys(gram for gram in grams if len(gram) == 3))


def similar_rows(connection, model, field: str, folded_query: str, *, limit: int) -> list[int]:
    """Ids of the rows of ``model`` (Title or Person) whose ``field`` is most like the query, by trigrams, best first.

    PostgreSQL: pg_trgm's ``%`` (served by the column's trigram index) ordered by
    ``similarity()``. SQLite: the FTS5 table's rows sharing the query's rarest trigrams
    (its fts5vocab table counts their rows; a common trigram would make bm25 rank tens
    of thousands of rows), best by bm25; the caller orders those by a similarity ratio.
    """
    table, column = model._meta.db_table, model._meta.get_field(field).column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT id FROM {table} WHERE {column} %% %s ORDER BY similarity({column}, %s) DESC, id LIMIT %s",
                [folded_query, folded_query, limit],
            )
        elif connection.vendor == "sqlite" and SQLITE_HAS_TRIGRAM:
            fts = {"catalogue_title": "catalogue_title_fts", "catalogue_person": "catalogue_person_fts"}[table]
            grams = _trigrams(folded_query)
            if not grams:
                return []
            # One statement: the rarest trigrams (each looked up by term: an IN list would scan
            # the vocabulary), their FTS phrases OR-ed, the rows matching them by bm25.
            counts = " UNION ALL ".join(f"SELECT term, doc FROM {fts}_vocab WHERE term = %s" for _ in grams)
            cursor.execute(
                f"SELECT rowid FROM {fts} WHERE {fts} MATCH (SELECT coalesce(group_concat("
                f"'\"' || replace(term, '\"', '\"\"') || '\"', ' OR '), %s) FROM "
                f"(SELECT term, doc, sum(doc) OVER (ORDER BY doc, term ROWS UNBOUNDED PRECEDING) AS running "
                f"FROM ({counts})) WHERE running = doc OR running <= %s) ORDER BY rank LIMIT %s",
                [_NO_TRIGRAM, *grams, SIMILAR_ROWS_BUDGET, limit],
            )
        else:
            return []
        return [row[0] for row in cursor.fetchall()]
