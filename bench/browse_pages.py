"""Render times of the browse pages and charts on a big catalogue.

Builds a throw-away test database (in-memory SQLite, or a PostgreSQL test database
with DATABASE_URL) of ``--titles`` titles with bulk_create: years 1920–2014, the
generator's rating and vote distributions (votes log-normal around 900), 1–3 of 25
genres (Drama on ~40 %), 1–2 of 40 countries, a language, five of 5,000 keywords
(Zipf-like: a few on thousands of titles, most on a handful), a certificate. Then prints,
for each page, its queries and p50 / p95 / worst of repeated first visits (the page cache
cleared before each, outside the timing), and a cached visit.

    python bench/browse_pages.py [--titles 100000] [--repeat 20]
    DATABASE_URL=postgres://… python bench/browse_pages.py
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from bench.common import throwaway_test_database  # noqa: E402

from bench.site_pages import measure, p95  # noqa: E402

KINDS = ["movie"] * 14 + ["tv_series", "tv_episode", "tv_episode", "tv_movie", "video", "short"]


def build(count: int, seed: int = 1) -> None:
    from catalogue.models import (
        Certificate,
        Country,
        Genre,
        Keyword,
        Language,
        Title,
        TitleCountry,
        TitleGenre,
        TitleKeyword,
        TitleLanguage,
    )

    r = random.Random(seed)
    started = time.perf_counter()
    genres = Genre.objects.bulk_create(Genre(name=f"Genre {n}", slug=f"genre-{n}") for n in range(24))
    genres.insert(0, Genre.objects.create(name="Drama", slug="drama"))
    countries = Country.objects.bulk_create(Country(name=f"Country {n}", slug=f"country-{n}") for n in range(39))
    countries.insert(0, Country.objects.create(name="USA", slug="usa"))
    languages = Language.objects.bulk_create(Language(name=f"Language {n}", slug=f"language-{n}") for n in range(29))
    languages.insert(0, Language.objects.create(name="English", slug="english"))
    keywords = Keyword.objects.bulk_create(Keyword(name=f"Keyword {n}", slug=f"keyword-{n}") for n in range(5000))
    keyword_weights = [1 / (n + 1) for n in range(len(keywords))]
    batch = 5000
    for start in range(0, count, batch):
        titles = Title.objects.bulk_create(
            Title(
                title=f"Film {n}",
                title_folded=f"film {n}",
                slug=f"film-{n}",
                year=min(2014, 1920 + int(abs(r.gauss(70, 22)))),
                kind=r.choice(KINDS),
                rating=round(min(9.9, max(1.0, r.gauss(6.4, 1.1))), 1),
                votes=int(r.lognormvariate(math.log(900), 2.0)) + 5,
            )
            for n in range(start, min(count, start + batch))
        )
        links_g, links_c, links_l, links_k, certs = [], [], [], [], []
        for t in titles:
            chosen = {genres[0]} if r.random() < 0.4 else set()
            chosen |= set(r.sample(genres[1:], r.randint(1, 2)))
            links_g += [TitleGenre(title=t, genre=g, position=i) for i, g in enumerate(chosen, 1)]
            chosen = {countries[0]} if r.random() < 0.35 else set(r.sample(countries[1:], r.randint(1, 2)))
            links_c += [TitleCountry(title=t, country=c, position=i) for i, c in enumerate(chosen, 1)]
            links_l.append(
                TitleLanguage(title=t, language=languages[0] if r.random() < 0.5 else r.choice(languages), position=1)
            )
            chosen = set(r.choices(keywords, weights=keyword_weights, k=5))
            links_k += [TitleKeyword(title=t, keyword=k, position=i) for i, k in enumerate(chosen, 1)]
            certs.append(
                Certificate(
                    title=t,
                    country=r.choice(["UK", "USA", "West Germany", "France"]),
                    rating=r.choice(["X", "PG", "12", "16", "U"]),
                )
            )
        for model, rows in (
            (TitleGenre, links_g),
            (TitleCountry, links_c),
            (TitleLanguage, links_l),
            (TitleKeyword, links_k),
            (Certificate, certs),
        ):
            model.objects.bulk_create(rows, batch_size=2000)
    from catalogue.importing.counts import counts_recount

    counts_recount()  # bulk_create bypassed the importer, which keeps the stored counts
    with connection.cursor() as cursor:
        # PostgreSQL: VACUUM too, as autovacuum does to a catalogue at rest (the visibility
        # map lets index-only scans skip the rows); SQLite has no such map.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"built {count:,} titles in {time.perf_counter() - started:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with throwaway_test_database():
        run(args)


def run(args) -> None:
    build(args.titles)
    client = Client()
    m = settings.CHART_MIN_VOTES
    from catalogue.models import Title

    eligible = Title.objects.filter(votes__gte=m).count()
    print(
        f"{connection.vendor}; {os.cpu_count()} cores; CHART_MIN_VOTES {m:,} ({eligible:,} eligible titles); "
        f"first visits (page cache cleared), {args.repeat} renders each"
    )
    pages = [
        ("year 1990", "/year/1990/"),
        ("year 1990 by rating, movies", "/year/1990/?sort=rating&kind=movie"),
        ("decade 1990s", "/decade/1990s/"),
        ("decade 1990s by rating, page 10", "/decade/1990s/?sort=rating&page=10"),
        ("genre Drama (~45 % of titles)", "/genre/drama/"),
        ("genre Drama by rating", "/genre/drama/?sort=rating"),
        ("genre Drama by title, page 100", "/genre/drama/?sort=title&page=100"),
        ("genre Drama by year, TV series", "/genre/drama/?sort=year&kind=tv_series"),
        ("genre 7 (a small genre)", "/genre/genre-7/?sort=rating"),
        ("country USA", "/country/usa/"),
        ("language English by rating", "/language/english/?sort=rating"),
        ("keyword 0 (the commonest)", "/keyword/keyword-0/"),
        ("keyword 1000 (a rare one)", "/keyword/keyword-1000/"),
        ("genres index", "/genres/"),
        ("keywords index, page 1", "/keywords/"),
        ("browse overview", "/browse/"),
        ("certificates: UK", "/certificates/UK/"),
        ("chart: top rated", "/chart/top/"),
        ("chart: top rated movies", "/chart/top/?kind=movie"),
        ("chart: the 1990s", "/chart/top/1990s/"),
        ("chart: Drama", "/chart/top/genre/drama/"),
        ("home (top rated from the chart)", "/"),
    ]
    print(f"{'page':40} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KiB':>6}")
    for label, url in pages:
        count, median, high, worst, size = measure(client, url, args.repeat)
        print(f"{label:40} {count:7d} {median:8.1f} {high:8.1f} {worst:8.1f} {size / 1024:6.0f}", flush=True)
    client.get("/genre/drama/?sort=rating")
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        response = client.get("/genre/drama/?sort=rating")
        times.append((time.perf_counter() - start) * 1000)
    assert response["X-Page-Cache"] == "hit"
    print(
        f"{'genre Drama by rating, cached':40} {1:7d} {statistics.median(times):8.1f} {p95(times):8.1f} "
        f"{max(times):8.1f}"
    )


if __name__ == "__main__":
    main()
