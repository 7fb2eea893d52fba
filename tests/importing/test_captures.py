"""Capture history: the newest capture sets the title; every capture's rating is kept."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from catalogue.models import Credit, RatingCapture, SourcePage, Title
from catalogue.parsing.record import Rating
from tests.importing.records import crew, small_record

pytestmark = pytest.mark.django_db


def capture(year: int, rating: float, votes: int, plot: str):
    return small_record("Gaslight", 1944, rating=Rating(value=rating, votes=votes), plot=plot, crew=crew(year - 2008))


def at(year: int) -> datetime:
    return datetime(year, 6, 1, tzinfo=timezone.utc)


def test_three_captures_out_of_order(import_record):
    outcomes = [
        import_record(capture(2010, 7.9, 9000, "2010 plot"), captured_at=at(2010)),
        import_record(capture(2014, 7.8, 15000, "2014 plot"), captured_at=at(2014)),
        import_record(capture(2009, 8.0, 5000, "2009 plot"), captured_at=at(2009)),
    ]

    assert [o.status for o in outcomes] == ["imported", "updated", "updated"]
    assert "older capture" in outcomes[2].notes[0]
    title = Title.objects.get()
    assert (title.plot, title.rating, title.votes) == ("2014 plot", Decimal("7.8"), 15000)
    assert Credit.objects.filter(title=title).count() == 6  # the 2014 capture's crew
    history = [(c.captured_at.year, c.rating, c.votes) for c in title.rating_history.all()]
    assert history == [(2009, Decimal("8.0"), 5000), (2010, Decimal("7.9"), 9000), (2014, Decimal("7.8"), 15000)]
    assert SourcePage.objects.filter(title=title).count() == 3
    assert RatingCapture.objects.get(captured_at=at(2009)).source.captured_at == at(2009)
