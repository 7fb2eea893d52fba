"""Search benchmark: name and title search on a large synthetic catalogue, with and without the indexes.

    python bench/search.py                                  # 100,000 titles, 500,000 people, SQLite
    python bench/search.py --titles 20000 --people 100000   # quicker
    DATABASE_URL=postgres://… python bench/search.py        # SQLite, then PostgreSQL

Builds the catalogue with bulk_create (bench/bulk_load.py: titles with votes, an AKA for
every other title, people, three credits a title), then times the search box as the page
runs it (ranked titles and people for a query, titles crediting several people, "did you
mean"), then what the substring search does for each query (the count and the first 50
rows) through ``matching_name``/``matching_text`` (trigram index) and their ``*_plain``
twins (LIKE scan; ``--skip-like`` leaves these out); on PostgreSQL, where the planner
serves LIKE from the trigram index too, "plain" is measured after dropping the indexes,
so it comes last.
"""

from __future__ import annotations

import argparse
from urllib.parse import urlencode
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    backends,
    fresh_database,
    machine,
    migrate,
    percentile,
    run_child,
    setup_django,
    site_environment,
)

PERSON_QUERIES = ("mifune", "eliane", "shimura", "müller", "三船", "三船敏", "сергей", "γιώργος", "ma", "lindqvist")
BOX_QUERIES = ("of paris 1950", "samurai of", "a", "th")
TYPOS = ("samuria", "hirosima lighthuse")
# The people column of the search box for a name (with the titles column it runs beside).
PERSON_BOX_QUERIES = ("mifune", "müller", "lindqvist", "shimura", "ma")
# Two people credited together (bench/bulk_load.py SEARCH_CREDIT_GROUPS), and one alone.
TOGETHER = ((1, 401), (1, 401, 801), (1,))
TITLE_QUERIES = (
    "samurai",
    "hiroshima",
    "of paris",
    "nuit",
    "東京",
    "белый",
    "the",
    "ci",
    "lighthouse",
    "eternal angel",
)


def _time(run, repeat: int) -> tuple[float, float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 0.5), percentile(timings, 0.95)


def measure(database_url: str, *, titles: int, people: int, seed: int, repeat: int, skip_like: bool = False) -> dict:
    setup_django(database_url)
    from django.db import connection

    from bench.bulk_load import load_search_catalogue
    from catalogue.models import Person, Title
    from catalogue.search_index import drop_search_indexes

    migrate()
    built = load_search_catalogue(seed=seed, titles=titles, people=people)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def search(queryset, order):
        def run():
            queryset.count()
            list(queryset.order_by(order)[:50])

        return run

    # The search box as the page runs it (selectors.search_titles and search_people: the
    # candidates from the indexes, the word rule and the ranking, the page of 25 titles).
    from django.http import QueryDict

    from catalogue.filters import TitleFilter, search_queryset
    from catalogue.selectors import did_you_mean, search_people, search_titles

    def box(query):
        def run():
            filterset = TitleFilter(QueryDict(urlencode({"q": query})), queryset=search_queryset())
            results = search_titles(filterset, 1, 25)
            search_people(query, limit=20)
            return results.page.paginator.count

        return run

    def together(people_ids):
        def run():
            data = QueryDict(mutable=True)
            data.setlist("person_id", [str(pk) for pk in people_ids])
            filterset = TitleFilter(data, queryset=search_queryset())
            results = search_titles(filterset, 1, 25)
            list(results.page.object_list)
            return results.page.paginator.count

        return run

    box_rows = []
    for query in (*TITLE_QUERIES, *BOX_QUERIES):
        count = box(query)()
        p50, p95 = _time(box(query), repeat)
        box_rows.append({"query": query, "matches": count, "p50": p50, "p95": p95})
    for query in PERSON_BOX_QUERIES:
        count = box(query)()
        p50, p95 = _time(box(query), repeat)
        box_rows.append({"query": f"person: {query}", "matches": count, "p50": p50, "p95": p95})
    for people_ids in TOGETHER:
        count = together(people_ids)()
        p50, p95 = _time(together(people_ids), repeat)
        label = "worked together: " + " & ".join(str(pk) for pk in people_ids)
        box_rows.append({"query": label, "matches": count, "p50": p50, "p95": p95})
    for query in TYPOS:
        p50, p95 = _time(lambda query=query: did_you_mean(query), repeat)
        box_rows.append(
            {"query": f"did you mean: {query}", "matches": len(did_you_mean(query)), "p50": p50, "p95": p95}
        )
    rows = []
    if not skip_like:
        cases = [
            ("person", query, Person.objects.matching_name, Person.objects.matching_name_plain, "name")
            for query in PERSON_QUERIES
        ]
        cases += [
            ("title", query, Title.objects.matching_text, Title.objects.matching_text_plain, "title")
            for query in TITLE_QUERIES
        ]
        for kind, query, fast, plain, order in cases:
            fast_ids = sorted(fast(query).values_list("pk", flat=True))
            plain_ids = sorted(plain(query).values_list("pk", flat=True))
            if fast_ids != plain_ids:
                raise SystemExit(f"{kind} search {query!r}: the index gives other rows than LIKE")
            p50, p95 = _time(search(fast(query), order), repeat)
            rows.append({"kind": kind, "query": query, "matches": len(fast_ids), "index_p50": p50, "index_p95": p95})
        if connection.vendor == "postgresql":
            with connection.schema_editor() as editor:
                drop_search_indexes(editor)
        for row, (_kind, query, _fast, plain, order) in zip(rows, cases, strict=True):
            row["plain_p50"], row["plain_p95"] = _time(search(plain(query), order), repeat)
    return {"vendor": connection.vendor, "built": built, "rows": rows, "box": box_rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query")
    parser.add_argument("--backend", default="auto", help="sqlite, postgresql, or auto (PostgreSQL if DATABASE_URL)")
    parser.add_argument("--skip-like", action="store_true", help="only the search box, not index against LIKE")
    parser.add_argument("--child", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        figures = measure(
            args.child,
            titles=args.titles,
            people=args.people,
            seed=args.seed,
            repeat=args.repeat,
            skip_like=args.skip_like,
        )
        print(json.dumps(figures))
        return

    print("machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))
    child_args = [
        "--titles",
        str(args.titles),
        "--people",
        str(args.people),
        "--seed",
        str(args.seed),
        "--repeat",
        str(args.repeat),
        *(["--skip-like"] if args.skip_like else []),
    ]
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        for backend in backends(args.backend):
            with fresh_database(backend, Path(tmp)) as url:
                figures = run_child(Path(__file__), [*child_args, "--child", url], env=site_environment(url))
            built = figures["built"]
            print(
                f"\n{figures['vendor']}: {built['titles']:,} titles, {built['people']:,} people "
                f"(bulk load {built['seconds']} s); count + first 50 rows, ms"
            )
            if figures["rows"]:
                print(
                    f"{'search':8} {'query':16} {'matches':>8} {'index p50':>10} {'p95':>8} {'LIKE p50':>10} {'p95':>8} {'speed-up':>9}"
                )
            for row in figures["rows"]:
                speedup = row["plain_p50"] / row["index_p50"] if row["index_p50"] else float("nan")
                print(
                    f"{row['kind']:8} {row['query']:16} {row['matches']:>8,} {row['index_p50']:>10.2f} "
                    f"{row['index_p95']:>8.2f} {row['plain_p50']:>10.2f} {row['plain_p95']:>8.2f} {speedup:>8.1f}x"
                )
            print("\nthe search box (titles ranked by words, page of 25, and the people column), ms")
            print(f"{'query':32} {'matches':>8} {'p50':>8} {'p95':>8}")
            for row in figures["box"]:
                print(f"{row['query']:32} {row['matches']:>8,} {row['p50']:>8.2f} {row['p95']:>8.2f}")


if __name__ == "__main__":
    main()
