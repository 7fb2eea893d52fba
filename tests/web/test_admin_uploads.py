"""Import from the browser: an upload in the admin, imported by the database task worker."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from catalogue.models import ImportUpload, SourcePage, Title, UploadStatus
from tests.conftest import SAMPLES

from .admin_factories import make_superuser

pytestmark = pytest.mark.django_db(transaction=True)  # the enqueue waits for the upload's commit, as in production


@pytest.fixture
def staff_client(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    client.force_login(make_superuser())
    return client


def _samples_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("hiroshima-mon-amour-1959.combined.txt", "gaslight-1944.combined-2010.html", "README.md"):
            archive.write(SAMPLES / name, name)
    return buffer.getvalue()


def _run_worker() -> None:
    # The worker as `manage.py db_worker` runs it; --batch: until the queue is empty, then exit.
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())


def test_an_uploaded_archive_is_queued_then_imported_by_the_worker(staff_client):
    add = reverse("admin:catalogue_importupload_add")
    assert 'type="file" name="file"' in staff_client.get(add).content.decode()

    response = staff_client.post(add, {"file": SimpleUploadedFile("my pages.zip", _samples_zip())})

    assert response.status_code == 302
    upload = ImportUpload.objects.get()
    assert (upload.original_name, upload.status) == ("my pages.zip", UploadStatus.QUEUED)
    assert Title.objects.count() == 0  # nothing happens in the request itself
    page = staff_client.get(reverse("admin:catalogue_importupload_change", args=[upload.pk])).content.decode()
    assert "waiting for the worker (manage.py db_worker)" in page

    _run_worker()

    upload.refresh_from_db()
    assert upload.status == UploadStatus.DONE and upload.share == 1.0 and upload.pages == 2
    assert sorted(Title.objects.values_list("title", flat=True)) == ["Gaslight", "Hiroshima Mon Amour"]
    assert upload.report[0].startswith("2 pages in ")
    assert "imported 2, updated 0, unchanged 0, skipped 1, failed 0" in upload.report[0]
    assert "skipped: my pages.zip!README.md: README file" in upload.report  # the uploaded name, not the disk path
    page = staff_client.get(reverse("admin:catalogue_importupload_change", args=[upload.pk])).content.decode()
    assert "<li>skipped: my pages.zip!README.md: README file</li>" in page
    assert SourcePage.objects.filter(file_name__contains="hiroshima").exists()


def test_a_failing_page_in_an_upload_is_reported_and_the_rest_imported(staff_client):
    staff_client.post(
        reverse("admin:catalogue_importupload_add"),
        {"file": SimpleUploadedFile("bad.json", b'{"title": "Bad",\n oops}')},
    )

    _run_worker()

    upload = ImportUpload.objects.get()
    assert upload.status == UploadStatus.FAILED
    assert any(line.startswith("failed: bad.json:2: not a valid JSON record") for line in upload.report)


def test_uploads_need_a_staff_login(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    response = client.post(reverse("admin:catalogue_importupload_add"), {"file": SimpleUploadedFile("a.txt", b"x")})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert ImportUpload.objects.count() == 0
