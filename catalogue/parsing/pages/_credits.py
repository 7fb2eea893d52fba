"""Collecting credit rows into a record: order within each department, the warning for an
unknown heading, cast order running on through "rest of cast listed alphabetically"."""

from __future__ import annotations

import re

from ..common import split_parentheticals
from ..record import CastMember, CrewMember, TitleRecord
from ._shared import CAST_LABELS, CreditParts, department_for, normalise_heading

CAST = "cast"
CAST_COMPLETE = re.compile(r"(?<!Crew )\(?verified as complete\)?", re.I)
REST_OF_CAST = re.compile(r"rest of cast listed alphabetically:?", re.I)
# Lines under a heading that describe the list rather than hold a credit.
LIST_NOTES = re.compile(
    r"\((?:in (?:credits|alphabetical) order|WGA|verified as complete|complete, awaiting verification"
    r"|awaiting verification|in no particular order)\)(?:\s*\([^()]{0,60}\))*",
    re.I,
)


class CreditCollector:
    def __init__(self, record: TitleRecord) -> None:
        self.record = record
        self.department: tuple[str, str] | None = None  # (key, label as printed); key "cast" for the cast
        self.orders: dict[str, int] = {}
        self.unknown_seen: set[str] = set()

    def heading(self, text: str) -> bool:
        """Start the section ``text`` heads; False when it heads no credits."""
        label, notes = split_parentheticals(normalise_heading(text))
        label = normalise_heading(label)
        if not label:
            return False
        if label.lower() in CAST_LABELS or label.lower().startswith("cast "):
            self.department = (CAST, label)
            self.note_cast_text(text)
            return True
        key, known = department_for(label)
        if not known and label not in self.unknown_seen:
            self.unknown_seen.add(label)
            self.record.warnings.append(f"unknown crew heading {label!r}: kept under the key {key!r}")
        self.department = (key, label)
        return True

    def stop(self) -> None:
        self.department = None

    @property
    def in_cast(self) -> bool:
        return self.department is not None and self.department[0] == CAST

    def note_cast_text(self, text: str) -> None:
        if CAST_COMPLETE.search(text) and not text.lower().lstrip().startswith("crew"):
            self.record.cast_complete = True
        if self.in_cast and REST_OF_CAST.fullmatch(text.strip()) and self.record.cast_alphabetical_from is None:
            # The old page's divider: the cast from here on is alphabetical, not in credits order.
            self.record.cast_alphabetical_from = len(self.record.cast) + 1

    def add_cast(self, parts: CreditParts, *, imdb_id: str | None = None, character_id: str | None = None) -> None:
        self.record.cast.append(
            CastMember(
                name=parts.name,
                character=parts.character,
                credited_as=parts.credited_as,
                notes=parts.notes,
                order=len(self.record.cast) + 1,
                imdb_id=imdb_id,
                character_id=character_id,
            )
        )

    def add_crew(self, parts: CreditParts, *, imdb_id: str | None = None) -> None:
        key, label = self.department
        order = self.orders.get(key, 0) + 1
        self.orders[key] = order
        self.record.crew.append(
            CrewMember(
                department=key,
                department_label=label,
                name=parts.name,
                job=parts.job,
                credited_as=parts.credited_as,
                notes=parts.notes,
                order=order,
                imdb_id=imdb_id,
            )
        )
