"""Each page's query count is constant: a huge title costs what a small one does."""

import hashlib
from datetime import date, datetime, timedelta

import pytest

from catalogue.models import Credit, Department, Person, Review, Title
from catalogue.text import fold
from tests import factories as f

pytestmark = pytest.mark.django_db

DEPARTMENTS = [key for key in Department.values if key != "cast"]


def people(count: int, prefix: str) -> list[Person]:
    return Person.objects.bulk_create(
        Person(name=f"{prefix} {n}", name_folded=fold(f"{prefix} {n}"), slug=f"{fold(prefix)}-{n}")
        for n in range(count)
    )


@pytest.fixture
def huge_title(db) -> Title:
    title = f.make_title("Huge", year=2010, kind="tv_series")
    cast = people(1000, "Actor")
    crew = people(1000, "Crew")
    Credit.objects.bulk_create(
        [
            Credit(
                title=title, person=p, department="cast", department_label="Cast", character=f"Role {n}", order=n + 1
            )
            for n, p in enumerate(cast)
        ]
        + [
            Credit(
                title=title,
                person=p,
                department=DEPARTMENTS[n % len(DEPARTMENTS)],
                department_label=DEPARTMENTS[n % len(DEPARTMENTS)],
                job="job",
                order=n + 1,
            )
            for n, p in enumerate(crew)
        ]
    )
    Review.objects.bulk_create(
        Review(
            title=title,
            summary=f"Review {n}",
            author=f"user{n}",
            text="Words.",
            helpful=n % 50,
            helpful_total=50,
            date=date(2000, 1, 1) + timedelta(days=n),
            fingerprint=hashlib.sha256(str(n).encode()).hexdigest(),
            position=n,
        )
        for n in range(500)
    )
    for n in range(30):
        f.make_title(f"Episode {n}", year=2010, kind="tv_episode", series=title, season=1 + n // 10, episode=n % 10 + 1)
    for n in range(5):
        f.make_certificate(title, f"Country {n}", "PG", position=n)
        f.make_aka(title, f"Aka {n}", position=n)
        f.make_trivia(title, f"Trivia {n}", position=n)
        f.make_quote(title, [("A", "line"), ("B", "line")], position=n)
        f.make_connection(title, "Follows", f.make_title(f"Prequel {n}", year=2000 + n))
        f.make_title_company(title, kind="production")
        f.add_genre(title, f"Genre {n}", n)
    assert Credit.objects.filter(title=title).count() == 2000
    return title


@pytest.fixture
def small_title(db) -> Title:
    # The same sections as the huge title, one row each: only the sizes differ.
    title = f.make_title("Small", year=2011, kind="tv_series")
    f.make_title("Only episode", year=2011, kind="tv_episode", series=title, season=1, episode=1)
    f.make_quote(title, [("A", "line")])
    f.make_credit(title, department="cast")
    f.make_credit(title, department="director")
    f.make_review(title)
    return title


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "suffix, limit", [("", 10), ("fullcredits/", 8), ("reviews/", 8), ("reviews/?sort=date&page=3", 8)]
)
def test_title_pages_query_count_is_constant(
    client, huge_title, small_title, django_assert_max_num_queries, suffix, limit
):
    huge = count_queries(client, f"/title/{huge_title.slug}/{suffix}", django_assert_max_num_queries, limit)
    small = count_queries(client, f"/title/{small_title.slug}/{suffix}", django_assert_max_num_queries, limit)

    assert huge == small


def test_huge_title_page_shows_bounded_sections(client, huge_title):
    html = client.get(huge_title.get_absolute_url()).content.decode()

    assert html.count('<article class="review" id="review-') == 3
    assert "See the full cast (1000)" in html
    assert "Episode 29" in html
    credits = client.get(f"/title/{huge_title.slug}/fullcredits/").content.decode()
    assert credits.count("<tr><td>") == 2000


def test_person_page_query_count_is_constant(client, db, django_assert_max_num_queries):
    busy = f.make_person("Busy Person", slug="busy-person")
    titles = Title.objects.bulk_create(
        Title(title=f"Film {n}", title_folded=f"film {n}", slug=f"film-{n}", year=1950 + n % 60) for n in range(400)
    )
    Credit.objects.bulk_create(
        Credit(
            title=t,
            person=busy,
            department=["cast", "director", "writer", "odd_unit"][n % 4],
            department_label="Odd Unit",
            job=["", "", "screenplay", "x"][n % 4],
            character="Self",
            credited_as="B. Person" if n % 7 == 0 else "",
        )
        for n, t in enumerate(titles)
    )
    quiet = f.make_person("Quiet Person", slug="quiet-person")
    f.make_credit(f.make_title("One", year=1999), quiet, department="cast")

    busy_queries = count_queries(client, "/name/busy-person/", django_assert_max_num_queries, 6)
    quiet_queries = count_queries(client, "/name/quiet-person/", django_assert_max_num_queries, 6)

    assert busy_queries == quiet_queries


def test_search_and_certificate_pages_query_count(client, huge_title, django_assert_max_num_queries):
    count_queries(client, "/search/?q=episode&person=actor&genre=Genre+1&sort=-year", django_assert_max_num_queries, 10)
    count_queries(client, "/certificates/", django_assert_max_num_queries, 3)
    count_queries(client, "/certificates/Country%201/PG/", django_assert_max_num_queries, 4)
    count_queries(client, "/", django_assert_max_num_queries, 9)  # the title count from the year groups


def test_film_page_with_every_section_costs_nine_queries(client, db, django_assert_num_queries):
    film = f.make_title("Every section", year=2012, kind="movie")
    f.make_credit(film, department="cast")
    f.make_credit(film, department="director")
    f.make_review(film)
    f.make_aka(film)
    f.make_certificate(film)
    f.make_quote(film, [("A", "line")])
    f.make_connection(film, "Follows", f.make_title("Before", year=2001))
    f.make_recommendation(film, f.make_title("Similar", year=2003))
    f.make_title_company(film, f.make_company("Argos Films"))
    f.add_genre(film, "Drama")
    f.make_capture(film, datetime(2010, 1, 1), 7.0, 100)
    f.make_capture(film, datetime(2012, 1, 1), 7.2, 300)

    # The stamp, the title, principal credits, department totals, reviews with their count,
    # the short lists, connections, rating captures, quotes.
    with django_assert_num_queries(9):
        response = client.get(film.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert all(text in html for text in ("Before", "Similar", "Argos Films", "Drama", "Hiroshima, My Love"))
