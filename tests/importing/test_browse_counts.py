"""The vocabularies' stored title counts (catalogue/importing/counts.py) equal a fresh count of
their links after imports, re-imports, a group of pages with a failing page, a dry run and
a recount."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from catalogue.importing.counts import COUNTED
from catalogue.importing.pages import paths_import
from catalogue.models import Certificate, CertificateCount, Genre, Keyword, Title
from catalogue.parsing.record import Certificate as CertificateRecord
from catalogue.parsing.record import Runtime
from tests.importing.records import record_bytes, small_record

pytestmark = pytest.mark.django_db


def stored() -> dict:
    counts = {(model.__name__, row.name): row.title_count for model, _, _ in COUNTED for row in model.objects.all()}
    counts.update({(row.country, row.rating): row.title_count for row in CertificateCount.objects.all()})
    return {key: n for key, n in counts.items() if n}


def fresh() -> dict:
    counts = {
        (model.__name__, row.name): row.n
        for model, _, _ in COUNTED
        for row in model.objects.annotate(n=Count("titles"))
    }
    for row in Certificate.objects.values("country", "rating").annotate(n=Count("title", distinct=True)):
        counts[(row["country"], row["rating"])] = row["n"]
    for row in Certificate.objects.values("country").annotate(n=Count("title", distinct=True)):
        counts[(row["country"], "")] = row["n"]
    return {key: n for key, n in counts.items() if n}


def gaslight(**overrides):
    fields = dict(
        genres=["Drama", "Thriller"],
        countries=["USA"],
        languages=["English"],
        colors=["Black and White"],
        sound_mixes=["Mono"],
        plot_keywords=["Murder", "Pianist"],
        certificates=[
            CertificateRecord(country="UK", rating="A"),
            CertificateRecord(country="UK", rating="PG"),
            CertificateRecord(country="USA", rating="Approved"),
        ],
    )
    fields.update(overrides)
    return small_record("Gaslight", 1944, **fields)


def test_counts_follow_imports_and_reimports(import_record):
    import_record(gaslight())
    import_record(small_record("Rope", 1948, genres=["Thriller", "Crime"], plot_keywords=["Murder"]))
    assert stored() == fresh()
    assert Genre.objects.get(name="Thriller").title_count == 2
    assert Keyword.objects.get(name="Murder").title_count == 2
    # Two UK ratings: the title counts once for the UK.
    assert CertificateCount.objects.get(country="UK", rating="").title_count == 1
    assert CertificateCount.objects.get(country="UK", rating="PG").title_count == 1

    # A later capture of Gaslight: a genre and a keyword dropped, one of each added, the rest kept.
    from datetime import datetime, timezone

    later = datetime(2015, 1, 1, tzinfo=timezone.utc)
    import_record(
        gaslight(
            genres=["Drama", "Mystery"],
            plot_keywords=["Pianist", "Letter"],
            certificates=[
                CertificateRecord(country="UK", rating="PG"),
                CertificateRecord(country="West Germany", rating="12"),
            ],
        ),
        captured_at=later,
        name="later.json",
    )
    assert stored() == fresh()
    assert not CertificateCount.objects.filter(country="USA", title_count__gt=0).exists()
    assert CertificateCount.objects.get(country="West Germany", rating="12").title_count == 1
    assert Genre.objects.get(name="Thriller").title_count == 1
    assert Genre.objects.get(name="Mystery").title_count == 1
    assert Keyword.objects.get(name="Murder").title_count == 1
    # An older capture again changes no section, so no count.
    before = stored()
    import_record(
        gaslight(genres=["Western"]), captured_at=datetime(2001, 1, 1, tzinfo=timezone.utc), name="older.json"
    )
    assert stored() == before == fresh()


def test_a_group_of_pages_counts_only_its_kept_pages(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(gaslight()))
    # Rejected after its links were written (a runtime note over its length): its savepoint goes, and its counts.
    bad = small_record(
        "Rope",
        1948,
        genres=["Thriller", "Crime"],
        plot_keywords=["Murder"],
        runtimes=[Runtime(minutes=80, note="x" * 400)],
    )
    (tmp_path / "b.json").write_bytes(record_bytes(bad))
    (tmp_path / "c.json").write_bytes(record_bytes(small_record("Laura", 1944, genres=["Drama"])))

    report = paths_import([tmp_path], commit_every=10)

    assert len(report.failed) == 1 and not Title.objects.filter(title="Rope").exists()
    assert stored() == fresh()
    assert Genre.objects.get(name="Drama").title_count == 2
    assert Genre.objects.get(name="Thriller").title_count == 1
    assert Genre.objects.filter(name="Crime", title_count__gt=0).count() == 0


def test_a_dry_run_leaves_the_counts(tmp_path, import_record):
    import_record(gaslight())
    before = stored()
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("Laura", 1944, genres=["Drama"])))
    paths_import([tmp_path], dry_run=True)
    assert stored() == before


def test_recount_repairs_counts(import_record):
    import_record(gaslight())
    Genre.objects.update(title_count=7)
    Keyword.objects.filter(name="Murder").update(title_count=0)
    CertificateCount.objects.filter(rating="").delete()
    call_command("recount_titles", stdout=io.StringIO())
    assert stored() == fresh()
    assert Genre.objects.get(name="Drama").title_count == 1


def test_a_hand_edited_certificate_kept_by_a_reimport_stays_counted(import_record):
    from datetime import datetime, timezone

    from django.utils import timezone as django_timezone

    import_record(gaslight())
    edited = Certificate.objects.get(country="USA")
    Certificate.objects.filter(pk=edited.pk).update(rating="Passed", edited_at=django_timezone.now())
    from catalogue.importing.counts import counts_recount

    counts_recount()  # the hand edit above bypassed the admin
    import_record(
        gaslight(certificates=[CertificateRecord(country="UK", rating="A")]),
        captured_at=datetime(2015, 1, 1, tzinfo=timezone.utc),
        name="later.json",
    )
    assert Certificate.objects.filter(country="USA", rating="Passed").exists()
    assert stored() == fresh()
    assert CertificateCount.objects.get(country="UK", rating="PG").title_count == 0
