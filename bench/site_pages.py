"""Render times of the browsable pages for a huge title and a busy person.

Builds a throw-away in-memory SQLite catalogue (a title with 2,000 credits and 500
reviews, a person with 3,000 credits, 5,000 other titles by default) and prints, for
each page, the queries it runs and the p50 / p95 / worst time of repeated first visits:
the page cache (catalogue/caching.py) is cleared before every render, outside the
timing, so each request pays the stamp query, the view's queries and the render.
The last line is a repeat visit answered 304 from the ETag.

    python bench/site_pages.py [--repeat N] [--titles N] [--profile person|title|fullcredits]
    DATABASE_URL=postgres://… python bench/site_pages.py   # on PostgreSQL (a test database, dropped after)
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import statistics
import sys
import pstats
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.common import throwaway_test_database  # noqa: E402


BUSY_CREDITS = 3000


def build(title_count: int):
    from catalogue.models import Certificate, Credit, Department, Person, Review, Title
    from catalogue.text import fold

    departments = [key for key in Department.values if key != "cast"]
    titles = Title.objects.bulk_create(
        Title(
            title=f"Film {n}",
            title_folded=f"film {n}",
            slug=f"film-{n}",
            year=1920 + n % 95,
            rating=5 + (n % 50) / 10,
            votes=n * 3,
        )
        for n in range(title_count)
    )
    huge = Title.objects.create(title="Huge", slug="huge", year=2010, rating=8, votes=100000)
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", name_folded=fold(f"Person {n}"), slug=f"person-{n}") for n in range(2000)
    )
    Credit.objects.bulk_create(
        Credit(
            title=huge,
            person=p,
            department="cast" if n < 1000 else departments[n % len(departments)],
            department_label="x",
            character=f"Role {n}",
            job="job",
            order=n,
        )
        for n, p in enumerate(people)
    )
    Review.objects.bulk_create(
        Review(
            title=huge,
            summary=f"Review {n}",
            author=f"user{n}",
            text="Words. " * 60,
            helpful=n % 50,
            helpful_total=50,
            date=date(2000, 1, 1) + timedelta(days=n),
            fingerprint=hashlib.sha256(str(n).encode()).hexdigest(),
            position=n,
        )
        for n in range(500)
    )
    busy = Person.objects.create(name="Busy Person", name_folded="busy person", slug="busy-person")
    # Some of the busy person's titles are TV episodes (of a series by title only).
    Title.objects.filter(pk__in=[t.pk for t in titles[:BUSY_CREDITS:7]]).update(
        kind="tv_episode", series_title="Some Series", season=1, episode=3
    )
    Credit.objects.bulk_create(
        credit for n, t in enumerate(titles[:BUSY_CREDITS]) for credit in busy_credits(busy, n, t)
    )
    assert Credit.objects.filter(person=busy).count() == BUSY_CREDITS
    Certificate.objects.bulk_create(
        Certificate(title=t, country=["UK", "USA", "West Germany"][n % 3], rating=["X", "PG", "16"][n % 3])
        for n, t in enumerate(titles)
    )
    return huge, busy


def busy_credits(busy, n: int, title):
    """3,000 credits in all: half cast (characters, some "as", notes), the rest crew with jobs."""
    from catalogue.models import Credit

    if n < 1500:
        return [
            Credit(
                title=title,
                person=busy,
                department="cast",
                department_label="Cast",
                character=f"Role {n}",
                credited_as="B. P. Zero" if n % 9 == 0 else "",
                notes=["uncredited"] if n % 5 == 0 else [],
                order=n % 40,
            )
        ]
    department, job = [
        ("director", ""),
        ("writer", "screenplay"),
        ("writer", "novel"),
        ("producer", "producer"),
        ("producer", "executive producer"),
        ("editor", ""),
    ][n % 6]
    return [
        Credit(
            title=title,
            person=busy,
            department=department,
            department_label=department.capitalize(),
            job=job,
            notes=["as B. Zero"] if n % 11 == 0 else [],
            order=1,
        )
    ]


def first_visit_times(client: Client, url: str, repeat: int) -> list[float]:
    """Milliseconds per request, the page cache cleared before each (outside the timing)."""
    times = []
    for _ in range(repeat):
        cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200 and response.get("X-Page-Cache") != "hit", url
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(client: Client, url: str, repeat: int) -> tuple[int, float, float, float, int]:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)  # read now: later requests reset the log it slices
    assert response.status_code == 200, (url, response.status_code)
    times = first_visit_times(client, url, repeat)
    return count, statistics.median(times), p95(times), max(times), len(response.content)


def profile(client: Client, url: str, repeat: int) -> None:
    profiler = cProfile.Profile()
    for _ in range(repeat):
        cache.clear()
        profiler.enable()
        client.get(url)
        profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--titles", type=int, default=5000, help="size of the catalogue (at least 3,000)")
    parser.add_argument(
        "--profile",
        choices=["person", "title", "fullcredits"],
        help="print a cProfile of this page's first visits instead of the table",
    )
    args = parser.parse_args()
    with throwaway_test_database():
        run(args)


def run(args) -> None:
    huge, busy = build(max(args.titles, BUSY_CREDITS))
    client = Client()
    if args.profile:
        url = {
            "person": f"/name/{busy.slug}/",
            "title": f"/title/{huge.slug}/",
            "fullcredits": f"/title/{huge.slug}/fullcredits/",
        }[args.profile]
        client.get(url)
        profile(client, url, args.repeat)
        return
    print(
        f"{args.titles:,} titles; {os.cpu_count()} cores; Python {sys.version.split()[0]}; "
        f"first visits (page cache cleared), {args.repeat} renders each"
    )
    pages = [
        ("title page (2,000 credits, 500 reviews)", f"/title/{huge.slug}/"),
        ("full credits (2,000 rows)", f"/title/{huge.slug}/fullcredits/"),
        ("reviews, page 1 by helpfulness", f"/title/{huge.slug}/reviews/?sort=helpful"),
        ("person page (3,000 credits)", f"/name/{busy.slug}/"),
        ("title JSON (the record, 2,000 credits)", f"/title/{huge.slug}.json"),
        ("person JSON (3,000 credits)", f"/name/{busy.slug}.json"),
        ("search q as JSON", "/search/?q=film&format=json"),
        ("search q + person + certificate", "/search/?q=film&person=busy+person&cert_country=UK"),
        ("search sort by rating", "/search/?sort=-rating&page=3"),
        ("certificate page UK:X", "/certificates/UK/X/"),
        ("home", "/"),
    ]
    print(f"{'page':50} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KiB':>6}")
    for label, url in pages:
        count, median, high, worst, size = measure(client, url, args.repeat)
        print(f"{label:50} {count:7d} {median:8.1f} {high:8.1f} {worst:8.1f} {size / 1024:6.0f}")
    etag = client.get(f"/title/{huge.slug}/")["ETag"]
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        response = client.get(f"/title/{huge.slug}/", HTTP_IF_NONE_MATCH=etag)
        times.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 304
    print(
        f"{'title page, repeat visit (304)':50} {1:7d} {statistics.median(times):8.1f} {p95(times):8.1f} "
        f"{max(times):8.1f} {0:6d}"
    )


if __name__ == "__main__":
    main()
