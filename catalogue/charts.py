"""Small server-rendered SVG charts: the geometry is computed here, the template draws it.

Only numbers and short labels made from numbers and dates reach the SVG, and the
template autoescapes them like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 320
HEIGHT = 120
PAD_X = 34
PAD_Y = 14


@dataclass
class ChartPoint:
    x: float
    y: float
    label: str


@dataclass
class RatingChart:
    width: int
    height: int
    votes_points: str
    rating_points: str
    votes: list[ChartPoint]
    ratings: list[ChartPoint]
    first_label: str
    last_label: str
    votes_max: int
    rating_max: float
    summary: str


def _x(index: int, count: int, span: float) -> float:
    return round(PAD_X + (span * index / (count - 1) if count > 1 else span / 2), 1)


_SHOWN = {"year": "%Y", "month": "%Y-%m"}


def _when(capture) -> str:
    """A capture's date as precise as it is known: a year-precision estimate is "2010", not "2010-01-01"."""
    return capture.captured_at.strftime(_SHOWN.get(getattr(capture, "precision", None) or "", "%Y-%m-%d"))


def rating_history_chart(captures) -> RatingChart | None:
    """Votes and rating over a title's captures; None with fewer than two captures."""
    captures = [c for c in captures if c.votes is not None or c.rating is not None]
    if len(captures) < 2:
        return None
    span_x = WIDTH - 2 * PAD_X
    span_y = HEIGHT - 2 * PAD_Y
    votes_max = max((c.votes or 0) for c in captures) or 1
    rating_max = 10.0
    votes, ratings = [], []
    for index, capture in enumerate(captures):
        x = _x(index, len(captures), span_x)
        day = _when(capture)
        if capture.votes is not None:
            y = round(PAD_Y + span_y * (1 - capture.votes / votes_max), 1)
            votes.append(ChartPoint(x, y, f"{day}: {capture.votes:,} votes"))
        if capture.rating is not None:
            y = round(PAD_Y + span_y * (1 - float(capture.rating) / rating_max), 1)
            ratings.append(ChartPoint(x, y, f"{day}: rated {capture.rating}"))
    first, last = captures[0], captures[-1]
    summary = f"{len(captures)} captures from {_when(first)} to {_when(last)}"
    if first.votes is not None and last.votes is not None:
        summary += f": votes {first.votes:,} → {last.votes:,}"
    if first.rating is not None and last.rating is not None:
        summary += f", rating {first.rating} → {last.rating}"
    return RatingChart(
        width=WIDTH,
        height=HEIGHT,
        votes_points=" ".join(f"{p.x},{p.y}" for p in votes),
        rating_points=" ".join(f"{p.x},{p.y}" for p in ratings),
        votes=votes,
        ratings=ratings,
        first_label=first.captured_at.strftime("%Y-%m"),
        last_label=last.captured_at.strftime("%Y-%m"),
        votes_max=votes_max,
        rating_max=rating_max,
        summary=summary,
    )


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    year: int
    count: int


@dataclass
class YearChart:
    width: int
    height: int
    bars: list[Bar]
    first_year: int
    last_year: int
    max_count: int
    baseline: float


def credits_per_year_chart(per_year: list[tuple[int, int]]) -> YearChart | None:
    """One bar per year from the first credit's year to the last's (gaps show as gaps)."""
    if not per_year:
        return None
    counts = dict(per_year)
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    span_x = WIDTH - 2 * PAD_X
    span_y = HEIGHT - 2 * PAD_Y
    slot = span_x / len(years)
    bar_width = round(min(max(slot * 0.8, 1.0), 14.0), 2)
    max_count = max(counts.values())
    bars = []
    for index, year in enumerate(years):
        count = counts.get(year, 0)
        if not count:
            continue
        height = round(span_y * count / max_count, 1)
        x = round(PAD_X + index * slot + (slot - bar_width) / 2, 2)
        bars.append(Bar(x, round(PAD_Y + span_y - height, 1), bar_width, height, year, count))
    return YearChart(WIDTH, HEIGHT, bars, first, last, max_count, PAD_Y + span_y)
