import pytest
pytestmark = pytest.mark.django_db
def test_dump(client, catalogue):
    for name, url in [("title", "/title/hiroshima-mon-amour-1959/"), ("person", "/name/alain-resnais/"), ("search", "/search/?q=resnais&year_min=abc")]:
        open(f"/tmp/{name}.html", "wb").write(client.get(url).content)
