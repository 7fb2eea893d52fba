"""Person admin: accent-insensitive search and merging duplicates."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from catalogue.models import Credit, Department, Person, PersonRedirect, Title
from catalogue.services.people import PersonMergeError, person_merge

from .admin_factories import make_credit, make_editor, make_person, make_superuser, make_title

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:catalogue_person_changelist"


@pytest.fixture
def superuser():
    return make_superuser()


@pytest.fixture
def duplicates():
    """One director printed three ways across three titles, plus an unrelated person."""
    hiroshima = make_title("Hiroshima mon amour", year=1959)
    marienbad = make_title("L'Année dernière à Marienbad", year=1961)
    muriel = make_title("Muriel", year=1963)
    keep = make_person("Alain Resnais", imdb_id=None, slug="alain-resnais")
    spaced = make_person("Alain  Resnais (I)", slug="alain-resnais-i")
    with_id = make_person("A. Resnais", imdb_id="nm0720312", slug="a-resnais")
    other = make_person("Delphine Seyrig", slug="delphine-seyrig")
    make_credit(hiroshima, keep, department=Department.DIRECTOR, order=1)
    make_credit(marienbad, spaced, department=Department.DIRECTOR, order=1)
    make_credit(muriel, with_id, department=Department.DIRECTOR, order=1, credited_as="Alain Resnais")
    make_credit(muriel, with_id, department=Department.WRITER, job="uncredited", order=2)
    make_credit(marienbad, other, character="A", order=1)
    # An older merge already redirected a slug to one of the duplicates.
    PersonRedirect.objects.create(old_slug="resnais-alain", person=spaced)
    return {"keep": keep, "spaced": spaced, "with_id": with_id, "other": other}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eliane", ["Éliane Lheureux"]),
        ("ÉLIANE LH", ["Éliane Lheureux"]),
        ("lheureux", ["Éliane Lheureux"]),
        ("seyrig", ["Delphine Seyrig"]),
        ("nm0001", ["Delphine Seyrig"]),  # by IMDb id
        ("zzz", []),
    ],
)
def test_person_search_ignores_accents_and_case(client, superuser, query, expected):
    make_person("Éliane Lheureux")
    make_person("Delphine Seyrig", imdb_id="nm0001")
    client.force_login(superuser)

    response = client.get(reverse(CHANGELIST), {"q": query})

    assert [p.name for p in response.context["cl"].result_list] == expected


def test_person_autocomplete_for_credit_inline_ignores_accents(client, superuser):
    make_person("Éliane Lheureux")
    client.force_login(superuser)

    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "eliane", "app_label": "catalogue", "model_name": "credit", "field_name": "person"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Éliane Lheureux"]


def test_person_change_page_lists_their_credits(client, superuser, duplicates):
    client.force_login(superuser)
    response = client.get(reverse("admin:catalogue_person_change", args=[duplicates["with_id"].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert ">Muriel (1963)</option>" in html
    assert 'value="uncredited"' in html


def select_action(client, people, follow=False, **extra):
    data = {"action": "merge_people", ACTION_CHECKBOX_NAME: [str(p.pk) for p in people], **extra}
    return client.post(reverse(CHANGELIST), data, follow=follow)


def test_merge_action_asks_which_person_to_keep(client, superuser, duplicates):
    client.force_login(superuser)
    people = [duplicates["keep"], duplicates["spaced"], duplicates["with_id"]]

    response = select_action(client, people)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "admin/catalogue/person/merge_confirmation.html"
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html
    for person in people:
        assert f'type="radio" name="keep" value="{person.pk}"' in html
        assert f'name="{ACTION_CHECKBOX_NAME}" value="{person.pk}"' in html
    assert 'value="Confirm merge"' in html
    # Nothing happens until the choice is confirmed.
    assert Person.objects.filter(pk__in=[p.pk for p in people]).count() == 3


def test_merge_action_confirmed_folds_people_into_the_kept_one(client, superuser, duplicates):
    client.force_login(superuser)
    keep, spaced, with_id = duplicates["keep"], duplicates["spaced"], duplicates["with_id"]
    touched_before = dict(Title.objects.values_list("pk", "updated_at"))

    response = select_action(client, [keep, spaced, with_id], post="yes", keep=str(keep.pk))

    assert response.status_code == 302
    assert not Person.objects.filter(pk__in=[spaced.pk, with_id.pk]).exists()
    keep.refresh_from_db()
    assert keep.slug == "alain-resnais"
    assert keep.imdb_id == "nm0720312"  # taken from the merged person that had one
    credits = {
        (c.title.title, c.department, c.job, c.credited_as)
        for c in Credit.objects.filter(person=keep).select_related("title")
    }
    assert credits == {
        ("Hiroshima mon amour", "director", "", ""),
        ("L'Année dernière à Marienbad", "director", "", "Alain  Resnais (I)"),
        ("Muriel", "director", "", "Alain Resnais"),  # already set: kept
        ("Muriel", "writer", "uncredited", "A. Resnais"),
    }
    moved = Credit.objects.filter(person=keep).exclude(title__title="Hiroshima mon amour")
    assert all(c.edited_by == superuser and c.edited_at for c in moved)
    assert Credit.objects.get(title__title="Hiroshima mon amour").edited_at is None
    redirects = dict(PersonRedirect.objects.values_list("old_slug", "person__slug"))
    assert redirects == {
        "alain-resnais-i": "alain-resnais",
        "a-resnais": "alain-resnais",
        "resnais-alain": "alain-resnais",  # re-pointed from the merged person
    }
    assert Person.objects.get(slug="delphine-seyrig").credits.count() == 1
    after = dict(Title.objects.values_list("pk", "updated_at"))
    changed_titles = {Title.objects.get(pk=pk).title for pk in after if after[pk] != touched_before[pk]}
    assert changed_titles == {"L'Année dernière à Marienbad", "Muriel"}

    change = LogEntry.objects.get(action_flag=CHANGE, object_id=str(keep.pk))
    assert change.user == superuser
    assert "Merged" in change.change_message and "A. Resnais" in change.change_message
    deletions = set(LogEntry.objects.filter(action_flag=DELETION).values_list("object_repr", flat=True))
    assert deletions == {"Alain  Resnais (I)", "A. Resnais"}
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [
        "Merged A. Resnais, Alain  Resnais (I) into Alain Resnais: 3 credit(s) moved, "
        "old slugs a-resnais, alain-resnais-i now redirect."
    ]


def test_merged_slug_redirects_on_the_public_site_once_it_exists(client, superuser, duplicates):
    client.force_login(superuser)
    select_action(client, [duplicates["keep"], duplicates["with_id"]], post="yes", keep=str(duplicates["keep"].pk))
    response = client.get("/name/a-resnais/")
    assert response.status_code == 301
    assert response["Location"].endswith("/name/alain-resnais/")


def test_merge_needs_two_people(client, superuser, duplicates):
    client.force_login(superuser)
    response = select_action(client, [duplicates["keep"]], follow=True)
    assert "Select two or more people to merge." in response.content.decode()
    assert Person.objects.count() == 4


def test_merge_keep_must_be_among_the_selected(client, superuser, duplicates):
    client.force_login(superuser)
    response = select_action(
        client, [duplicates["keep"], duplicates["spaced"]], post="yes", keep=str(duplicates["other"].pk)
    )
    # The confirmation page comes back with the error; nothing is merged.
    assert response.status_code == 200
    assert "Choose the person to keep." in response.content.decode()
    assert 'value="Confirm merge"' in response.content.decode()
    assert Person.objects.count() == 4


def test_editor_can_merge(client, duplicates):
    editor = make_editor()
    client.force_login(editor)
    response = select_action(
        client, [duplicates["keep"], duplicates["spaced"]], post="yes", keep=str(duplicates["spaced"].pk)
    )
    assert response.status_code == 302
    assert list(Person.objects.filter(slug__startswith="alain").values_list("slug", flat=True)) == ["alain-resnais-i"]
    assert PersonRedirect.objects.get(old_slug="alain-resnais").person.slug == "alain-resnais-i"


def test_person_merge_service_is_all_or_nothing(duplicates, superuser, monkeypatch):
    keep, spaced = duplicates["keep"], duplicates["spaced"]
    from catalogue.services import people as service

    def broken_log(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "_log_merge", broken_log)
    with pytest.raises(RuntimeError):
        person_merge(keep=keep, merge=[spaced], user=superuser)

    assert Person.objects.filter(pk=spaced.pk).exists()
    assert Credit.objects.filter(person=spaced).count() == 1
    assert Credit.objects.get(person=spaced).credited_as == ""
    assert PersonRedirect.objects.get(old_slug="resnais-alain").person == spaced


def test_person_merge_refuses_merging_a_person_into_themselves(duplicates, superuser):
    with pytest.raises(PersonMergeError):
        person_merge(keep=duplicates["keep"], merge=[duplicates["keep"]], user=superuser)


def test_merge_refuses_an_accidental_select_all(client, superuser):
    from catalogue.admin.people import MERGE_LIMIT

    people = [make_person(f"Extra {n}") for n in range(MERGE_LIMIT + 1)]
    client.force_login(superuser)
    response = select_action(client, people, follow=True)
    assert f"Select at most {MERGE_LIMIT} people to merge at once." in response.content.decode()
    assert Person.objects.count() == MERGE_LIMIT + 1


def test_renaming_a_person_bumps_the_titles_they_are_credited_on(client, superuser, duplicates):
    from .admin_forms import change_form_data

    client.force_login(superuser)
    person = duplicates["with_id"]
    before = dict(Title.objects.values_list("title", "updated_at"))
    url = reverse("admin:catalogue_person_change", args=[person.pk])
    data = change_form_data(client.get(url))
    data["name"] = "Alain Resnais (II)"

    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.name == "Alain Resnais (II)"
    assert person.name_folded == "alain resnais (ii)"
    after = dict(Title.objects.values_list("title", "updated_at"))
    assert {name for name in after if after[name] != before[name]} == {"Muriel"}


def _warning(html: str) -> str:
    start = html.find('<div class="merge-warning"')
    assert start != -1, "no warning about different IMDb ids"
    return html[start : html.index("</div>", start)]


def test_merge_of_people_with_different_imdb_ids_warns_naming_both_ids_and_their_titles(
    client, superuser, duplicates, django_assert_max_num_queries
):
    client.force_login(superuser)
    other = duplicates["other"]
    other.imdb_id = "nm0001"
    other.save()
    extra = [make_title(f"Seyrig film {n}", year=1970 + n, votes=100 * n) for n in range(5)]
    for title in extra:
        make_credit(title, other, character="Herself")
    people = [duplicates["with_id"], other, duplicates["keep"]]

    # The warning's titles are one query for every person with an id.
    with django_assert_max_num_queries(12):
        html = select_action(client, people).content.decode()
    warning = _warning(html)

    assert "These people carry different IMDb ids:" in warning
    assert "nm0720312" in warning and "nm0001" in warning
    holders = re.findall(r"<li><strong>(nm\d+)</strong> \(([^)]+)\): (.*?)</li>", warning, re.S)
    assert [(imdb_id, name) for imdb_id, name, _ in holders] == [
        ("nm0720312", "A. Resnais"),
        ("nm0001", "Delphine Seyrig"),
    ]
    resnais, seyrig = (re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip() for _, _, text in holders)
    assert resnais == "2 credits on 1 title, among them Muriel (1963)"
    # The most voted three of six titles, then a sign of more.
    assert seyrig == (
        "6 credits on 6 titles, among them Seyrig film 4 (1974); Seyrig film 3 (1973); Seyrig film 2 (1972); …"
    )
    assert reverse("admin:catalogue_title_change", args=[extra[4].pk]) in warning
    assert "Alain Resnais" not in warning  # no id: not part of the warning


def test_merge_of_people_with_one_or_the_same_imdb_id_does_not_warn(client, superuser, duplicates):
    client.force_login(superuser)
    one_id = select_action(client, [duplicates["keep"], duplicates["spaced"], duplicates["with_id"]]).content.decode()

    assert "Keep which person?" in one_id
    assert 'class="merge-warning"' not in one_id
    assert (
        'class="merge-warning"'
        in select_action(
            client, [duplicates["with_id"], make_person("Alain Resnais (II)", imdb_id="nm9999999", slug="ar-ii")]
        ).content.decode()
    )
