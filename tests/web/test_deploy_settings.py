"""Settings read from the environment for deployment: CACHE_URL and DATABASE_REPLICA_URLS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'databases': {alias: {'host': db.get('HOST'), 'test': db.get('TEST'), "
    "'options': db.get('OPTIONS', {}).get('options')} "
    "for alias, db in settings.DATABASES.items()}, 'routers': settings.DATABASE_ROUTERS, "
    "'cache': settings.CACHES['default']}))"
)


def _settings(**env: str) -> dict:
    ignored = {"CACHE_URL", "DATABASE_REPLICA_URLS", "DATABASE_URL", "DATABASE_PG_OPTIONS"}
    environment = {key: value for key, value in os.environ.items() if key not in ignored}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1", **env)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_defaults_are_a_local_cache_and_no_replicas():
    settings = _settings()

    assert list(settings["databases"]) == ["default"]
    assert settings["routers"] == []
    assert settings["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_replica_urls_become_replica_aliases_with_the_router():
    settings = _settings(
        DATABASE_REPLICA_URLS="postgres://ro:pw@10.0.0.2:5432/films, postgres://ro:pw@10.0.0.3:5432/films"
    )

    assert list(settings["databases"]) == ["default", "replica", "replica_2"]
    replica = settings["databases"]["replica_2"]
    assert (replica["host"], replica["test"]["MIRROR"]) == ("10.0.0.3", "default")
    assert settings["routers"] == ["config.routers.PrimaryReplicaRouter"]


def test_postgresql_connections_run_without_parallel_query_unless_told_otherwise():
    primary, replica = "postgres://u:pw@10.0.0.1:5432/films", "postgres://ro:pw@10.0.0.2:5432/films"

    settings = _settings(DATABASE_URL=primary, DATABASE_REPLICA_URLS=replica)
    told = _settings(DATABASE_URL=primary, DATABASE_PG_OPTIONS="")

    assert {db["options"] for db in settings["databases"].values()} == {
        "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"
    }
    assert told["databases"]["default"]["options"] is None
    assert _settings()["databases"]["default"]["options"] is None  # SQLite has no such option


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in {"postgres", "postgresql"},
    reason="a PostgreSQL server's own setting",
)
@pytest.mark.django_db
def test_the_postgresql_server_applies_it():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("redis://10.0.0.5:6379/1", "django.core.cache.backends.redis.RedisCache", "redis://10.0.0.5:6379/1"),
        (
            "memcached://10.0.0.5:11211,10.0.0.6:11211",
            "django.core.cache.backends.memcached.PyMemcacheCache",
            ["10.0.0.5:11211", "10.0.0.6:11211"],
        ),
        ("locmem://pages", "django.core.cache.backends.locmem.LocMemCache", "pages"),
    ],
)
def test_cache_url_picks_djangos_own_backend(url, backend, location):
    cache = _settings(CACHE_URL=url, CACHE_TIMEOUT="120")["cache"]

    assert (cache["BACKEND"], cache["LOCATION"], cache["TIMEOUT"]) == (backend, location, 120)


def test_unknown_cache_scheme_is_a_clear_error():
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1", CACHE_URL="mongo://x")
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=ROOT, env=environment, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "CACHE_URL: unknown scheme 'mongo'" in result.stderr


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    ignored = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    environment = {key: value for key, value in os.environ.items() if key not in ignored}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_a_command_without_a_secret_key_says_so_in_one_line():
    result = _manage("check")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "manage.py: SECRET_KEY is not set. Set SECRET_KEY in the environment (or DEBUG=1 for local development only)."
    ]


def test_sqlite_migrate_checks_do_not_warn_about_postgresql_only_index_columns(tmp_path):
    result = _manage("check", "--database", "default", DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")

    assert result.returncode == 0, result.stderr
    assert "W040" not in result.stdout + result.stderr
    assert "2 silenced" in result.stdout + result.stderr  # the two covering indexes, and nothing else
