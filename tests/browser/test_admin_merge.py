"""A staff member merges two duplicate people through the admin's confirmation page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from catalogue.models import Credit, Person, PersonRedirect
from tests.web.admin_factories import PASSWORD, make_credit, make_person, make_superuser, make_title

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_merges_duplicate_people(page, live_server):
    user = make_superuser("staff")
    keep = make_person("Delphine Seyrig", slug="delphine-seyrig")
    duplicate = make_person("Delphine Seyrig (I)", slug="delphine-seyrig-i")
    make_credit(make_title("Muriel", year=1963), keep, character="Hélène")
    make_credit(make_title("L'Année dernière à Marienbad", year=1961), duplicate, character="A")

    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + reverse("admin:catalogue_person_changelist") + "?q=delphine")
    for person in (keep, duplicate):
        page.locator(f"input.action-select[value='{person.pk}']").check()
    page.locator("select[name='action']").select_option("merge_people")
    page.get_by_role("button", name="Go", exact=True).click()

    page.get_by_role("heading", name="Keep which person?").wait_for()
    page.get_by_label("Delphine Seyrig", exact=True).check()
    page.get_by_role("button", name="Confirm merge").click()
    page.wait_for_url(re.compile(r"/admin/catalogue/person/(\?q=delphine)?$"))

    assert "Merged Delphine Seyrig (I) into Delphine Seyrig" in page.locator(".messagelist").inner_text()
    assert list(Person.objects.values_list("slug", flat=True)) == ["delphine-seyrig"]
    assert Credit.objects.get(character="A").credited_as == "Delphine Seyrig (I)"
    assert PersonRedirect.objects.get(old_slug="delphine-seyrig-i").person.slug == "delphine-seyrig"


def test_merge_of_two_imdb_ids_shows_the_warning_before_confirming(page, live_server):
    user = make_superuser("staff")
    first = make_person("Jean Martin", slug="jean-martin", imdb_id="nm0552136")
    second = make_person("Jean Martin", slug="jean-martin-2", imdb_id="nm0552137")
    make_credit(make_title("La bataille d'Alger", year=1966), first, character="Colonel Mathieu")
    make_credit(make_title("Le jour de la bête", year=1990), second, character="Bruno")

    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(live_server.url + reverse("admin:catalogue_person_changelist") + "?q=jean+martin")
    for person in (first, second):
        page.locator(f"input.action-select[value='{person.pk}']").check()
    page.locator("select[name='action']").select_option("merge_people")
    page.get_by_role("button", name="Go", exact=True).click()

    warning = page.get_by_role("alert")
    warning.wait_for()
    text = " ".join(warning.inner_text().split())
    assert "different IMDb ids: nm0552136 and nm0552137" in text
    assert "nm0552136 (Jean Martin): 1 credit on 1 title, among them La bataille d'Alger (1966)" in text
    assert "nm0552137 (Jean Martin): 1 credit on 1 title, among them Le jour de la bête (1990)" in text
    # The warning comes before the choice, and nothing has been merged yet.
    warning_box = warning.bounding_box()
    assert warning_box["y"] < page.get_by_role("button", name="Confirm merge").bounding_box()["y"]
    assert Person.objects.count() == 2
