"""Re-parsing stored source pages with the current parser, re-importing what changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from catalogue.models import SourcePage
from catalogue.parsing import PARSER_VERSION, PageError, parse_page

from .links import due_lines_split
from .outcome import Conflict, Failure, ImportOutcome, ImportRejected
from .records import title_import


@dataclass
class ReparseReport:
    changed: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    conflicts: list[tuple[str, Conflict]] = field(default_factory=list)
    recommendation_lines_split: int = 0


def source_reparse(*, source: SourcePage, defer_split: bool = False) -> ImportOutcome | None:
    """Parse ``source``'s stored bytes again; re-import when the record differs (None when it does not).

    ``defer_split``: see ``title_import``.
    """
    record = parse_page(bytes(source.raw), url=source.url or None)
    data = record.to_dict()
    if data == source.record:
        if source.parser_version != PARSER_VERSION:
            SourcePage.objects.filter(pk=source.pk).update(parser_version=PARSER_VERSION, reparsed_at=timezone.now())
        return None
    with transaction.atomic():
        source.record = data
        source.warnings = list(record.warnings)
        source.unparsed = list(record.unparsed)
        source.parser_version = PARSER_VERSION
        source.reparsed_at = timezone.now()
        source.save(update_fields=["record", "warnings", "unparsed", "parser_version", "reparsed_at"])
        return title_import(record=record, source=source, defer_split=defer_split)


def sources_reparse(
    sources: Iterable[SourcePage] | None = None,
    *,
    progress: Callable[[ReparseReport, SourcePage], None] | None = None,
) -> ReparseReport:
    """Re-parse ``sources`` (default: all, oldest capture first so the newest wins).

    Recommendation lines are split once at the end, as ``paths_import`` does.
    """
    if sources is None:
        sources = SourcePage.objects.order_by("captured_at", "pk").iterator(chunk_size=100)
    report = ReparseReport()
    for source in sources:
        try:
            outcome = source_reparse(source=source, defer_split=True)
            if outcome is not None:
                report.changed += 1
                report.conflicts.extend((source.file_name, c) for c in outcome.conflicts)
            else:
                report.unchanged += 1
        except PageError as error:
            report.failed.append(Failure(source.file_name, error.message, error.line))
        except ImportRejected as error:
            report.failed.append(Failure(source.file_name, str(error)))
        except Exception as error:  # noqa: BLE001 - one bad page must not stop the batch
            report.failed.append(Failure(source.file_name, f"{type(error).__name__}: {error}"))
        if progress is not None:
            progress(report, source)
    report.recommendation_lines_split = due_lines_split()
    return report
