"""Full-text search benchmark: /search/text/ on a generated catalogue's plots, taglines, trivia, goofs, quotes, reviews.

    python bench/text_search.py                      # 20,000 titles, SQLite (then PostgreSQL with DATABASE_URL)
    python bench/text_search.py --titles 100000
    DATABASE_URL=postgres://… python bench/text_search.py --backend postgresql

Fills a fresh database with the generator's text sections (catalogue/generation: the
records, not rendered pages) through plain multi-row INSERTs, with the full-text index
dropped during the inserts and built from the tables after them (``create_text_index``,
as the migration builds it; row triggers made PostgreSQL's load several times slower;
the triggers' path is what the tests cover); then times what the page does for each query (the
counts per section, the first page of 25 ranked hits with their titles, the hits'
texts and snippets), and the whole page through the test client.

The generator's prose draws every word from 72 (``SENTENCE_WORDS``): any such word is
in most documents (the common words, the worst case for ranking); the rare words are
character names, in a few quotes each.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import collect_static  # noqa: E402
from bench.common import (
    backends,
    fresh_database,
    machine,
    migrate,
    percentile,
    run_child,
    setup_django,
    site_environment,
)  # noqa: E402

COMMON = ("film", "memory river", "the", "silence night", "camera light shadow")
RARE_COUNT = 5


def load(*, seed: int, titles: int, batch: int = 2000) -> dict:
    from django.db import connection, transaction
    from django.utils import timezone

    from bench.bulk_load import _insert
    from catalogue.generation.pages import generate_record
    from catalogue.models import Goof, Quote, QuoteLine, Review, Tagline, Title, Trivia
    from catalogue.text import base_slug, fold
    from catalogue.text_index import create_text_index, drop_text_index

    started = time.perf_counter()
    with connection.schema_editor() as editor:
        drop_text_index(editor)
    now = timezone.now()
    ids = {"tagline": 0, "trivia": 0, "goof": 0, "quote": 0, "line": 0, "review": 0}
    counts = dict.fromkeys(ids, 0)
    characters: dict[str, int] = {}
    for start in range(0, titles, batch):
        rows = {name: [] for name in ("title", *ids)}
        for number in range(start, min(titles, start + batch)):
            record, _recommended = generate_record(seed=seed, number=number, titles=titles)
            title_id = number + 1
            rows["title"].append(
                {
                    "id": title_id,
                    "title": record.title,
                    "title_folded": fold(record.title),
                    "year": record.year,
                    "kind": record.kind or "movie",
                    "slug": f"{base_slug(record.title, fallback='title')}-{number}",
                    "plot": record.plot or "",
                }
            )
            for position, text in enumerate(record.taglines):
                ids["tagline"] += 1
                rows["tagline"].append({"id": ids["tagline"], "title_id": title_id, "text": text, "position": position})
            for position, text in enumerate(record.trivia):
                ids["trivia"] += 1
                rows["trivia"].append({"id": ids["trivia"], "title_id": title_id, "text": text, "position": position})
            for position, goof in enumerate(record.goofs):
                ids["goof"] += 1
                rows["goof"].append(
                    {
                        "id": ids["goof"],
                        "title_id": title_id,
                        "category": goof.category or "",
                        "text": goof.text,
                        "position": position,
                    }
                )
            for position, lines in enumerate(record.quotes):
                ids["quote"] += 1
                rows["quote"].append({"id": ids["quote"], "title_id": title_id, "position": position})
                for line_position, line in enumerate(lines):
                    ids["line"] += 1
                    rows["line"].append(
                        {
                            "id": ids["line"],
                            "quote_id": ids["quote"],
                            "character": line.character or "",
                            "text": line.text,
                            "position": line_position,
                        }
                    )
                    for word in fold(line.character or "").split():
                        characters[word] = characters.get(word, 0) + 1
            for position, review in enumerate(record.reviews):
                ids["review"] += 1
                rows["review"].append(
                    {
                        "id": ids["review"],
                        "title_id": title_id,
                        "summary": review.title or "",
                        "author": review.author or "",
                        "text": review.text,
                        "fingerprint": str(ids["review"]),
                        "position": position,
                    }
                )
        with transaction.atomic():
            for name, model in (
                ("title", Title),
                ("tagline", Tagline),
                ("trivia", Trivia),
                ("goof", Goof),
                ("quote", Quote),
                ("line", QuoteLine),
                ("review", Review),
            ):
                if rows[name]:
                    _insert(model, rows[name], now)
        for name in counts:
            counts[name] += len(rows[name])
    inserted = time.perf_counter()
    with connection.schema_editor() as editor:
        create_text_index(editor)
    indexed = time.perf_counter()
    # Rare: the rarest character-name words in more than one quote line (at 100,000 titles
    # none is in 20 or fewer), a spread of them.
    rare = sorted((w for w, n in characters.items() if n >= 2 and len(w) > 3), key=lambda w: (characters[w], w))
    rare = rare[: RARE_COUNT * 10]
    step = max(1, len(rare) // RARE_COUNT)
    return {
        "titles": titles,
        **counts,
        "rare": rare[::step][:RARE_COUNT],
        "seconds": round(inserted - started, 1),
        "index_seconds": round(indexed - inserted, 1),
    }


def measure(database_url: str, *, titles: int, seed: int, repeat: int) -> dict:
    setup_django(database_url)
    from django.db import connection
    from django.test import Client

    from catalogue.selectors.text_search import text_search

    migrate()
    built = load(seed=seed, titles=titles)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    client = Client()
    rows = []
    for kind, queries in (("common", COMMON), ("rare", built["rare"])):
        for query in queries:

            def run(query=query):
                results = text_search(query)
                results.count()
                return results[0:25]

            run()
            client.get("/search/text/", {"q": query})  # the first page also loads the templates
            timings, page_timings = [], []
            for _ in range(repeat):
                started = time.perf_counter()
                run()
                timings.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                response = client.get("/search/text/", {"q": query})
                page_timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
            rows.append(
                {
                    # Bounded (TextResults.candidates): "more than" the bound past it.
                    "kind": kind,
                    "query": query,
                    "matches": text_search(query).total(),
                    "p50": percentile(timings, 0.5),
                    "p95": percentile(timings, 0.95),
                    "page_p50": percentile(page_timings, 0.5),
                    "page_p95": percentile(page_timings, 0.95),
                }
            )
    return {"vendor": connection.vendor, "built": built, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query")
    parser.add_argument(
        "--backend", default="auto", help="sqlite, postgresql, or auto (PostgreSQL too if DATABASE_URL)"
    )
    parser.add_argument("--child", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, titles=args.titles, seed=args.seed, repeat=args.repeat)))
        return

    print("machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))
    child_args = ["--titles", str(args.titles), "--seed", str(args.seed), "--repeat", str(args.repeat)]
    with tempfile.TemporaryDirectory(prefix="bench-text-") as tmp:
        static_root = Path(tmp) / "static"
        collect_static(static_root)  # the page renders with the production settings' hashed static names
        for backend in backends(args.backend):
            with fresh_database(backend, Path(tmp)) as url:
                env = site_environment(url, static_root=static_root)
                figures = run_child(Path(__file__), [*child_args, "--child", url], env=env)
            built = figures["built"]
            sections = ", ".join(f"{built[k]:,} {k}" for k in ("tagline", "trivia", "goof", "quote", "review"))
            print(
                f"\n{figures['vendor']}: {built['titles']:,} titles ({sections}; load {built['seconds']} s, index "
                f"{built['index_seconds']} s); ms"
            )
            print(f"{'words':8} {'query':22} {'matches':>9} {'search p50':>11} {'p95':>8} {'page p50':>9} {'p95':>8}")
            for row in figures["rows"]:
                print(
                    f"{row['kind']:8} {row['query']:22} {('>' if row['matches'][1] else '') + format(row['matches'][0], ','):>9} {row['p50']:>11.1f} {row['p95']:>8.1f} "
                    f"{row['page_p50']:>9.1f} {row['page_p95']:>8.1f}"
                )


if __name__ == "__main__":
    main()
