"""Primary/replica routing (config/routers.py): site pages read from the replica, writes go to default.

The "replica" alias of config/test_settings.py mirrors the test database, as a real
streaming replica mirrors the primary; the tests turn the router on.
"""

from __future__ import annotations

import pytest
from django.db import connections, transaction
from django.shortcuts import get_object_or_404
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

from catalogue.models import Credit, Person, Title
from config.routers import PrimaryReplicaRouter
from tests import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
    pytest.mark.urls(__name__),
]


def title_page(request, slug):
    title = get_object_or_404(Title.objects.for_title_page(), slug=slug)
    cast = ", ".join(f"{credit.person.name} as {credit.character}" for credit in title.credits.all())
    return HttpResponse(f"<h1>{title}</h1> {cast}")


urlpatterns = [path("test-title/<slug:slug>/", title_page), path("", include("catalogue.urls"))]


@pytest.fixture
def routed(settings):
    settings.DATABASE_ROUTERS = ["config.routers.PrimaryReplicaRouter"]


@pytest.fixture
def samurai(routed):
    title = Title.objects.create(title="Seven Samurai", year=1954, slug="seven-samurai", rating="8.7", votes=187811)
    mifune = Person.objects.create(name="Toshirô Mifune", slug="toshiro-mifune")
    Credit.objects.create(title=title, person=mifune, department="cast", department_label="Cast", character="Kikuchiyo")
    return title


def _selects(context: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in context.captured_queries if query["sql"].lstrip().upper().startswith("SELECT")]


def test_site_pages_read_from_the_replica(client, samurai):
    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        home = client.get("/")
        page = client.get("/test-title/seven-samurai/")

    assert home.status_code == 200 and "Seven Samurai" in home.content.decode()
    assert page.content.decode() == "<h1>Seven Samurai (1954)</h1> Toshirô Mifune as Kikuchiyo"
    replica_reads = _selects(replica)
    assert any("catalogue_title" in sql for sql in replica_reads)
    assert any("catalogue_credit" in sql for sql in replica_reads)
    assert _selects(primary) == []


def test_writes_go_to_the_primary_and_reads_in_a_transaction_stay_there(samurai):
    assert Title.objects.get(pk=samurai.pk)._state.db == "replica"

    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        with transaction.atomic():
            Title.objects.filter(pk=samurai.pk).update(title="Shichinin no samurai")
            # An import reads back what it wrote before commit: only the primary has it.
            assert Title.objects.get(pk=samurai.pk).title == "Shichinin no samurai"

    assert any(query["sql"].startswith("UPDATE") for query in primary.captured_queries)
    assert replica.captured_queries == []


def test_router_rules():
    router = PrimaryReplicaRouter()
    replica_title, primary_title = Title(), Title()
    replica_title._state.db, primary_title._state.db = "replica", "default"

    assert router.db_for_write(Title) == "default"
    assert router.allow_relation(replica_title, primary_title) is True
    assert router.allow_migrate("default", "catalogue") is True
    assert router.allow_migrate("replica", "catalogue") is False
    from django.contrib.sessions.models import Session

    assert router.db_for_read(Session) == "default"
    assert router.db_for_read(Title) == "replica"


def test_title_page_reads_everything_from_the_replica(client, samurai):
    f.make_review(samurai, summary="A masterpiece")
    f.make_aka(samurai, "Seven Samurai", country="UK")

    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        page = client.get("/title/seven-samurai/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Kikuchiyo" in html and "A masterpiece" in html and "— UK" in html
    assert len(_selects(replica)) >= 8
    assert _selects(primary) == []
