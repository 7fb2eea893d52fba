"""The search box: words, relevance, one box for titles and people, people by id, did you mean."""

import re

import pytest

from catalogue import wordsearch
from tests import factories as f

pytestmark = pytest.mark.django_db


def titles_found(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    results = html[html.index('<section class="search-results"') :]
    results = results.split('class="did-you-mean"')[0]
    return re.findall(r'<li>\s*<a href="/title/[^"]+">([^<]+)</a>', results)


def people_found(html: str) -> list[str]:
    return re.findall(r'class="person-hit__link" href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def films(db):
    hiroshima = f.make_title("Hiroshima Mon Amour", year=1959, votes=21203, original_title="Hiroshima mon amour")
    f.make_aka(hiroshima, "Hiroshima, My Love", country="International")
    gaslight_44 = f.make_title("Gaslight", year=1944, votes=100)
    gaslight_40 = f.make_title("Gaslight", year=1940, votes=50)
    angel = f.make_title("Angel Street", year=1941, votes=10)
    f.make_aka(angel, "Gaslight", country="USA")
    anthem = f.make_title("Gaslight Anthem Live", year=2010, votes=1000)
    affair = f.make_title("The Gaslight Affair", year=1950, votes=5000)
    gaslit = f.make_title("Gaslit", year=2022, votes=99999)
    return locals()


def test_words_ignore_punctuation_case_and_accents(client, films):
    assert titles_found(client.get("/search/?q=hiroshima my love")) == ["Hiroshima Mon Amour"]
    assert titles_found(client.get("/search/?q=HIROSHIMA, mon amo")) == ["Hiroshima Mon Amour"]  # last word a prefix
    assert titles_found(client.get("/search/?q=roshima")) == []  # a part of a word is not a word
    assert titles_found(client.get("/search/?q=amo hiroshima")) == []  # only the last word is a prefix


def test_a_four_digit_word_may_be_the_year(client, films):
    assert titles_found(client.get("/search/?q=gaslight 1944")) == ["Gaslight"]
    html = client.get("/search/?q=gaslight 1944").content.decode()
    assert "(1944" in html and "(1940" not in html


def test_relevance_exact_then_prefix_then_all_words_ties_by_votes(client, films):
    html = client.get("/search/?q=gaslight").content.decode()

    # Exact (title or AKA) by votes, then the title starting with the word, then the one containing it.
    assert titles_found(client.get("/search/?q=gaslight")) == [
        "Gaslight",
        "Gaslight",
        "Angel Street",
        "Gaslight Anthem Live",
        "The Gaslight Affair",
    ]
    assert html.index("(1944") < html.index("(1940")
    assert "also known as “Gaslight”" in html  # the AKA that matched
    assert '<option value="" selected>Relevance</option>' in html
    assert "Gaslit" in titles_found(client.get("/search/?q=gasli"))  # typing: a prefix


def test_other_sorts_stay_available_with_a_text_query(client, films):
    assert titles_found(client.get("/search/?q=gaslight&sort=-votes")) == [
        "The Gaslight Affair",
        "Gaslight Anthem Live",
        "Gaslight",
        "Gaslight",
        "Angel Street",
    ]
    assert titles_found(client.get("/search/?q=gaslight&sort=year"))[0] == "Gaslight"
    html = client.get("/search/").content.decode()
    assert '<option value="" selected>Title A–Z</option>' in html  # no query: no relevance


def test_match_tiers():
    query = wordsearch.WordQuery.parse("hiroshima mon")
    assert wordsearch.match(query, ["hiroshima mon"], None) == (wordsearch.EXACT, 0)
    assert wordsearch.match(query, ["hiroshima mon amour"], None) == (wordsearch.PREFIX, 0)
    assert wordsearch.match(query, ["mon hiroshima"], None) == (wordsearch.ALL_WORDS, 0)
    assert wordsearch.match(query, ["hiroshima", "mon oncle"], None) == (wordsearch.ACROSS_NAMES, 0)
    assert wordsearch.match(query, ["hiroshima"], None) is None
    assert wordsearch.match(wordsearch.WordQuery.parse("東京"), ["東京物語"], None) == (wordsearch.PREFIX, 0)


@pytest.fixture
def people(films):
    brotherton = f.make_person("Bob Brotherton", slug="bob-brotherton")
    theo = f.make_person("Theo Angelopoulos", slug="theo-angelopoulos")
    thelma = f.make_person("Thelma Schoonmaker", slug="thelma-schoonmaker")
    for title in (films["anthem"], films["affair"], films["gaslit"]):
        f.make_credit(title, thelma, department="editor", department_label="Film Editing by")
    f.make_credit(films["hiroshima"], theo, department="cast")
    f.make_credit(films["hiroshima"], brotherton, department="cast")
    return locals()


def test_people_are_words_ranked_by_credits_not_substrings(client, people):
    html = client.get("/search/?q=the").content.decode()

    assert people_found(html) == ["Thelma Schoonmaker", "Theo Angelopoulos"]  # 3 credits, then 1; no Brotherton
    assert titles_found(client.get("/search/?q=the")) == ["The Gaslight Affair"]


def test_a_person_matching_exactly_shows_their_best_known_titles_and_no_dead_end(client, people):
    for n in range(3):
        f.make_credit(f.make_title(f"Minor {n}", year=1990, votes=n), people["thelma"], department="editor")

    html = client.get("/search/?q=thelma schoonmaker").content.decode()

    best = html[html.index('aria-label="Best known for"') :]
    best = best[: best.index("</ul>")]
    assert re.findall(r'">([^<]+)</a>', best) == ["Gaslit", "The Gaslight Affair", "Gaslight Anthem Live", "Minor 2"]
    assert "No titles match" not in html
    assert "No title is named “thelma schoonmaker”" in html
    assert f'href="/search/?person_id={people["thelma"].pk}">their titles</a>' in html


def test_person_id_filters_by_the_person_not_the_name(client, films):
    hara = f.make_person("Hara", slug="hara")
    setsuko = f.make_person("Setsuko Hara", slug="setsuko-hara")
    f.make_credit(films["hiroshima"], hara, department="cast")
    f.make_credit(films["gaslit"], setsuko, department="cast")
    f.make_credit(films["affair"], f.make_person("Haraldo", slug="haraldo"), department="cast")

    response = client.get(f"/search/?person_id={hara.pk}")

    assert titles_found(response) == ["Hiroshima Mon Amour"]
    assert "Person: <strong>Hara</strong>" in response.content.decode()
    assert titles_found(client.get(f"/search/?person_id={hara.pk}&department=cast")) == ["Hiroshima Mon Amour"]
    assert titles_found(client.get(f"/search/?person_id={hara.pk}&department=director")) == []
    assert 'class="field__errors"' in client.get("/search/?person_id=abc").content.decode()


def test_two_people_give_the_titles_crediting_both(client, people, films):
    thelma, theo = people["thelma"], people["theo"]
    f.make_credit(films["affair"], theo, department="director")

    response = client.get(f"/search/?person_id={thelma.pk}&person_id={theo.pk}")

    assert titles_found(response) == ["The Gaslight Affair"]
    html = response.content.decode()
    assert (
        "Person: <strong>Thelma Schoonmaker</strong>" in html and "Person: <strong>Theo Angelopoulos</strong>" in html
    )
    assert f'href="?person_id={theo.pk}" aria-label="Remove Person filter"' in html  # removes Thelma only
    assert f'<input type="hidden" name="person_id" value="{thelma.pk}"' in html  # kept by the form
    # From a search of one person, another is added as "worked together".
    single = client.get(f"/search/?person_id={thelma.pk}&q=theo").content.decode()
    assert f'href="/search/?person_id={thelma.pk}&amp;person_id={theo.pk}">worked together</a>' in single


def test_the_person_page_links_frequent_collaborators(client, people, films):
    thelma, theo = people["thelma"], people["theo"]
    for title in (films["anthem"], films["affair"]):
        f.make_credit(title, theo, department="director")

    person_page = client.get("/name/thelma-schoonmaker/").content.decode()
    assert '<a href="/name/thelma-schoonmaker/collaborators/">Frequent collaborators</a>' in person_page
    html = client.get("/name/thelma-schoonmaker/collaborators/").content.decode()

    section = html[html.index('id="collaborators-heading"') :]
    assert '<a href="/name/theo-angelopoulos/">Theo Angelopoulos</a>' in section
    assert f'href="/search/?person_id={thelma.pk}&amp;person_id={theo.pk}">2 titles together</a>' in section
    assert "Brotherton" not in section  # one shared title is not "frequent"


def test_did_you_mean_when_nothing_matches(client, people):
    html = client.get("/search/?q=hiroshma").content.decode()

    note = html[html.index('class="did-you-mean"') :]
    assert re.search(r'<a href="/title/[^"]+">Hiroshima Mon Amour</a>', note)
    people_note = client.get("/search/?q=schoonmacker").content.decode()
    assert (
        '<a href="/name/thelma-schoonmaker/">Thelma Schoonmaker</a>' in people_note[people_note.index("did-you-mean") :]
    )
    assert "did-you-mean" not in client.get("/search/?q=gaslight").content.decode()


def test_short_queries_say_so(client, films):
    html = client.get("/search/?q=ga").content.decode()

    assert "type three letters or more" in html
    # Each starts with the word typed: by votes.
    assert titles_found(client.get("/search/?q=ga")) == ["Gaslit", "Gaslight Anthem Live", "Gaslight", "Gaslight"]


def test_search_page_query_counts(client, people, films, django_assert_num_queries):
    f.make_credit(films["affair"], people["theo"], department="director")
    # Title candidates, the page's titles, the page's AKAs (one matched), people candidates,
    # three vocabulary lists (no person matched: no credit counts).
    with django_assert_num_queries(7):
        assert client.get("/search/?q=gaslight").status_code == 200
    # Titles, their page; people, their credit counts; lists (no AKA matched, no exact person).
    with django_assert_num_queries(7):
        client.get("/search/?q=the")
    # An exact person and no title: title candidates (no page to read), people, their
    # credit counts, their best-known titles (one query for up to three people), lists.
    with django_assert_num_queries(7):
        client.get("/search/?q=thelma schoonmaker")
    # Nothing found: title and people candidates, "did you mean" by trigrams for titles and
    # for people, the suggested titles' rows (no person suggested), lists.
    with django_assert_num_queries(8):
        client.get("/search/?q=hiroshma")
    with django_assert_num_queries(6):  # the count, the page, the people's names, three lists
        client.get(f"/search/?person_id={people['thelma'].pk}&person_id={people['theo'].pk}")


@pytest.mark.parametrize(
    "query, names",
    [
        ("hiroshima my lo", ["hiroshima mon amour", "hiroshima, my love"]),
        ("the", ["other", "the end"]),
        ("gaslight 1944", ["gaslight"]),
        ("東京", ["東京物語"]),
        ("物語", ["東京物語"]),
        ("d'un", ["le temps d'un retour"]),
    ],
)
def test_the_quick_check_never_rejects_a_match(query, names):
    parsed = wordsearch.WordQuery.parse(query)

    if wordsearch.match(parsed, names, 1944) is not None:
        assert parsed.quick_check()("\n".join(names))
    assert not parsed.quick_check()("other\nbrother")


@pytest.fixture
def many_samurai(db, monkeypatch):
    """More candidates than the search reads (cut to 3): by votes, and the exact name besides."""
    from catalogue.selectors import search

    monkeypatch.setattr(search, "WORD_QUERY_CANDIDATES", 3)
    for votes in (10, 20, 30, 40, 50):
        f.make_title(f"Samurai Story {votes}", year=1950, votes=votes)
    f.make_title("Last Samurai Days", year=1951, votes=45)
    exact = f.make_title("Samurai", year=1954, votes=1)
    named = f.make_title("Seven Swords", year=1960, votes=2)
    f.make_aka(named, "Samurai!", country="USA")  # exact by its words, not by its folded text
    return exact


def test_a_common_word_reads_the_candidates_with_most_votes_and_the_exact_names(client, many_samurai):
    response = client.get("/search/?q=samurai")

    # The exact title first though it has the fewest votes, then the three with most votes, by tier.
    # "Samurai!" is looked up by its folded text (the index), not its words: cut with the rest.
    assert titles_found(response) == ["Samurai", "Samurai Story 50", "Samurai Story 40", "Last Samurai Days"]
    html = response.content.decode()
    assert "(4+)" in html
    assert "only those with the most votes (and those named exactly “samurai”)" in html
    # Another sort: the first candidates in that order, no exact name added.
    assert titles_found(client.get("/search/?q=samurai&sort=year")) == [
        "Samurai Story 10",
        "Samurai Story 20",
        "Samurai Story 30",
    ]
    assert "first in this order" in client.get("/search/?q=samurai&sort=year").content.decode()


def test_the_exact_names_keep_the_other_filters(client, many_samurai):
    # Two candidates (no cut): both exact, by votes.
    assert titles_found(client.get("/search/?q=samurai&year_min=1952")) == ["Seven Swords", "Samurai"]
    assert titles_found(client.get("/search/?q=samurai&year_min=1955")) == ["Seven Swords"]
    # Cut (six candidates before 1954): the exact title of 1954 is not added past the filter.
    assert titles_found(client.get("/search/?q=samurai&year_max=1953")) == [
        "Samurai Story 50",
        "Samurai Story 40",
        "Last Samurai Days",
    ]


def test_a_common_word_s_query_count(client, many_samurai, django_assert_num_queries):
    # Candidates, the exact names, the page's titles, people candidates, three lists.
    with django_assert_num_queries(7):
        assert client.get("/search/?q=samurai").status_code == 200


def test_people_of_a_common_word_are_read_by_name_with_the_exact_name(client, db, monkeypatch):
    from catalogue.selectors import search

    monkeypatch.setattr(search, "WORD_QUERY_CANDIDATES", 2)
    for name in ("Akira Mifune", "Bo Mifune", "Cy Mifune"):
        f.make_person(name)
    f.make_person("Mifune")

    found = [hit.name for hit in search.search_people("mifune")]

    assert found == ["Mifune", "Akira Mifune", "Bo Mifune"]


def test_did_you_mean_reads_the_rarest_trigrams(db, monkeypatch):
    from catalogue import search_index
    from catalogue.selectors import search

    monkeypatch.setattr(search_index, "SIMILAR_ROWS_BUDGET", 2)  # SQLite: the rarest trigrams only
    for n in range(5):
        f.make_person(f"Thelonius Other {n}")
    f.make_person("Thelma Schoonmaker")

    found = [suggestion.text for suggestion in search.did_you_mean("thelma schoonmacker")]

    assert found[0] == "Thelma Schoonmaker"
    assert search.did_you_mean("zzqqxxjj") == []  # no trigram known: nothing, and no FTS syntax error
