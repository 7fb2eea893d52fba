"""The full-text index of a title's text sections: plot, taglines, trivia, goofs, quotes, reviews.

One index for all six sections, so one query ranks them together. Each row is one
document: a title's plot, one tagline, one trivia item, one goof, one quote (its lines
together) or one review (its summary and text). Its id is the source row's id times 8
plus the section's code (``SECTIONS``), so a trigger finds its document without a scan
and a result names its section without another column.

SQLite: an FTS5 table (``unicode61 remove_diacritics 2``, ranked by bm25). Its text is
folded by the triggers for the letters the tokenizer keeps (ø, ł, æ … from
``catalogue.text.FOLDED_LETTERS``), so "zulawski" finds Żuławski as ``fold`` does.
PostgreSQL: a table of ``tsvector`` documents (config ``simple``: no stemming and no
stop words, like SQLite's) with a GIN index, folded by ``unaccent`` and ``lower``.
Both are kept by triggers on the source tables, so every write path keeps them: the
importer, the admin, deletes, reparse, the shell. Migration 0012.

A change to the folding or to what a section's document holds needs a migration that
drops and creates the index again (``drop_text_index``, ``create_text_index``).
"""

from __future__ import annotations

import logging

from catalogue.text import FOLDED_LETTERS

logger = logging.getLogger(__name__)

SQLITE_TABLE = "catalogue_text_fts"
POSTGRESQL_TABLE = "catalogue_text_doc"

# code: (name, label)
SECTIONS = {
    1: ("plot", "Plot"),
    2: ("tagline", "Tagline"),
    3: ("trivia", "Trivia"),
    4: ("goof", "Goof"),
    5: ("quote", "Quote"),
    6: ("review", "Review"),
}
SECTION_CODES = {name: code for code, (name, _label) in SECTIONS.items()}

# (code, table, title id column, text expression with {row} for NEW/OLD, columns whose update re-indexes)
_SIMPLE_SOURCES = (
    (1, "catalogue_title", "id", "{row}.plot", ("plot",)),
    (2, "catalogue_tagline", "title_id", "{row}.text", ("text", "title_id")),
    (3, "catalogue_trivia", "title_id", "{row}.text", ("text", "title_id")),
    (4, "catalogue_goof", "title_id", "{row}.text", ("text", "title_id")),
    (6, "catalogue_review", "title_id", "{row}.summary || ' ' || {row}.text", ("summary", "text", "title_id")),
)
QUOTE = 5


def _sqlite_fold(expression: str) -> str:
    """``expression`` with the letters unicode61 does not fold replaced, in SQL (nested ``replace``)."""
    pairs = []
    for code, replacement in FOLDED_LETTERS.items():
        letter = chr(code)
        pairs.append((letter, replacement))
        upper = letter.upper()
        if upper != letter and len(upper) == 1 and not upper.isascii():
            pairs.append((upper, replacement))
    pairs += [("ß", "ss"), ("ẞ", "ss")]
    # SQLite's parser overflows at about 30 nested calls: fold in steps, each a subquery.
    for start in range(0, len(pairs), 10):
        inner = expression if start == 0 else "folded"
        for letter, replacement in pairs[start : start + 10]:
            inner = f"replace({inner}, '{letter}', '{replacement}')"
        expression = inner if start == 0 else f"(SELECT {inner} FROM (SELECT {expression} AS folded))"
    return expression


_QUOTE_WORDS = _sqlite_fold(
    "(SELECT group_concat(l.character || ' ' || l.text, ' ') FROM catalogue_quoteline l WHERE l.quote_id = q.id)"
)


# --- SQLite ---------------------------------------------------------------------------------------


def _sqlite_quote_refresh(quote_id: str) -> str:
    return (
        f"DELETE FROM {SQLITE_TABLE} WHERE rowid = {quote_id} * 8 + {QUOTE}; "
        f"INSERT INTO {SQLITE_TABLE}(rowid, title_id, words) "
        f"SELECT q.id * 8 + {QUOTE}, q.title_id, "
        f"{_QUOTE_WORDS} FROM catalogue_quote q WHERE q.id = {quote_id} "
        "AND EXISTS (SELECT 1 FROM catalogue_quoteline l WHERE l.quote_id = q.id);"
    )


def _sqlite_triggers() -> dict[str, str]:
    """Trigger name → CREATE TRIGGER statement."""
    triggers = {}
    for code, table, title_column, text, columns in _SIMPLE_SOURCES:
        new_text = text.format(row="new")
        delete = f"DELETE FROM {SQLITE_TABLE} WHERE rowid = old.id * 8 + {code};"
        insert = (
            f"INSERT INTO {SQLITE_TABLE}(rowid, title_id, words) SELECT new.id * 8 + {code}, new.{title_column}, "
            f"{_sqlite_fold(new_text)} WHERE {new_text} <> '';"
        )
        name = f"{SQLITE_TABLE}_{table}"
        triggers[f"{name}_insert"] = f"AFTER INSERT ON {table} BEGIN {insert} END"
        triggers[f"{name}_delete"] = f"AFTER DELETE ON {table} BEGIN {delete} END"
        triggers[f"{name}_update"] = f"AFTER UPDATE OF {', '.join(columns)} ON {table} BEGIN {delete} {insert} END"
    name = f"{SQLITE_TABLE}_catalogue_quote"
    triggers[f"{name}_delete"] = (
        f"AFTER DELETE ON catalogue_quote BEGIN DELETE FROM {SQLITE_TABLE} WHERE rowid = old.id * 8 + {QUOTE}; END"
    )
    triggers[f"{name}_update"] = (
        f"AFTER UPDATE OF title_id ON catalogue_quote BEGIN {_sqlite_quote_refresh('new.id')} END"
    )
    name = f"{SQLITE_TABLE}_catalogue_quoteline"
    triggers[f"{name}_insert"] = (
        f"AFTER INSERT ON catalogue_quoteline BEGIN {_sqlite_quote_refresh('new.quote_id')} END"
    )
    triggers[f"{name}_delete"] = (
        f"AFTER DELETE ON catalogue_quoteline BEGIN {_sqlite_quote_refresh('old.quote_id')} END"
    )
    triggers[f"{name}_update"] = (
        "AFTER UPDATE OF character, text, quote_id ON catalogue_quoteline BEGIN "
        f"{_sqlite_quote_refresh('old.quote_id')} {_sqlite_quote_refresh('new.quote_id')} END"
    )
    return triggers


def _sqlite_rebuild() -> list[str]:
    statements = [f"DELETE FROM {SQLITE_TABLE}"]
    for code, table, title_column, text, _columns in _SIMPLE_SOURCES:
        row_text = text.format(row=table)
        statements.append(
            f"INSERT INTO {SQLITE_TABLE}(rowid, title_id, words) SELECT id * 8 + {code}, {title_column}, "
            f"{_sqlite_fold(row_text)} FROM {table} WHERE {row_text} <> ''"
        )
    statements.append(
        f"INSERT INTO {SQLITE_TABLE}(rowid, title_id, words) SELECT q.id * 8 + {QUOTE}, q.title_id, "
        f"{_QUOTE_WORDS} FROM catalogue_quote q "
        "WHERE EXISTS (SELECT 1 FROM catalogue_quoteline l WHERE l.quote_id = q.id)"
    )
    return statements


def _sqlite_create(cursor_execute) -> None:
    cursor_execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_TABLE} USING fts5(words, title_id UNINDEXED, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    for name, body in _sqlite_triggers().items():
        cursor_execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor_execute(f"CREATE TRIGGER {name} {body}")
    for statement in _sqlite_rebuild():
        cursor_execute(statement)


# --- PostgreSQL -----------------------------------------------------------------------------------


def _postgresql_fold_function(unaccent: bool) -> str:
    # The parser drops what reads as an XML tag or entity ("<script>x</script>", "&amp;"):
    # the untrusted text's <, > and & become spaces, so the words inside them are indexed.
    words = "translate($1, '<>&', '   ')"
    if unaccent:
        body = f"SELECT lower(unaccent('unaccent', {words}))"
    else:  # without the extension: case and the letters of FOLDED_LETTERS that are one letter
        single = {chr(code): value for code, value in FOLDED_LETTERS.items() if len(value) == 1}
        body = f"SELECT translate(lower({words}), '{''.join(single)}', '{''.join(single.values())}')"
    return (
        "CREATE OR REPLACE FUNCTION catalogue_text_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        f"AS $$ {body} $$"
    )


def _postgresql_statements() -> list[str]:
    t = POSTGRESQL_TABLE
    statements = [
        f"CREATE TABLE IF NOT EXISTS {t} (id bigint PRIMARY KEY, title_id bigint NOT NULL, document tsvector NOT NULL)",
        f"""CREATE OR REPLACE FUNCTION catalogue_text_put(p_id bigint, p_title bigint, p_text text)
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM {t} WHERE id = p_id;
            IF coalesce(p_text, '') <> '' THEN
                INSERT INTO {t} VALUES (p_id, p_title, to_tsvector('simple', catalogue_text_fold(p_text)));
            END IF;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION catalogue_text_quote(p_quote bigint) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM {t} WHERE id = p_quote * 8 + {QUOTE};
            INSERT INTO {t} SELECT q.id * 8 + {QUOTE}, q.title_id,
                to_tsvector('simple', catalogue_text_fold(string_agg(l.character || ' ' || l.text, ' ')))
            FROM catalogue_quote q JOIN catalogue_quoteline l ON l.quote_id = q.id WHERE q.id = p_quote GROUP BY q.id;
        END $$""",
    ]
    for code, table, title_column, text, columns in _SIMPLE_SOURCES:
        function = f"{t}_{table}"
        statements += [
            f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM {t} WHERE id = OLD.id * 8 + {code};
                ELSE
                    PERFORM catalogue_text_put(NEW.id * 8 + {code}, NEW.{title_column}, {text.format(row="NEW")});
                END IF;
                RETURN NULL;
            END $$""",
            f"DROP TRIGGER IF EXISTS {function} ON {table}",
            f"CREATE TRIGGER {function} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(columns)} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        ]
    statements += [
        f"""CREATE OR REPLACE FUNCTION {t}_catalogue_quote() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM {t} WHERE id = OLD.id * 8 + {QUOTE};
            ELSE
                PERFORM catalogue_text_quote(NEW.id);
            END IF;
            RETURN NULL;
        END $$""",
        f"DROP TRIGGER IF EXISTS {t}_catalogue_quote ON catalogue_quote",
        f"CREATE TRIGGER {t}_catalogue_quote AFTER DELETE OR UPDATE OF title_id ON catalogue_quote "
        f"FOR EACH ROW EXECUTE FUNCTION {t}_catalogue_quote()",
        f"""CREATE OR REPLACE FUNCTION {t}_catalogue_quoteline() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                PERFORM catalogue_text_quote(OLD.quote_id);
            END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') AND (TG_OP = 'INSERT' OR NEW.quote_id <> OLD.quote_id) THEN
                PERFORM catalogue_text_quote(NEW.quote_id);
            END IF;
            RETURN NULL;
        END $$""",
        f"DROP TRIGGER IF EXISTS {t}_catalogue_quoteline ON catalogue_quoteline",
        f"CREATE TRIGGER {t}_catalogue_quoteline AFTER INSERT OR DELETE OR UPDATE OF character, text, quote_id "
        f"ON catalogue_quoteline FOR EACH ROW EXECUTE FUNCTION {t}_catalogue_quoteline()",
        f"TRUNCATE {t}",
    ]
    for code, table, title_column, text, _columns in _SIMPLE_SOURCES:
        row_text = text.format(row=table)
        statements.append(
            f"INSERT INTO {t} SELECT id * 8 + {code}, {title_column}, "
            f"to_tsvector('simple', catalogue_text_fold({row_text})) FROM {table} WHERE {row_text} <> ''"
        )
    statements += [
        f"INSERT INTO {t} SELECT q.id * 8 + {QUOTE}, q.title_id, "
        "to_tsvector('simple', catalogue_text_fold(string_agg(l.character || ' ' || l.text, ' '))) "
        "FROM catalogue_quote q JOIN catalogue_quoteline l ON l.quote_id = q.id GROUP BY q.id",
        # After the rows: one GIN build is faster than growing it row by row.
        f"CREATE INDEX IF NOT EXISTS {t}_document ON {t} USING gin (document)",
        f"ANALYZE {t}",
    ]
    return statements


# --- creating, dropping, repairing (migration 0012 and post_migrate call these) -------------------


def create_text_index(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _sqlite_create(schema_editor.execute)
    elif vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
            unaccent = cursor.fetchone() is not None
        if unaccent:
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        else:
            logger.warning("No unaccent extension: full-text search folds case and a few letters only.")
        schema_editor.execute(_postgresql_fold_function(unaccent))
        for statement in _postgresql_statements():
            schema_editor.execute(statement)


def drop_text_index(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in _sqlite_triggers():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {SQLITE_TABLE}")
    elif vendor == "postgresql":
        t = POSTGRESQL_TABLE
        for _code, table, *_rest in _SIMPLE_SOURCES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {t}_{table} ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {t}_{table}()")
        for table in ("catalogue_quote", "catalogue_quoteline"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {t}_{table} ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {t}_{table}()")
        schema_editor.execute("DROP FUNCTION IF EXISTS catalogue_text_put(bigint, bigint, text)")
        schema_editor.execute("DROP FUNCTION IF EXISTS catalogue_text_quote(bigint)")
        schema_editor.execute(f"DROP TABLE IF EXISTS {t}")
        schema_editor.execute("DROP FUNCTION IF EXISTS catalogue_text_fold(text)")


def repair_sqlite_text_index(connection, *, expected: bool = False) -> bool:
    """Recreate missing triggers (a SQLite migration that copies a table drops them) and rebuild."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        if SQLITE_TABLE not in present or set(_sqlite_triggers()) <= present:
            return False
        _sqlite_create(cursor.execute)
    if not expected:
        logger.warning("Rebuilt the full-text index, whose triggers were missing.")
    return True
