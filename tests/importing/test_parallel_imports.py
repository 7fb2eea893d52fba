"""Several ``import_pages`` processes at once on PostgreSQL, on overlapping folders, give
the titles, people, credits and sources one clean import gives. Real processes and a real PostgreSQL server (the
suite's own, when it runs on PostgreSQL: ``DATABASE_URL=postgres://…``)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import ROOT
from catalogue.parsing.record import Certificate
from tests.importing.records import crew, record_bytes, small_record

URL = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not URL.startswith(("postgres://", "postgresql://")),
    reason="concurrent imports are a PostgreSQL matter (SQLite has one writer)",
)

PAGES = 240
SHARED = 30  # people every page shares with many others: the rows the imports race for


@pytest.fixture
def crawl(tmp_path):
    """Pages 0–239 in three folders that overlap: each page is in two of them."""
    folders = [tmp_path / name for name in ("a", "b", "c")]
    for folder in folders:
        folder.mkdir()
    for i in range(PAGES):
        data = _page(i)
        for folder in (folders[i % 3], folders[(i + 1) % 3]):
            (folder / f"page-{i:04d}.json").write_bytes(data)
    return folders


def _database_url(name: str) -> str:
    parts = urlsplit(URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture
def fresh_database():
    import psycopg

    made = []

    def make() -> str:
        name = f"catalogue_parallel_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(URL, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        url = _database_url(name)
        _manage(url, "migrate", "--noinput")
        return url

    yield make
    with psycopg.connect(URL, autocommit=True) as admin:
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _environment(url: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(DEBUG="1", DATABASE_URL=url)
    return env


def _manage(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=_environment(url),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _catalogue(url: str) -> dict:
    import psycopg

    with psycopg.connect(url) as db:

        def rows(sql: str) -> list:
            return sorted(db.execute(sql).fetchall())

        return {
            "titles": rows("SELECT title, year FROM catalogue_title"),
            "people": rows("SELECT name FROM catalogue_person"),
            "credits": rows(
                'SELECT t.title, p.name, c.department, c.job, c."order" FROM catalogue_credit c '
                "JOIN catalogue_title t ON t.id = c.title_id JOIN catalogue_person p ON p.id = c.person_id"
            ),
            "sources": rows("SELECT sha256 FROM catalogue_sourcepage"),
            "recommendations": rows(
                "SELECT t.title, r.target_title, r.target_id IS NOT NULL FROM "
                "catalogue_recommendation r JOIN catalogue_title t ON t.id = r.title_id"
            ),
            # The stored counts (importing/counts.py), written by each import's groups at once.
            "genre counts": rows("SELECT name, title_count FROM catalogue_genre WHERE title_count > 0"),
            "fresh genre counts": rows(
                "SELECT g.name, COUNT(*) FROM catalogue_genre g "
                "JOIN catalogue_titlegenre l ON l.genre_id = g.id GROUP BY g.name"
            ),
            "certificate counts": rows(
                "SELECT country, rating, title_count FROM catalogue_certificatecount WHERE title_count > 0"
            ),
        }


def _page(i: int) -> bytes:
    members = crew(12, prefix="X")
    for n, member in enumerate(members):
        member.name = f"Shared Person {(i * 7 + n) % SHARED}"
        member.order = n + 1
    line = f"Title {(i + 1) % PAGES} Title {(i + 2) % PAGES}"
    return record_bytes(
        small_record(
            f"Title {i}",
            1950 + i % 60,
            crew=members,
            recommendations_text=line,
            recommendation_count=2,
            genres=["Drama", f"Genre {i % 5}"],
            certificates=[Certificate(country="UK", rating=str(i % 3))],
        )
    )


@pytest.mark.parametrize("processes", [2, 4])
def test_parallel_imports_of_overlapping_folders_equal_one_clean_import(crawl, fresh_database, processes, tmp_path):
    clean = fresh_database()
    _manage(clean, "import_pages", *map(str, crawl))
    expected = _catalogue(clean)
    assert len(expected["titles"]) == PAGES
    assert len(expected["people"]) == SHARED

    parallel = fresh_database()
    folders = [crawl[i % 3] for i in range(processes)]  # with 4, one folder twice: the same pages at once
    runs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "import_pages", str(folder)],
            env=_environment(parallel),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    outputs = [run.communicate(timeout=600) for run in runs]

    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert "failed 0" in out, out
    got = _catalogue(parallel)
    assert got["genre counts"] == got["fresh genre counts"] == expected["genre counts"]
    assert got["certificate counts"] == expected["certificate counts"] and len(expected["certificate counts"]) == 4
    for section in ("titles", "people", "credits", "sources"):
        assert got[section] == expected[section], section
    # Every recommendation line is split as one import splits it, once: a line is never
    # left unsplit because the titles it names were another import's, uncommitted yet.
    assert got["recommendations"] == expected["recommendations"]
    assert len(expected["recommendations"]) == 2 * PAGES
    assert all(resolved for _, _, resolved in expected["recommendations"])


def test_two_imports_of_one_crawl_in_opposite_orders_equal_one_clean_import(fresh_database, tmp_path):
    """Each import meets the people the other has just written, in the opposite order.

    A page that loses a deadlock after other pages of its group ends the group (their
    locks are what the other import waits for) and is tried first in the next one.
    """
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    forward.mkdir()
    backward.mkdir()
    for i in range(PAGES):
        data = _page(i)
        (forward / f"page-{i:04d}.json").write_bytes(data)
        (backward / f"page-{PAGES - 1 - i:04d}.json").write_bytes(data)
    clean = fresh_database()
    _manage(clean, "import_pages", str(forward))
    expected = _catalogue(clean)

    parallel = fresh_database()
    runs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "import_pages", "--commit-every", "50", str(folder)],
            env=_environment(parallel),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (forward, backward)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, out + err
        assert "failed 0" in out, out
    assert _catalogue(parallel) == expected
