"""/search/text/: full-text search of plot, taglines, trivia, goofs, quotes and reviews.

Runs on SQLite (FTS5) and PostgreSQL (tsvector + GIN): the index is kept by triggers,
so these tests write through the ORM as the admin and the shell do.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.models import Quote, QuoteLine, Title, Trivia
from catalogue.selectors.text_search import Segment, query_words, snippet, text_search
from tests import factories as f

pytestmark = pytest.mark.django_db

URL = "/search/text/"


def hits(query: str, section: str = "") -> list[tuple[str, str]]:
    """(title, section label) of every hit, in rank order."""
    results = text_search(query, section)
    return [(hit.title.title, hit.section_label) for hit in results[0:100]]


def marked(response) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", response.content.decode())


@pytest.fixture
def films(db):
    hiroshima = f.make_title("Hiroshima Mon Amour", year=1959, plot="A French actress has an affair with an architect.")
    marienbad = f.make_title("Last Year at Marienbad", year=1961, plot="In a chateau, a man meets a woman.")
    possession = f.make_title("Possession", year=1981, plot="Directed by Andrzej Żuławski in Berlin.")
    f.make_tagline(hiroshima, "The tale of a fleeting love.")
    f.make_trivia(hiroshima, "Shot in Hiroshima and Nevers by an architect's friend.")
    f.make_goof(marienbad, "The statue moves between shots.", category="Continuity")
    f.make_quote(marienbad, [("X", "Once again I walk down these corridors."), ("A", "You are mad.")])
    f.make_review(possession, summary="Unhinged", text="Adjani screams in a Berlin subway. Søren agrees.")
    return locals()


def test_each_section_is_found_with_its_label(films):
    # "architect's" is the words "architect" and "s"
    assert set(hits("architect")) == {("Hiroshima Mon Amour", "Plot"), ("Hiroshima Mon Amour", "Trivia")}
    assert hits("architect s") == [("Hiroshima Mon Amour", "Trivia")]
    assert hits("nevers") == [("Hiroshima Mon Amour", "Trivia")]
    assert hits("fleeting") == [("Hiroshima Mon Amour", "Tagline")]
    assert hits("statue") == [("Last Year at Marienbad", "Goof")]
    assert hits("corridors") == [("Last Year at Marienbad", "Quote")]
    assert hits("mad") == [("Last Year at Marienbad", "Quote")]  # another line of the same quote
    assert hits("subway") == [("Possession", "Review")]
    assert hits("unhinged") == [("Possession", "Review")]  # the review's summary


def test_every_word_must_match_in_one_document(films):
    assert set(hits("berlin")) == {("Possession", "Plot"), ("Possession", "Review")}
    assert hits("berlin adjani") == [("Possession", "Review")]
    assert hits("berlin chateau") == []


def test_case_accents_and_unfolded_letters_are_ignored(films):
    assert hits("ZULAWSKI") == [("Possession", "Plot")]
    assert hits("żuławski") == [("Possession", "Plot")]
    assert hits("soren") == [("Possession", "Review")]
    assert hits("CHÂTEAU") == [("Last Year at Marienbad", "Plot")]


def test_ranked_by_relevance(db):
    once = f.make_title("Once", plot="A ghost appears in a long story about many other things: " + "word " * 60)
    often = f.make_title("Often", plot="The ghost, the ghost and the ghost again.")
    assert [title for title, _section in hits("ghost")] == [often.title, once.title]


def test_the_index_follows_edits_and_deletes(films):
    trivia = Trivia.objects.get(text__startswith="Shot in")
    trivia.text = "Filmed beside the river Loire."
    trivia.save()
    assert hits("nevers") == []
    assert hits("loire") == [("Hiroshima Mon Amour", "Trivia")]
    trivia.delete()
    assert hits("loire") == []

    line = QuoteLine.objects.get(text="You are mad.")
    line.text = "You are dreaming."
    line.save()
    assert hits("mad") == []
    assert hits("dreaming corridors") == [("Last Year at Marienbad", "Quote")]
    line.delete()
    assert hits("dreaming") == []
    assert hits("corridors") == [("Last Year at Marienbad", "Quote")]
    Quote.objects.all().delete()
    assert hits("corridors") == []

    title = films["possession"]
    Title.objects.filter(pk=title.pk).update(plot="")
    assert hits("zulawski") == []
    title.refresh_from_db()
    title.plot = "Now about a tentacle."
    title.save()
    assert hits("tentacle") == [("Possession", "Plot")]
    title.delete()
    assert hits("tentacle") == [] and hits("subway") == []


def test_page_shows_title_section_and_marked_snippet(client, films):
    response = client.get(URL, {"q": "Berlin subway"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/title/' in html and "Possession" in html
    assert "Review" in html
    assert marked(response) == ["Berlin", "subway"]
    assert '<meta name="robots" content="noindex">' in html


def test_untrusted_text_is_escaped_and_the_match_still_marked(client, films):
    f.make_trivia(films["hiroshima"], 'Cut: <script>alert("gotcha")</script> scene & <b>bold</b>.')
    response = client.get(URL, {"q": "gotcha"})
    html = response.content.decode()
    assert "<script>alert" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(&quot;<mark>gotcha</mark>&quot;)&lt;/script&gt;" in html
    assert marked(client.get(URL, {"q": "script"})) == ["script", "script"]


def test_section_filter_is_a_choice(client, films):
    assert hits("berlin", "review") == [("Possession", "Review")]
    response = client.get(URL, {"q": "berlin", "section": "plot"})
    assert marked(response) == ["Berlin"]
    assert 'Plot <span class="muted">(1)</span>' in response.content.decode()
    # An unknown section is reported on the form and not applied.
    response = client.get(URL, {"q": "berlin", "section": "nonsense"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert len(marked(response)) == 2


def test_paginated_25_a_page(client, db):
    title = f.make_title("Many Facts")
    for position in range(30):
        f.make_trivia(title, f"Fact number {position} about the lighthouse.", position=position)
    first = client.get(URL, {"q": "lighthouse"}).content.decode()
    second = client.get(URL, {"q": "lighthouse", "page": 2}).content.decode()
    assert first.count("<mark>lighthouse</mark>") == 25
    assert second.count("<mark>lighthouse</mark>") == 5
    assert "Page 2 of 2" in second


def test_query_count_is_constant(client, django_assert_num_queries, db):
    for number in range(12):
        title = f.make_title(f"Film {number}", plot=f"A harbour story {number}.")
        f.make_trivia(title, "The harbour was real.")
        f.make_goof(title, "The harbour crane moves.")
        f.make_quote(title, [("A", "Look at the harbour."), ("B", "I see it.")])
        f.make_review(title, text="Harbour lights.")
        f.make_tagline(title, "Harbour of lost souls.")
    # The counts per section, the page of hits with their titles, the hits' texts.
    with django_assert_num_queries(3):
        response = client.get(URL, {"q": "harbour"})
    assert response.content.decode().count("<mark>") == 25
    with django_assert_num_queries(3):
        client.get(URL, {"q": "harbour", "section": "quote"})


def test_empty_query_shows_the_form_only(client, django_assert_num_queries, db):
    f.make_title("Film", plot="Something.")
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "?!…"}):
        with django_assert_num_queries(0):
            response = client.get(URL, params)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'action="/search/text/"' in html
        assert "search-results" not in html


def test_tabs_on_both_search_pages_carry_the_words(client, db):
    for url, current in (("/search/", "Titles &amp; people"), (URL, "Plot, trivia, quotes &amp; reviews")):
        html = client.get(url, {"q": "love story"}).content.decode()
        assert 'href="/search/?q=love%20story"' in html
        assert 'href="/search/text/?q=love%20story"' in html
        assert re.search(r'aria-current="page">' + re.escape(current), html)


HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "a*",
    "NEAR(a b)",
    "NEAR",
    "-ghost",
    "ghost -",
    "(",
    ")",
    "((ghost",
    "a AND",
    "OR",
    "NOT ghost",
    "ghost OR",
    "words:ghost",
    "title_id:1",
    "^ghost",
    "ghost\x00",
    "\x00",
    "a & b | !c",
    "ghost:*",
    "<->",
    "a <-> b",
    "{words}: x",
    "+",
    "ghost + ",
    "\\",
    "%",
    "_",
    "ghost' OR '1'='1",
    "🎬",
    "x" * 5000,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_crash(client, films, query):
    response = client.get(URL, {"q": query})
    # The site answers any NUL in a request with 400 before the view (catalogue/middleware.py).
    assert response.status_code == (400 if "\x00" in query else 200)
    assert hits(query) is not None


def test_fts_syntax_is_searched_as_words(films):
    assert hits("(statue* shots)") == [("Last Year at Marienbad", "Goof")]
    assert hits("NEAR(statue shots)") == []  # "near" is a word too, and the goof does not have it
    assert hits('"statue" -moves') == [("Last Year at Marienbad", "Goof")]  # "-" is not NOT
    assert hits("statue OR nonsense") == []  # "or" is a word to find, not an operator


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_text_is_a_query(films, query):
    results = text_search(query)
    page = results[0:25]
    assert results.count() >= len(page)


def test_query_words():
    assert query_words('  "Hiroshima,"  MY*love NEAR( ') == ["hiroshima", "my", "love", "near"]
    assert query_words("a\x00b") == ["a", "b"]
    assert query_words("") == []


def test_snippet_marks_words_and_trims_long_text():
    text = " ".join(f"w{i}" for i in range(100)) + " Ghost, at last."
    segments = snippet(text, {"ghost"})
    assert segments[0] == Segment("…", False)
    assert [s.text for s in segments if s.is_hit] == ["Ghost"]
    assert "w99 " in "".join(s.text for s in segments)
    assert "w10 " not in "".join(s.text for s in segments)
    assert snippet("Short ghost.", {"ghost"}) == [Segment("Short ", False), Segment("ghost", True), Segment(".", False)]


def test_the_index_lives_in_the_database(db):
    title = f.make_title("Indexed", plot="Nothing but a lantern.")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT rowid, title_id FROM catalogue_text_fts WHERE catalogue_text_fts MATCH 'lantern'")
        else:
            cursor.execute(
                "SELECT id, title_id FROM catalogue_text_doc WHERE document @@ plainto_tsquery('simple', 'lantern')"
            )
        assert cursor.fetchall() == [(title.pk * 8 + 1, title.pk)]


def test_admin_edits_and_deletes_keep_the_index(client, films):
    from django.urls import reverse

    from tests.web.admin_factories import make_superuser
    from tests.web.admin_forms import change_form_data

    client.force_login(make_superuser())
    trivia = Trivia.objects.get(text__startswith="Shot in")
    url = reverse("admin:catalogue_trivia_change", args=[trivia.pk])
    data = change_form_data(client.get(url))
    data["text"] = "Staff say: the café scenes were shot in Nevers in winter."
    assert client.post(url, data).status_code == 302
    assert hits("cafe winter") == [("Hiroshima Mon Amour", "Trivia")]

    title = films["hiroshima"]
    url = reverse("admin:catalogue_title_change", args=[title.pk])
    data = change_form_data(client.get(url))
    data["plot"] = "Two lovers and a bicycle."
    assert client.post(url, data).status_code == 302
    assert hits("bicycle") == [("Hiroshima Mon Amour", "Plot")]
    assert hits("actress") == []

    delete = reverse("admin:catalogue_trivia_delete", args=[trivia.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert hits("winter") == []


# --- the bounded ranking (TextResults.candidates): a common word ranks the first N matches found ---


@pytest.fixture
def ghosts(db):
    """Seven plots and three trivia items with "ghost"; the plot that ranks best is written last."""
    plots = [
        f.make_title(f"Ghost {n}", plot="A ghost in a story about other things: " + "word " * (10 + n))
        for n in range(6)
    ]
    best = f.make_title("Ghost Best", plot="Ghost, ghost, ghost.")
    for title in plots[:3]:
        f.make_trivia(title, "A ghost was seen on the set, among many other stories " + "told " * 20)
    return {"plots": plots, "best": best}


def test_a_query_with_more_matches_than_the_bound_ranks_its_first_candidates(ghosts):
    everything = [hit.key for hit in text_search("ghost")[0:100]]
    assert len(everything) == 10 and everything[0] == ghosts["best"].pk * 8 + 1  # unbounded: the best first

    bounded = text_search("ghost")
    bounded.candidates = 4
    keys = [hit.key for hit in bounded[0:25]]
    # The candidates are the first four documents the index yields: SQLite's FTS5 in
    # document id order, PostgreSQL in the table's order (here the order they were written) …
    if connection.vendor == "sqlite":
        assert sorted(keys) == sorted(everything)[:4]
    else:
        assert sorted(keys) == [title.pk * 8 + 1 for title in ghosts["plots"][:4]]
    # … ranked among themselves as the whole ranking ranks them.
    assert keys == [key for key in everything if key in keys]
    assert ghosts["best"].pk * 8 + 1 not in keys


def test_counts_are_exact_up_to_the_bound_and_lower_bounds_past_it(ghosts):
    def results(candidates, section=""):
        found = text_search("ghost", section)
        found.candidates = candidates
        return found

    exact = results(10)
    assert exact.counts() == {"plot": 7, "tagline": 0, "trivia": 3, "goof": 0, "quote": 0, "review": 0}
    assert (exact.total(), exact.count(), exact.bounded, exact.more) == ((10, False), 10, False, False)

    # Past the bound: "more than 8", the sections' counts are of the first 9 found (at least).
    eight = results(8)
    assert sum(eight.counts().values()) == 9
    assert eight.counts()["plot"] <= 7 and eight.counts()["trivia"] <= 3
    assert (eight.total(), eight.count(), eight.bounded, eight.more) == ((8, True), 8, True, True)
    assert len(eight[0:25]) == 8

    # A section filter counts its own section up to the bound: exact here.
    trivia = results(5, "trivia")
    assert (trivia.total(), trivia.count(), trivia.bounded, trivia.more) == ((3, False), 3, False, True)
    assert {hit.section for hit in trivia[0:25]} == {"trivia"}
    plot = results(5, "plot")
    assert (plot.total(), plot.count(), plot.bounded) == ((5, True), 5, True)
    assert len(plot[0:25]) == 5 and {hit.section for hit in plot[0:25]} == {"plot"}


def test_page_says_when_the_ranking_is_bounded(client, settings, django_assert_num_queries, ghosts):
    settings.TEXT_SEARCH_CANDIDATES = 5
    with django_assert_num_queries(3):
        response = client.get(URL, {"q": "ghost"})
    html = response.content.decode()
    assert 'Matches <span class="muted">(more than 5)</span>' in html
    assert re.search(r'Plot <span class="muted">\(at least [1-6]\)</span>', html)
    assert "ranked among the first 5 found" in html
    assert html.count("<mark>ghost</mark>") + html.count("<mark>Ghost</mark>") >= 5
    assert len(re.findall(r'class="text-hit__snippet"', html)) == 5
    with django_assert_num_queries(3):
        html = client.get(URL, {"q": "ghost", "section": "trivia"}).content.decode()
    assert 'Matches <span class="muted">(3)</span>' in html and "ranked among the first" not in html
    assert len(re.findall(r'class="text-hit__snippet"', html)) == 3

    settings.TEXT_SEARCH_CANDIDATES = 1000
    html = client.get(URL, {"q": "ghost"}).content.decode()
    assert 'Matches <span class="muted">(10)</span>' in html and "ranked among the first" not in html
    assert 'Plot <span class="muted">(7)</span>' in html and "at least" not in html
