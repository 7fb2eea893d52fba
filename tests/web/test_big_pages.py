"""The person and title pages built for speed (rows rendered in Python): same content, escaped, constant queries."""

import re

import pytest
from django.core.cache import cache
from django.db import connection

from catalogue import selectors
from catalogue.models import Credit, Person, Title
from catalogue.text import fold
from tests import factories as f

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(autouse=True)
def empty_page_cache():
    # Every request here is a first visit: the view's own queries and rendering run.
    cache.clear()


@pytest.fixture
def busy_person(db) -> Person:
    """3,000 credits: cast with characters, "as" names and notes, and crew with jobs, on movies and episodes."""
    busy = f.make_person("Busy Person", slug="busy-person")
    titles = Title.objects.bulk_create(
        Title(
            title=f"Film {n}",
            title_folded=f"film {n}",
            slug=f"film-{n}",
            year=1920 + n % 90,
            kind="tv_episode" if n % 7 == 0 else "movie",
        )
        for n in range(3000)
    )
    departments = [("director", ""), ("writer", "screenplay"), ("producer", "producer"), ("editor", "")]
    Credit.objects.bulk_create(
        Credit(
            title=t,
            person=busy,
            department="cast",
            department_label="Cast",
            character=f"Role {n}",
            credited_as="B. Person" if n % 9 == 0 else "",
            notes=["uncredited"] if n % 5 == 0 else [],
        )
        if n < 1500
        else Credit(
            title=t,
            person=busy,
            department=departments[n % 4][0],
            department_label=departments[n % 4][0],
            job=departments[n % 4][1],
        )
        for n, t in enumerate(titles)
    )
    return busy


def test_person_with_3000_credits_costs_the_queries_of_one_credit(client, busy_person, django_assert_num_queries):
    quiet = f.make_person("Quiet Person", slug="quiet-person")
    f.make_credit(f.make_title("One", year=1999), quiet, department="cast", character="Self")

    # The page's stamp, the person, their credits (the frequent collaborators have a page of their own).
    with django_assert_num_queries(3):
        busy = client.get("/name/busy-person/")
    with django_assert_num_queries(3):
        assert client.get("/name/quiet-person/").status_code == 200
    # That page: the stamp, the person, their best-known titles' ids, the collaborators
    # (however many credits).
    with django_assert_num_queries(4):
        assert client.get("/name/busy-person/collaborators/").status_code == 200
    with django_assert_num_queries(4):
        assert client.get("/name/quiet-person/collaborators/").status_code == 200

    html = busy.content.decode()
    assert html.count('<li><span class="filmography-year">') == 3000
    assert "3000 credits on 3000 titles" in html


def test_big_filmography_rows_are_complete_and_newest_first(client, busy_person):
    html = client.get("/name/busy-person/").content.decode()

    start = html.index('<section class="filmography" id="cast">')
    cast = html[start : html.index('<section class="filmography" id="director">')]
    years = [int(year) for year in re.findall(r'<span class="filmography-year">(\d+)</span>', cast)]
    assert len(years) == 1500 and years == sorted(years, reverse=True)
    # Film 0: an episode, credited as, uncredited.
    assert (
        '<li><span class="filmography-year">1920</span> <a href="/title/film-0/">Film 0</a> '
        '<span class="muted">(TV episode)</span> <span class="character">… Role 0</span> '
        '<span class="muted">(as B. Person)</span> <span class="muted">(uncredited)</span></li>'
    ) in cast
    assert '<a href="/title/film-1/">Film 1</a> <span class="character">… Role 1</span></li>' in cast
    assert "<h3>Screenplay</h3>" in html[html.index('id="writer"') :]
    aliases = html[html.index('id="credited-as"') :]
    assert aliases.count('<a href="/title/film-') == 167
    assert '<a href="/title/film-9/">Film 9</a> <span class="muted">(1929)</span>' in aliases
    assert '<a href="/title/film-0/">Film 0</a> <span class="muted">(1920 TV episode)</span>' in aliases


def test_person_page_escapes_hostile_credit_text(client, db):
    person = f.make_person(f"Evil {HOSTILE}", slug="evil")
    title = f.make_title(f"Film {HOSTILE}", year=2001, kind="tv_episode")
    f.make_credit(title, person, department="cast", character=HOSTILE, credited_as=f"as {HOSTILE}", notes=[HOSTILE])
    f.make_credit(title, person, department="odd_unit", department_label=f"Odd {HOSTILE}", job=HOSTILE)

    html = client.get("/name/evil/").content.decode()

    assert HOSTILE not in html.replace('<script type="application/ld+json">', "")
    assert "<script>" not in html
    assert f'<span class="character">… {ESCAPED}</span>' in html
    assert f'<span class="muted">(as as {ESCAPED})</span>' in html
    assert f'<span class="muted">({ESCAPED})</span>' in html
    assert f"<h3>{ESCAPED[0].upper()}{ESCAPED[1:]}</h3>" in html  # capfirst of the job
    assert f">Film {ESCAPED}</a>" in html
    assert f"<dt>as {ESCAPED}</dt>" in html  # the credited-as list
    assert f"Odd {ESCAPED}" in html


def test_title_page_escapes_hostile_credit_text(client, db):
    title = f.make_title("Hostile", year=2001)
    f.make_credit(
        title,
        f.make_person(f"Actor {HOSTILE}", slug="actor"),
        department="cast",
        character=HOSTILE,
        credited_as=HOSTILE,
        notes=[HOSTILE],
    )
    f.make_credit(
        title,
        f.make_person(f"Writer {HOSTILE}", slug="writer"),
        department="writer",
        job=HOSTILE,
        credited_as=HOSTILE,
        notes=[HOSTILE],
    )

    html = client.get(title.get_absolute_url()).content.decode()

    assert "<script>" not in html
    cast = re.search(r'<section class="cast".*?</section>', html, re.S).group(0)
    assert (
        f'<a href="/name/actor/">Actor {ESCAPED}</a> <span class="muted">(as {ESCAPED})</span></td>'
        f'<td class="character">{ESCAPED} <span class="muted">({ESCAPED})</span></td>'
    ) in cast
    crew = re.search(r'<section class="crew".*?</section>', html, re.S).group(0)
    assert (
        f'<a href="/name/writer/">Writer {ESCAPED}</a> <span class="muted">{ESCAPED}</span> '
        f'<span class="muted">(as {ESCAPED})</span> <span class="muted">({ESCAPED})</span>'
    ) in crew
    full = client.get(f"/title/{title.slug}/fullcredits/").content.decode()
    assert "<script>" not in full
    assert (
        f'<tr><td><a href="/name/actor/">Actor {ESCAPED}</a></td><td class="character">{ESCAPED} '
        f'<span class="muted">(as {ESCAPED})</span> <span class="muted">({ESCAPED})</span></td></tr>'
    ) in full
    assert (
        f'<tr><td><a href="/name/writer/">Writer {ESCAPED}</a></td><td>{ESCAPED} '
        f'<span class="muted">({ESCAPED})</span> <span class="muted">(as {ESCAPED})</span></td></tr>'
    ) in full


def test_title_page_key_crew_shows_the_first_ten_and_counts_the_rest(client, db, django_assert_num_queries):
    title = f.make_title("Many hands", year=2001)
    people = Person.objects.bulk_create(
        Person(name=f"Producer {n}", name_folded=fold(f"Producer {n}"), slug=f"producer-{n}") for n in range(40)
    )
    # Stored out of order: the page orders by the printed order.
    Credit.objects.bulk_create(
        Credit(
            title=title, person=p, department="producer", department_label="Produced by", job="producer", order=40 - n
        )
        for n, p in enumerate(people)
    )
    Credit.objects.bulk_create(
        Credit(title=title, person=p, department="cast", department_label="Cast", character=f"Role {n}", order=n + 1)
        for n, p in enumerate(people[:20])
    )

    html = client.get(title.get_absolute_url()).content.decode()

    crew = re.search(r'<section class="crew".*?</section>', html, re.S).group(0)
    shown = re.findall(r'href="/name/producer-(\d+)/"', crew)
    assert shown == [str(n) for n in range(39, 29, -1)]
    assert f'<a href="/title/{title.slug}/fullcredits/#producer">and 30 more</a>' in crew
    cast = re.search(r'<section class="cast".*?</section>', html, re.S).group(0)
    assert re.findall(r'href="/name/producer-(\d+)/"', cast) == [str(n) for n in range(15)]
    assert "See the full cast (20)" in cast
    assert 'Full cast &amp; crew <span class="title-tabs__count">(60)</span>' in html


def _index_columns(index: str) -> set[str]:
    """An index's key and INCLUDE columns."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE c.relname = %s",
            [index],
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's covering indexes: SQLite has none")
def test_a_filmography_can_be_read_from_two_indexes_alone(busy_person):
    # An index-only scan needs every column the query reads in the index (migration 0009).
    # Whether the planner takes it also depends on the visibility map, so the columns are
    # compared rather than a plan.
    sql = str(selectors.filmography_query(busy_person.pk).query)
    read_from = {
        table: set(re.findall(rf'"{table}"\."(\w+)"', sql)) for table in ("catalogue_credit", "catalogue_title")
    }

    assert {"person_id", "title_id", "notes", "character"} <= read_from["catalogue_credit"]
    assert read_from["catalogue_credit"] <= _index_columns("credit_person_dept_title")
    assert {"id", "slug", "year"} <= read_from["catalogue_title"]
    assert read_from["catalogue_title"] <= _index_columns("title_id_updated")
