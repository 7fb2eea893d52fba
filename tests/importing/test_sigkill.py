"""An import killed with SIGKILL halfway leaves a consistent catalogue; running it again finishes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import ROOT
from tests.importing.records import crew, record_bytes, small_record

PAGES = 400
CREW_PER_PAGE = 20
SHARED_NAMES = 50  # people shared by many titles: a re-run must not duplicate them


def _environment(database):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(DEBUG="1", DATABASE_URL=f"sqlite:///{database}")
    return env


def _count(database, sql: str) -> int:
    with sqlite3.connect(database, timeout=30) as db:
        return db.execute(sql).fetchone()[0]


def test_sigkill_halfway_then_rerun(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(PAGES):
        members = crew(CREW_PER_PAGE, prefix="Shared")
        for n, member in enumerate(members):
            member.name = f"Shared Person {(i + n) % SHARED_NAMES}"
            member.order = n + 1
        # A run-together recommendations line naming two other titles of the batch.
        line = f"Title {(i + 1) % PAGES} Title {(i + 2) % PAGES}"
        record = small_record(f"Title {i}", 2000, crew=members, recommendations_text=line, recommendation_count=2)
        (pages / f"page-{i:04d}.json").write_bytes(record_bytes(record))
    database = tmp_path / "db.sqlite3"
    env = _environment(database)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput"], env=env, check=True, capture_output=True, cwd=ROOT)

    # Small groups, so that the kill lands after some commits and before the end.
    process = subprocess.Popen(
        [*manage, "import_pages", "--commit-every", "20", str(pages)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if _count(database, "SELECT count(*) FROM catalogue_sourcepage") >= 30:
                break
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    done = _count(database, "SELECT count(*) FROM catalogue_title")
    assert 30 <= done < PAGES, "the import was to be killed halfway"
    # Every page written is whole: its source, its title, all its credits.
    assert _count(database, "SELECT count(*) FROM catalogue_sourcepage") == done
    assert _count(database, "SELECT count(*) FROM catalogue_sourcepage WHERE title_id IS NULL") == 0
    assert _count(database, "SELECT count(*) FROM catalogue_credit") == done * CREW_PER_PAGE
    # The lines are split at the end of the batch: killed before it, they are all still due.
    assert _count(database, "SELECT count(*) FROM catalogue_recommendation") == 0
    assert _count(database, "SELECT count(*) FROM catalogue_pendingsplitword") == 0

    rerun = subprocess.run([*manage, "import_pages", str(pages)], env=env, cwd=ROOT, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"imported {PAGES - done}, updated 0, unchanged {done}" in rerun.stdout
    # The re-run also splits the lines of the pages the killed run had committed.
    assert f"recommendation lines split {PAGES}" in rerun.stdout
    assert _count(database, "SELECT count(*) FROM catalogue_recommendation WHERE target_id IS NOT NULL") == 2 * PAGES
    assert _count(database, "SELECT count(*) FROM catalogue_pendingsplitword") == 0

    assert _count(database, "SELECT count(*) FROM catalogue_title") == PAGES
    assert _count(database, "SELECT count(DISTINCT title) FROM catalogue_title") == PAGES
    assert _count(database, "SELECT count(*) FROM catalogue_person") == SHARED_NAMES
    assert _count(database, "SELECT count(*) FROM catalogue_credit") == PAGES * CREW_PER_PAGE
    assert (
        _count(
            database,
            "SELECT count(*) FROM (SELECT title_id, person_id, department, count(*) n FROM catalogue_credit "
            "GROUP BY title_id, person_id, department HAVING n > 1)",
        )
        == 0
    )
