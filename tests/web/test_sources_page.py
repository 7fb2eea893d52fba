"""A title's public Sources page: its captures, the change between two, and a citation."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from django.test.utils import CaptureQueriesContext

from catalogue.importing.pages import paths_import
from catalogue.models import SourcePage, Title
from catalogue.parsing.record import Rating
from tests.conftest import SAMPLES
from tests.importing.records import record_bytes, small_record

pytestmark = pytest.mark.django_db


def test_a_real_capture_with_its_date_rating_and_file_name_only(client, tmp_path):
    assert paths_import([SAMPLES / "hiroshima-mon-amour-1959.combined.txt"]).imported == 1

    page = client.get("/title/hiroshima-mon-amour-1959/sources/").content.decode()

    assert "Captures (1)" in page
    assert '8.0 <span class="muted">(21,203 votes)</span>' in page
    assert '<td class="source-name">hiroshima-mon-amour-1959.combined.txt</td>' in page
    assert str(SAMPLES) not in page  # the importer's own folders are not published
    assert (
        'href="/title/hiroshima-mon-amour-1959/sources/"'
        in client.get("/title/hiroshima-mon-amour-1959/").content.decode()
    )
    citation = re.search(r'<blockquote class="citation-block"><p>(.*?)</p>', page, re.S).group(1)
    assert citation.startswith("“Hiroshima Mon Amour” (1959). IMDb title page, captured ")
    assert "http://testserver/title/hiroshima-mon-amour-1959/ (accessed " in citation


def _captures(tmp_path):
    older = small_record(
        "One",
        2000,
        plot="The first plot.",
        rating=Rating(value=6.1, best=10, votes=900),
        unparsed=["an odd line <b>bold?</b>"],
    )
    newer = small_record("One", 2000, plot="A better plot.", rating=Rating(value=6.4, best=10, votes=1500))
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "one.json").write_bytes(record_bytes(older))
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "one.json").write_bytes(record_bytes(newer))
    paths_import([tmp_path / "old"], captured_at=datetime(2009, 5, 1, tzinfo=timezone.utc))
    paths_import([tmp_path / "new"], captured_at=datetime(2011, 7, 2, tzinfo=timezone.utc))
    return SourcePage.objects.order_by("captured_at")


def test_two_captures_compared_field_by_field(client, tmp_path):
    first, second = _captures(tmp_path)
    slug = Title.objects.get().slug

    page = client.get(f"/title/{slug}/sources/?from={first.pk}&to={second.pk}").content.decode()

    assert "Captures (2)" in page
    assert page.index(f'id="capture-{first.pk}"') < page.index(f'id="capture-{second.pk}"')  # oldest first
    assert "What changed from 1 May 2009 to 2 Jul 2011" in page
    rows = dict(re.findall(r'<tr><th scope="row">(\w+)</th><td>(.*?)</td><td>.*?</td></tr>', page))
    assert rows["plot"] == "The first plot."
    assert '"value": 6.1' in rows["rating"].replace("&quot;", '"')
    assert "title" not in rows and "year" not in rows  # unchanged fields are not listed
    # Page text is escaped, never markup.
    assert "<code>an odd line &lt;b&gt;bold?&lt;/b&gt;</code>" in page


def test_the_sources_page_takes_a_constant_number_of_queries(client, tmp_path):
    from django.core.cache import cache
    from django.db import connection

    first, second = _captures(tmp_path)
    slug = Title.objects.get().slug
    assert paths_import([SAMPLES / "hiroshima-mon-amour-1959.combined.txt"]).imported == 1
    counts = []
    for url in (f"/title/{slug}/sources/?from={first.pk}&to={second.pk}", "/title/hiroshima-mon-amour-1959/sources/"):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts == [3, 3]  # the stamp, the title, its sources


def test_an_unknown_title_or_capture(client, tmp_path):
    first, _ = _captures(tmp_path)
    slug = Title.objects.get().slug
    assert client.get("/title/nothing/sources/").status_code == 404
    page = client.get(f"/title/{slug}/sources/?from={first.pk}&to=999999").content.decode()
    assert "What changed" not in page
