"""A page's query count does not grow with its size: 20 or 400 credits, people, certificates, reviews."""

from __future__ import annotations

from datetime import datetime
from datetime import timezone as dt_timezone

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.importing.pages import page_import
from catalogue.models import Certificate, Credit, Person, Review, Title
from catalogue.parsing.record import CastMember, Certificate as CertificateRecord, Review as ReviewRecord
from tests.importing.records import crew, full_record, page_of

pytestmark = pytest.mark.django_db

LATER = datetime(2013, 1, 1, tzinfo=dt_timezone.utc)
# Measured: 47 for a new page (6 of them the writes of its vocabularies' and certificates'
# title counts, which a group of pages writes once per group), 74 for a changed page of a
# known title (2 of them reading its certificates before and after, for their counts;
# savepoints included), whatever its size.
NEW_PAGE_QUERIES = 47
CHANGED_PAGE_QUERIES = 74


def sized_record(size: int, *, plot: str = "First.", character: str = "Role"):
    """A title page with ``size`` credits (new people), size/20 certificates and reviews."""
    half = size // 2
    return full_record(
        title=f"Title of {size}",
        imdb_id=f"tt{size:07d}",
        plot=plot,
        cast=[
            CastMember(name=f"Actör {size}-{i}", character=f"{character} {i}", order=i, imdb_id=f"nm{size:03d}{i:04d}")
            for i in range(half)
        ],
        crew=crew(size - half, prefix=f"Crew {size}"),
        certificates=[CertificateRecord(country=f"Country {i}", rating=str(i)) for i in range(size // 20)],
        reviews=[
            ReviewRecord(title=f"Review {i}", date="2010-01-01", author=f"author{i}", text="Words.")
            for i in range(size // 20)
        ],
    )


def queries_of(page) -> int:
    with CaptureQueriesContext(connection) as queries:
        outcome = page_import(page=page)
    assert outcome.status in {"imported", "updated"}
    return len(queries.captured_queries)


def test_new_and_changed_page_query_counts_do_not_grow_with_size():
    # The first page creates the vocabularies and companies every later page finds.
    page_import(page=page_of(full_record()))
    new, changed = {}, {}
    for size in (20, 400):
        new[size] = queries_of(page_of(sized_record(size)))
        changed[size] = queries_of(page_of(sized_record(size, plot="Second.", character="Part"), captured_at=LATER))
        title = Title.objects.get(imdb_id=f"tt{size:07d}")
        assert title.plot == "Second."
        assert Credit.objects.filter(title=title).count() == size
        assert Credit.objects.filter(title=title, character__startswith="Part").count() == size // 2
        assert Certificate.objects.filter(title=title).count() == size // 20
        assert Review.objects.filter(title=title).count() == size // 20
    assert Person.objects.filter(name__startswith="Actör 400-").count() == 200
    assert new[20] == new[400] <= NEW_PAGE_QUERIES
    assert changed[20] == changed[400] <= CHANGED_PAGE_QUERIES
