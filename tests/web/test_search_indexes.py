"""Trigram search indexes give the same rows as plain LIKE, stay in sync, and are used.

Runs on SQLite (FTS5 trigram tables) and PostgreSQL (pg_trgm GIN indexes): the
connection's vendor decides which index is checked.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q

from catalogue import search_index
from catalogue.models import AlternateTitle, Person, Title
from catalogue.text import fold

pytestmark = pytest.mark.django_db

NAMES = [
    "Éliane Marcus",
    "Alexandre Marcus",
    "Marcus Welby",
    "Jean Léon",
    "Gérard Jarlot",
    "Toshirô Mifune",
    "三船敏郎",
    "三船美代",
    "Сергей Эйзенштейн",
    "Γιώργος Παπαδόπουλος",
    "Anna 100% Real",
    "Under_Score Kid",
    'Jack "Bull" Nelson',
    "Björn Ødegård",
    "Hara",
    "Ito",
]
TITLES = [
    ("Hiroshima Mon Amour", "Hiroshima mon amour", ["Hiroshima, My Love"]),
    ("Seven Samurai", "Shichinin no samurai", ["Les sept samouraïs", "Die sieben Samurai"]),
    ("The Godfather", "", ["Il padrino", "Крёстный отец"]),
    ("東京物語", "", ["Tokyo Story"]),
    ("Amélie", "Le fabuleux destin d'Amélie Poulain", []),
    ("100% Wolf", "", ["Cent pour cent loup"]),
    ("Gaslight", "", ["Angel Street"]),
]
PERSON_QUERIES = [
    "eliane marcus",
    "ÉLIANE",
    "marcus",
    "arcu",
    "us",
    "é",
    "",
    "mifune",
    "toshiro",
    "三船",
    "三船敏",
    "сергей",
    "ΓΙΏΡΓΟΣ",
    "100%",
    "r_s",
    "a_1",
    "under_score",
    '"bull"',
    "odegard",
    "björn",
    "nobody at all",
    "ha",
    "ito",
]
TITLE_QUERIES = [
    "hiroshima",
    "my love",
    "samourai",
    "samurai",
    "sept",
    "padrino",
    "крёстный",
    "отец",
    "東京",
    "東京物語",
    "tokyo",
    "amelie",
    "destin d'amelie",
    "100% w",
    "cent",
    "street",
    "st",
    "a",
    "",
    "no such film",
]


@pytest.fixture
def catalogue():
    for index, name in enumerate(NAMES):
        Person.objects.create(name=name, slug=f"person-{index}")
    for index, (title, original, akas) in enumerate(TITLES):
        record = Title.objects.create(title=title, original_title=original, slug=f"title-{index}", year=1950 + index)
        for position, aka in enumerate(akas):
            AlternateTitle.objects.create(title=record, aka=aka, position=position)


def _ids(queryset) -> list[int]:
    return sorted(queryset.values_list("pk", flat=True))


@pytest.mark.parametrize("query", PERSON_QUERIES)
def test_person_search_gives_the_same_people_as_plain_like(catalogue, query):
    fast = _ids(Person.objects.matching_name(query))
    plain = _ids(Person.objects.matching_name_plain(query))

    assert fast == plain
    assert search_index.uses_index("default", fold(query)) == (len(fold(query)) >= 3)


@pytest.mark.parametrize("query", TITLE_QUERIES)
def test_title_search_gives_the_same_titles_as_plain_like(catalogue, query):
    assert _ids(Title.objects.matching_text(query)) == _ids(Title.objects.matching_text_plain(query))


def test_a_text_search_can_be_a_subquery_of_another(catalogue):
    samurai = Title.objects.get(title="Seven Samurai")
    inner = Title.objects.matching_text("samourai").values("pk")

    assert _ids(Title.objects.filter(pk__in=inner)) == [samurai.pk]
    assert list(AlternateTitle.objects.filter(title__in=inner).order_by("aka").values_list("aka", flat=True)) == [
        "Die sieben Samurai",
        "Les sept samouraïs",
    ]


def test_accents_and_case_do_not_matter(catalogue):
    assert list(Person.objects.matching_name("eliane marcus").values_list("name", flat=True)) == ["Éliane Marcus"]
    assert sorted(Person.objects.matching_name("MARCUS").values_list("name", flat=True)) == [
        "Alexandre Marcus",
        "Marcus Welby",
        "Éliane Marcus",
    ]
    # ø folds to o, as a reader types it (catalogue/text.py FOLDED_LETTERS).
    assert list(Person.objects.matching_name("odegard").values_list("name", flat=True)) == ["Björn Ødegård"]
    assert list(Person.objects.matching_name("ødegård").values_list("name", flat=True)) == ["Björn Ødegård"]
    assert list(Title.objects.matching_text("samourais").values_list("title", flat=True)) == ["Seven Samurai"]
    assert list(Title.objects.matching_text("東京物語").values_list("title", flat=True)) == ["東京物語"]


def test_like_wildcards_and_quotes_in_queries_are_literal(catalogue):
    assert list(Person.objects.matching_name("100%").values_list("name", flat=True)) == ["Anna 100% Real"]
    assert list(Person.objects.matching_name("r_s").values_list("name", flat=True)) == ["Under_Score Kid"]
    assert list(Person.objects.matching_name("a_1").values_list("name", flat=True)) == []  # not "a 1" of "Anna 100"
    assert list(Person.objects.matching_name('"bull"').values_list("name", flat=True)) == ['Jack "Bull" Nelson']
    assert list(Title.objects.matching_text("100% w").values_list("title", flat=True)) == ["100% Wolf"]


def test_index_follows_inserts_updates_deletes_and_bulk_writes(catalogue):
    person = Person.objects.get(name="Hara")
    person.name = "Setsuko Hara"
    person.save()
    assert _ids(Person.objects.matching_name("setsuko")) == [person.pk]

    Person.objects.filter(pk=person.pk).update(name="Kinuyo Tanaka", name_folded="kinuyo tanaka")
    assert _ids(Person.objects.matching_name("setsuko")) == []
    assert _ids(Person.objects.matching_name("kinuyo")) == [person.pk]

    Person.objects.bulk_create([Person(name="Chishû Ryû", name_folded=fold("Chishû Ryû"), slug="chishu-ryu")])
    assert list(Person.objects.matching_name("chishu").values_list("name", flat=True)) == ["Chishû Ryû"]

    person.delete()
    assert _ids(Person.objects.matching_name("kinuyo")) == []

    godfather = Title.objects.get(title="The Godfather")
    godfather.akas.filter(aka="Il padrino").delete()
    assert _ids(Title.objects.matching_text("padrino")) == []
    AlternateTitle.objects.create(title=godfather, aka="Le Parrain", position=9)
    assert _ids(Title.objects.matching_text("parrain")) == [godfather.pk]


def _plan(queryset) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # A handful of rows would be scanned whatever the indexes: ask whether the index *can* serve.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
    return queryset.explain()


def test_person_search_uses_the_trigram_index(catalogue):
    plan = _plan(Person.objects.matching_name("marcus"))

    if connection.vendor == "sqlite":
        assert "catalogue_person_fts VIRTUAL TABLE INDEX" in plan
        # Two characters have no trigram: a plain LIKE scan.
        assert "fts" not in _plan(Person.objects.matching_name("ma"))
    else:
        assert "catalogue_person_name_trgm" in plan


def test_title_search_uses_the_trigram_indexes(catalogue):
    plan = _plan(Title.objects.matching_text("samurai"))

    if connection.vendor == "sqlite":
        assert "catalogue_title_fts VIRTUAL TABLE INDEX" in plan
        assert "catalogue_alternatetitle_fts VIRTUAL TABLE INDEX" in plan
    else:
        assert "catalogue_title_search_names_trgm" in plan  # one column for every name of a title


def _search_names(title) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_names FROM catalogue_title WHERE id = %s", [title.pk])
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search_names column")
def test_a_titles_search_names_follow_its_title_and_akas_whatever_writes_them(catalogue):
    samurai = Title.objects.get(title="Seven Samurai")
    assert _search_names(samurai) == "seven samurai\nshichinin no samurai\nles sept samourais\ndie sieben samurai"

    samurai.original_title = ""
    samurai.save()
    samurai.akas.filter(aka="Die sieben Samurai").update(aka="I sette samurai", title_folded="i sette samurai")
    AlternateTitle.objects.bulk_create(
        [AlternateTitle(title=samurai, aka="Los siete samuráis", title_folded=fold("Los siete samuráis"), position=5)]
    )
    samurai.akas.filter(aka="Les sept samouraïs").delete()

    assert _search_names(samurai) == "seven samurai\ni sette samurai\nlos siete samurais"
    assert _ids(Title.objects.matching_text("siete")) == [samurai.pk]
    assert _ids(Title.objects.matching_text("shichinin")) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's table rebuilds drop triggers; PostgreSQL's do not")
def test_missing_triggers_are_recreated_and_the_index_rebuilt(catalogue):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER catalogue_person_fts_insert")
    Person.objects.create(name="Kyôko Kagawa", slug="kyoko-kagawa")
    assert _ids(Person.objects.matching_name("kagawa")) == []  # stale: what a table rebuild would leave

    assert search_index.repair_sqlite_search_indexes(connection) == ["catalogue_person_fts"]

    assert list(Person.objects.matching_name("kagawa").values_list("name", flat=True)) == ["Kyôko Kagawa"]
    assert search_index.repair_sqlite_search_indexes(connection) == []


def _search_objects() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name IN ('catalogue_person_fts', 'catalogue_person_fts_insert')"
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
@pytest.mark.django_db(transaction=True)
def test_migrating_back_drops_the_indexes_and_forward_rebuilds_them():
    from django.core.management import call_command

    Person.objects.create(name="Setsuko Hara", slug="setsuko-hara")
    assert _search_objects() == {"catalogue_person_fts", "catalogue_person_fts_insert"}
    call_command("migrate", "catalogue", "0002", verbosity=0)
    assert _search_objects() == set()  # and post_migrate did not put them back
    call_command("migrate", "catalogue", verbosity=0)
    assert list(Person.objects.matching_name("setsuko").values_list("name", flat=True)) == ["Setsuko Hara"]


def test_certificate_search_reads_the_case_insensitive_index(catalogue):
    from catalogue.filters import TitleFilter

    search = TitleFilter({"certificate": "uk:x"}, queryset=Title.objects.all())
    plan = _plan(search.qs)

    assert "certificate_country_rating_ci" in plan  # not a scan of every certificate
    if connection.vendor == "sqlite":
        assert "COVERING INDEX certificate_country_rating_ci" in plan


def test_the_search_boxs_candidates_come_from_the_trigram_indexes(catalogue):
    from catalogue.filters import TitleFilter, search_queryset
    from catalogue.selectors import search_titles

    search = TitleFilter({"q": "samourais sept"}, queryset=search_queryset())
    plan = _plan(search.qs)

    if connection.vendor == "sqlite":
        assert "catalogue_title_fts VIRTUAL TABLE INDEX" in plan
        assert "catalogue_alternatetitle_fts VIRTUAL TABLE INDEX" in plan
        assert "SCAN catalogue_title\n" not in plan + "\n"  # never every title
    else:
        assert "catalogue_title_search_names_trgm" in plan
    found = search_titles(search, 1, 25).page.object_list
    assert [title.title for title in found] == ["Seven Samurai"]
    # Words, not substrings: "our" was a part of "amour" and "pour".
    assert search_titles(TitleFilter({"q": "our"}, queryset=search_queryset()), 1, 25).page.object_list == []


def test_one_and_two_letter_queries_read_the_folded_index_from_the_query_on(catalogue):
    from catalogue.filters import TitleFilter, search_queryset
    from catalogue.selectors import search_titles

    search = TitleFilter({"q": "Ga"}, queryset=search_queryset())
    plan = _plan(search.qs.order_by("title_folded")[:201])

    if connection.vendor == "sqlite":
        assert "USING INDEX catalogue_title_title_folded" in plan and "title_folded>? AND title_folded<?" in plan
    else:
        assert "Index" in plan and "title_folded" in plan
    results = search_titles(search, 1, 25)
    assert results.short and [title.title for title in results.page.object_list] == ["Gaslight"]
    people = Person.objects.matching_words(search.word_query)
    if connection.vendor == "sqlite":
        assert "USING INDEX catalogue_person_name_folded" in _plan(people)


def test_the_models_declare_the_trigram_indexes_the_database_has(catalogue):
    from catalogue.models import AlternateTitle

    declared = {
        index.name
        for model in (Title, Person, AlternateTitle)
        for index in model._meta.indexes
        if index.name.endswith("_trgm")
    }
    assert declared == {name for name, _table, _column in search_index.POSTGRESQL_INDEXES}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)", [list(declared)])
            found = dict(cursor.fetchall())
        assert set(found) == declared and all("gin_trgm_ops" in sql for sql in found.values())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds a table to alter it")
def test_a_sqlite_table_rebuild_writes_no_postgresql_index(catalogue):
    # A later migration altering the title table makes SQLite recreate it with the model's indexes.
    editor = connection.schema_editor(collect_sql=True)
    statements = [str(sql) for sql in editor._model_indexes_sql(Title)]

    assert "SELECT 1" in statements  # the trigram indexes' no-op
    # "USING gin", not the "gin" of "original_title_folded" (the exact-name index).
    assert not [sql for sql in statements if "using gin" in sql.lower() or "gin_trgm_ops" in sql.lower()]
    assert any("title_title_year" in sql for sql in statements)
    assert any("title_original_folded" in sql for sql in statements)
    assert not [sql for sql in statements if "NULLS LAST" in sql]  # PostgreSQL's votes index: a no-op here


def test_the_search_box_s_indexes(catalogue):
    """The exact-name index everywhere; the votes index NULLS LAST on PostgreSQL; SQLite's trigram vocabularies."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'catalogue_title'")
            found = dict(cursor.fetchall())
            assert "DESC NULLS LAST" in found["title_votes_nulls_last"]
        else:
            cursor.execute("SELECT name FROM sqlite_master")
            found = {row[0]: "" for row in cursor.fetchall()}
            assert "title_votes_nulls_last" not in found
            cursor.execute("SELECT term, doc FROM catalogue_title_fts_vocab WHERE term = 'sam'")
            with_sam = Title.objects.filter(Q(title_folded__contains="sam") | Q(original_title_folded__contains="sam"))
            assert cursor.fetchone() == ("sam", with_sam.count())  # rows per trigram, for "did you mean"
    assert "title_original_folded" in found


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's table copies; run once, in the SQLite suite")
def test_a_fresh_migrate_leaves_no_search_trigger_to_repair(tmp_path):
    """Every migration that copies a table on SQLite puts its FTS triggers back itself.

    Else the post_migrate repair rebuilds the index on every fresh database (and warns).
    """
    import os
    import subprocess
    import sys

    from django.conf import settings

    environment = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "triggers were missing" not in done.stderr + done.stdout
