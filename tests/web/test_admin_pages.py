"""Every admin page answers staff, and nothing of the admin answers anonymous users."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.models import ADDITION, LogEntry
from django.urls import reverse

from catalogue.models import (
    Colour,
    Connection,
    Country,
    Credit,
    Goof,
    Keyword,
    Language,
    Quote,
    QuoteLine,
    Recommendation,
    ReleaseDate,
    Review,
    SoundMix,
    Tagline,
    Title,
    TitleCompany,
    TitleKeyword,
    Trivia,
)

from .admin_factories import (
    add_genre,
    make_aka,
    make_certificate,
    make_company,
    make_credit,
    make_editor,
    make_person,
    make_source,
    make_superuser,
    make_title,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return make_superuser()


@pytest.fixture
def one_of_everything(superuser):
    """A row of every model the admin registers."""
    title = make_title("Hiroshima mon amour", year=1959)
    other = make_title("Muriel", year=1963)
    make_credit(title, make_person("Emmanuelle Riva"), character="Elle")
    make_aka(title, "Hiroshima, My Love", country="International")
    make_certificate(title, "UK", "X")
    ReleaseDate.objects.create(title=title, date="1959-06-10", text="10 June 1959", country="France")
    Tagline.objects.create(title=title, text="You saw nothing in Hiroshima.")
    Review.objects.create(title=title, summary="A masterpiece", author="cinephile", fingerprint="abc")
    TitleCompany.objects.create(title=title, company=make_company("Argos Films"), kind="production")
    Trivia.objects.create(title=title, text="Shot in Hiroshima and Nevers.")
    Goof.objects.create(title=title, category="Continuity", text="The towel moves.")
    quote = Quote.objects.create(title=title)
    QuoteLine.objects.create(quote=quote, character="Lui", text="You saw nothing in Hiroshima. Nothing.")
    Connection.objects.create(title=title, type="Featured in", target_title="Muriel", target_year=1963, target=other)
    Recommendation.objects.create(title=title, target_title="Muriel", target_year=1963, target=other)
    add_genre(title, "Drama")
    TitleKeyword.objects.create(title=title, keyword=Keyword.objects.create(name="Nuclear Bomb", slug="nuclear-bomb"))
    vocabularies = ((Country, "France"), (Language, "French"), (Colour, "Black and White"), (SoundMix, "Mono"))
    for vocabulary, name in vocabularies:
        vocabulary.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    make_source(b"Hiroshima mon amour (1959) <b>", title=title, warnings=["cast: odd row"], unparsed=["?? line"])
    LogEntry.objects.log_actions(superuser.pk, [title], ADDITION, single_object=True)
    # django-axes's records of login attempts (docs/admin.md).
    where = {"user_agent": "test", "ip_address": "192.0.2.1", "username": "staff", "path_info": "/admin/login/"}
    AccessAttempt.objects.create(**where, get_data="", post_data="", failures_since_start=1)
    AccessFailureLog.objects.create(**where)
    AccessLog.objects.create(**where)
    # An upload, imported, and a task in the worker's queue (django-tasks-db's own admin).
    from catalogue.importing.uploads import upload_import
    from catalogue.models import ImportUpload, UploadStatus

    upload = ImportUpload.objects.create(
        file="imports/2026/12/pages.zip",
        original_name="pages.zip",
        status=UploadStatus.DONE,
        share=1.0,
        report=["1 pages in 0.1s: imported 1"],
    )
    upload_import.enqueue(upload_id=upload.pk)
    return title


def registered_models():
    return sorted(admin.site._registry, key=lambda model: model._meta.label)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_registered_model_has_a_row_in_the_fixture(one_of_everything):
    missing = [model._meta.label for model in registered_models() if not model._default_manager.exists()]
    assert missing == []


def test_staff_superuser_gets_every_changelist_add_and_change_page(client, superuser, one_of_everything):
    client.force_login(superuser)
    failures = []
    for model in registered_models():
        model_admin = admin.site._registry[model]
        obj = model._default_manager.order_by("pk").first()
        pages = [("changelist", admin_url(model, "changelist")), ("change", admin_url(model, "change", obj.pk))]
        pages.append(("history", admin_url(model, "history", obj.pk)))
        request = type("Request", (), {"user": superuser})()
        if model_admin.has_add_permission(request):
            pages.append(("add", admin_url(model, "add")))
        else:
            assert client.get(admin_url(model, "add")).status_code == 403, model._meta.label
        for view, url in pages:
            status = client.get(url).status_code
            if status != 200:
                failures.append((model._meta.label, view, status))
    assert failures == []
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_title_change_page_edits_its_plot_keywords_inline(client, superuser, one_of_everything):
    client.force_login(superuser)
    html = client.get(admin_url(Title, "change", one_of_everything.pk)).content.decode()
    assert "Plot keywords" in html
    assert "Nuclear Bomb" in html


def test_anonymous_users_are_sent_to_the_login_page(client, one_of_everything):
    urls = [reverse("admin:index")]
    for model in registered_models():
        obj = model._default_manager.order_by("pk").first()
        urls += [admin_url(model, "changelist"), admin_url(model, "change", obj.pk)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_admin_header_is_the_site_name(client, superuser, settings):
    client.force_login(superuser)
    html = client.get(reverse("admin:index")).content.decode()
    assert f'<a href="/admin/">{settings.CATALOGUE_SITE_NAME}</a>' in html
    assert f"<title>Catalogue administration | {settings.CATALOGUE_SITE_NAME}</title>" in html


def test_changelists_show_which_rows_are_hand_edited(client, superuser, one_of_everything):
    client.force_login(superuser)
    Credit.objects.update(edited_at="2024-05-01T10:00:00Z", edited_by=superuser)
    response = client.get(admin_url(Credit, "changelist"), {"edited_by_hand": "yes"})
    html = response.content.decode()
    assert response.context["cl"].result_count == 1
    assert "column-hand_edited" in html
    assert 'alt="True"' in html
    assert client.get(admin_url(Credit, "changelist"), {"edited_by_hand": "no"}).context["cl"].result_count == 0


def test_history_is_listed_read_only(client, superuser, one_of_everything):
    client.force_login(superuser)
    title = one_of_everything
    LogEntry.objects.log_actions(
        superuser.pk, [title], 2, change_message=[{"changed": {"fields": ["Plot"]}}], single_object=True
    )
    response = client.get(reverse("admin:admin_logentry_changelist"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Changed Plot." in html
    assert f'href="{admin_url(Title, "change", title.pk)}"' in html
    entry = LogEntry.objects.order_by("pk").first()
    assert client.get(admin_url(LogEntry, "add")).status_code == 403
    assert client.post(admin_url(LogEntry, "delete", entry.pk), {"post": "yes"}).status_code == 403
    change = client.post(admin_url(LogEntry, "change", entry.pk), {"change_message": "forged"})
    assert change.status_code == 403
    entry.refresh_from_db()
    assert entry.change_message != "forged"
    # The standard history page of an object shows its entries.
    history = client.get(admin_url(Title, "history", title.pk)).content.decode()
    assert "Changed Plot." in history


class TestEditorsGroup:
    def test_editor_can_change_a_credit(self, client, one_of_everything):
        editor = make_editor()
        client.force_login(editor)
        credit = Credit.objects.get()
        url = admin_url(Credit, "change", credit.pk)
        from .admin_forms import change_form_data

        data = change_form_data(client.get(url))
        data["character"] = "Elle (a French actress)"

        assert client.post(url, data).status_code == 302
        credit.refresh_from_db()
        assert credit.character == "Elle (a French actress)"
        assert credit.edited_by == editor

    def test_editor_cannot_delete_a_title_or_a_source_page(self, client, one_of_everything):
        from catalogue.models import SourcePage

        client.force_login(make_editor())
        title = one_of_everything
        source = SourcePage.objects.get()

        assert client.get(admin_url(Title, "delete", title.pk)).status_code == 403
        assert client.post(admin_url(Title, "delete", title.pk), {"post": "yes"}).status_code == 403
        assert client.post(admin_url(SourcePage, "delete", source.pk), {"post": "yes"}).status_code == 403
        assert Title.objects.filter(pk=title.pk).exists()
        assert SourcePage.objects.filter(pk=source.pk).exists()

    def test_editor_permissions(self, one_of_everything):
        editor = make_editor()
        for codename in (
            "change_credit",
            "add_credit",
            "delete_credit",
            "change_person",
            "change_title",
            "change_alternatetitle",
            "change_certificate",
            "change_releasedate",
            "change_tagline",
            "change_review",
            "change_company",
            "view_sourcepage",
            "view_goof",
        ):
            assert editor.has_perm(f"catalogue.{codename}"), codename
        assert editor.has_perm("admin.view_logentry")
        for codename in ("delete_title", "delete_sourcepage", "change_sourcepage", "add_title", "delete_person"):
            assert not editor.has_perm(f"catalogue.{codename}"), codename

    def test_editor_sees_the_changelists_and_history(self, client, one_of_everything):
        client.force_login(make_editor())
        assert client.get(admin_url(Title, "changelist")).status_code == 200
        assert client.get(reverse("admin:admin_logentry_changelist")).status_code == 200
        source_list = client.get(reverse("admin:catalogue_sourcepage_changelist"))
        assert source_list.status_code == 200
        # Re-parsing writes to the catalogue: not offered to editors.
        assert "reparse_pages" not in source_list.content.decode()

    def test_non_staff_user_is_refused(self, client, one_of_everything):
        from django.contrib.auth.models import User

        client.force_login(User.objects.create_user("reader", password="x"))
        response = client.get(admin_url(Title, "changelist"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "model_name", ["person", "review", "certificate", "titlecompany", "logentry", "alternatetitle"]
)
def test_changelist_query_count_does_not_grow_with_rows(client, superuser, model_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_rows(first: int, count: int) -> None:
        for n in range(first, first + count):
            title = make_title(f"Film {model_name} {n}", year=1950 + n % 20)
            person = make_person(f"Person {model_name} {n}")
            make_credit(title, person, character=f"Role {n}")
            make_certificate(title, country=f"Country {n % 4}", rating=str(n))
            make_aka(title, f"AKA {n}")
            Review.objects.create(title=title, summary=f"Review {n}", fingerprint=str(n))
            company = make_company(f"Company {model_name} {n}")
            TitleCompany.objects.create(title=title, company=company, kind="production")
            LogEntry.objects.log_actions(superuser.pk, [title], ADDITION, single_object=True)

    client.force_login(superuser)
    app_label = "admin" if model_name == "logentry" else "catalogue"
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    add_rows(0, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_rows(2, 20)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.context["cl"].result_count >= 22
    assert len(many) == len(few)
