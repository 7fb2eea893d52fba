"""Text-page plumbing: the title's header from the breadcrumb or the heading line."""

from __future__ import annotations

import re

from ..reviews import Line
from ._shared import TitleHeader, parse_title_header

_CRUMB = re.compile(r"IMDb\s*>\s*(.{1,500})")
_SUB_PAGE_SUFFIX = re.compile(
    r"\s*[-–|:]\s*(?:User Reviews|User Comments|Reviews (?:&|and) Ratings|Full cast and crew|Full credits)(?:\s*[-–|]\s*IMDb)?$",
    re.I,
)
_BARE_HEADER = re.compile(
    r"[^()]{1,200}\((?:[A-Za-z -]{0,20} )?(?:\d{4}|\?{4})[^()]{0,12}\)(?:\s*\((?:TV|V|VG|mini)\))?"
)
_HEADING = re.compile(r".{1,300}\([^()]{0,30}\d{4}[^()]{0,20}\).{0,300}More at IMDb ?Pro.*")


def header_from_lines(lines: list[Line], *, search: int = 60) -> tuple[TitleHeader | None, set[int]]:
    """The title's header and the indexes of the lines that printed it.

    The breadcrumb (``IMDb > Gaslight (1944) > User Reviews``) names the title; the
    heading line (``Seven Samurai (1954) More at IMDbPro »Shichinin no samurai (original
    title)``) adds the original title.
    """
    header = None
    used: set[int] = set()
    for index, line in enumerate(lines[:search]):
        text = line.text
        crumb = _CRUMB.fullmatch(text) if header is None and len(text) < 600 else None
        if crumb:
            parts = [part.strip() for part in crumb.group(1).split(">")]
            # A title may hold " > "; the last part names the sub-page when there is one.
            candidates = [" > ".join(parts[:-1]), " > ".join(parts)] if len(parts) > 1 else [parts[0]]
            for candidate in candidates:
                parsed = parse_title_header(re.sub(r"\s*-\s*IMDb$", "", candidate))
                if parsed is not None:
                    header = parsed
                    used.add(index)
                    break
            continue
        if header is not None and len(text) < 300 and "(" in text:
            same = parse_title_header(text)
            if same is not None and (same.title, same.year) == (header.title, header.year) and "More at" not in text:
                used.add(index)  # the page's heading repeating the title
                continue
        if len(text) < 700 and _HEADING.fullmatch(text):
            parsed = parse_title_header(text)
            if parsed is not None:
                used.add(index)
                if header is None:
                    header = parsed
                elif parsed.original_title and not header.original_title:
                    header.original_title = parsed.original_title
                break
    if header is None:
        # No breadcrumb and no "More at IMDbPro" heading: a line that is only the title,
        # or the title and the sub-page's name ("Gaslight (1944) - User Reviews").
        for index, line in enumerate(lines[:search]):
            text = _SUB_PAGE_SUFFIX.sub("", line.text) if len(line.text) < 300 else ""
            if text and _BARE_HEADER.fullmatch(text):
                header = parse_title_header(text)
                if header is not None:
                    used.add(index)
                    break
    if header is not None and header.original_title is not None:
        for index, line in enumerate(lines[:search]):
            if line.text == header.original_title:
                used.add(index)  # the original title printed on its own line
                break
    elif header is not None:
        # The line between the breadcrumb and the navigation may print the original title.
        crumb_index = min(used)
        following = lines[crumb_index + 1].text if crumb_index + 1 < len(lines) else ""
        after = lines[crumb_index + 2].text if crumb_index + 2 < len(lines) else ""
        if following and following != header.title and len(following) < 200 and _is_navigation(after):
            if not _is_navigation(following) and "(" not in following:
                header.original_title = following
                used.add(crumb_index + 1)
    return header, used


def _is_navigation(text: str) -> bool:
    from ._boilerplate import is_navigation

    return is_navigation(text)
