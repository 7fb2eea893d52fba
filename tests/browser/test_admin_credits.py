"""A staff member corrects a crew credit's job in the title's admin page."""

from __future__ import annotations

import re

import pytest
from django.urls import Resolver404, resolve, reverse

from catalogue.models import Credit, Department
from tests.web.admin_factories import PASSWORD, make_credit, make_person, make_superuser, make_title

pytestmark = pytest.mark.django_db(transaction=True)


def crew_jobs(page):
    crew = page.locator(".inline-group").filter(has=page.get_by_role("heading", name="Crew", exact=True))
    return crew.locator("input[name$='-job']:not([name*='__prefix__'])")  # not the empty template row


def test_staff_edits_a_credit_job_inline_and_the_site_shows_it(page, live_server):
    user = make_superuser("staff")
    film = make_title("Hiroshima mon amour", year=1959)
    make_credit(film, make_person("Emmanuelle Riva"), character="Elle", order=1)
    credit = make_credit(
        film, make_person("Sacha Vierny"), department=Department.CINEMATOGRAPHER, job="director of photography"
    )

    page.goto(live_server.url + reverse("admin:catalogue_title_change", args=[film.pk]))
    # Anonymous: sent to the login page first.
    assert "/admin/login/" in page.url
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/catalogue/title/\d+/change/"))

    # The person is a working autocomplete (select2 initialised on the row's select).
    crew = page.locator(".inline-group").filter(has=page.get_by_role("heading", name="Crew", exact=True))
    assert crew.locator(".select2-selection__rendered").first.inner_text().strip() == "Sacha Vierny"
    job = crew_jobs(page)  # the crew inline's only row
    assert job.input_value() == "director of photography"
    job.fill("cinematographer (b&w)")
    page.locator("input[name='_save']").click()
    page.wait_for_url(re.compile(r"/admin/catalogue/title/$"))
    assert "was changed successfully" in page.locator(".messagelist").inner_text()

    credit.refresh_from_db()
    assert credit.job == "cinematographer (b&w)"
    assert credit.edited_by == user

    fullcredits = f"/title/{film.slug}/fullcredits/"
    try:
        resolve(fullcredits)
    except Resolver404:
        # Not on this branch yet: check the admin page shows the saved job instead.
        page.goto(live_server.url + reverse("admin:catalogue_title_change", args=[film.pk]))
        assert crew_jobs(page).input_value() == "cinematographer (b&w)"
        public = page.goto(live_server.url + film.get_absolute_url())
        if public.status == 200:
            assert "cinematographer (b&w)" in page.locator("main").inner_text()
        return
    page.goto(live_server.url + fullcredits)
    assert "cinematographer (b&w)" in page.locator("main").inner_text()
    assert Credit.objects.get(pk=credit.pk).job == "cinematographer (b&w)"
