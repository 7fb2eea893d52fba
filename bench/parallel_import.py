"""Parallel import benchmark on PostgreSQL: N `import_pages` processes on shards of one crawl.

    DATABASE_URL=postgres://user:pw@127.0.0.1:5432/db python bench/parallel_import.py
    DATABASE_URL=… python bench/parallel_import.py --titles 2000 --processes 1,2,4

Generates the pages once, splits them into N shards (hard links, page i in shard i mod N),
and for each N imports the shards into a new database with N processes started at once:
the wall-clock time from the first start to the last exit gives pages/s. Every run must
end with the same titles, people and credits as the single-process run (checked), and
no page may fail. The database is dropped after each run. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, fresh_database, generate, machine, page_files, postgres_url, site_environment  # noqa: E402


def shard(pages: list[Path], into: Path, count: int) -> list[Path]:
    folders = [into / f"shard-{n}" for n in range(count)]
    for folder in folders:
        folder.mkdir(parents=True)
    for i, page in enumerate(pages):
        os.link(page, folders[i % count] / page.name)
    return folders


def catalogue_counts(url: str) -> tuple[int, int, int]:
    import psycopg

    with psycopg.connect(url) as db:
        return tuple(
            db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("catalogue_title", "catalogue_person", "catalogue_credit")
        )


def run(folders: list[Path], url: str) -> float:
    env = site_environment(url)
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    started = time.perf_counter()
    runs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "import_pages", str(folder)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    outputs = [process.communicate() for process in runs]
    seconds = time.perf_counter() - started
    for process, (out, err) in zip(runs, outputs):
        if process.returncode != 0 or "failed 0" not in out:
            raise SystemExit(f"an import failed (exit {process.returncode}):\n{out[-2000:]}{err[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, default=4000)
    parser.add_argument("--processes", default="1,2,4", help="comma-separated process counts (default 1,2,4)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if postgres_url() is None:
        raise SystemExit("bench/parallel_import.py needs DATABASE_URL=postgres://…")
    counts = [int(n) for n in args.processes.split(",")]
    print("machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as tmp:
        workdir = Path(tmp)
        made = generate(workdir / "pages", titles=args.titles, seed=args.seed)
        pages = page_files(workdir / "pages")
        print(f"generated {made['pages']:,} pages ({made['credits']:,} credits)")
        reference = None
        for count in counts:
            folders = shard(pages, workdir / f"shards-{count}", count)
            with fresh_database("postgresql", workdir) as url:
                seconds = run(folders, url)
                result = catalogue_counts(url)
            reference = reference or result
            same = "same catalogue" if result == reference else f"DIFFERENT catalogue: {result} vs {reference}"
            print(
                f"{count} process(es): {len(pages) / seconds:6.1f} pages/s ({seconds:.1f} s); "
                f"{result[0]:,} titles, {result[1]:,} people, {result[2]:,} credits; {same}"
            )


if __name__ == "__main__":
    main()
