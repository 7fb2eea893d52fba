from datetime import datetime, timezone
from decimal import Decimal
from types import SimpleNamespace

from catalogue.charts import credits_per_year_chart, rating_history_chart


def capture(year, rating, votes):
    return SimpleNamespace(captured_at=datetime(year, 1, 1, tzinfo=timezone.utc), rating=rating, votes=votes)


def test_rating_chart_needs_two_captures_with_values():
    assert rating_history_chart([capture(2010, Decimal("7.0"), 10)]) is None
    assert rating_history_chart([capture(2010, None, None), capture(2011, Decimal("7.0"), 10)]) is None


def test_rating_chart_scales_votes_to_the_highest_and_rating_to_ten():
    chart = rating_history_chart(
        [capture(2009, Decimal("5.0"), 500), capture(2011, Decimal("10.0"), 1000), capture(2014, None, 250)]
    )

    assert chart.votes_points == "34.0,60.0 160.0,14.0 286.0,83.0"
    assert chart.rating_points == "34.0,60.0 160.0,14.0"
    assert chart.votes_max == 1000
    assert chart.summary == "3 captures from 2009-01-01 to 2014-01-01: votes 500 → 250"


def test_year_chart_bars_are_proportional_and_gaps_stay_empty():
    chart = credits_per_year_chart([(1959, 1), (1961, 2), (1963, 4)])

    assert [(bar.year, bar.height) for bar in chart.bars] == [(1959, 23.0), (1961, 46.0), (1963, 92.0)]
    assert (chart.first_year, chart.last_year, chart.max_count) == (1959, 1963, 4)
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)
    assert credits_per_year_chart([]) is None


def test_rating_chart_shows_a_capture_date_as_precise_as_it_is_known():
    def dated(when, precision, votes):
        return SimpleNamespace(captured_at=when, rating=None, votes=votes, precision=precision)

    chart = rating_history_chart(
        [
            dated(datetime(2010, 1, 1, tzinfo=timezone.utc), "year", 100),  # "Copyright © 1990-2010"
            dated(datetime(2011, 5, 24, tzinfo=timezone.utc), "day", 200),
            dated(datetime(2012, 3, 1, tzinfo=timezone.utc), "month", 300),
        ]
    )

    assert [point.label for point in chart.votes] == ["2010: 100 votes", "2011-05-24: 200 votes", "2012-03: 300 votes"]
    assert chart.summary == "3 captures from 2010 to 2012-03: votes 100 → 300"
