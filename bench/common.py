"""Shared pieces of the benchmarks: a fresh database, Django set-up, timers, percentiles, memory.

The benchmarks run each measured step in a child process (``run_child``), so each
process's peak memory (``ru_maxrss``) belongs to that step alone.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_SECRET = "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"


def site_environment(database_url: str, *, static_root: Path | None = None) -> dict[str, str]:
    """The environment a benchmark process (or gunicorn) runs the site with: production-like, local."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY") or BENCH_SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
    )
    env.pop("DATABASE_REPLICA_URLS", None)
    if static_root is not None:
        env["STATIC_ROOT"] = str(static_root)
    return env


def setup_django(database_url: str, *, static_root: Path | None = None) -> None:
    os.environ.update(site_environment(database_url, static_root=static_root))
    import django

    django.setup()


def migrate() -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    return time.perf_counter() - started


# --- databases ------------------------------------------------------------------------------


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://", "pgsql://")) else None


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _admin_connection(url: str):
    import psycopg

    parts = urlsplit(url)
    options = dict(
        host=parts.hostname or "localhost",
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        autocommit=True,
    )
    try:
        return psycopg.connect(dbname=parts.path.lstrip("/") or "postgres", **options)
    except psycopg.OperationalError:
        # Like Django: the named database need not exist, "postgres" will do to create ours.
        return psycopg.connect(dbname="postgres", **options)


@contextmanager
def fresh_database(backend: str, workdir: Path):
    """A new, empty database for one run; yields its URL and removes it afterwards."""
    if backend == "sqlite":
        path = workdir / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        yield f"sqlite:///{path}"
        return
    base = postgres_url()
    if base is None:
        raise SystemExit("PostgreSQL benchmark needs DATABASE_URL=postgres://user:password@host:port/db")
    name = f"bench_catalogue_{os.getpid()}"
    with _admin_connection(base) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(base, name)
    finally:
        with _admin_connection(base) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def throwaway_test_database():
    """The settings' test database (in-memory SQLite, or a PostgreSQL one next to DATABASE_URL), dropped after."""
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    database_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        yield
    finally:
        # A PostgreSQL DATABASE_URL gets a test database of its own: leave none behind.
        connection.creation.destroy_test_db(database_name, verbosity=0)


def backends(requested: str) -> list[str]:
    if requested == "auto":
        return ["sqlite"] + (["postgresql"] if postgres_url() else [])
    return [name.strip() for name in requested.split(",") if name.strip()]


# --- measuring ------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def machine() -> dict[str, str]:
    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            memory = f"{int(meminfo.readline().split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {
        "cpus": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def run_child(script: Path, args: list[str], *, env: dict[str, str] | None = None, timeout: float = 3600) -> dict:
    """Run a benchmark step in its own process; it prints one JSON object as its last stdout line."""
    result = subprocess.run(
        [sys.executable, str(script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"{script.name} {' '.join(args)} failed with exit code {result.returncode}")
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1])


def generate(out: Path, *, titles: int, seed: int) -> dict:
    """Write the generated pages; returns counts and the generator's speed."""
    from catalogue.generation import write_pages

    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    report = write_pages(out, seed=seed, titles=titles)
    seconds = time.perf_counter() - started
    return {
        "pages": report.pages,
        "credits": report.credits,
        "megabytes": round(report.bytes / 1e6, 1),
        "seconds": round(seconds, 2),
        "pages_per_second": round(report.pages / seconds, 1),
    }


def page_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))
