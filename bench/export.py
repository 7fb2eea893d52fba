"""Export benchmark: `export_dataset` and `export_pages` on catalogues of N titles; wall time and peak RSS.

    python bench/export.py                                   # N = 2,000, 10,000 and 100,000
    python bench/export.py --titles 2000 10000               # quicker
    python bench/export.py --keep-dir /tmp                   # keep (and reuse) /tmp/bench-{N/1000}k.sqlite3

SQLite only. For each N it builds a catalogue with bench/bulk_load.py from the generator
(titles, people, credits, certificates, AKAs, ratings: what the exports read most of), or
reuses the file kept by an earlier run with the same ``--keep-dir``, then runs each
export as its own ``manage.py`` process and reads that process's peak resident memory
(``ru_maxrss`` from ``os.wait4``), so each figure belongs to that command alone.
The exports write into a temporary folder, removed at the end. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, machine, migrate, peak_rss_mb, run_child, setup_django, site_environment  # noqa: E402

EXPORTS = {
    "export_dataset": lambda out: ["export_dataset", str(out / "dataset")],
    "export_pages": lambda out: ["export_pages", str(out / "records.json")],
}


def build(url: str, *, titles: int, seed: int) -> dict:
    """In the child process: migrate and bulk-load ``titles`` generated titles."""
    setup_django(url)
    from bench.bulk_load import load_pages
    from catalogue.generation import iter_pages
    from catalogue.models import Credit, Person, Title

    migrate()
    started = time.perf_counter()
    load_pages(iter_pages(seed=seed, titles=titles))
    from django.db import connection

    seconds = time.perf_counter() - started
    counts = {"titles": Title.objects.count(), "people": Person.objects.count(), "credits": Credit.objects.count()}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the whole catalogue in the one file, to rename
    connection.close()
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        **counts,
    }


def run_export(url: str, command: list[str]) -> dict:
    """``manage.py COMMAND`` in its own process: wall time and that process's peak RSS."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=site_environment(url),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        # Reaped by wait4, not Popen.wait: wait4 gives this child's own resource usage. Until
        # then, /proc tells its anonymous memory (heap) from the file pages it maps: SQLite's
        # mmap counts the database file's pages read so far in the RSS.
        peaks = {"RssAnon": 0, "RssFile": 0}
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            for key, kilobytes in _proc_status(process.pid).items():
                peaks[key] = max(peaks[key], kilobytes)
            time.sleep(0.1)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-4000:])
            raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "peak_anon_mb": round(peaks["RssAnon"] / 1024, 1),
        "peak_file_mb": round(peaks["RssFile"] / 1024, 1),
    }


def _proc_status(pid: int) -> dict[str, int]:
    try:
        with open(f"/proc/{pid}/status") as status:
            lines = [line.split() for line in status if line.startswith(("RssAnon:", "RssFile:"))]
    except OSError:
        return {}
    return {line[0].rstrip(":"): int(line[1]) for line in lines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, nargs="+", default=[2_000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep-dir",
        type=Path,
        metavar="DIR",
        help="keep each catalogue as DIR/bench-{N/1000}k.sqlite3 and reuse it when it exists",
    )
    parser.add_argument("--exports", nargs="+", choices=list(EXPORTS), default=list(EXPORTS))
    parser.add_argument("--only-build", action="store_true", help="build (or find) the catalogues, export nothing")
    parser.add_argument("--child-build", nargs=2, metavar=("URL", "TITLES"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child_build:
        url, titles = args.child_build
        print(json.dumps(build(url, titles=int(titles), seed=args.seed)))
        return

    print("machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        workdir = Path(tmp)
        for titles in args.titles:
            name = f"bench-{titles / 1000:g}k.sqlite3"
            path = (args.keep_dir.resolve() if args.keep_dir else workdir) / name
            url = f"sqlite:///{path}"
            if path.exists():
                print(f"\n== {titles:,} titles: the catalogue kept in {path}")
                # Bring a kept file up to the code's migrations.
                subprocess.run(
                    [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=site_environment(url), check=True
                )
            else:
                # Built under another name and renamed when complete: a build cut short is never reused.
                building = path.with_name(f"{path.name}.building")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{building}{suffix}").unlink(missing_ok=True)
                built_url = f"sqlite:///{building}"
                built = run_child(
                    Path(__file__),
                    ["--seed", str(args.seed), "--child-build", built_url, str(titles)],
                    env=site_environment(built_url),
                    timeout=6 * 3600,
                )
                for suffix in ("-wal", "-shm"):
                    Path(f"{building}{suffix}").unlink(missing_ok=True)
                building.rename(path)
                print(
                    f"\n== {titles:,} titles: bulk-loaded in {built['seconds']} s (peak RSS "
                    f"{built['peak_rss_mb']:.0f} MB): {built['titles']:,} titles, {built['people']:,} people, "
                    f"{built['credits']:,} credits"
                )
            if args.only_build:
                continue
            for label in args.exports:
                command = EXPORTS[label]
                out = workdir / f"out-{titles}"
                out.mkdir(exist_ok=True)
                figures = run_export(url, command(out))
                written = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
                print(
                    f"  {label:15} {figures['seconds']:8.1f} s  peak RSS {figures['peak_rss_mb']:6.0f} MB "
                    f"(anonymous {figures['peak_anon_mb']:.0f} MB, mapped files {figures['peak_file_mb']:.0f} MB)  "
                    f"{written / 1e6:,.1f} MB written"
                )
                subprocess.run(["rm", "-rf", str(out)], check=True)


if __name__ == "__main__":
    main()
