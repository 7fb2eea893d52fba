"""Failed admin logins are throttled per account and per address (django-axes)."""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("staff", password=PASSWORD, is_staff=True)


def login(client, username: str, password: str, address: str):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_a_right_password_logs_in(client, staff):
    assert login(client, "staff", PASSWORD, "192.0.2.1").status_code == 302
    assert logged_in(client)


def test_an_account_is_locked_after_the_limit_whatever_the_address(client, staff):
    for attempt in range(LIMIT - 1):
        response = login(client, "staff", "wrong", f"192.0.2.{attempt + 1}")
        assert response.status_code == 200  # the login form again, with its error
    assert login(client, "staff", "wrong", "192.0.2.99").status_code == 429  # the failure that locks
    response = login(client, "staff", PASSWORD, "198.51.100.7")
    assert response.status_code == 429
    assert not logged_in(client)


def test_an_address_is_locked_after_the_limit_whatever_the_account(client, staff):
    for attempt in range(LIMIT):
        login(client, f"guess{attempt}", "wrong", "203.0.113.9")
    assert login(client, "staff", PASSWORD, "203.0.113.9").status_code == 429
    assert not logged_in(client)
    # The account itself was not attacked: from elsewhere it still logs in.
    assert login(client, "staff", PASSWORD, "198.51.100.7").status_code == 302
    assert logged_in(client)


def test_failures_below_the_limit_are_forgotten_after_a_success(client, staff):
    for _ in range(LIMIT - 1):
        login(client, "staff", "wrong", "192.0.2.50")
    assert login(client, "staff", PASSWORD, "192.0.2.50").status_code == 302
    client.logout()
    login(client, "staff", "wrong", "192.0.2.50")
    assert login(client, "staff", PASSWORD, "192.0.2.50").status_code == 302


def test_the_reset_command_lifts_a_lock(client, staff):
    from django.core.management import call_command

    for _ in range(LIMIT):
        login(client, "staff", "wrong", "192.0.2.60")
    assert login(client, "staff", PASSWORD, "192.0.2.60").status_code == 429
    call_command("axes_reset", verbosity=0)
    assert login(client, "staff", PASSWORD, "192.0.2.60").status_code == 302
