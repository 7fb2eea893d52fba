"""/data/: the downloadable dataset export_dataset last wrote (docs/data.md).

Only the files the manifest names are served (no path from the URL reaches the disk
otherwise), each with its sha256 as ETag, so a download tool fetches a file again only
when a new export changed it.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from catalogue.dataset import FILES, MANIFEST, RECORDS, read_manifest


@require_safe
def dataset_index(request: HttpRequest) -> HttpResponse:
    manifest = read_manifest(Path(settings.DATASET_ROOT))
    files = []
    if manifest:
        for name, facts in manifest["files"].items():
            files.append({"name": name, "columns": FILES.get(name), **facts})
    return render(request, "catalogue/data/index.html", {"manifest": manifest, "files": files, "records": RECORDS})


@require_safe
def dataset_file(request: HttpRequest, name: str) -> HttpResponse:
    manifest = read_manifest(Path(settings.DATASET_ROOT))
    facts = (manifest or {}).get("files", {}).get(name) if name != MANIFEST else {"sha256": None}
    if facts is None or manifest is None:
        raise Http404(f"No dataset file {name}")
    etag = f'"{facts["sha256"]}"' if facts.get("sha256") else None
    if etag and etag in request.headers.get("If-None-Match", ""):
        return HttpResponseNotModified()
    try:
        handle = (Path(settings.DATASET_ROOT) / name).open("rb")
    except OSError:
        raise Http404(f"No dataset file {name}") from None
    response = FileResponse(handle, as_attachment=name != MANIFEST, filename=name)
    if name.endswith(".gz"):
        response["Content-Type"] = "application/gzip"  # the file itself, not a compressed transfer
        response.headers.pop("Content-Encoding", None)
    if etag:
        response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=3600)
    return response
