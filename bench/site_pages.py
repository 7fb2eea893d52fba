"""Render times of the browsable pages for a huge title and a busy person.

Builds a throw-away in-memory SQLite catalogue (a title with 2,000 credits and 500
reviews, a person with 400 credits, 5,000 other titles) and prints, for each page,
the queries it runs and the median and worst time of repeated renders.

    python bench/site_pages.py [--repeat N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def build():
    from catalogue.models import Certificate, Credit, Department, Person, Review, Title
    from catalogue.text import fold

    departments = [key for key in Department.values if key != "cast"]
    titles = Title.objects.bulk_create(
        Title(title=f"Film {n}", title_folded=f"film {n}", slug=f"film-{n}", year=1920 + n % 95,
              rating=5 + (n % 50) / 10, votes=n * 3)
        for n in range(5000)
    )
    huge = Title.objects.create(title="Huge", slug="huge", year=2010, rating=8, votes=100000)
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", name_folded=fold(f"Person {n}"), slug=f"person-{n}") for n in range(2000)
    )
    Credit.objects.bulk_create(
        Credit(title=huge, person=p, department="cast" if n < 1000 else departments[n % len(departments)],
               department_label="x", character=f"Role {n}", job="job", order=n)
        for n, p in enumerate(people)
    )
    Review.objects.bulk_create(
        Review(title=huge, summary=f"Review {n}", author=f"user{n}", text="Words. " * 60, helpful=n % 50,
               helpful_total=50, date=date(2000, 1, 1) + timedelta(days=n),
               fingerprint=hashlib.sha256(str(n).encode()).hexdigest(), position=n)
        for n in range(500)
    )
    busy = people[0]
    Credit.objects.bulk_create(
        Credit(title=t, person=busy, department=["cast", "director", "writer"][n % 3], department_label="x",
               job="screenplay", character="Self")
        for n, t in enumerate(titles[:400])
    )
    Certificate.objects.bulk_create(
        Certificate(title=t, country=["UK", "USA", "West Germany"][n % 3], rating=["X", "PG", "16"][n % 3])
        for n, t in enumerate(titles)
    )
    return huge, busy


def measure(client: Client, url: str, repeat: int) -> tuple[int, float, float, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)  # read now: later requests reset the log it slices
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return count, statistics.median(times), max(times), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    huge, busy = build()
    client = Client()
    pages = [
        ("title page (2,000 credits, 500 reviews)", f"/title/{huge.slug}/"),
        ("full credits (2,000 rows)", f"/title/{huge.slug}/fullcredits/"),
        ("reviews, page 1 by helpfulness", f"/title/{huge.slug}/reviews/?sort=helpful"),
        ("person page (400 credits)", f"/name/{busy.slug}/"),
        ("search q + person + certificate, 5,000 titles", "/search/?q=film&person=person+0&cert_country=UK"),
        ("search sort by rating, 5,000 titles", "/search/?sort=-rating&page=3"),
        ("certificate page UK:X", "/certificates/UK/X/"),
        ("home", "/"),
    ]
    print(f"{'page':50} {'queries':>7} {'median ms':>10} {'max ms':>8} {'KiB':>6}")
    for label, url in pages:
        count, median, worst, size = measure(client, url, args.repeat)
        print(f"{label:50} {count:7d} {median:10.1f} {worst:8.1f} {size / 1024:6.0f}")
    etag = client.get(f"/title/{huge.slug}/")["ETag"]
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        response = client.get(f"/title/{huge.slug}/", HTTP_IF_NONE_MATCH=etag)
        times.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 304
    print(f"{'title page, repeat visit (304)':50} {1:7d} {statistics.median(times):10.1f} {max(times):8.1f} {0:6d}")


if __name__ == "__main__":
    main()
