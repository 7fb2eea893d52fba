"""Import speed: N realistic JSON records through the real ``import_pages`` command.

Builds N title records in code (deterministic by ``--seed``): 5–2,000 credits per
title with a long tail (most 20–150), people shared across titles with a Zipf-like
long tail and accented names, 10–30 certificates, AKAs, 0–20 reviews, trivia, goofs,
quotes, companies, connections and recommendations to other titles (by IMDb id, by
title + year, and run-together lines), some series and episodes. Writes them as JSON
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
import math
import os
import random
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

FIRST = ("Émile Anaïs Jean Marie Zoë François Björn Søren Jürgen Łukasz Ángel Inés José João Çağla Dvořák "
         "Agnès Hélène Noël Renée Anne Paul Ingrid Charles Akira Kenji Yuki Mónica Óscar Raúl Sébastien Céline "
         "Gérard Isabelle Catherine Michel Alain Jacques Luis Pedro Nuno Zoltán Ilona Petr Jiří Tomáš Ewa Marek "
         "Sven Astrid Lars Mette Henrik Olga Ivan Dmitri Tatiana Grace James Mary Robert Linda").split()
LAST = ("Dupré Müller Åkesson Ørsted Núñez Gonçalves Kovač Wójcik Szabó Nowák Dvořáková Jäger Lefèvre Ibáñez "
        "Smith Johnson Brown Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefebvre Michel García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Rossi Russo "
        "Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Tanaka Suzuki Takahashi Watanabe Itō "
        "Yamamoto Nakamura Kobayashi Katō Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson "
        "Persson Svensson Gustafsson Hansen Jensen Nielsen Pedersen Kristensen").split()
WORDS = ("night day love city dark river blood last first house stranger summer winter silence king queen road "
         "return secret garden fire shadow empire heart dream war peace song island mirror letter promise "
         "storm lost golden iron glass wild quiet broken crimson distant morning evening ghost journey "
         "kingdom memory ocean paradise rain sky star train voice wind window wolf").split()
GENRES = ("Drama Comedy Thriller Romance Action Crime Horror Documentary Adventure Mystery Family Fantasy "
          "Sci-Fi Biography History War Music Musical Western Animation Sport Short Film-Noir News").split()
COUNTRIES = ("USA UK France Japan Germany Italy Spain Sweden Denmark Norway Finland Poland Hungary Brazil "
             "Argentina Mexico Canada Australia India China Portugal Greece Turkey Iran Israel Egypt Belgium "
             "Netherlands Switzerland Austria Ireland Iceland Chile Peru Colombia Cuba Russia Ukraine Romania "
             "Bulgaria Serbia Croatia Slovenia Czechoslovakia Yugoslavia Korea Taiwan Thailand Vietnam").split()
LANGUAGES = ("English French Japanese German Italian Spanish Swedish Danish Norwegian Finnish Polish Hungarian "
             "Portuguese Mandarin Cantonese Hindi Russian Greek Turkish Persian Hebrew Arabic Dutch Czech "
             "Romanian Korean Thai Vietnamese Latin Yiddish").split()
RATINGS = ("G PG PG-13 R NC-17 U A X 12 15 18 K-16 T 16 14 M Approved Passed Unrated (Banned)").split()
CREW_DEPARTMENTS = None  # filled from the record contract in build_record


def _lognormal_count(rng: random.Random, *, median: float, sigma: float, low: int, high: int) -> int:
    return max(low, min(high, int(math.exp(rng.gauss(math.log(median), sigma)))))


def person_name(k: int) -> str:
    """Person k's printed name: accented, unique per k (a long tail of rare names)."""
    first = FIRST[k % len(FIRST)]
    last = LAST[(k // len(FIRST)) % len(LAST)]
    rest = k // (len(FIRST) * len(LAST))
    if rest == 0:
        return f"{first} {last}"
    initial = chr(ord("A") + rest % 26)
    roman = rest // 26
    return f"{first} {initial}. {last}" + (f" ({'I' * (roman + 1)})" if roman else "")


def title_name(i: int) -> str:
    rng = random.Random(i * 7919)
    words = [rng.choice(WORDS) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))]
    return " ".join(words).title() + f" {i}"


def title_year(i: int) -> int:
    return 1920 + (i * 37) % 95


def title_id(i: int) -> str:
    return f"tt{1000000 + i:07d}"


def has_ids(i: int) -> bool:
    """Records from HTML pages carry IMDb ids (70%), text pages do not."""
    return i % 10 < 7


def zipf_index(rng: random.Random, size: int) -> int:
    """An index in [0, size) where the first few are very common and most are rare."""
    return min(size - 1, int(size * rng.random() ** 3))


def build_record(i: int, n: int, seed: int):
    from catalogue.parsing.record import (
        DEPARTMENTS,
        Aka,
        Awards,
        CastMember,
        Certificate,
        Company,
        Connection,
        CrewMember,
        Goof,
        Popularity,
        QuoteLine,
        Rating,
        Recommendation,
        ReleaseDate,
        Review,
        Runtime,
        SeriesRef,
        TitleRecord,
    )

    rng = random.Random(seed * 1_000_003 + i)
    ids = has_ids(i)
    people_pool = 30 * n + 1000
    companies_pool = n + 200
    if i % 500 == 499:
        credits = rng.randint(1000, 2000)
    else:
        credits = _lognormal_count(rng, median=60, sigma=0.75, low=5, high=2000)
    cast_n = max(1, int(credits * rng.uniform(0.3, 0.6)))
    chosen: list[int] = []
    seen: set[int] = set()
    while len(chosen) < credits:
        k = zipf_index(rng, people_pool)
        if k not in seen:
            seen.add(k)
            chosen.append(k)

    def person_id(k: int) -> str | None:
        return f"nm{k + 1:07d}" if ids else None

    cast = [
        CastMember(
            name=person_name(k),
            character=f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.9 else None,
            credited_as=person_name(k + 1) if rng.random() < 0.03 else None,
            notes=["uncredited"] if rng.random() < 0.1 else [],
            order=order,
            imdb_id=person_id(k),
            character_id=f"ch{k:07d}" if ids and rng.random() < 0.3 else None,
        )
        for order, k in enumerate(chosen[:cast_n], start=1)
    ]
    crew = []
    orders: dict[str, int] = {}
    for k in chosen[cast_n:]:
        department, label = DEPARTMENTS[min(len(DEPARTMENTS) - 1, int(len(DEPARTMENTS) * rng.random() ** 1.5))]
        orders[department] = orders.get(department, 0) + 1
        crew.append(
            CrewMember(
                department=department,
                department_label=label,
                name=person_name(k),
                job=rng.choice((None, "assistant", "supervisor", "key grip", "written by", "novel")),
                notes=["as A.N."] if rng.random() < 0.02 else [],
                order=orders[department],
                imdb_id=person_id(k),
            )
        )

    def other_title() -> int:
        return rng.randrange(n)

    kind = "movie"
    series = None
    if i % 20 == 3:
        kind = "tv_series"
    elif i % 20 == 4:
        kind = "tv_episode"
        parent = (i // 20) * 20 + 3
        series = SeriesRef(title=title_name(parent), year=title_year(parent), season=rng.randint(1, 6),
                           episode=rng.randint(1, 24), imdb_id=title_id(parent) if has_ids(parent) else None)
    connections = []
    for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 8, 12))):
        j = other_title()
        connections.append(Connection(type=rng.choice(("Featured in", "References", "Remake of", "Follows",
                                                       "Spoofed in", "Version of")),
                                      title=title_name(j), year=title_year(j), note=rng.choice((None, "TV", "V")),
                                      imdb_id=title_id(j) if ids else None))
    recommendations, recommendations_text, recommendation_count = [], None, None
    picks = [other_title() for _ in range(rng.choice((0, 3, 5, 8, 12)))]
    if picks and ids:
        recommendations = [Recommendation(title=title_name(j), year=title_year(j), imdb_id=title_id(j)) for j in picks]
    elif picks:
        recommendations_text = " ".join(title_name(j) for j in picks)
        recommendation_count = len(picks)

    reviews = [
        Review(
            title=" ".join(rng.choice(WORDS) for _ in range(4)).capitalize(),
            date=f"{rng.randint(1998, 2015)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            author=f"{rng.choice(WORDS)}-{rng.choice(WORDS)}{rng.randint(1, 999)}",
            location=rng.choice(COUNTRIES),
            helpful=(helpful := rng.randint(0, 200)),
            helpful_total=helpful + rng.randint(0, 50),
            text="\n\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 120)))
                             for _ in range(rng.randint(1, 4))),
            rating=rng.choice((None, rng.randint(1, 10))),
            spoiler=rng.random() < 0.1,
            author_id=f"ur{rng.randint(1, 10**7):08d}" if ids else None,
        )
        for _ in range(rng.randint(0, 20))
    ]
    name = title_name(i)
    return TitleRecord(
        title=name,
        year=title_year(i),
        kind=kind,
        original_title=name.upper() if rng.random() < 0.2 else None,
        series=series,
        imdb_id=title_id(i) if ids else None,
        rating=Rating(value=round(rng.uniform(2, 9.5), 1), best=10, votes=rng.randint(5, 500000)),
        popularity=Popularity(rank=rng.randint(1, 100000), text="Down 3% in popularity this week."),
        release_date=ReleaseDate(date=f"{title_year(i)}-05-16", text=f"16 May {title_year(i)}",
                                 country=rng.choice(COUNTRIES)),
        taglines=[" ".join(rng.choice(WORDS) for _ in range(8)) for _ in range(rng.randint(0, 3))],
        plot=" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80))),
        genres=rng.sample(GENRES, rng.randint(1, 3)),
        countries=rng.sample(COUNTRIES, rng.randint(1, 3)),
        languages=rng.sample(LANGUAGES, rng.randint(1, 3)),
        colors=[rng.choice(("Color", "Black and White"))],
        sound_mixes=rng.sample(("Mono", "Stereo", "Dolby", "DTS", "SDDS", "Dolby Digital"), rng.randint(1, 2)),
        runtimes=[Runtime(minutes=rng.randint(70, 180))] + [Runtime(minutes=rng.randint(70, 180), country=c)
                                                            for c in rng.sample(COUNTRIES, rng.randint(0, 2))],
        aspect_ratio=rng.choice(("1.37 : 1", "1.85 : 1", "2.35 : 1")),
        awards=Awards(text="Another 2 wins & 3 nominations", wins=2, nominations=3) if rng.random() < 0.4 else None,
        photo_count=rng.randint(0, 200),
        cast=cast,
        cast_complete=rng.random() < 0.5,
        crew=crew,
        companies=[
            Company(kind=rng.choice(("production", "distributor", "special_effects", "other")),
                    name=f"{rng.choice(LAST)} {rng.choice(('Films', 'Pictures', 'Studios', 'Distribution'))} "
                         f"{(k := zipf_index(rng, companies_pool))}",
                    notes=[str(title_year(i)), rng.choice(COUNTRIES)] if rng.random() < 0.5 else [],
                    imdb_id=f"co{k + 1:07d}" if ids else None)
            for _ in range(rng.randint(2, 15))
        ],
        akas=[Aka(title=" ".join(rng.choice(WORDS) for _ in range(3)).title(), country=rng.choice(COUNTRIES),
                  notes=["imdb display title"] if rng.random() < 0.3 else [])
              for _ in range(rng.randint(0, 15))],
        certificates=[Certificate(country=c, rating=rng.choice(RATINGS), notes=["re-rating"] if rng.random() < 0.1 else [])
                      for c in rng.sample(COUNTRIES, rng.randint(10, 30))],
        trivia=[" ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 60))) for _ in range(rng.randint(0, 10))],
        goofs=[Goof(category=rng.choice(("Continuity", "Factual errors", None)),
                    text=" ".join(rng.choice(WORDS) for _ in range(20))) for _ in range(rng.randint(0, 5))],
        quotes=[[QuoteLine(character=rng.choice(FIRST), text=" ".join(rng.choice(WORDS) for _ in range(12)))
                 for _ in range(rng.randint(1, 4))] for _ in range(rng.randint(0, 5))],
        connections=connections,
        review_count=len(reviews) + rng.randint(0, 100),
        reviews=reviews,
        recommendations=recommendations,
        recommendations_text=recommendations_text,
        recommendation_count=recommendation_count,
        faq_count=rng.randint(0, 5),
        plot_keywords=rng.sample(WORDS, 5),
        filming_locations=[f"{rng.choice(WORDS).title()}, {rng.choice(COUNTRIES)}"],
        source_format="html" if ids else "text",
    )


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
    figures = json.loads(lines[0][len("FIGURES "):])
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
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password,
        dbname=parts.path.lstrip("/") or "postgres", autocommit=True,
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
