"""Import speed: N realistic JSON records through the real ``import_pages`` command.

Builds N title records with ``catalogue.generation.generate_record`` (deterministic by
``--seed``; the same realistic catalogue ``bench/run.py`` renders as text pages: long-
tailed credits, people shared across titles, accented and non-Latin names, every
section, series and episodes). Writes them as JSON
record files (``record.to_dict()``) in a temporary folder, migrates a fresh database
and runs ``import_pages`` on the folder in a child process, then prints pages/s,
queries per page and the child's peak memory (maxrss).

    python bench/import_records.py [--titles 1000 10000] [--seed 1] [--sqlite-only | --postgres-only]

SQLite always (a file in a temporary folder); PostgreSQL too when DATABASE_URL points
at one: the bench creates and drops its own database (``catalogue_bench``) there.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_record(i: int, n: int, seed: int):
    """Title i of n: the generator every benchmark and test shares (catalogue/generation)."""
    from catalogue.generation import generate_record

    return generate_record(seed=seed, number=i, titles=n)[0]


def write_records(folder: Path, n: int, seed: int) -> dict:
    """Write N record files; returns totals (credits, reviews…) of what was written."""
    totals = {"credits": 0, "bytes": 0, "reviews": 0, "certificates": 0}
    for i in range(n):
        record = build_record(i, n, seed)
        data = json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
        shard = folder / f"{i // 1000:03d}"
        shard.mkdir(exist_ok=True)
        (shard / f"{i:06d}.json").write_bytes(data)
        totals["credits"] += len(record.cast) + len(record.crew)
        totals["reviews"] += len(record.reviews)
        totals["certificates"] += len(record.certificates)
        totals["bytes"] += len(data)
    return totals


def child(folder: str) -> None:
    """Run in a fresh process: import_pages FOLDER, print the figures as JSON."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    count = [0]

    def counting(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    out = open(os.devnull, "w")
    with connection.execute_wrapper(counting):
        before = resource.getrusage(resource.RUSAGE_SELF)
        cpu_before = before.ru_utime + before.ru_stime
        started = time.perf_counter()
        call_command("import_pages", folder, stdout=out, stderr=out)
        elapsed = time.perf_counter() - started
    from catalogue.models import Credit, Person, Recommendation, Title

    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "seconds": elapsed,
        "cpu_seconds": usage.ru_utime + usage.ru_stime - cpu_before,
        "queries": count[0],
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "titles": Title.objects.count(),
        "people": Person.objects.count(),
        "credits": Credit.objects.count(),
        "recommendations_resolved": Recommendation.objects.filter(target__isnull=False).count(),
        "recommendations": Recommendation.objects.count(),
    }
    print("FIGURES " + json.dumps(figures))


def _python() -> str:
    return sys.executable


def run_one(n: int, seed: int, database_url: str, workdir: Path, label: str) -> dict:
    records = workdir / f"records-{n}"
    if not records.exists():
        records.mkdir()
        totals = write_records(records, n, seed)
        (workdir / f"totals-{n}.json").write_text(json.dumps(totals))
    totals = json.loads((workdir / f"totals-{n}.json").read_text())
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1", DATABASE_URL=database_url)
    subprocess.run([_python(), str(ROOT / "manage.py"), "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
    result = subprocess.run(
        [_python(), __file__, "--child", str(records)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("FIGURES ")]
    if result.returncode != 0 or not lines:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"{label}: the import failed")
    figures = json.loads(lines[0][len("FIGURES ") :])
    figures.update(totals)
    pages_per_s = n / figures["seconds"]
    print(
        f"{label:<10} N={n:>6}: {figures['seconds']:7.1f} s, {pages_per_s:6.1f} pages/s "
        f"({n / figures['cpu_seconds']:.1f} per CPU-second of the importer), "
        f"{figures['queries'] / n:5.1f} queries/page, peak {figures['maxrss_kib'] / 1024:6.0f} MiB; "
        f"{figures['credits'] / n:.0f} credits/page, {figures['people']} people, "
        f"{figures['recommendations_resolved']}/{figures['recommendations']} recommendations resolved",
        flush=True,
    )
    return figures


def _postgres_admin(url: str):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname=parts.path.lstrip("/") or "postgres",
        autocommit=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgres-only", action="store_true", help="skip SQLite (DATABASE_URL must be PostgreSQL)")
    parser.add_argument("--child", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    import sqlite3

    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}", flush=True)
    postgres = os.environ.get("DATABASE_URL", "")
    postgres = postgres if postgres.startswith(("postgres://", "postgresql://")) and not args.sqlite_only else ""
    workdir = Path(tempfile.mkdtemp(prefix="import-bench-"))
    try:
        for n in args.titles:
            if not args.postgres_only:
                db = workdir / f"bench-{n}.sqlite3"
                run_one(n, args.seed, f"sqlite:///{db}", workdir, "SQLite")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
            if postgres:
                name = "catalogue_bench"
                with _postgres_admin(postgres) as admin:
                    admin.execute(f"DROP DATABASE IF EXISTS {name}")
                    admin.execute(f"CREATE DATABASE {name}")
                parts = urlsplit(postgres)
                try:
                    run_one(n, args.seed, urlunsplit(parts._replace(path=f"/{name}")), workdir, "PostgreSQL")
                finally:
                    with _postgres_admin(postgres) as admin:
                        admin.execute(f"DROP DATABASE IF EXISTS {name}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
