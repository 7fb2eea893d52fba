"""Title admin: editing credits inline, hand-edit stamps, search, filters, query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.admin.credits import CREDITS_PER_PAGE
from catalogue.models import Credit, Department, Person, Title, TitleKind
from catalogue.models.didyouknow import AlternateVersion, CrazyCredit, FaqQuestion
from catalogue.models.titles import FilmingLocation

from .admin_factories import (
    add_genre,
    make_aka,
    make_certificate,
    make_credit,
    make_person,
    make_superuser,
    make_title,
)
from .admin_forms import change_form_data, inline_prefix, inline_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return make_superuser()


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def film():
    title = make_title("Hiroshima mon amour", year=1959)
    resnais = make_person("Alain Resnais")
    riva = make_person("Emmanuelle Riva")
    okada = make_person("Eiji Okada")
    make_credit(title, riva, character="Elle", order=1)
    make_credit(title, okada, character="Lui", order=2)
    make_credit(title, resnais, department=Department.DIRECTOR, order=1)
    vierny = make_person("Sacha Vierny")
    make_credit(title, vierny, department=Department.CINEMATOGRAPHER, job="director of photography")
    return title


def change_url(title: Title) -> str:
    return reverse("admin:catalogue_title_change", args=[title.pk])


def edit_crew_job(client, title: Title, credit: Credit, job: str):
    page = client.get(change_url(title))
    data = change_form_data(page)
    data[f"{inline_row(page, 'crew', credit.pk)}-job"] = job
    return client.post(change_url(title), data)


def test_change_page_shows_cast_and_crew_inlines(staff_client, film):
    response = staff_client.get(change_url(film))

    assert response.status_code == 200
    html = response.content.decode()
    cast_prefix = inline_prefix(response, "cast")
    crew_prefix = inline_prefix(response, "crew")
    assert cast_prefix != crew_prefix
    assert response.context["inline_admin_formsets"][0].formset.total_form_count() == 2
    assert 'value="Elle"' in html and 'value="Lui"' in html
    assert 'value="director of photography"' in html
    # The person is an autocomplete whose selected option is labelled with the name.
    assert 'class="admin-autocomplete"' in html and 'data-field-name="person"' in html
    assert ">Emmanuelle Riva</option>" in html
    # The order is a number field.
    assert f'type="number" name="{cast_prefix}-0-order"' in html


def test_editing_a_crew_job_inline_saves_and_marks_it_hand_edited(staff_client, admin_user, film):
    credit = Credit.objects.get(title=film, job="director of photography")
    before = Title.objects.get(pk=film.pk).updated_at
    untouched = Credit.objects.get(title=film, character="Elle")

    response = edit_crew_job(staff_client, film, credit, "cinematographer (b&w)")

    assert response.status_code == 302, response.context and response.context["errors"]
    credit.refresh_from_db()
    assert credit.job == "cinematographer (b&w)"
    assert credit.edited_by == admin_user
    assert credit.edited_at is not None
    assert Title.objects.get(pk=film.pk).updated_at > before
    # Rows the form did not change keep no stamp; nor does the title, whose own fields did not change.
    untouched.refresh_from_db()
    assert untouched.edited_at is None
    assert Title.objects.get(pk=film.pk).edited_at is None


def test_adding_a_cast_row_inline_sets_department_and_label(staff_client, film):
    person = make_person("Bernard Fresson")
    page = staff_client.get(change_url(film))
    data = change_form_data(page)
    prefix = inline_prefix(page, "cast")
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update(
        {
            f"{prefix}-{index}-person": str(person.pk),
            f"{prefix}-{index}-character": "Le Japonais",
            f"{prefix}-{index}-credited_as": "",
            f"{prefix}-{index}-notes": "uncredited; voice",
            f"{prefix}-{index}-order": "3",
        }
    )

    response = staff_client.post(change_url(film), data)

    assert response.status_code == 302
    credit = Credit.objects.get(title=film, person=person)
    assert (credit.department, credit.department_label) == (Department.CAST, "Cast")
    assert credit.character == "Le Japonais"
    assert credit.notes == ["uncredited", "voice"]
    assert credit.order == 3
    assert credit.edited_at is not None


def test_changing_a_department_updates_its_printed_heading(staff_client, film):
    credit = Credit.objects.get(title=film, job="director of photography")
    page = staff_client.get(change_url(film))
    data = change_form_data(page)
    data[f"{inline_row(page, 'crew', credit.pk)}-department"] = Department.EDITOR

    assert staff_client.post(change_url(film), data).status_code == 302
    credit.refresh_from_db()
    assert (credit.department, credit.department_label) == (Department.EDITOR, Department.EDITOR.label)


def test_unknown_department_row_survives_an_unrelated_save(staff_client, film):
    odd = make_credit(
        film, make_person("Maurice Beerblock"), department="dialogue_coach", department_label="Dialogue Coach by"
    )
    page = staff_client.get(change_url(film))
    data = change_form_data(page)
    data["plot"] = "A French actress and a Japanese architect."

    response = staff_client.post(change_url(film), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    odd.refresh_from_db()
    assert (odd.department, odd.department_label, odd.edited_at) == ("dialogue_coach", "Dialogue Coach by", None)
    assert Title.objects.get(pk=film.pk).plot == "A French actress and a Japanese architect."
    assert Title.objects.get(pk=film.pk).edited_at is not None


def test_deleting_a_credit_inline_bumps_the_title(staff_client, film):
    credit = Credit.objects.get(title=film, character="Lui")
    before = Title.objects.get(pk=film.pk).updated_at
    page = staff_client.get(change_url(film))
    data = change_form_data(page)
    data[f"{inline_row(page, 'cast', credit.pk)}-DELETE"] = "on"

    assert staff_client.post(change_url(film), data).status_code == 302
    assert not Credit.objects.filter(pk=credit.pk).exists()
    assert Title.objects.get(pk=film.pk).updated_at > before


def test_editing_through_the_credit_admin_marks_and_bumps(staff_client, admin_user, film):
    credit = Credit.objects.get(title=film, job="director of photography")
    before = Title.objects.get(pk=film.pk).updated_at
    url = reverse("admin:catalogue_credit_change", args=[credit.pk])
    data = change_form_data(staff_client.get(url))
    data["job"] = "lighting cameraman"

    response = staff_client.post(url, data)

    assert response.status_code == 302
    credit.refresh_from_db()
    assert credit.job == "lighting cameraman"
    assert credit.edited_by == admin_user
    assert Title.objects.get(pk=film.pk).updated_at > before


def test_edited_job_shows_on_the_public_full_credits_page(staff_client, film):
    credit = Credit.objects.get(title=film, job="director of photography")
    assert edit_crew_job(staff_client, film, credit, "cinematographer (b&w)").status_code == 302

    response = staff_client.get(f"/title/{film.slug}/fullcredits/")
    assert response.status_code == 200
    assert "cinematographer (b&amp;w)" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hiroshima", {"Hiroshima mon amour"}),
        ("HIROSHIMA MON", {"Hiroshima mon amour"}),
        ("eden", {"L'Année dernière à Marienbad"}),  # by its AKA
        ("annee derniere", {"L'Année dernière à Marienbad"}),  # accents ignored
        ("marienbad 1961", {"L'Année dernière à Marienbad"}),
        ("marienbad 1959", set()),
        ("1959", {"Hiroshima mon amour"}),
        ("pierrot", {"Crazy Pete"}),  # by original title
    ],
)
def test_title_search_is_accent_insensitive_and_covers_akas_and_years(staff_client, query, expected):
    make_title("Hiroshima mon amour", year=1959)
    marienbad = make_title("L'Année dernière à Marienbad", year=1961)
    make_aka(marienbad, "Last Year at Eden", country="USA")
    make_title("Crazy Pete", year=1965, original_title="Pierrot le fou")

    response = staff_client.get(reverse("admin:catalogue_title_changelist"), {"q": query})

    assert response.status_code == 200
    assert {t.title for t in response.context["cl"].result_list} == expected


def test_title_list_filters(staff_client):
    hiroshima = make_title("Hiroshima mon amour", year=1959)
    muriel = make_title("Muriel", year=1963, kind=TitleKind.MOVIE)
    series = make_title("Les Shadoks", year=1968, kind=TitleKind.TV_SERIES)
    add_genre(hiroshima, "Drama")
    add_genre(muriel, "Drama")
    make_certificate(hiroshima, "UK", "X")
    make_certificate(hiroshima, "UK", "15")  # a second UK certificate: still one row
    make_certificate(series, "France", "U")
    Title.objects.filter(pk=muriel.pk).update(edited_at="2024-01-01T00:00:00Z")
    url = reverse("admin:catalogue_title_changelist")

    def titles(params):
        response = staff_client.get(url, params)
        assert response.status_code == 200
        return sorted(t.title for t in response.context["cl"].result_list)

    assert titles({"decade": "1950"}) == ["Hiroshima mon amour"]
    assert titles({"decade": "1960"}) == ["Les Shadoks", "Muriel"]
    assert titles({"genre": "drama"}) == ["Hiroshima mon amour", "Muriel"]
    assert titles({"certificate_country": "UK"}) == ["Hiroshima mon amour"]
    assert titles({"kind__exact": TitleKind.TV_SERIES}) == ["Les Shadoks"]
    assert titles({"edited_by_hand": "yes"}) == ["Muriel"]
    assert titles({"edited_by_hand": "no"}) == ["Hiroshima mon amour", "Les Shadoks"]
    html = staff_client.get(url).content.decode()
    assert "1950s" in html and "1960s" in html
    assert "edited by hand" in html


def _changelist_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_title_changelist_query_count_does_not_grow_with_rows(staff_client, admin_user):
    url = reverse("admin:catalogue_title_changelist")
    for year in (1959, 1961):
        title = make_title(f"Film {year}", year=year, edited_by=admin_user, edited_at="2024-01-01T00:00:00Z")
        make_certificate(title)
        add_genre(title, f"Genre {year}")
    few = _changelist_queries(staff_client, url)

    for n in range(25):
        title = make_title(f"Another {n}", year=1930 + n, edited_by=admin_user, edited_at="2024-01-01T00:00:00Z")
        make_certificate(title, country=f"Country {n % 3}")
    many = _changelist_queries(staff_client, url)

    assert staff_client.get(url).context["cl"].result_count == 27
    assert many == few


def test_title_change_page_query_count_does_not_grow_with_credits(staff_client):
    title = make_title("Muriel", year=1963)
    for n in range(3):
        make_credit(title, make_person(f"Actor {n}"), character=f"Role {n}", order=n)
        make_credit(title, make_person(f"Crew {n}"), department=Department.WRITER, job="writer", order=n)
    few = _changelist_queries(staff_client, change_url(title))

    for n in range(3, 30):
        make_credit(title, make_person(f"Actor {n}"), character=f"Role {n}", order=n)
        make_credit(title, make_person(f"Crew {n}"), department=Department.WRITER, job="writer", order=n)
    many = _changelist_queries(staff_client, change_url(title))

    assert many == few


def test_credit_changelist_query_count_and_search(staff_client, film):
    url = reverse("admin:catalogue_credit_changelist")
    few = _changelist_queries(staff_client, url)
    other = make_title("Muriel", year=1963)
    for n in range(20):
        make_credit(other, make_person(f"Actor {n}"), character=f"Role {n}", order=n)
    assert _changelist_queries(staff_client, url) == few

    make_credit(other, make_person("Delphine Seyrig"), character="Hélène Aughain")
    response = staff_client.get(url, {"q": "delphine"})
    assert [str(c.person) for c in response.context["cl"].result_list] == ["Delphine Seyrig"]


def test_bulk_deleting_credits_bumps_their_titles(staff_client, film):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    before = Title.objects.get(pk=film.pk).updated_at
    credit = Credit.objects.get(title=film, character="Lui")

    response = staff_client.post(
        reverse("admin:catalogue_credit_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [str(credit.pk)], "post": "yes"},
    )

    assert response.status_code == 302
    assert not Credit.objects.filter(pk=credit.pk).exists()
    assert Title.objects.get(pk=film.pk).updated_at > before


def test_editing_a_quote_line_marks_the_quote(staff_client, admin_user, film):
    from catalogue.models import Quote, QuoteLine

    quote = Quote.objects.create(title=film)
    line = QuoteLine.objects.create(quote=quote, character="Lui", text="You saw nothing in Hiroshima.")
    url = reverse("admin:catalogue_quote_change", args=[quote.pk])
    page = staff_client.get(url)
    data = change_form_data(page)
    row = next(form.prefix for inline in page.context["inline_admin_formsets"] for form in inline.formset.forms)
    data[f"{row}-text"] = "You saw nothing in Hiroshima. Nothing."

    assert staff_client.post(url, data).status_code == 302
    line.refresh_from_db()
    quote.refresh_from_db()
    assert line.text == "You saw nothing in Hiroshima. Nothing."
    assert quote.edited_by == admin_user


def _save_queries(client, title: Title, credit: Credit, job: str) -> int:
    page = client.get(change_url(title))
    data = change_form_data(page)
    data[f"{inline_row(page, 'crew', credit.pk)}-job"] = job
    with CaptureQueriesContext(connection) as queries:
        response = client.post(change_url(title), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return len(queries)


def test_saving_a_big_title_costs_the_same_queries_as_a_small_one(staff_client):
    """Hundreds of credit rows (over Django's default 1,000 posted fields) save in constant queries."""
    title = make_title("The Longest Day", year=1962)
    writer = make_credit(title, make_person("Cornelius Ryan"), department=Department.WRITER, job="book")
    for n in range(3):
        make_credit(title, make_person(f"Actor {n}"), character=f"Role {n}", order=n)
    few = _save_queries(staff_client, title, writer, "novel")

    for n in range(3, 150):
        make_credit(title, make_person(f"Actor {n}"), character=f"Role {n}", order=n)
    many = _save_queries(staff_client, title, writer, "screenplay")

    writer.refresh_from_db()
    assert writer.job == "screenplay"
    assert Credit.objects.filter(title=title, edited_at__isnull=False).count() == 1
    assert many == few


@pytest.mark.parametrize("bad_person", ["not-a-number", "999999"])
def test_a_bad_person_in_a_credit_row_is_a_form_error_and_nothing_is_saved(staff_client, film, bad_person):
    credit = Credit.objects.get(title=film, job="director of photography")
    page = staff_client.get(change_url(film))
    data = change_form_data(page)
    row = inline_row(page, "crew", credit.pk)
    data[f"{row}-person"] = bad_person
    data[f"{row}-job"] = "gaffer"

    response = staff_client.post(change_url(film), data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    credit.refresh_from_db()
    assert (credit.job, credit.person.name) == ("director of photography", "Sacha Vierny")


def test_moving_a_credit_to_another_title_bumps_both(staff_client, film):
    other = make_title("Muriel", year=1963)
    credit = Credit.objects.get(title=film, character="Lui")
    before = dict(Title.objects.values_list("pk", "updated_at"))
    url = reverse("admin:catalogue_credit_change", args=[credit.pk])
    data = change_form_data(staff_client.get(url))
    data["title"] = str(other.pk)

    assert staff_client.post(url, data).status_code == 302
    after = dict(Title.objects.values_list("pk", "updated_at"))
    assert after[film.pk] > before[film.pk] and after[other.pk] > before[other.pk]
    assert Credit.objects.get(pk=credit.pk).title == other


def test_an_editor_edits_a_credit_on_the_title_page(client, film):
    from .admin_factories import make_editor

    editor = make_editor()
    client.force_login(editor)
    make_aka(film, "Hiroshima, My Love", country="International")
    make_certificate(film, "UK", "X")
    credit = Credit.objects.get(title=film, job="director of photography")

    page = client.get(change_url(film))
    assert page.status_code == 200
    assert page.context["has_delete_permission"] is False  # no Delete button for titles
    response = edit_crew_job(client, film, credit, "lighting")

    assert response.status_code == 302, response.context and response.context["errors"]
    credit.refresh_from_db()
    assert (credit.job, credit.edited_by) == ("lighting", editor)


# -- the vocabularies' stored title counts follow admin edits (catalogue/importing/counts.py) ----


def _counts_are_fresh():
    from django.db.models import Count

    from catalogue.importing.counts import COUNTED

    for model, _, _ in COUNTED:
        for row in model.objects.annotate(n=Count("titles")):
            assert row.title_count == row.n, (model.__name__, row.name)
    from catalogue.models import Certificate, CertificateCount

    expected = {
        (r["country"], r["rating"]): r["n"]
        for r in Certificate.objects.values("country", "rating").annotate(n=Count("title", distinct=True))
    }
    expected.update(
        {
            (r["country"], ""): r["n"]
            for r in Certificate.objects.values("country").annotate(n=Count("title", distinct=True))
        }
    )
    stored = {(r.country, r.rating): r.title_count for r in CertificateCount.objects.filter(title_count__gt=0)}
    assert stored == expected


@pytest.fixture
def linked_titles():
    from tests import factories as f

    first, second = make_title("Gaslight", year=1944), make_title("Laura", year=1944)
    for title in (first, second):
        f.add_genre(title, "Drama")
        f.add_keyword(title, "Murder")
    f.add_country(first, "USA")
    f.make_certificate(first, "UK", "X")
    f.make_certificate(first, "UK", "18")
    f.make_certificate(second, "UK", "X")
    return first, second


def test_deleting_a_title_lowers_its_vocabularies_counts(staff_client, linked_titles):
    from catalogue.models import Country, Genre

    first, _ = linked_titles
    response = staff_client.post(reverse("admin:catalogue_title_delete", args=[first.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert Genre.objects.get(name="Drama").title_count == 1
    assert Country.objects.get(name="USA").title_count == 0
    _counts_are_fresh()


def test_bulk_deleting_titles_lowers_the_counts(staff_client, linked_titles):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    from catalogue.models import Genre, Keyword

    response = staff_client.post(
        reverse("admin:catalogue_title_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [str(t.pk) for t in linked_titles], "post": "yes"},
    )
    assert response.status_code == 302
    assert Genre.objects.get(name="Drama").title_count == 0
    assert Keyword.objects.get(name="Murder").title_count == 0
    _counts_are_fresh()


def test_editing_plot_keywords_inline_moves_the_counts(staff_client, linked_titles):
    from catalogue.models import Keyword, TitleKeyword

    first, _ = linked_titles
    piano = Keyword.objects.create(name="Piano", slug="piano")
    page = staff_client.get(change_url(first))
    data = change_form_data(page)
    murder = TitleKeyword.objects.get(title=first, keyword__name="Murder")
    data[f"{inline_row(page, 'plot keywords', murder.pk)}-DELETE"] = "on"
    prefix = inline_prefix(page, "plot keywords")
    data[f"{prefix}-TOTAL_FORMS"] = "2"
    data[f"{prefix}-1-position"] = "2"
    data[f"{prefix}-1-keyword"] = str(piano.pk)
    data[f"{prefix}-1-title"] = str(first.pk)

    response = staff_client.post(change_url(first), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(TitleKeyword.objects.filter(title=first).values_list("keyword__name", flat=True)) == ["Piano"]
    assert Keyword.objects.get(name="Murder").title_count == 1
    assert Keyword.objects.get(name="Piano").title_count == 1
    _counts_are_fresh()


def test_editing_and_deleting_certificates_moves_their_counts(staff_client, linked_titles):
    from catalogue.models import Certificate, CertificateCount

    first, second = linked_titles
    row = Certificate.objects.get(title=second, rating="X")
    url = reverse("admin:catalogue_certificate_change", args=[row.pk])
    data = change_form_data(staff_client.get(url))
    data["country"], data["rating"] = "France", "-12"
    assert staff_client.post(url, data).status_code == 302
    assert CertificateCount.objects.get(country="UK", rating="X").title_count == 1
    assert CertificateCount.objects.get(country="France", rating="").title_count == 1
    _counts_are_fresh()

    x = Certificate.objects.get(title=first, rating="X")
    response = staff_client.post(reverse("admin:catalogue_certificate_delete", args=[x.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert CertificateCount.objects.get(country="UK", rating="X").title_count == 0
    assert CertificateCount.objects.get(country="UK", rating="").title_count == 1  # its UK:18 is left
    _counts_are_fresh()


# -- a title with many credits: its inlines a page at a time --------------------------------


def _title_with_credits(count: int) -> Title:
    title = make_title(f"Film with {count} credits", year=1990)
    people = Person.objects.bulk_create(
        Person(name=f"Person {count}-{n}", name_folded=f"person {count}-{n}", slug=f"person-{count}-{n}")
        for n in range(count)
    )
    Credit.objects.bulk_create(
        Credit(
            title=title,
            person=person,
            department=Department.CAST if n % 2 else Department.WRITER,
            department_label="Cast" if n % 2 else "Writing credits",
            character=f"Role {n}" if n % 2 else "",
            job="" if n % 2 else "writer",
            order=n,
        )
        for n, person in enumerate(people)
    )
    return title


def _shown_rows(response, verbose_name_plural: str) -> list[int]:
    for inline in response.context["inline_admin_formsets"]:
        if str(inline.opts.verbose_name_plural) == verbose_name_plural:
            return [form.instance.pk for form in inline.formset.initial_forms]
    raise LookupError(verbose_name_plural)


def test_title_change_page_query_count_does_not_grow_with_its_credits(staff_client, django_assert_num_queries):
    small, big = _title_with_credits(5), _title_with_credits(200)
    staff_client.get(change_url(small))  # the session and the like, once

    counts = []
    for title in (small, big):
        # One query per inline: the soundtrack's (migration 0024) made it 14, the filming locations' (0025) 15,
        # the FAQ questions' (0026) 16, the crazy credits' (0027) 17, the alternate versions' (0028) 18.
        with django_assert_num_queries(18) as captured:
            response = staff_client.get(change_url(title))
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    assert len(_shown_rows(response, "cast")) == CREDITS_PER_PAGE == len(_shown_rows(response, "crew"))


# List sections that were JSON columns of the title (migrations 0025–0028): rows edited inline.
MOVED_LIST_SECTIONS = [
    pytest.param(FilmingLocation, "filming locations", id="filming_locations"),
    pytest.param(FaqQuestion, "FAQ questions", id="faq_questions"),
    pytest.param(CrazyCredit, "crazy credits", id="crazy_credits"),
    pytest.param(AlternateVersion, "alternate versions", id="alternate_versions"),
]


@pytest.mark.parametrize("model, inline", MOVED_LIST_SECTIONS)
def test_a_moved_list_section_s_row_is_edited_inline_and_marked_hand_edited(staff_client, admin_user, model, inline):
    title = make_title("Inline", year=2001)
    row = model.objects.create(title=title, text="As printed", position=1)

    page = staff_client.get(change_url(title))
    assert _shown_rows(page, inline) == [row.pk]
    data = change_form_data(page)
    data[f"{inline_row(page, inline, row.pk)}-text"] = "As <corrected>"
    response = staff_client.post(change_url(title), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    row.refresh_from_db()
    assert (row.text, row.edited_by) == ("As <corrected>", admin_user) and row.edited_at is not None


def test_title_change_page_pages_its_credits_and_links_the_credit_list(staff_client):
    title = _title_with_credits(130)  # 65 cast, 65 writers
    cast = list(Credit.objects.filter(title=title, department=Department.CAST).order_by("order", "id"))

    first = staff_client.get(change_url(title))
    second = staff_client.get(change_url(title) + "?cast_page=2")
    html = second.content.decode()

    assert _shown_rows(first, "cast") == [credit.pk for credit in cast[:CREDITS_PER_PAGE]]
    assert _shown_rows(second, "cast") == [credit.pk for credit in cast[CREDITS_PER_PAGE:]]
    assert "Cast: credits 51–65 of 65 (page 2 of 2)." in html
    assert 'href="?cast_page=1" rel="prev"' in html
    # The crew inline stays on its first page, and its "next" keeps the cast's page.
    assert len(_shown_rows(second, "crew")) == CREDITS_PER_PAGE
    assert 'href="?cast_page=2&amp;crew_page=2" rel="next"' in html
    credit_list = reverse("admin:catalogue_credit_changelist")
    assert f'href="{credit_list}?title__id__exact={title.pk}&amp;department=cast"' in html
    listed = staff_client.get(f"{credit_list}?title__id__exact={title.pk}&crew=yes")
    assert listed.status_code == 200
    assert listed.context["cl"].result_count == 65
    assert {credit.department for credit in listed.context["cl"].result_list} == {Department.WRITER}
    # A page past the end is the last page; a nonsense page is the first.
    assert _shown_rows(staff_client.get(change_url(title) + "?cast_page=99"), "cast") == _shown_rows(second, "cast")
    assert _shown_rows(staff_client.get(change_url(title) + "?cast_page=x"), "cast") == _shown_rows(first, "cast")


def test_saving_a_page_of_credits_edits_that_page_and_leaves_the_others(staff_client):
    title = _title_with_credits(130)
    cast = list(Credit.objects.filter(title=title, department=Department.CAST).order_by("order", "id"))
    url = change_url(title) + "?cast_page=2"
    page = staff_client.get(url)
    data = change_form_data(page)
    data[f"{inline_row(page, 'cast', cast[-1].pk)}-character"] = "The last role, renamed"

    response = staff_client.post(url, data)

    assert response.status_code == 302
    assert Credit.objects.get(pk=cast[-1].pk).character == "The last role, renamed"
    assert Credit.objects.filter(title=title).count() == 130
    assert Credit.objects.filter(title=title, edited_at__isnull=False).count() == 1
