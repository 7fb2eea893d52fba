import re
from decimal import Decimal

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def titles_found(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    results = html[html.index('<section class="search-results"') :]
    return re.findall(r'<li>\s*<a href="/title/[^"]+">([^<]+)</a>', results)


@pytest.fixture
def films(db):
    """Four titles with credits, certificates and vocabularies to filter on."""
    resnais = f.make_person("Alain Resnais", slug="alain-resnais")
    marcus = f.make_person("Éliane Marcus", slug="eliane-marcus")
    hiroshima = f.make_title(
        "Hiroshima Mon Amour",
        year=1959,
        kind="movie",
        rating=Decimal("8.0"),
        votes=21203,
        original_title="Hiroshima mon amour",
    )
    marienbad = f.make_title(
        "Last Year at Marienbad",
        year=1961,
        rating=Decimal("7.8"),
        votes=20000,
        original_title="L'année dernière à Marienbad",
    )
    muriel = f.make_title("Muriel", year=1963, rating=Decimal("7.2"), votes=3000)
    prisoner = f.make_title("The Prisoner", year=1967, kind="tv_series", rating=Decimal("8.6"), votes=9000)
    f.make_aka(muriel, "Muriel, ou Le temps d'un retour", country="France")
    f.make_credit(hiroshima, resnais, department="director", department_label="Directed by")
    f.make_credit(marienbad, resnais, department="director", department_label="Directed by")
    f.make_credit(muriel, resnais, department="editor", department_label="Film Editing by", job="supervising editor")
    f.make_credit(hiroshima, marcus, department="makeup", department_label="Makeup Department", job="makeup artist")
    f.make_certificate(hiroshima, "UK", "X")
    f.make_certificate(hiroshima, "West Germany", "16")
    f.make_certificate(marienbad, "UK", "A")
    f.make_certificate(marienbad, "West Germany", "18")
    f.make_certificate(muriel, "Portugal", "M/12")
    for title in (hiroshima, marienbad, muriel):
        f.add_genre(title, "Drama")
        f.add_country(title, "France")
        f.add_language(title, "French")
    f.add_genre(marienbad, "Mystery", 1)
    f.add_country(prisoner, "UK")
    f.add_language(prisoner, "English")
    return locals()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=hiroshima", ["Hiroshima Mon Amour"]),
        ("q=ANNEE DERNIERE", ["Last Year at Marienbad"]),  # original title, accents folded
        ("q=temps d'un retour", ["Muriel"]),  # an AKA
        ("person=resnais", ["Hiroshima Mon Amour", "Last Year at Marienbad", "Muriel"]),
        ("person=eliane marcus", ["Hiroshima Mon Amour"]),
        ("person=resnais&department=director", ["Hiroshima Mon Amour", "Last Year at Marienbad"]),
        ("person=resnais&job=editor", ["Muriel"]),
        ("department=makeup", ["Hiroshima Mon Amour"]),
        ("job=makeup", ["Hiroshima Mon Amour"]),
        ("certificate=UK:X", ["Hiroshima Mon Amour"]),
        ("certificate=West Germany:16", ["Hiroshima Mon Amour"]),
        ("certificate=Portugal:M/12", ["Muriel"]),
        ("cert_country=West Germany", ["Hiroshima Mon Amour", "Last Year at Marienbad"]),
        ("cert_rating=A", ["Last Year at Marienbad"]),
        # Both parts must hold on one certificate: UK:A, not UK:X with West Germany:16.
        ("cert_country=UK&cert_rating=16", []),
        ("cert_country=UK&cert_rating=A", ["Last Year at Marienbad"]),
        ("kind=tv_series", ["The Prisoner"]),
        ("genre=Mystery", ["Last Year at Marienbad"]),
        ("genre=Drama", ["Hiroshima Mon Amour", "Last Year at Marienbad", "Muriel"]),
        ("country=UK", ["The Prisoner"]),
        ("language=French&year_min=1960", ["Last Year at Marienbad", "Muriel"]),
        ("year_min=1960&year_max=1963", ["Last Year at Marienbad", "Muriel"]),
        ("rating_min=8", ["Hiroshima Mon Amour", "The Prisoner"]),
        ("votes_min=10000", ["Hiroshima Mon Amour", "Last Year at Marienbad"]),
        ("sort=-year", ["The Prisoner", "Muriel", "Last Year at Marienbad", "Hiroshima Mon Amour"]),
        ("sort=year", ["Hiroshima Mon Amour", "Last Year at Marienbad", "Muriel", "The Prisoner"]),
        ("sort=-title", ["The Prisoner", "Muriel", "Last Year at Marienbad", "Hiroshima Mon Amour"]),
        ("sort=title", ["Hiroshima Mon Amour", "Last Year at Marienbad", "Muriel", "The Prisoner"]),
        ("sort=-rating", ["The Prisoner", "Hiroshima Mon Amour", "Last Year at Marienbad", "Muriel"]),
        ("sort=-votes", ["Hiroshima Mon Amour", "Last Year at Marienbad", "The Prisoner", "Muriel"]),
    ],
)
def test_search_parameters(client, films, query, expected):
    assert titles_found(client.get("/search/?" + query)) == expected


def test_genre_filter_lists_each_title_once(client, films):
    f.add_genre(films["hiroshima"], "Romance", 1)

    assert titles_found(client.get("/search/?genre=Drama&sort=title")) == [
        "Hiroshima Mon Amour",
        "Last Year at Marienbad",
        "Muriel",
    ]


def test_search_by_person_lists_and_links_the_person(client, films):
    html = client.get("/search/?q=RESNAIS").content.decode()

    assert '<a class="person-hit__link" href="/name/alain-resnais/">Alain Resnais</a>' in html


def test_search_lists_several_matching_people(client, films):
    f.make_person("Alain Delon", slug="alain-delon")

    html = client.get("/search/?person=alain").content.decode()

    assert "People matching “alain”" in html
    assert '<a class="person-hit__link" href="/name/alain-resnais/">Alain Resnais</a>' in html
    assert '<a class="person-hit__link" href="/name/alain-delon/">Alain Delon</a>' in html


def test_the_people_column_shows_the_first_twenty_ranked_and_says_there_are_more(client, db):
    from catalogue.selectors import search_people

    names = [f"Kinuyo Tanaka {letter}" for letter in "ZYXWVUTSRQPONMLKJIHGFEDCBA"] + ["Tanaka Kinuyo-Ōba", "Hara"]
    for index, name in enumerate(names):
        f.make_person(name, slug=f"person-{index}")

    found = [person.name for person in search_people("tanaka", limit=20)]
    html = client.get("/search/?person=tanaka").content.decode()

    # 27 match: the name starting with the word first, then the others by name (no credits
    # to rank them by); 20 shown and one more, through each database's own index.
    assert found == ["Tanaka Kinuyo-Ōba"] + sorted(name for name in names if name.startswith("Kinuyo"))[:20]
    assert all(f">{name}</a>" in html for name in found[:20]) and f">{found[20]}</a>" not in html
    assert "and more; refine the name" in html
    assert [person.name for person in search_people("tana", limit=20)] == found  # the last word is a prefix
    assert [person.name for person in search_people("ōba", limit=20)] == ["Tanaka Kinuyo-Ōba"]
    assert search_people("anaka", limit=20) == []  # words, not substrings


@pytest.mark.parametrize(
    "query",
    [
        "year_min=abc",
        "rating_min=x&votes_min=1e",
        "kind=opera",
        "genre=Nope",
        "certificate=UKX",
        "sort=random",
        "page=zz",
    ],
)
def test_invalid_parameters_show_errors_never_500(client, films, query):
    response = client.get("/search/?" + query)

    assert response.status_code == 200
    html = response.content.decode()
    if not query.startswith("page"):
        assert 'class="field__errors"' in html


def test_invalid_year_is_reported_on_its_field(client, films):
    html = client.get("/search/?year_min=abc&q=muriel").content.decode()

    assert re.search(r'<div class="field__errors" id="id_year_min-errors"><p>Enter a number.</p>', html)
    assert titles_found(client.get("/search/?year_min=abc&q=muriel")) == ["Muriel"]


def test_certificate_without_colon_explains_the_format(client, films):
    html = client.get("/search/?certificate=UKX").content.decode()

    assert "Write a certificate as Country:Rating, for example &quot;UK:X&quot;." in html


def test_active_filters_are_shown_and_removable(client, films):
    html = client.get("/search/?genre=Drama&year_min=1960&page=1").content.decode()

    chips = html[html.index('<ul class="active-filters') :]
    chips = chips[: chips.index("</ul>")]
    assert "Genre: <strong>Drama</strong>" in chips
    assert 'href="?year_min=1960" aria-label="Remove Genre filter"' in chips
    assert 'href="?genre=Drama" aria-label="Remove From year filter"' in chips


def test_pagination_keeps_filters(client, db):
    for n in range(30):
        f.add_genre(f.make_title(f"Film {n:02d}", year=1950 + n), "Western")
    f.make_title("Other", year=1955)

    first = client.get("/search/?genre=Western&sort=year").content.decode()
    second = client.get("/search/?genre=Western&sort=year&page=2").content.decode()

    assert 'href="?genre=Western&amp;sort=year&amp;page=2"' in first
    assert titles_found(client.get("/search/?genre=Western&sort=year&page=2")) == [f"Film {n}" for n in range(25, 30)]
    assert 'Titles <span class="muted">(30)</span>' in second
    assert 'href="?genre=Western&amp;sort=year&amp;page=1"' in second


def test_search_form_keeps_values(client, films):
    html = client.get("/search/?q=muriel&year_min=1960").content.decode()

    assert 'name="q" value="muriel"' in html
    assert 'name="year_min" value="1960"' in html


def test_vocabulary_choices_are_read_by_plain_queries_in_name_order(client, db):
    from django.db import connection
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from catalogue.filters import TitleFilter, search_queryset

    title = f.make_title("Vocabularies")
    f.add_genre(title, "Drama", 0)
    f.add_genre(title, "Comedy", 1)
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/search/?q=vocabularies").content.decode()

    # QuerySet.iterator() would be a server-side cursor on PostgreSQL (DECLARE … FETCH … CLOSE).
    assert not [query for query in captured.captured_queries if query["sql"].startswith("DECLARE")]
    genres = TitleFilter(QueryDict(""), queryset=search_queryset()).form.fields["genre"]
    assert [label for _value, label in genres.choices] == ["Any genre", "Comedy", "Drama"]
    assert '<option value="Comedy">Comedy</option>' in html
