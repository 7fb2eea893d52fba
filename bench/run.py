"""The scale benchmark: build a big catalogue, then measure import, pages, search and throughput.

    python bench/run.py                    # 100,000 titles (~4 million credits, ~430,000 people)
    python bench/run.py --titles 2000      # quick mode, a minute or two
    DATABASE_URL=postgres://user:pw@127.0.0.1:5432/db python bench/run.py   # SQLite, then PostgreSQL

For each database (SQLite always; PostgreSQL when DATABASE_URL points at one) it
1. imports the generated pages with `import_pages` into a new database and prints parse
   and import pages/s and peak memory (``--loader bulk`` fills the database with
   bench/bulk_load.py instead, where the importer is not available);
2. requests the title, full-credits, person, certificate and search pages through
   Django's test client (``--requests`` different objects each) and prints server time
   p50/p95 and queries per page; the busiest person (~3,000 credits at 100,000 titles)
   is reported on its own;
3. times searches as the search page runs them: a person name through its people column
   (``selectors.search_people``, the first 51 by name), certificate and free text through
   its FilterSet (the count and the first 50 rows);
4. starts gunicorn (2 workers, 127.0.0.1, a free port) and runs `wrk` for
   ``--wrk-seconds`` against the title page and against a static file of the same size
   served by whitenoise, and prints both requests/s and their ratio.
Everything runs on loopback, in temporary folders and databases removed at the end.
``--measure URL`` skips steps 1 and the temporary database: it measures the catalogue
already at URL (SQLite or PostgreSQL, migrated), e.g. one kept from an earlier run.
Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    ROOT,
    backends,
    fresh_database,
    generate,
    machine,
    migrate,
    page_files,
    peak_rss_mb,
    percentile,
    run_child,
    setup_django,
    site_environment,
)

PARSE_SAMPLE = 5000


# --- step 1: build ------------------------------------------------------------------------------


def build(pages: Path, database_url: str, *, loader: str, titles: int, seed: int) -> dict:
    setup_django(database_url)
    from django.core.management import call_command, get_commands

    from catalogue.models import Credit, Person, Title

    migrate()
    figures: dict = {"loader": loader}
    files = page_files(pages)
    if loader == "import":
        from catalogue.parsing import parse_page

        if "import_pages" not in get_commands():
            raise SystemExit("No import_pages command here: run with --loader bulk, or on main after the merge.")
        sample = files[:PARSE_SAMPLE]
        started = time.perf_counter()
        for path in sample:
            parse_page(path.read_bytes())
        figures["parse_pages_per_second"] = round(len(sample) / (time.perf_counter() - started), 1)
        started = time.perf_counter()
        call_command("import_pages", str(pages), stdout=io.StringIO(), stderr=io.StringIO())
    else:
        from bench.bulk_load import load_pages
        from catalogue.generation import iter_pages

        started = time.perf_counter()
        load_pages(iter_pages(seed=seed, titles=titles))
    seconds = time.perf_counter() - started
    figures.update(
        load_seconds=round(seconds, 1),
        load_pages_per_second=round(len(files) / seconds, 1),
        peak_rss_mb=round(peak_rss_mb(), 1),
        titles=Title.objects.count(),
        people=Person.objects.count(),
        credits=Credit.objects.count(),
    )
    return figures


# --- steps 2 and 3: pages and search ---------------------------------------------------------------


def _spread(items: list, count: int) -> list:
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(index * step)] for index in range(count)]


def _time_requests(client, urls: list[str]) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries, statuses = [], [], {}
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured.captured_queries))
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    return {
        "requests": len(urls),
        "p50_ms": round(percentile(timings, 0.5), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "queries_p50": percentile(queries, 0.5),
        "queries_max": max(queries) if queries else 0,
        "statuses": statuses,
    }


def _together_urls(requests: int) -> list[str]:
    """Two-person searches ("worked together") of people who share titles."""
    from catalogue.models import Credit

    pairs, seen = [], set()
    rows = (
        Credit.objects.filter(department="cast", order__lte=2)
        .order_by("title_id", "order")
        .values_list("title_id", "person_id")[: requests * 4]
    )
    by_title: dict = {}
    for title_id, person_id in rows:
        by_title.setdefault(title_id, []).append(person_id)
    for people in by_title.values():
        if len(people) >= 2 and tuple(people[:2]) not in seen:
            seen.add(tuple(people[:2]))
            pairs.append("/search/?" + urlencode([("person_id", people[0]), ("person_id", people[1])]))
    return pairs[:requests]


def _browse_urls(requests: int) -> list[str]:
    """Year, decade, genre, country, keyword pages, their indexes, charts and the home page (first visits)."""
    from django.core.cache import cache

    from catalogue.models import Country, Genre, Keyword, Title

    cache.clear()
    years = sorted({y for y in Title.objects.exclude(year=None).values_list("year", flat=True).distinct()})
    genres = list(Genre.objects.values_list("slug", flat=True))
    countries = list(Country.objects.values_list("slug", flat=True)[:50])
    keywords = list(Keyword.objects.order_by("-title_count").values_list("slug", flat=True)[:50])
    urls = ["/", "/browse/", "/genres/", "/keywords/", "/chart/top/", "/chart/top/?kind=movie"]
    urls += [f"/chart/top/{decade}s/" for decade in sorted({y // 10 * 10 for y in years})]
    urls += [f"/chart/top/genre/{slug}/" for slug in genres]
    urls += [f"/decade/{decade}s/" for decade in sorted({y // 10 * 10 for y in years})]
    urls += [f"/genre/{slug}/" for slug in genres] + [f"/country/{slug}/" for slug in countries]
    urls += [f"/keyword/{slug}/" for slug in keywords] + [f"/year/{year}/" for year in years]
    return urls[: max(requests, 50)]


def _time_queries(runs: list) -> dict:
    timings = []
    for run in runs:
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": len(runs),
        "p50_ms": round(percentile(timings, 0.5), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
    }


def measure_site(database_url: str, *, requests: int) -> dict:
    setup_django(database_url)
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from catalogue.filters import TitleFilter, search_queryset
    from catalogue.models import Certificate, Person, Title
    from catalogue.selectors import search_people, search_titles

    if connection.vendor == "postgresql":
        # The state autovacuum keeps a live database in: statistics, and visibility maps
        # for index-only scans (a freshly written table needs heap reads for those).
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                if table.startswith("catalogue_"):
                    cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table)}")
    client = Client(raise_request_exception=False)
    title_slugs = _spread(list(Title.objects.order_by("pk").values_list("slug", flat=True)), requests)
    busiest = list(
        Person.objects.annotate(credit_count=Count("credits"))
        .order_by("-credit_count")
        .values_list("slug", "name", "credit_count")[:requests]
    )
    certificates = list(Certificate.objects.values_list("country", "rating").distinct().order_by("country", "rating"))
    certificates = _spread(certificates, requests)
    words = [slug.split("-")[0] for slug in title_slugs if len(slug.split("-")[0]) >= 3]
    surnames = [name.split(" ")[-1] for _slug, name, _count in busiest]
    search_urls = []
    for index in range(requests):
        choice = index % 4
        if choice == 0 and words:
            search_urls.append("/search/?" + urlencode({"q": words[index % len(words)]}))
        elif choice == 1 and surnames:
            search_urls.append("/search/?" + urlencode({"person": surnames[index % len(surnames)]}))
        elif choice == 2:
            search_urls.append("/search/?" + urlencode({"certificate": "UK:X"}))
        else:
            search_urls.append("/search/?" + urlencode({"q": "the", "certificate": "UK:X"}))

    figures: dict = {"vendor": connection.vendor}
    client.get(f"/title/{title_slugs[0]}/")  # warm up: templates, URL resolver
    figures["title"] = _time_requests(client, [f"/title/{slug}/" for slug in title_slugs])
    figures["fullcredits"] = _time_requests(client, [f"/title/{slug}/fullcredits/" for slug in title_slugs])
    figures["person"] = _time_requests(client, [f"/name/{slug}/" for slug, _name, _count in busiest])
    figures["collaborators"] = _time_requests(
        client, [f"/name/{slug}/collaborators/" for slug, _name, _count in busiest]
    )
    if busiest:
        slug, name, count = busiest[0]
        figures["busiest_person"] = {"name": name, "credits": count, **_time_requests(client, [f"/name/{slug}/"] * 10)}
    figures["certificate"] = _time_requests(
        client, [f"/certificates/{quote(country)}/{quote(rating, safe='/')}/" for country, rating in certificates]
    )
    figures["search_page"] = _time_requests(client, search_urls)
    figures["search_together"] = _time_requests(client, _together_urls(requests))
    figures["text_search"] = _time_requests(
        client,
        ["/search/text/?" + urlencode({"q": words[index % len(words)]}) for index in range(requests)] if words else [],
    )
    figures["browse"] = _time_requests(client, _browse_urls(requests))

    def searched(params, rows=50):
        # What /search/ runs for these parameters: the count and the first page
        # (selectors.search_titles: for a text query, the candidates ranked by the word rule).
        def run():
            results = search_titles(TitleFilter(params, queryset=search_queryset()), 1, rows)
            return results.page.paginator.count, list(results.page.object_list)

        return run

    def people_matching(name):
        # What the search page's people column runs (selectors.search_people): the first
        # people by name, no count.
        return lambda: search_people(name, limit=50)

    figures["search_person_name"] = _time_queries([people_matching(name) for name in surnames[:100]])
    figures["search_certificate"] = _time_queries(
        [searched({"certificate": f"{c}:{r}"}) for c, r in certificates[:100]]
    )
    figures["search_free_text"] = _time_queries([searched({"q": word}) for word in words[:100]])

    # The page wrk requests, and its size for the static file of the same size.
    response = client.get(f"/title/{title_slugs[0]}/")
    figures["wrk_title_url"] = f"/title/{title_slugs[0]}/"
    figures["wrk_title_status"] = response.status_code
    figures["wrk_title_html"] = response.content.decode("utf-8", "replace")
    return figures


# --- step 4: throughput -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url} within {timeout:.0f} s")


def _wrk(url: str, *, seconds: int, connections: int) -> dict:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    return {
        "requests_per_second": float(rate.group(1)) if rate else 0.0,
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def collect_static(static_root: Path) -> None:
    """collectstatic into a temporary STATIC_ROOT: production pages need the manifest of hashed names."""
    env = site_environment("sqlite:///:memory:", static_root=static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )


def throughput(
    database_url: str, workdir: Path, *, title_url: str, title_html: str, seconds: int, connections: int
) -> dict | None:
    if shutil.which("wrk") is None:
        print("  throughput skipped: wrk is not installed (Debian/Ubuntu: sudo apt-get install wrk)")
        return None
    static_root = workdir / "static"
    env = site_environment(database_url, static_root=static_root)
    # A static file exactly as big as the title page: whitenoise's best case for the same bytes.
    (static_root / "bench").mkdir(parents=True, exist_ok=True)
    (static_root / "bench" / "title.html").write_text(title_html, encoding="utf-8")
    port = _free_port()
    log = open(workdir / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
    gunicorn = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/static/bench/title.html")
        page = _wrk(base + title_url, seconds=seconds, connections=connections)
        static = _wrk(f"{base}/static/bench/title.html", seconds=seconds, connections=connections)
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        try:
            gunicorn.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(gunicorn.pid, signal.SIGKILL)
            gunicorn.wait()
        log.close()
    return {"page": page, "static": static, "bytes": len(title_html.encode("utf-8"))}


@contextmanager
def _kept_database(path: Path):
    """``--keep-sqlite``: the catalogue in ``path``, built by this run or an earlier one, left in place."""
    yield f"sqlite:///{path}"


# --- report ---------------------------------------------------------------------------------------------


def _print_requests(label: str, figures: dict) -> None:
    statuses = ", ".join(f"{code}: {count}" for code, count in sorted(figures["statuses"].items()))
    print(
        f"  {label:22} p50 {figures['p50_ms']:8.2f} ms  p95 {figures['p95_ms']:8.2f} ms  "
        f"queries {figures['queries_p50']:.0f} (max {figures['queries_max']})  [{figures['requests']} requests; {statuses}]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, default=100_000, help="titles to generate and import (default 100,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind (default 200)")
    parser.add_argument("--wrk-seconds", type=int, default=15, help="seconds of load per wrk run (default 15)")
    parser.add_argument("--wrk-connections", type=int, default=16)
    parser.add_argument("--loader", choices=("import", "bulk"), default="import")
    parser.add_argument("--backend", default="auto", help="sqlite, postgresql, or auto (PostgreSQL if DATABASE_URL)")
    parser.add_argument(
        "--keep-sqlite",
        type=Path,
        metavar="FILE",
        help="SQLite only: build the catalogue into FILE and keep it; if FILE exists, "
        "skip generating and importing and measure that catalogue again",
    )
    parser.add_argument(
        "--measure", metavar="URL", help="measure the catalogue already at this database URL: no generating, no import"
    )
    parser.add_argument("--child-build", nargs=2, metavar=("PAGES", "URL"), help=argparse.SUPPRESS)
    parser.add_argument("--child-site", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child_build:
        pages, url = args.child_build
        print(json.dumps(build(Path(pages), url, loader=args.loader, titles=args.titles, seed=args.seed)))
        return
    if args.child_site:
        print(json.dumps(measure_site(args.child_site, requests=args.requests)))
        return

    print("machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))
    keep = args.keep_sqlite.resolve() if args.keep_sqlite else None
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        workdir = Path(tmp)
        pages = workdir / "pages"
        collect_static(workdir / "static")
        if args.measure:
            print(f"\n== the catalogue at {re.sub(r'//[^@/]*@', '//…@', args.measure)}")
            _measure(args.measure, workdir, args=args)
            return
        if keep is None or not keep.exists():
            made = generate(pages, titles=args.titles, seed=args.seed)
            print(
                f"generated {made['pages']:,} pages ({made['credits']:,} credits, {made['megabytes']} MB) "
                f"in {made['seconds']} s ({made['pages_per_second']:,.0f} pages/s)"
            )
        common = _common(args)
        for backend in ["sqlite"] if keep else backends(args.backend):
            print(f"\n== {backend}")
            with _kept_database(keep) if keep else fresh_database(backend, workdir) as url:
                env = site_environment(url, static_root=workdir / "static")
                if pages.exists():
                    built = run_child(
                        Path(__file__), [*common, "--child-build", str(pages), url], env=env, timeout=6 * 3600
                    )
                    parse = (
                        f"parse {built['parse_pages_per_second']:,.0f} pages/s, "
                        if "parse_pages_per_second" in built
                        else ""
                    )
                    print(
                        f"  build ({built['loader']}): {parse}load {built['load_pages_per_second']:,.0f} pages/s "
                        f"({built['load_seconds']} s), peak RSS {built['peak_rss_mb']:.0f} MB; "
                        f"{built['titles']:,} titles, {built['people']:,} people, {built['credits']:,} credits"
                    )
                else:
                    print(f"  build: skipped, measuring the catalogue kept in {keep}")
                _measure(url, workdir, args=args)


def _common(args) -> list[str]:
    return [
        "--titles",
        str(args.titles),
        "--seed",
        str(args.seed),
        "--loader",
        args.loader,
        "--requests",
        str(args.requests),
    ]


def _measure(url: str, workdir: Path, *, args) -> None:
    """Steps 2–4 on the catalogue at ``url``, printed."""
    env = site_environment(url, static_root=workdir / "static")
    site = run_child(Path(__file__), [*_common(args), "--child-site", url], env=env, timeout=3600)
    for kind in (
        "title",
        "fullcredits",
        "person",
        "collaborators",
        "certificate",
        "search_page",
        "search_together",
        "text_search",
        "browse",
    ):
        if site[kind]["requests"]:
            _print_requests(kind, site[kind])
    if "busiest_person" in site:
        busiest = site["busiest_person"]
        _print_requests(f"busiest person ({busiest['credits']:,})", busiest)
    for kind, what in (
        ("search_person_name", "first 51 people by name"),
        ("search_certificate", "count + first 50 titles"),
        ("search_free_text", "count + first 50 titles"),
    ):
        figures = site[kind]
        print(
            f"  {kind:22} p50 {figures['p50_ms']:8.2f} ms  p95 {figures['p95_ms']:8.2f} ms  "
            f"[{figures['queries']} queries, {what}]"
        )
    load = throughput(
        url,
        workdir,
        title_url=site["wrk_title_url"],
        title_html=site["wrk_title_html"],
        seconds=args.wrk_seconds,
        connections=args.wrk_connections,
    )
    if load:
        page, static = load["page"]["requests_per_second"], load["static"]["requests_per_second"]
        ratio = page / static if static else float("nan")
        print(
            f"  throughput ({load['bytes']:,} bytes, {args.wrk_connections} connections, "
            f"{args.wrk_seconds} s each): title page {page:,.0f} req/s "
            f"(status {site['wrk_title_status']}, non-2xx {load['page']['non_2xx']}), "
            f"static file {static:,.0f} req/s; page/static = {ratio:.2f}"
        )


if __name__ == "__main__":
    main()
