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
