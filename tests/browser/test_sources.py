"""A reader walks from a title to its Sources page and compares two real captures field by field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from catalogue.importing.pages import paths_import
from catalogue.models import RatingCapture, SourcePage, Title

pytestmark = pytest.mark.django_db(transaction=True)

CAPTURES = Path(__file__).resolve().parents[1] / "pages" / "captures"


@pytest.fixture
def vitelloni(tmp_path):
    """Two real snapshots of I Vitelloni's combined page (9,827 and 10,033 votes), dated by their names."""
    folder = tmp_path / "captures"
    folder.mkdir()
    shutil.copy(CAPTURES / "017_i_vitelloni_1953_a.txt", folder / "i-vitelloni-1953.combined-2015.txt")
    shutil.copy(CAPTURES / "018_i_vitelloni_1953_b.txt", folder / "i-vitelloni-1953.combined-2016.txt")
    report = paths_import([folder])
    assert (report.imported, report.updated) == (1, 1)
    return Title.objects.get()


def test_title_to_sources_to_the_diff_of_two_captures(page, live_server, vitelloni):
    older, newer = SourcePage.objects.filter(title=vitelloni).order_by("captured_at")
    votes = {capture.source_id: capture.votes for capture in RatingCapture.objects.filter(title=vitelloni)}
    assert (votes[older.pk], votes[newer.pk]) == (9827, 10033)

    page.goto(f"{live_server.url}/title/{vitelloni.slug}/")
    page.get_by_role("link", name="Sources", exact=True).click()
    page.wait_for_url(re.compile(rf"/title/{re.escape(vitelloni.slug)}/sources/$"))
    page.get_by_role("heading", name="Captures (2)").wait_for()

    # Oldest first; each row shows its rating and votes as the page gave them.
    rows = page.locator("table.sources-table tbody tr[id^='capture-']")
    assert rows.count() == 2
    assert "9,827 votes" in rows.nth(0).inner_text() and "10,033 votes" in rows.nth(1).inner_text()
    page.locator(f"#capture-{older.pk} input[name='from']").check()
    page.locator(f"#capture-{newer.pk} input[name='to']").check()
    page.get_by_role("button", name="Compare the two captures").click()
    page.wait_for_url(re.compile(rf"/sources/\?from={older.pk}&to={newer.pk}$"))

    diff = page.locator("section.capture-diff")
    assert diff.get_by_role("heading").inner_text() == "What changed from 1 Jan 2015 to 5 Jan 2016"
    rating = diff.locator("tr", has=page.locator("th", has_text=re.compile("^rating$")))
    before, after = (cell.inner_text() for cell in rating.locator("td").all())
    assert '"votes": 9827' in before and '"votes": 10033' in after
    # Fields both captures agree on are not listed.
    assert diff.locator("th", has_text=re.compile("^title$")).count() == 0

    citation = page.locator("blockquote.citation-block").inner_text()
    assert citation.startswith(
        "“I Vitelloni” (1953). IMDb title page, captured 5 January 2016: i-vitelloni-1953.combined-2016.txt. In "
    )
    assert f"{live_server.url}/title/{vitelloni.slug}/ (accessed " in citation
