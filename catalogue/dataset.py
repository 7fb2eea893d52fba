"""The whole catalogue as files for researchers: IMDb's dataset TSVs and JSON Lines of records.

``dataset_export(out=…)`` writes, gzip-compressed:

- ``title.basics``, ``title.akas``, ``title.principals``, ``title.crew``,
  ``title.ratings``, ``title.episode``, ``name.basics`` (``.tsv.gz``) in the column
  layout of IMDb's non-commercial datasets, so loaders and pandas/R recipes written for
  those read them unchanged (``\\N`` for a missing value, tab-separated, a header row);
- ``records.jsonl.gz``: one title record a line, in the record contract's form;
- ``manifest.json``: rows, bytes and sha256 of each file, and when it was made.

Identifiers: a title's ``tconst`` and a person's ``nconst`` are their IMDb ids where the
pages gave them, else the catalogue's slugs (which never change). Where the old pages
do not say what IMDb's files hold, the value is ``\\N`` (birth and death years) or as
documented in docs/data.md (cast are "actor": the pages do not tell actor from actress;
an AKA's region is the country as printed). Everything is read in chunks of titles or
people, so memory stays flat; the files are written to a new folder and moved into
place whole, so a set being served is never half-written. On SQLite the export reads
without mmap (``unmapped_reads``): it reads every page of the file once, and mapped
pages count in the process's memory, which then grew with the catalogue.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from django.db import connection
from django.db.models import Count, F

from catalogue.importing.export import iter_title_records, titles_for_export
from catalogue.models import AlternateTitle, Credit, Person, Runtime, Title, TitleGenre
from catalogue.models.vocabularies import TitleKind

CHUNK = 2000
MANIFEST = "manifest.json"
NULL = "\\N"

TITLE_TYPES = {
    TitleKind.MOVIE: "movie",
    TitleKind.TV_MOVIE: "tvMovie",
    TitleKind.TV_SERIES: "tvSeries",
    TitleKind.TV_MINI_SERIES: "tvMiniSeries",
    TitleKind.TV_EPISODE: "tvEpisode",
    TitleKind.VIDEO: "video",
    TitleKind.VIDEO_GAME: "videoGame",
    TitleKind.SHORT: "short",
    TitleKind.TV_SPECIAL: "tvSpecial",
}
# title.principals' categories: the departments IMDb's file lists, under its names.
PRINCIPAL_CATEGORIES = {
    "cast": "actor",
    "director": "director",
    "creator": "writer",
    "writer": "writer",
    "producer": "producer",
    "composer": "composer",
    "cinematographer": "cinematographer",
    "editor": "editor",
    "production_designer": "production_designer",
    "casting_director": "casting_director",
}
# name.basics' primaryProfession: a department under IMDb's profession name.
PROFESSIONS = {
    **PRINCIPAL_CATEGORIES,
    "art_director": "art_director",
    "set_decorator": "set_decorator",
    "costume_designer": "costume_designer",
    "makeup": "make_up_department",
    "production_manager": "production_manager",
    "assistant_director": "assistant_director",
    "art_department": "art_department",
    "sound": "sound_department",
    "special_effects": "special_effects",
    "visual_effects": "visual_effects",
    "stunts": "stunts",
    "camera": "camera_department",
    "animation": "animation_department",
    "casting": "casting_department",
    "costume": "costume_department",
    "editorial": "editorial_department",
    "music": "music_department",
    "transportation": "transportation_department",
    "miscellaneous": "miscellaneous",
    "thanks": "miscellaneous",
}

FILES = {
    "title.basics.tsv.gz": (
        "tconst",
        "titleType",
        "primaryTitle",
        "originalTitle",
        "isAdult",
        "startYear",
        "endYear",
        "runtimeMinutes",
        "genres",
    ),
    "title.akas.tsv.gz": (
        "titleId",
        "ordering",
        "title",
        "region",
        "language",
        "types",
        "attributes",
        "isOriginalTitle",
    ),
    "title.principals.tsv.gz": ("tconst", "ordering", "nconst", "category", "job", "characters"),
    "title.crew.tsv.gz": ("tconst", "directors", "writers"),
    "title.ratings.tsv.gz": ("tconst", "averageRating", "numVotes"),
    "title.episode.tsv.gz": ("tconst", "parentTconst", "seasonNumber", "episodeNumber"),
    "name.basics.tsv.gz": ("nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles"),
}
RECORDS = "records.jsonl.gz"


@dataclass
class DatasetFile:
    name: str
    rows: int
    bytes: int
    sha256: str


@dataclass
class Dataset:
    folder: Path
    created_at: datetime
    files: list[DatasetFile] = field(default_factory=list)


@contextmanager
def unmapped_reads(db=connection):
    """SQLite without mmap for a whole-catalogue read, then as before; elsewhere, nothing.

    The site maps the database file (config/settings.py: faster page reads); an export
    reads all of it, and every mapped page it touched stayed in its resident memory
    (96 MB of 182 at 10,000 titles, growing with N). Read through SQLite's bounded page
    cache instead.
    """
    before = None
    if db.vendor == "sqlite":
        with db.cursor() as cursor:
            cursor.execute("PRAGMA mmap_size")
            row = cursor.fetchone()  # none for an in-memory database: nothing is mapped
            if row:
                before = row[0]
                cursor.execute("PRAGMA mmap_size=0")
    if before is None:
        yield
        return
    try:
        yield
    finally:
        with db.cursor() as cursor:
            cursor.execute(f"PRAGMA mmap_size={int(before)}")


def dataset_export(*, out: Path, progress=None) -> Dataset:
    """Write the dataset files into ``out`` (a folder, replaced whole when the set is complete)."""
    with unmapped_reads():
        return _dataset_export(out=Path(out), progress=progress)


def _dataset_export(*, out: Path, progress=None) -> Dataset:
    out.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        dataset = Dataset(folder=out, created_at=datetime.now(timezone.utc))
        writers = {
            "title.basics.tsv.gz": _title_basics,
            "title.akas.tsv.gz": _title_akas,
            "title.principals.tsv.gz": _title_principals,
            "title.crew.tsv.gz": _title_crew,
            "title.ratings.tsv.gz": _title_ratings,
            "title.episode.tsv.gz": _title_episode,
            "name.basics.tsv.gz": _name_basics,
        }
        for name, rows in writers.items():
            dataset.files.append(_write_tsv(building / name, FILES[name], rows()))
            if progress:
                progress(dataset.files[-1])
        dataset.files.append(_write_records(building / RECORDS))
        if progress:
            progress(dataset.files[-1])
        (building / MANIFEST).write_text(json.dumps(manifest_of(dataset), indent=1) + "\n", encoding="utf-8")
        os.chmod(building, 0o755)
        if out.exists():
            old = out.with_name(f".{out.name}-old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            building.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            building.rename(out)
        return dataset
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def manifest_of(dataset: Dataset) -> dict:
    return {
        "created_at": dataset.created_at.isoformat(),
        "schema": "IMDb non-commercial datasets (title.*, name.basics); records.jsonl: docs/page-record.md",
        "identifiers": "IMDb ids (tt…, nm…) where the pages gave them, else the catalogue's slugs",
        "files": {f.name: {"rows": f.rows, "bytes": f.bytes, "sha256": f.sha256} for f in dataset.files},
    }


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# --- writing ----------------------------------------------------------------------------------


def _cell(value) -> str:
    if value is None or value == "":
        return NULL
    # A tab or a line break would split the row: the TSVs have no quoting.
    return " ".join(str(value).replace("\t", " ").splitlines())


def _write_tsv(path: Path, header: tuple[str, ...], rows: Iterable[tuple]) -> DatasetFile:
    count = 0
    with gzip.open(path, "wt", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(header) + "\n")
        for row in rows:
            handle.write("\t".join(_cell(value) for value in row) + "\n")
            count += 1
    return _described(path, count)


def _write_records(path: Path) -> DatasetFile:
    count = 0
    with gzip.open(path, "wt", encoding="utf-8", newline="\n") as handle:
        for title, record in iter_title_records(titles_for_export()):
            line = {"id": title.imdb_id or title.slug, "slug": title.slug, **record.to_dict()}
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return _described(path, count)


def _described(path: Path, rows: int) -> DatasetFile:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return DatasetFile(name=path.name, rows=rows, bytes=path.stat().st_size, sha256=digest.hexdigest())


# --- reading, a chunk of titles or people at a time -------------------------------------------


def _chunks(queryset, fields: tuple[str, ...]) -> Iterator[list[tuple]]:
    """Rows of ``fields`` (the first is the pk) in pk order, CHUNK at a time: keyset pages, flat memory."""
    last = 0
    while True:
        rows = list(queryset.filter(pk__gt=last).order_by("pk").values_list(*fields)[:CHUNK])
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _grouped(rows: Iterable[tuple]) -> dict:
    grouped = defaultdict(list)
    for key, *rest in rows:
        grouped[key].append(rest if len(rest) > 1 else rest[0])
    return grouped


def _tconst(imdb_id: str | None, slug: str) -> str:
    return imdb_id or slug


def _title_basics() -> Iterator[tuple]:
    fields = ("pk", "imdb_id", "slug", "kind", "title", "original_title", "year", "end_year")
    for rows in _chunks(Title.objects.all(), fields):
        pks = [row[0] for row in rows]
        genres = _grouped(
            TitleGenre.objects.filter(title_id__in=pks)
            .order_by("title_id", "position")
            .values_list("title_id", "genre__name")
        )
        runtimes = _grouped(
            Runtime.objects.filter(title_id__in=pks).order_by("title_id", "position").values_list("title_id", "minutes")
        )
        for pk, imdb_id, slug, kind, title, original, year, end_year in rows:
            names = genres.get(pk, [])
            yield (
                _tconst(imdb_id, slug),
                TITLE_TYPES.get(kind, kind),
                title,
                original or title,
                1 if "Adult" in names else 0,
                year,
                end_year,
                (runtimes.get(pk) or [None])[0],
                ",".join(names),
            )


def _title_akas() -> Iterator[tuple]:
    for rows in _chunks(Title.objects.all(), ("pk", "imdb_id", "slug", "original_title")):
        akas = _grouped(
            AlternateTitle.objects.filter(title_id__in=[row[0] for row in rows])
            .order_by("title_id", "position")
            .values_list("title_id", "aka", "country", "notes")
        )
        for pk, imdb_id, slug, original in rows:
            tconst, ordering = _tconst(imdb_id, slug), 0
            if original:
                ordering += 1
                yield tconst, ordering, original, None, None, "original", None, 1
            for aka, country, notes in akas.get(pk, []):
                ordering += 1
                attributes = ", ".join(note.strip("() ") for note in (notes or []) if note.strip("() "))
                yield tconst, ordering, aka, country, None, None, attributes, 0


def _credits_of(pks: list[int], departments) -> dict:
    return _grouped(
        Credit.objects.filter(title_id__in=pks, department__in=list(departments))
        .order_by("title_id", "department", "order", "pk")
        .values_list("title_id", "department", "order", "person__imdb_id", "person__slug", "job", "character")
    )


def _principal_rank(credit) -> tuple:
    department, order = credit[0], credit[1]
    return (0 if department == "cast" else 1 + list(PRINCIPAL_CATEGORIES).index(department), order)


def _title_principals() -> Iterator[tuple]:
    for rows in _chunks(Title.objects.all(), ("pk", "imdb_id", "slug")):
        credits = _credits_of([row[0] for row in rows], PRINCIPAL_CATEGORIES)
        for pk, imdb_id, slug in rows:
            for ordering, (department, _order, person_id, person_slug, job, character) in enumerate(
                sorted(credits.get(pk, []), key=_principal_rank), start=1
            ):
                characters = json.dumps([character], ensure_ascii=False) if character else None
                if department == "creator":
                    job = job or "creator"
                yield (
                    _tconst(imdb_id, slug),
                    ordering,
                    person_id or person_slug,
                    PRINCIPAL_CATEGORIES[department],
                    job if department != "cast" else None,
                    characters,
                )


def _title_crew() -> Iterator[tuple]:
    for rows in _chunks(Title.objects.all(), ("pk", "imdb_id", "slug")):
        credits = _credits_of([row[0] for row in rows], ("director", "writer", "creator"))
        for pk, imdb_id, slug in rows:
            directors, writers = [], []
            for department, _order, person_id, person_slug, _job, _character in credits.get(pk, []):
                nconst = person_id or person_slug
                target = directors if department == "director" else writers
                if nconst not in target:
                    target.append(nconst)
            yield _tconst(imdb_id, slug), ",".join(directors), ",".join(writers)


def _title_ratings() -> Iterator[tuple]:
    rated = Title.objects.filter(rating__isnull=False, votes__isnull=False)
    for rows in _chunks(rated, ("pk", "imdb_id", "slug", "rating", "votes")):
        for _pk, imdb_id, slug, rating, votes in rows:
            yield _tconst(imdb_id, slug), f"{rating:.1f}", votes


def _title_episode() -> Iterator[tuple]:
    # Only episodes whose series is in the catalogue: IMDb's file needs the parent's id.
    episodes = Title.objects.filter(series__isnull=False)
    fields = ("pk", "imdb_id", "slug", "series__imdb_id", "series__slug", "season", "episode")
    for rows in _chunks(episodes, fields):
        for _pk, imdb_id, slug, series_id, series_slug, season, episode in rows:
            yield _tconst(imdb_id, slug), _tconst(series_id, series_slug), season, episode


KNOWN_FOR = 4


def _name_basics() -> Iterator[tuple]:
    for rows in _chunks(Person.objects.all(), ("pk", "imdb_id", "slug", "name")):
        pks = [row[0] for row in rows]
        departments = defaultdict(Counter)
        for person_id, department, n in (
            Credit.objects.filter(person_id__in=pks)
            .values("person_id", "department")
            .annotate(n=Count("pk"))
            .values_list("person_id", "department", "n")
        ):
            departments[person_id][PROFESSIONS.get(department, "miscellaneous")] += n
        known = defaultdict(list)
        titles = (
            Credit.objects.filter(person_id__in=pks)
            .order_by("person_id", F("title__votes").desc(nulls_last=True), "title_id")
            .values_list("person_id", "title__imdb_id", "title__slug")
            .distinct()
        )
        # Streamed: the busiest 2,000 people hold a share of all credits (568,000 rows at
        # 100,000 titles), and only four titles of each are kept.
        for person_id, imdb_id, slug in titles.iterator(chunk_size=CHUNK):
            tconst = _tconst(imdb_id, slug)
            if len(known[person_id]) < KNOWN_FOR and tconst not in known[person_id]:
                known[person_id].append(tconst)
        for pk, imdb_id, slug, name in rows:
            if not departments.get(pk):
                continue  # left with no credits (merged away): no page, no row
            professions = [p for p, _ in departments[pk].most_common(3)]
            yield imdb_id or slug, name, None, None, ",".join(professions), ",".join(known[pk])
