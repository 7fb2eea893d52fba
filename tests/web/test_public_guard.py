"""The public site answers only GET and HEAD, refuses NUL characters with a 400, and sends
a strict Content-Security-Policy; the admin keeps its own methods."""

from __future__ import annotations

import pytest

from catalogue.middleware import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db

SEARCH_PARAMETERS = [
    "q",
    "person",
    "job",
    "certificate",
    "cert_country",
    "cert_rating",
    "genre",
    "country",
    "language",
    "year_min",
    "rating_min",
    "votes_min",
    "sort",
    "department",
    "kind",
]


@pytest.mark.parametrize("parameter", SEARCH_PARAMETERS)
def test_a_nul_in_any_search_parameter_is_a_400(client, catalogue, parameter):
    response = client.get("/search/", {parameter: "hiro\x00shima"})
    assert response.status_code == 400
    assert b"NUL" in response.content


def test_a_nul_in_a_parameter_name_or_a_path_is_a_400(client, catalogue):
    assert client.get("/search/?q\x00=x").status_code == 400
    assert client.get("/certificates/UK/X%00/").status_code == 400
    assert client.get(f"/title/{catalogue.title.slug}/?page=1%00").status_code == 400


def test_the_same_search_without_the_nul_finds_the_title(client, catalogue):
    response = client.get("/search/", {"q": "hiroshima"})
    assert response.status_code == 200
    assert "Hiroshima Mon Amour" in response.content.decode()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace"])
def test_public_pages_refuse_other_methods_with_405(client, catalogue, method):
    url = catalogue.title.get_absolute_url()
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


def test_head_is_still_answered(client, catalogue):
    assert client.head(catalogue.title.get_absolute_url()).status_code == 200


def test_public_pages_carry_the_content_security_policy(client, catalogue):
    for url in ("/", catalogue.title.get_absolute_url(), "/search/?q=hiroshima", "/no-such-page/"):
        response = client.get(url)
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY


def test_the_admin_keeps_post_and_is_left_to_django(client, django_user_model):
    django_user_model.objects.create_user("staff", password="a-long-password-123", is_staff=True)
    response = client.post("/admin/login/", {"username": "staff", "password": "a-long-password-123", "next": "/admin/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"
    assert "Content-Security-Policy" not in client.get("/admin/").headers
