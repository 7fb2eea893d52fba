"""Source page admin: the raw page shown safely, its problems, and the re-parse action."""

from __future__ import annotations

import sys
import types

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .admin_factories import make_source, make_superuser, make_title

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:catalogue_sourcepage_changelist"


@pytest.fixture
def staff_client(client):
    client.force_login(make_superuser())
    return client


def test_change_page_shows_decoded_escaped_raw_text_and_problems(staff_client):
    raw = "Hiroshima mon amour (1959)\r\nÉmmanuelle <script>alert(1)</script>\r\n".encode("cp1252")
    source = make_source(
        raw,
        title=make_title(),
        warnings=["cast: row 3 has no character"],
        unparsed=["Étrange <b>line</b>"],
        record={"title": "Hiroshima mon amour"},
    )

    response = staff_client.get(reverse("admin:catalogue_sourcepage_change", args=[source.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    # Decoded from Windows-1252, newlines normalised, escaped, in a scrolling <pre>.
    assert '<pre class="source-raw" style="max-height: 32em; overflow: auto;' in html
    assert "Émmanuelle &lt;script&gt;alert(1)&lt;/script&gt;\n" in html
    assert "<script>alert(1)</script>" not in html
    assert "<li>cast: row 3 has no character</li>" in html
    assert "<li>Étrange &lt;b&gt;line&lt;/b&gt;</li>" in html
    assert "&quot;title&quot;: &quot;Hiroshima mon amour&quot;" in html
    # Read-only: no input for the page bytes or the file name.
    assert 'name="file_name"' not in html and 'name="raw"' not in html


def test_changelist_query_count_is_constant_and_filters_problems(staff_client):
    make_source(warnings=["one"])
    make_source()
    with CaptureQueriesContext(connection) as few:
        staff_client.get(reverse(CHANGELIST))
    for n in range(20):
        make_source(f"page {n}".encode(), title=make_title(f"Film {n}"), unparsed=["x"])
    with CaptureQueriesContext(connection) as many:
        response = staff_client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count == 22
    assert len(many) == len(few)

    with_warnings = staff_client.get(reverse(CHANGELIST), {"problems": "warnings"}).context["cl"].result_count
    with_unparsed = staff_client.get(reverse(CHANGELIST), {"problems": "unparsed"}).context["cl"].result_count
    clean = staff_client.get(reverse(CHANGELIST), {"problems": "none"}).context["cl"].result_count
    assert (with_warnings, with_unparsed, clean) == (1, 20, 1)


def run_reparse(client, sources):
    data = {"action": "reparse_pages", ACTION_CHECKBOX_NAME: [str(s.pk) for s in sources]}
    response = client.post(reverse(CHANGELIST), data, follow=True)
    assert response.status_code == 200
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_reparse_reports_unavailable_when_the_importer_has_no_reparse(staff_client, monkeypatch):
    # A None entry makes the import fail, as it does while catalogue.importing.reparse is absent.
    monkeypatch.setitem(sys.modules, "catalogue.importing.reparse", None)
    source = make_source()

    assert run_reparse(staff_client, [source]) == [("error", "re-parse is not available")]


def test_reparse_calls_the_service_for_each_page_and_reports_each(staff_client, monkeypatch):
    first = make_source(b"first page", file_name="a.txt")
    broken = make_source(b"broken page", file_name="b.txt")
    calls = []

    def source_reparse(*, source):
        calls.append((source.file_name, bytes(source.raw)))
        if source.file_name == "b.txt":
            raise ValueError("b.txt, line 1: not a title page")
        return "3 sections updated"

    # A stand-in with the agreed signature until the importer's service is merged in.
    stand_in = types.ModuleType("catalogue.importing.reparse")
    stand_in.source_reparse = source_reparse
    monkeypatch.setitem(sys.modules, "catalogue.importing.reparse", stand_in)

    messages = run_reparse(staff_client, [first, broken])

    assert calls == [("a.txt", b"first page"), ("b.txt", b"broken page")]  # whole rows, raw included
    assert messages == [
        ("success", "a.txt: re-parsed: 3 sections updated"),
        ("error", "b.txt: re-parse failed: b.txt, line 1: not a title page"),
    ]


def test_reparse_reports_status_title_and_kept_hand_edits(staff_client, monkeypatch):
    title = make_title("Hiroshima mon amour", year=1959)
    same = make_source(b"same", file_name="same.txt")
    updated = make_source(b"updated", file_name="updated.txt")
    conflicted = make_source(b"conflicted", file_name="conflicted.txt")
    outcomes = {
        "same.txt": None,
        "updated.txt": types.SimpleNamespace(status="updated", title=title, conflicts=[]),
        "conflicted.txt": types.SimpleNamespace(
            status="updated", title=title, conflicts=["Credit 7 (Sacha Vierny): job kept 'gaffer', page says 'DoP'"]
        ),
    }
    stand_in = types.ModuleType("catalogue.importing.reparse")
    stand_in.source_reparse = lambda *, source: outcomes[source.file_name]
    monkeypatch.setitem(sys.modules, "catalogue.importing.reparse", stand_in)

    messages = run_reparse(staff_client, [same, updated, conflicted])

    assert messages == [
        ("success", "same.txt: re-parsed, unchanged (the current parser reads it the same)"),
        ("success", "updated.txt: re-parsed, updated: Hiroshima mon amour (1959)"),
        (
            "warning",
            "conflicted.txt: re-parsed, updated: Hiroshima mon amour (1959); 1 hand edit(s) kept over the page: "
            "Credit 7 (Sacha Vierny): job kept 'gaffer', page says 'DoP'",
        ),
    ]


def test_reparse_with_the_real_service_once_merged(staff_client, sample_bytes):
    from pathlib import Path

    samples = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "samples").iterdir() if p.suffix == ".txt")
    source = make_source(sample_bytes(samples[0]), file_name=samples[0])

    messages = run_reparse(staff_client, [source])

    assert len(messages) == 1
    assert messages[0][1].startswith(f"{samples[0]}: re-parsed, ")
    assert messages[0][0] in ("success", "warning")


def test_staff_see_the_saved_page_itself_in_a_sandbox(staff_client, client):
    raw = b'<html><body><h1>Gaslight</h1><script>alert(1)</script><img src="http://ia.media-imdb.com/x.jpg"></body></html>'
    source = make_source(raw, title=make_title(), format="html")
    change = staff_client.get(reverse("admin:catalogue_sourcepage_change", args=[source.pk])).content.decode()
    url = reverse("admin:catalogue_sourcepage_page", args=[source.pk])
    assert f'<a href="{url}" target="_blank" rel="noopener noreferrer">view the saved page' in change

    response = staff_client.get(url)

    assert response.status_code == 200
    assert response.content == raw  # the page as it was read
    assert response["Content-Type"] == "text/html"
    policy = response["Content-Security-Policy"]
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy  # no scripts, nothing loaded
    assert "script-src" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_the_saved_page_is_never_served_to_the_public(client):
    source = make_source(b"<html>a page</html>", title=make_title(), format="html")
    url = reverse("admin:catalogue_sourcepage_page", args=[source.pk])

    response = client.get(url)

    assert response.status_code == 302 and "/login/" in response["Location"]
