"""Cast and crew rows: one printed row in, one record row out."""

from __future__ import annotations

import re

from ..common import credited_as_and_notes
from ..record import DEPARTMENT_KEYS, CastMember, CrewMember
from .values import SHORT_LINE, collapse, split_trailing_parens

_CAST_SEPARATOR = re.compile(r"\s+\.{3,4}(?:\s+|$)")
_CREW_SEPARATOR = re.compile(r"\s*\.{3,}\s*")
_JOINERS = (" and", " &", "...", "…")


def strip_joiner(text: str) -> str:
    """``Mario Puzo (screenplay) and`` / ``… (screenplay) ...`` → without the word that joins it to the next line."""
    text = text.rstrip()
    if text.endswith(_JOINERS):
        for joiner in _JOINERS:
            if text.endswith(joiner):
                return text[: -len(joiner)].rstrip()
    return text


_KEY_CHARS = re.compile(r"[^a-z0-9]+")

CREW_HEADINGS: dict[str, tuple[str, str]] = {}
for _label, _key in DEPARTMENT_KEYS.items():
    CREW_HEADINGS[_label.lower()] = (_key, _label)
    CREW_HEADINGS["series " + _label.lower()] = (_key, "Series " + _label)
CREW_HEADINGS["writing credits (wga)"] = ("writer", "Writing credits (WGA)")
CREW_HEADINGS["series writing credits (wga)"] = ("writer", "Series Writing credits (WGA)")

# A heading the table does not know: "Non-Original Music by", "Script and Continuity Department".
_UNKNOWN_HEADING = re.compile(r"^[A-Z][A-Za-z&,' -]{1,60} (?:by|Department|Management|crew)$")


_HEADING_FIRST_WORDS = frozenset(heading.split(" ", 1)[0] for heading in CREW_HEADINGS)


def crew_heading(collapsed: str) -> tuple[str, str] | None:
    """``(key, label)`` for a known crew heading, also with a note: ``Writing credits (in alphabetical order)``."""
    if len(collapsed) > 100 or collapsed.split(" ", 1)[0].lower() not in _HEADING_FIRST_WORDS:
        return None
    found = CREW_HEADINGS.get(collapsed.lower())
    if found is None and collapsed.endswith(")"):
        found = CREW_HEADINGS.get(split_trailing_parens(collapsed)[0].lower())
    return found


def unknown_crew_heading(collapsed: str) -> tuple[str, str] | None:
    if len(collapsed) > 70 or "...." in collapsed or not _UNKNOWN_HEADING.match(collapsed):
        return None
    return department_key(collapsed), collapsed


def department_key(label: str) -> str:
    return _KEY_CHARS.sub("_", label.lower()).strip("_") or "other"


def parse_crew_row(line: str, key: str, label: str, order: int) -> CrewMember | None:
    """``Name .... job (notes) (as Alias)``, ``Name  job``, ``Name (notes)`` (contract, "Crew rows")."""
    if len(line) > SHORT_LINE:
        return None
    text = strip_joiner(line.strip())
    job = None
    parts = _CREW_SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2:
        name, rest = parts
        job, notes = split_trailing_parens(rest.strip())
    else:
        double = text.find("  ")
        if double > 0:
            name, rest = text[:double], text[double:].strip()
            if rest.startswith("("):
                leftover, notes = split_trailing_parens("x " + rest)
                if leftover[2:].strip():
                    job = leftover[2:].strip()
            else:
                job, notes = split_trailing_parens(rest)
        else:
            name, notes = split_trailing_parens(text)
    name = collapse(name)
    if not name or name.startswith("("):
        return None
    credited_as, notes = credited_as_and_notes(notes)
    job = collapse(job) if job else None
    return CrewMember(
        department=key,
        department_label=label,
        name=name,
        job=job or None,
        credited_as=credited_as,
        notes=notes,
        order=order,
    )


def parse_cast_row(line: str, order: int) -> CastMember | None:
    """``Name ... Character (as Alias) (uncredited)``, or a name alone."""
    if len(line) > SHORT_LINE or "|" in line:
        return None
    parts = _CAST_SEPARATOR.split(line.strip(), maxsplit=1)
    if len(parts) == 1 and "..." in line:
        # Cells joined without spaces: "Emmanuelle Riva...Elle".
        name_part, _, character_part = line.strip().partition("...")
        if name_part and not name_part.endswith(".") and not character_part.startswith("."):
            parts = [name_part, character_part]
    name = collapse(parts[0])
    character_text = collapse(parts[1]) if len(parts) == 2 else ""
    if not name or name.startswith(("(", "[")) or len(name) > 120:
        return None
    if len(parts) == 1 and (
        ":" in name or len(name.split()) > 8 or name.endswith((".", "?", "!")) and " " in name and len(name) > 40
    ):
        return None
    name, name_notes = split_trailing_parens(name)
    # A character cell of notes only ("(uncredited)"): the leading space lets the first group split off too.
    character, notes = split_trailing_parens(" " + character_text) if character_text else ("", [])
    credited_as, notes = credited_as_and_notes(name_notes + notes)
    return CastMember(
        name=collapse(name),
        character=character.strip() or None,
        credited_as=credited_as,
        notes=notes,
        order=order,
    )


_SUMMARY_SPLIT = re.compile(r",\s+|\s+and\s+|\s+&\s+")


def split_people(text: str) -> list[str]:
    """``Mario Puzo (novel), Francis Ford Coppola (screenplay) and X`` → one string per person.

    Splits only outside parentheses, so "(story and screenplay)" stays whole.
    """
    people = []
    depth = 0
    start = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and char in ",&a":
            match = _SUMMARY_SPLIT.match(text, index - 1 if char == "a" and index > 0 else index)
            if char == "," and match:
                people.append(text[start:index])
                start = match.end()
                index = match.end()
                continue
            if char in "&a" and index > 0 and text[index - 1] == " ":
                match = _SUMMARY_SPLIT.match(text, index - 1)
                if match:
                    people.append(text[start : index - 1])
                    start = match.end()
                    index = match.end()
                    continue
        index += 1
    people.append(text[start:])
    return [collapse(strip_joiner(person.strip())) for person in people if person.strip()]
