"""A staff member uploads an archive of saved pages in the admin; the task worker imports it.

The worker runs in this process (``db_worker --batch``, as ``make serve`` runs it but
stopping when the queue is empty): the live server's in-memory SQLite database is
shared by the threads of one process only, so a worker in a subprocess would not see it.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from catalogue.models import ImportUpload, SourcePage, Title, UploadStatus
from tests.conftest import SAMPLES
from tests.web.admin_factories import PASSWORD, make_superuser

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ("hiroshima-mon-amour-1959.combined.txt", "gaslight-1944.combined-2010.html", "README.md")


def _field(page, name: str):
    return page.locator(f".field-{name} .readonly")


def test_staff_uploads_an_archive_and_reads_the_import_report(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "saved pages.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in PAGES:
            zipped.write(SAMPLES / name, f"pages/{name}")
    user = make_superuser("archivist")

    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + reverse("admin:catalogue_importupload_add"))
    page.locator("input[type=file][name=file]").set_input_files(str(archive))
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/catalogue/importupload/$"))
    page.get_by_role("link", name="saved pages.zip").click()

    upload = ImportUpload.objects.get()
    assert page.url.endswith(reverse("admin:catalogue_importupload_change", args=[upload.pk]))
    assert _field(page, "status").inner_text() == "Queued"
    assert _field(page, "progress").inner_text() == "waiting for the worker (manage.py db_worker)"
    assert Title.objects.count() == 0  # the request only stores the file and queues the task

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    page.reload()

    assert _field(page, "status").inner_text() == "Done"
    assert _field(page, "pages").inner_text() == "2"
    assert _field(page, "progress").inner_text() == "100%"
    report = page.locator(".field-report_lines ul.upload-report li").all_inner_texts()
    assert re.match(r"2 pages in .*imported 2, updated 0, unchanged 0, skipped 1, failed 0", report[0])
    # The report names the uploaded archive, never the worker's path to the stored file.
    assert "skipped: saved pages.zip!pages/README.md: README file" in report
    assert str(settings.MEDIA_ROOT) not in " ".join(report)
    assert sorted(Title.objects.values_list("title", flat=True)) == ["Gaslight", "Hiroshima Mon Amour"]
    assert SourcePage.objects.filter(
        title__title="Gaslight", file_name__endswith="gaslight-1944.combined-2010.html"
    ).exists()
    assert ImportUpload.objects.get().status == UploadStatus.DONE
