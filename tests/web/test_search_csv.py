"""Any search's titles as CSV, linked from the results."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def _csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


@pytest.fixture
def films(db):
    f.make_title("Gaslight", year=1944, slug="gaslight-1944", imdb_id="tt0036855", rating=Decimal("7.8"), votes=21000)
    f.make_title("Gaslight", year=1940, slug="gaslight-1940", votes=3000)
    f.make_title('=HYPERLINK("http://evil")', year=1999, slug="formula-1999")
    f.make_title("Laura", year=1944, slug="laura-1944")


def test_the_results_link_to_their_csv_with_the_same_query(client, films):
    page = client.get("/search/?q=gaslight").content.decode()
    assert 'href="/search/csv/?q=gaslight" download>Download these titles (CSV)' in page


def test_a_text_search_as_csv_in_the_pages_order(client, films):
    response = client.get("/search/csv/?q=gaslight")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="titles.csv"' in response["Content-Disposition"]
    rows = _csv(response)
    assert [(row["id"], row["year"], row["votes"]) for row in rows] == [
        ("tt0036855", "1944", "21000"),
        ("gaslight-1940", "1940", "3000"),
    ]
    assert rows[0]["url"] == "http://testserver/title/gaslight-1944/" and rows[0]["rating"] == "7.8"


def test_a_filter_search_as_csv_and_no_cell_is_a_formula(client, films):
    rows = _csv(client.get("/search/csv/?year_min=1990"))
    assert [row["title"] for row in rows] == ['\'=HYPERLINK("http://evil")']
    all_rows = _csv(client.get("/search/csv/"))
    assert len(all_rows) == 4
