"""A title's sources: every stored capture, what it said, and how two captures differ.

The public "Sources" page reads these (``/title/<slug>/sources/``): provenance for the
archivist and the citation for the researcher. The saved bytes themselves are never
read here (staff see them in the admin's sandboxed view).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath

from catalogue.models import SourcePage, Title

# A record's keys shown in the diff in this order first (the rest alphabetically).
DIFF_FIRST = ("title", "year", "kind", "original_title", "rating", "plot", "genres", "certificates", "cast", "crew")
DIFF_VALUE_CHARS = 400


@dataclass
class Capture:
    source: SourcePage
    name: str  # the file, member or WARC URI, without the importer's local folders
    rating: dict | None
    warnings: list[str]
    unparsed: list[str]

    @property
    def pk(self) -> int:
        return self.source.pk


@dataclass
class FieldChange:
    key: str
    before: str
    after: str


@dataclass
class CaptureDiff:
    older: Capture
    newer: Capture
    changes: list[FieldChange] = field(default_factory=list)


def public_source_name(file_name: str, url: str) -> str:
    """What a capture is called in public: its URL, else its file's name (not the importer's folders)."""
    if url:
        return url
    archive, _, member = file_name.partition("!")
    base = PurePosixPath(archive.replace("\\", "/")).name
    return f"{base}!{member}" if member else base


def title_captures(title: Title) -> list[Capture]:
    """The title's sources, oldest capture first (undated last), in one query."""
    sources = SourcePage.objects.filter(title=title).defer("raw").order_by("captured_at", "pk")
    captures = [
        Capture(
            source=source,
            name=public_source_name(source.file_name, source.url),
            rating=(source.record or {}).get("rating"),
            warnings=list(source.warnings or []),
            unparsed=list(source.unparsed or []),
        )
        for source in sources
    ]
    return [c for c in captures if c.source.captured_at] + [c for c in captures if not c.source.captured_at]


def captures_diff(captures: list[Capture], older_pk: int, newer_pk: int) -> CaptureDiff | None:
    """Field by field, what changed between two of ``captures`` (None when either is not among them)."""
    by_pk = {capture.pk: capture for capture in captures}
    older, newer = by_pk.get(older_pk), by_pk.get(newer_pk)
    if older is None or newer is None or older is newer:
        return None
    before, after = older.source.record or {}, newer.source.record or {}
    keys = [key for key in DIFF_FIRST if key in before or key in after]
    keys += sorted((set(before) | set(after)) - set(keys) - {"warnings", "unparsed", "source_format", "page_type"})
    diff = CaptureDiff(older=older, newer=newer)
    for key in keys:
        if before.get(key) != after.get(key):
            diff.changes.append(FieldChange(key, _shown(before.get(key)), _shown(after.get(key))))
    return diff


def _shown(value) -> str:
    if value in (None, "", [], {}):
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= DIFF_VALUE_CHARS else text[:DIFF_VALUE_CHARS] + "…"


def citation_date(when: datetime | None, precision: str) -> str:
    if when is None:
        return "undated"
    if precision == "year":
        return f"{when:%Y}"
    if precision == "month":
        return f"{when:%B %Y}"
    return f"{when.day} {when:%B %Y}"
