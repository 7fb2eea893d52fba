import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_page_shows_site_name_and_search_form(client, settings):
    response = client.get(reverse("catalogue:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert settings.CATALOGUE_SITE_NAME in html
    assert 'type="search"' in html
    assert 'action="/search/"' in html


def test_unknown_page_is_a_helpful_404(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'id="notfound-search"' in html
