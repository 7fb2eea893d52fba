"""Benchmark: admin page times and query counts for large titles and catalogues.

    python bench/admin_pages.py [--credits 100 500] [--titles 5000]

Builds a throw-away in-memory SQLite catalogue (test settings), then times, best
of five, the title change page (cast and crew inlines, CREDITS_PER_PAGE rows each)
for titles with N credits, its last page of cast, saving one edited job there, and the
title and person changelists.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from django.urls import reverse  # noqa: E402


def timed(call, repeat: int = 5) -> tuple[float, float, int]:
    """(best wall-clock ms, best CPU ms of this process, queries of the last run).

    The CPU figure is the steadier one on a shared, loaded machine."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = call()
            elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        assert response.status_code in (200, 302), response.status_code
        best, best_cpu = min(best, elapsed), min(best_cpu, cpu)
    return best * 1000, best_cpu * 1000, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--credits", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--titles", type=int, default=5000)
    args = parser.parse_args()

    connection.creation.create_test_db(verbosity=0)
    from catalogue.models import Credit, Department, Person, Title
    from tests.web.admin_factories import make_superuser
    from tests.web.admin_forms import change_form_data, inline_row

    client = Client()
    client.force_login(make_superuser())
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} cores, SQLite in memory, Django {django.get_version()}"
    )
    print(f"{'page':50} {'wall ms':>8} {'cpu ms':>8} {'queries':>8}")

    for count in args.credits:
        title = Title.objects.create(title=f"Film with {count} credits", slug=f"film-{count}", year=1959)
        people = Person.objects.bulk_create(
            Person(name=f"Person {count}-{n}", name_folded=f"person {count}-{n}", slug=f"p-{count}-{n}")
            for n in range(count)
        )
        Credit.objects.bulk_create(
            Credit(
                title=title,
                person=person,
                department=Department.CAST if n % 2 else Department.WRITER,
                department_label="Cast" if n % 2 else "Writing credits",
                character=f"Role {n}" if n % 2 else "",
                job="" if n % 2 else "writer",
                order=n,
            )
            for n, person in enumerate(people)
        )
        url = reverse("admin:catalogue_title_change", args=[title.pk])
        ms, cpu, queries = timed(lambda: client.get(url))
        print(f"{f'title change page, {count} credits':50} {ms:8.1f} {cpu:8.1f} {queries:8d}")
        last_page = f"{url}?cast_page={count}"  # past the end: the last page
        ms, cpu, queries = timed(lambda: client.get(last_page))
        print(f"{f'title change page, {count} credits, last cast page':50} {ms:8.1f} {cpu:8.1f} {queries:8d}")
        setup_test_environment()  # records the response's context, to build the form's data
        page = client.get(url)
        teardown_test_environment()
        data = change_form_data(page)
        credit = Credit.objects.filter(title=title, department=Department.WRITER).first()
        data[f"{inline_row(page, 'crew', credit.pk)}-job"] = "screenplay"
        ms, cpu, queries = timed(lambda: client.post(url, data), repeat=3)
        print(f"{f'title save, one job edited, {count} credits':50} {ms:8.1f} {cpu:8.1f} {queries:8d}")

    Title.objects.bulk_create(
        Title(title=f"Title {n}", title_folded=f"title {n}", slug=f"title-{n}", year=1900 + n % 120)
        for n in range(args.titles)
    )
    changelist = reverse("admin:catalogue_title_changelist")
    for label, params in (
        ("title changelist", {}),
        ("title changelist, search 'title 42'", {"q": "title 42"}),
        ("title changelist, decade 1950s", {"decade": "1950"}),
    ):
        ms, cpu, queries = timed(lambda: client.get(changelist, params))
        print(f"{f'{label} ({args.titles} titles)':50} {ms:8.1f} {cpu:8.1f} {queries:8d}")
    ms, cpu, queries = timed(lambda: client.get(reverse("admin:catalogue_person_changelist"), {"q": "person 5"}))
    print(f"{'person changelist, search':50} {ms:8.1f} {cpu:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
