"""The title's admin change page fits a 1,280 px window and pages its credits."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from catalogue.models import Credit, Department, Person
from catalogue.text import fold
from tests.web.admin_factories import PASSWORD, make_superuser, make_title

pytestmark = pytest.mark.django_db(transaction=True)


def overflow(page) -> int:
    """How far the page is wider than the window (0: no horizontal scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_title_change_page_fits_1280_px_and_pages_its_credits(page, live_server):
    user = make_superuser("staff")
    film = make_title("Hiroshima mon amour: a title long enough to wrap in the admin's header " * 2, year=1959)
    people = Person.objects.bulk_create(
        Person(
            name=f"Emmanuelle Riva-Okada-Resnais {n}",
            name_folded=fold(f"Emmanuelle Riva-Okada-Resnais {n}"),
            slug=f"person-{n}",
        )
        for n in range(130)
    )
    Credit.objects.bulk_create(
        Credit(
            title=film,
            person=person,
            department=Department.CAST if n % 2 else Department.CINEMATOGRAPHER,
            department_label="Cast" if n % 2 else "Cinematography by",
            order=n,
            character=f"La femme japonaise qui se souvient de Nevers {n}" if n % 2 else "",
            job="" if n % 2 else f"director of photography, second unit, Hiroshima {n}",
            credited_as="E. Riva",
            notes=["uncredited", "voice"],
        )
        for n, person in enumerate(people)
    )

    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(live_server.url + reverse("admin:catalogue_title_change", args=[film.pk]))

    assert page.viewport_size["width"] == 1280
    assert overflow(page) <= 0
    cast = page.locator("#credits-group")
    assert cast.locator("tr.form-row.has_original").count() == 50
    assert "Cast: credits 1–50 of 65 (page 1 of 2)." in page.get_by_role("navigation", name="Cast pages").inner_text()

    page.get_by_role("navigation", name="Cast pages").get_by_role("link", name="Next page ›").click()
    page.wait_for_url(re.compile(r"cast_page=2"))
    assert cast.locator("tr.form-row.has_original").count() == 15
    assert overflow(page) <= 0

    page.get_by_role("navigation", name="Crew pages").get_by_role("link", name="All 65 in the credit list").click()
    page.wait_for_url(re.compile(r"/admin/catalogue/credit/\?"))
    assert "65 credits" in page.locator("#changelist-form .paginator").inner_text()
