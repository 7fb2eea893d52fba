"""A page captured from a localised site is shown under its English title, the H1 kept as an AKA."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from catalogue.importing.display import displayed
from catalogue.importing.pages import page_import
from catalogue.importing.sources import Page
from catalogue.models import Title
from catalogue.parsing import parse_page
from tests.conftest import SAMPLES, TEST_PAGES

pytestmark = pytest.mark.django_db

PULP = TEST_PAGES / "html" / "real" / "pulp_fiction_1994_combined_2010_spanish_title.html"
AMELIE = TEST_PAGES / "html" / "amelie-2001.localised-de-combined-2010.html"


def akas(title: Title) -> list[tuple[str, str, list]]:
    return [(aka.aka, aka.country, aka.notes) for aka in title.akas.order_by("position")]


def english_pulp_fiction() -> bytes:
    """The Spanish capture as the English site printed its header: H1 "Pulp Fiction", no original-title line."""
    data = PULP.read_bytes()
    extra = b'<span class="title-extra">Pulp Fiction <i>(original title)</i></span>'
    assert extra in data and data.count(b"<h1>Tiempos violentos ") == 1
    return data.replace(extra, b"").replace(b"<h1>Tiempos violentos ", b"<h1>Pulp Fiction ")


def test_the_spanish_capture_of_pulp_fiction_is_shown_as_pulp_fiction(client):
    outcome = page_import(page=Page(name=PULP.name, data=PULP.read_bytes()))

    title = outcome.title
    assert parse_page(PULP.read_bytes()).title == "Tiempos violentos"  # the record keeps what the page printed
    assert (title.title, title.slug, title.original_title, title.imdb_id) == (
        "Pulp Fiction",
        "pulp-fiction-1994",
        "Pulp Fiction",
        "tt0110912",
    )
    assert akas(title) == [
        ("Pulp Fiction", "USA", ["original title"]),
        # The visitor's country: the page's release date is Argentina's.
        ("Tiempos violentos", "Argentina", ["localised title"]),
    ]
    html = client.get(title.get_absolute_url()).content.decode()
    assert "<h1>Pulp Fiction " in html
    assert "Tiempos violentos" in html[html.index('id="akas"') :]


def test_the_german_capture_of_amelie_is_shown_under_the_american_display_title():
    outcome = page_import(page=Page(name=AMELIE.name, data=AMELIE.read_bytes()))

    title = outcome.title
    assert (title.title, title.original_title) == ("Amélie", "Le fabuleux destin d'Amélie Poulain")
    assert akas(title)[-1] == ("Die fabelhafte Welt der Amélie", "Germany", ["localised title"])
    assert akas(title)[0] == ("Amélie", "USA", ["imdb display title"])


def test_a_text_extraction_of_the_localised_page_is_shown_the_same_way():
    path = TEST_PAGES / "extractions" / "amelie-2001.localised-de-combined-2010.html2text.txt"
    outcome = page_import(page=Page(name=path.name, data=path.read_bytes()))

    # This extraction lost the accents ("Amelie" - USA (imdb display title)).
    assert outcome.title.title == "Amelie"
    assert ("Die fabelhafte Welt der Amelie", "Germany", ["localised title"]) in akas(outcome.title)


@pytest.mark.parametrize("first_localised", [True, False])
def test_english_and_localised_captures_are_one_title_named_in_english(first_localised):
    pages = [
        Page(name="pulp-es.html", data=PULP.read_bytes(), captured_at=datetime(2010, 11, 6, tzinfo=timezone.utc)),
        Page(name="pulp-en.html", data=english_pulp_fiction(), captured_at=datetime(2010, 11, 7, tzinfo=timezone.utc)),
    ]
    for page in pages if first_localised else reversed(pages):
        page_import(page=page)

    title = Title.objects.get()
    assert title.title == "Pulp Fiction"
    assert title.sources.count() == 2


@pytest.mark.parametrize(
    "sample, shown",
    [
        # English pages of foreign films print an original-title line too: their H1 stays.
        # Its AKAs give "Hiroshima, My Love" - International (English title) (imdb display title).
        (SAMPLES / "hiroshima-mon-amour-1959.combined.txt", "Hiroshima Mon Amour"),
        (SAMPLES / "seven-samurai-1954.combined-excerpt.txt", "Seven Samurai"),
        (TEST_PAGES / "non-latin-names.txt", "Battleship Potemkin"),
    ],
)
def test_an_english_page_keeps_its_h1(sample, shown):
    record = parse_page(sample.read_bytes())
    assert record.original_title and record.original_title != record.title

    assert displayed(record) is record
    assert page_import(page=Page(name=sample.name, data=sample.read_bytes())).title.title == shown
