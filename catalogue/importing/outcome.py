"""What an import did: per page (``ImportOutcome``) and per batch (``ImportReport``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .capture import SharedDate, SharedDates


class ImportRejected(ValueError):
    """A parsed record the catalogue cannot hold (e.g. a value longer than its column)."""


class ImportStopped(Exception):
    """The database stopped taking writes (a full disk, a lost connection): the batch cannot go on.

    ``report`` counts only what is committed: the open group of pages was rolled back
    and its pages taken out of the counts (``rolled_back`` of them).
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
        self.report: ImportReport | None = None


@dataclass
class Conflict:
    """A hand-edited row the import kept although the page now says something else."""

    model: str
    row_id: int | None
    row: str
    field: str
    kept: Any
    page: Any

    def __str__(self) -> str:
        where = f"{self.model} {self.row_id} ({self.row})" if self.row_id else f"{self.model} ({self.row})"
        return f"{where}: {self.field} kept {self.kept!r}, page says {self.page!r}"


@dataclass
class ImportOutcome:
    status: str  # "imported" (new title), "updated", "unchanged"
    title: Any = None  # the Title, when there is one
    source: Any = None  # the SourcePage
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Failure:
    name: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.name}:{self.line}: {self.reason}" if self.line else f"{self.name}: {self.reason}"


# A crawl can hold millions of records that are not title pages: the report counts them
# all (by reason) but keeps only the first few of each for the summary's examples; the
# full list is the per-page report (import_pages --report, -v 2).
SKIPPED_KEPT_PER_REASON = 20
NOTED_KEPT = 1000


@dataclass
class Noted:
    """A page imported with warnings or lines the parser could not place (kept in its record)."""

    name: str
    warnings: int
    unparsed: int


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # sources.Skipped: the first SKIPPED_KEPT_PER_REASON of each reason
    skipped_by_reason: Counter = field(default_factory=Counter)
    noted: list[Noted] = field(default_factory=list)  # the first NOTED_KEPT
    noted_count: int = 0
    failed: list[Failure] = field(default_factory=list)
    conflicts: list[tuple[str, Conflict]] = field(default_factory=list)  # (page name, conflict)
    recommendation_lines_split: int = 0  # by the batch's closing pass (links.due_lines_split)
    captures: SharedDates = field(default_factory=SharedDates)  # (title, page type, date) → pages

    @property
    def shared_dates(self) -> list[SharedDate]:
        """Captures of one title this batch gave the same date (one rating in the history)."""
        return self.captures.shared()

    rolled_back: int = 0  # pages imported in a group the database then rolled back (ImportStopped)

    def checkpoint(self) -> tuple[int, ...]:
        return self.imported, self.updated, self.unchanged, len(self.conflicts), self.noted_count, len(self.noted)

    def rollback(self, checkpoint: tuple[int, ...]) -> None:
        """Forget the pages written since ``checkpoint``: their group was rolled back."""
        imported, updated, unchanged, conflicts, noted_count, noted = checkpoint
        self.rolled_back += (self.imported - imported) + (self.updated - updated) + (self.unchanged - unchanged)
        self.imported, self.updated, self.unchanged = imported, updated, unchanged
        del self.conflicts[conflicts:]
        self.noted_count = noted_count
        del self.noted[noted:]

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped_by_reason.values())

    def skip(self, skipped) -> None:
        self.skipped_by_reason[skipped.reason] += 1
        if self.skipped_by_reason[skipped.reason] <= SKIPPED_KEPT_PER_REASON:
            self.skipped.append(skipped)

    @property
    def pages(self) -> int:
        return self.imported + self.updated + self.unchanged + len(self.failed)

    def add(self, name: str, outcome: ImportOutcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.conflicts.extend((name, conflict) for conflict in outcome.conflicts)
        if outcome.status != "unchanged":
            self.captures.add(name, outcome.source)
            source = outcome.source
            if source is not None and (source.warnings or source.unparsed):
                self.noted_count += 1
                if len(self.noted) < NOTED_KEPT:
                    self.noted.append(Noted(name, len(source.warnings), len(source.unparsed)))
