"""The dataset for researchers: IMDb's TSV layout and JSON Lines, written by export_dataset, served at /data/."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from django.core.management import call_command

from catalogue.dataset import FILES
from catalogue.importing.pages import paths_import
from catalogue.models import Title
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db


def _tsv(folder, name) -> list[dict]:
    with gzip.open(folder / name, "rt", encoding="utf-8", newline="") as handle:
        # IMDb's files: tab-separated, no quoting, \N for missing; read as pandas' read_csv(sep="\t", quoting=3) would.
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture
def dataset(tmp_path, settings):
    report = paths_import(
        [SAMPLES / "hiroshima-mon-amour-1959.combined.txt", SAMPLES / "gaslight-1944.combined-2010.html"]
    )
    assert report.imported == 2
    settings.DATASET_ROOT = tmp_path / "dataset"
    out = io.StringIO()
    call_command("export_dataset", stdout=out, stderr=io.StringIO())
    assert out.getvalue() == f"dataset written to {tmp_path / 'dataset'}: 8 files\n"
    return tmp_path / "dataset"


def test_every_file_has_imdbs_columns(dataset):
    for name, columns in FILES.items():
        with gzip.open(dataset / name, "rt", encoding="utf-8") as handle:
            assert tuple(handle.readline().rstrip("\n").split("\t")) == columns, name


def test_title_rows_hold_the_pages_facts(dataset):
    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    tconst = hiroshima.imdb_id or hiroshima.slug
    basics = {row["tconst"]: row for row in _tsv(dataset, "title.basics.tsv.gz")}
    assert basics[tconst] | {"genres": "-"} == {
        "tconst": tconst,
        "titleType": "movie",
        "primaryTitle": "Hiroshima Mon Amour",
        "originalTitle": "Hiroshima mon amour",
        "isAdult": "0",
        "startYear": "1959",
        "endYear": "\\N",
        "runtimeMinutes": "90",
        "genres": "-",
    }
    ratings = {row["tconst"]: row for row in _tsv(dataset, "title.ratings.tsv.gz")}
    assert (ratings[tconst]["averageRating"], ratings[tconst]["numVotes"]) == ("8.0", "21203")
    akas = [row for row in _tsv(dataset, "title.akas.tsv.gz") if row["titleId"] == tconst]
    assert ("Hiroshima, My Love", "International") in {(row["title"], row["region"]) for row in akas}
    assert [row["isOriginalTitle"] for row in akas if row["title"] == "Hiroshima mon amour"][0] == "1"


def test_credits_and_people_rows(dataset):
    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    tconst = hiroshima.imdb_id or hiroshima.slug
    people = {row["primaryName"]: row for row in _tsv(dataset, "name.basics.tsv.gz")}
    resnais = people["Alain Resnais"]
    assert resnais["primaryProfession"] == "director"
    assert resnais["knownForTitles"] == tconst
    assert (resnais["birthYear"], resnais["deathYear"]) == ("\\N", "\\N")  # the title pages do not say
    [crew] = [row for row in _tsv(dataset, "title.crew.tsv.gz") if row["tconst"] == tconst]
    assert crew["directors"] == resnais["nconst"]
    assert crew["writers"] == people["Marguerite Duras"]["nconst"]
    principals = [row for row in _tsv(dataset, "title.principals.tsv.gz") if row["tconst"] == tconst]
    producers = [row for row in principals if row["category"] == "producer"]
    assert [(row["nconst"], row["job"]) for row in producers] == [
        (people["Anatole Dauman"]["nconst"], "producer"),
        (people["Samy Halfon"]["nconst"], "producer"),
    ]
    assert [int(row["ordering"]) for row in principals] == list(range(1, len(principals) + 1))


def test_records_are_one_title_a_line_with_their_ids(dataset):
    with gzip.open(dataset / "records.jsonl.gz", "rt", encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle]
    assert sorted(line["title"] for line in lines) == ["Gaslight", "Hiroshima Mon Amour"]
    assert {line["slug"] for line in lines} == set(Title.objects.values_list("slug", flat=True))


def test_the_data_page_lists_the_files_and_serves_them_with_etags(client, dataset):
    manifest = json.loads((dataset / "manifest.json").read_text())

    page = client.get("/data/").content.decode()
    for name in manifest["files"]:
        assert f'href="/data/{name}"' in page
    response = client.get("/data/title.basics.tsv.gz")
    assert response.status_code == 200
    assert response["ETag"] == f'"{manifest["files"]["title.basics.tsv.gz"]["sha256"]}"'
    assert b"".join(response.streaming_content) == (dataset / "title.basics.tsv.gz").read_bytes()
    assert client.get("/data/title.basics.tsv.gz", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get("/data/settings.py").status_code == 404  # only the manifest's files
    assert client.get("/data/..%2Fmanage.py").status_code == 404


def test_a_new_export_replaces_the_set_whole(dataset, settings):
    Title.objects.filter(title="Gaslight").delete()
    call_command("export_dataset", stdout=io.StringIO(), stderr=io.StringIO())

    assert [row["primaryTitle"] for row in _tsv(dataset, "title.basics.tsv.gz")] == ["Hiroshima Mon Amour"]
    assert sorted(p.name for p in dataset.parent.iterdir()) == ["dataset"]  # no half-built or old folder left


def test_the_data_page_before_any_export(client, settings, tmp_path):
    settings.DATASET_ROOT = tmp_path / "none"
    assert "No dataset has been made yet" in client.get("/data/").content.decode()


def test_exports_read_a_sqlite_file_without_mmap_then_restore_it(tmp_path):
    # A SQLite file as the site opens one (mmap on: config/settings.py); the test database is
    # in memory, where SQLite has no mmap to turn off.
    from django.conf import settings as django_settings
    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from catalogue.dataset import unmapped_reads

    options = {"init_command": "PRAGMA mmap_size=2147418112;"}
    if django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        options = django_settings.DATABASES["default"]["OPTIONS"]
    alias = "mmap-file"
    spec = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "site.sqlite3"), "OPTIONS": options}
    db = DatabaseWrapper(connections.configure_settings({"default": spec})["default"], alias)

    def mmap_size() -> int:
        with db.cursor() as cursor:
            cursor.execute("PRAGMA mmap_size")
            return cursor.fetchone()[0]

    try:
        assert mmap_size() == 2147418112
        with unmapped_reads(db):
            assert mmap_size() == 0
        assert mmap_size() == 2147418112
    finally:
        db.close()
