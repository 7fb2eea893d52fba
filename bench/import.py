"""Import benchmark: generated pages → `import_pages` → a fresh database; pages/s and peak memory.

    python bench/import.py                  # 10,000 pages (and 2,000, to show memory is flat in N)
    python bench/import.py --titles 2000    # quicker
    DATABASE_URL=postgres://user:pw@127.0.0.1:5432/db python bench/import.py   # SQLite, then PostgreSQL

Self-contained: it sets DJANGO_SETTINGS_MODULE, generates the pages into a temporary
folder, creates a temporary database (a SQLite file; on PostgreSQL a new database
next to DATABASE_URL's, dropped afterwards), migrates and imports. Each size runs in
its own process, so its peak memory (ru_maxrss) is its own. Target: 10,000 pages in
under 60 s on SQLite.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    backends,
    fresh_database,
    generate,
    machine,
    migrate,
    page_files,
    peak_rss_mb,
    run_child,
    setup_django,
    site_environment,
)

TRACEMALLOC_SAMPLE = 200  # pages parsed under tracemalloc (it slows parsing several times)


def measure_import(pages: Path, database_url: str) -> dict:
    """In the child process: migrate, parse every page, then import the folder; figures as a dict."""
    setup_django(database_url)
    from django.core.management import call_command, get_commands

    from catalogue.models import Credit, Person, Title
    from catalogue.parsing import parse_page

    if "import_pages" not in get_commands():
        raise SystemExit("bench/import.py needs the import_pages command (catalogue/importing, merged on main).")
    migrate()
    files = page_files(pages)

    tracemalloc.start()
    for path in files[:TRACEMALLOC_SAMPLE]:
        parse_page(path.read_bytes())
    _current, parse_heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    started = time.perf_counter()
    for path in files:
        parse_page(path.read_bytes())
    parse_seconds = time.perf_counter() - started
    rss_after_parse = peak_rss_mb()

    started = time.perf_counter()
    call_command("import_pages", str(pages), stdout=io.StringIO(), stderr=io.StringIO())
    import_seconds = time.perf_counter() - started
    return {
        "pages": len(files),
        "parse_seconds": round(parse_seconds, 2),
        "parse_pages_per_second": round(len(files) / parse_seconds, 1),
        "parse_heap_peak_mb": round(parse_heap_peak / 1e6, 1),
        "import_seconds": round(import_seconds, 2),
        "import_pages_per_second": round(len(files) / import_seconds, 1),
        "peak_rss_after_parse_mb": round(rss_after_parse, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "titles": Title.objects.count(),
        "people": Person.objects.count(),
        "credits": Credit.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, default=10_000, help="pages to import (default 10,000)")
    parser.add_argument("--small", type=int, default=None, help="the smaller size for the memory comparison")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", default="auto", help="sqlite, postgresql, or auto (PostgreSQL if DATABASE_URL)")
    parser.add_argument("--child", nargs=2, metavar=("PAGES", "DATABASE_URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(measure_import(Path(args.child[0]), args.child[1])))
        return

    small = args.small or max(1, args.titles // 5)
    print("machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        workdir = Path(tmp)
        for size in sorted({small, args.titles}):
            pages = workdir / f"pages-{size}"
            made = generate(pages, titles=size, seed=args.seed)
            print(
                f"generated {made['pages']:,} pages ({made['credits']:,} credits, {made['megabytes']} MB) "
                f"at {made['pages_per_second']:,.0f} pages/s"
            )
            for backend in backends(args.backend):
                with fresh_database(backend, workdir) as url:
                    figures = run_child(Path(__file__), ["--child", str(pages), url], env=site_environment(url))
                print(
                    f"{backend:10} {size:>7,} pages: parse {figures['parse_pages_per_second']:>7,.0f} pages/s, "
                    f"import {figures['import_pages_per_second']:>6,.0f} pages/s "
                    f"({figures['import_seconds']:.1f} s), peak RSS {figures['peak_rss_mb']:.0f} MB "
                    f"(after parsing {figures['peak_rss_after_parse_mb']:.0f} MB; parse heap peak "
                    f"{figures['parse_heap_peak_mb']} MB over {TRACEMALLOC_SAMPLE} pages); "
                    f"{figures['titles']:,} titles, {figures['people']:,} people, {figures['credits']:,} credits"
                )


if __name__ == "__main__":
    main()
