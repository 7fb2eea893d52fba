"""The end of an import's report, as lines a person reads (import_pages and the admin's uploads)."""

from __future__ import annotations

from .outcome import ImportReport

# Skipped items of one reason listed one by one up to this many; past it, one line with the count.
SKIPPED_LISTED = 5
NOTED_SHOWN = 20


def summary_lines(report: ImportReport, *, elapsed: float, dry_run: bool = False, listed: bool = False) -> list[str]:
    """The counts, then skipped (by reason), failed, conflicts, shared dates and noted pages.

    ``listed``: every page was already listed as it went (``-v 2``): skipped items are
    not summarised again, and every noted page is named.
    """
    prefix = "dry run (nothing written): " if dry_run else ""
    lines = [
        f"{prefix}{report.pages} pages in {elapsed:.1f}s: imported {report.imported}, updated {report.updated}, "
        f"unchanged {report.unchanged}, skipped {report.skipped_count}, failed {len(report.failed)}, "
        f"conflicts {len(report.conflicts)}; recommendation lines split {report.recommendation_lines_split}"
    ]
    if not listed:
        lines += _skipped_lines(report)
    lines += [f"failed: {failure}" for failure in report.failed]
    lines += [f"conflict: {name}: {conflict}" for name, conflict in report.conflicts]
    lines += [f"warning: {shared}" for shared in report.shared_dates]
    if report.noted_count:
        lines.append(
            f"with warnings or unparsed lines (kept in the record; the title's Sources list them): "
            f"{report.noted_count:,} page(s)"
        )
        shown = report.noted if listed else report.noted[:NOTED_SHOWN]
        lines += [
            f"noted: {noted.name}: {_plural(noted.warnings, 'warning')}, {_plural(noted.unparsed, 'unparsed line')}"
            for noted in shown
        ]
        if report.noted_count > len(shown):
            lines.append(f"… and {report.noted_count - len(shown):,} more (--report FILE.jsonl lists every page)")
    return lines


def _skipped_lines(report: ImportReport) -> list[str]:
    """A line per skipped item when there are few of a reason, else one line for the reason."""
    examples: dict[str, list] = {}
    for skipped in report.skipped:
        examples.setdefault(skipped.reason, []).append(skipped)
    lines = []
    for reason, count in report.skipped_by_reason.most_common():
        kept = examples.get(reason, [])
        if count <= SKIPPED_LISTED:
            lines += [f"skipped: {skipped.name}: {reason}" for skipped in kept]
        else:
            lines.append(f"skipped {count:,}: {reason} (e.g. {kept[0].name})")
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
