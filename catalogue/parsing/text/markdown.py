"""Extractions that are not plain lines: markdown-ish text (html2text, unwrapped or wrapped at 78
columns) and one fragment a line (BeautifulSoup ``get_text("\\n")``, selectolax
``text(separator="\\n")``); and a details block run into one line by any tool.

Each is rewritten, once for the whole text, into the lines the section readers know; html2text's
links also give ids (``link_ids``). Every expression here is bounded or has no nested
quantifiers, and rebuilt lines are joined once: linear time.
"""

from __future__ import annotations

import re

from .sections import exact_label
from .vocabulary import CONNECTION_TYPES

# html2text writes links as [text](href "title") and images as ![alt](src).
_MARKDOWN_LINK = re.compile(r"\]\((?:/|https?:|[a-z#?])")
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\s]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}(?: \"[^\"\n]{0,300}\")?\)")
_STARS = re.compile(r"!\[(10|[1-9])/10\]")
_BLOCK_GAP = re.compile(r" {2,}")
_HELPFUL_START = re.compile(r" (?=\d{1,9} out of \d{1,9} people found the following)")


def _image_text(match: re.Match) -> str:
    """Images go, except a review's stars ("![9/10](…90.gif)"), which are a fact."""
    stars = _STARS.match(match.group(0))
    return f"{stars.group(1)}/10" if stars else ""


def _review_blocks(line: str) -> str:
    """html2text runs a review's header blocks into one line, two spaces apart: one line each."""
    if "people found the following" in line:
        line = _HELPFUL_START.sub("\n", line, count=1)
    elif not line.startswith("Author:") and "  Was the above " not in line:
        return line
    return "\n".join(part.replace(" , ", ", ") for part in _BLOCK_GAP.split(line))


_CELL_END = re.compile(r"[^\s|]\|")  # "Charles Boyer|": a table cell; "English | German" is a list
_HEADING = re.compile(r"^#{1,6} ")
_BULLET = re.compile(r"^(?:[*+-] )+")
_RULE = re.compile(r"^(?:\* \* \*|-{3,}|(?:-{3,}\|)+-{3,} *|\* \* \* \*)$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_ITALIC = re.compile(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")


def is_markdown(text: str) -> bool:
    """html2text's output: several markdown links and ``#`` headings."""
    head = text[:200_000]
    if "**" not in head and "\n#" not in head:
        return False
    return len(_MARKDOWN_LINK.findall(head)[:5]) >= 5 or head.count("\n#####") + head.count("\n###") >= 3


def markdown_line(line: str) -> str:
    """One markdown line as the plain text a browser would show."""
    line = line.strip()
    if not line:
        return ""
    if _RULE.match(line):
        return ""
    if "](" in line:
        line = _IMAGE.sub(_image_text, line)
        line = _LINK.sub(r"\1", line)
    line = _HEADING.sub("", line)
    line = _BULLET.sub("", line)
    if "**" in line:
        line = line.replace("**", "")
    if "_" in line:
        line = _ITALIC.sub("", line)
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    line = line.strip()
    if "  " in line:
        line = _review_blocks(line)
    # A table row: cells end in "|" ("Name|  ... | Character", "Name|  | (screenplay)").
    if "|" in line and (line.startswith(("|", "[|", "[ |")) or _CELL_END.search(line)):
        line = " ".join(cell.strip() for cell in line.lstrip("[").split("|") if cell.strip())
    elif line.endswith("|"):
        line = line.rstrip(" |")  # "recommends:  |  |  |" once the posters are gone
    return line.strip()


# html2text sometimes runs a whole details block into one line: "Runtime:114 min Country:USALanguage:English…".
_RUN_TOGETHER_LABEL = re.compile(
    r"(?<=\S) *(?=(?:Also Known As|Parents Guide|Runtime|Country|Language|Color|Aspect Ratio|Sound Mix|"
    r"Certification|Filming Locations|Company|Release Date|Genre|Awards|Trivia|Goofs|Movie Connections|Soundtrack|"
    r"Plot Keywords|Quotes|Memorable Quotes):)"
)


# ... and the recommendations' heading and the footer's "Related Links" onto the line before.
_RUN_TOGETHER_HEADING = re.compile(r"(?<=\S) (?=If you enjoyed this title|Related Links\b)")


def _split_labels(line: str) -> str:
    if "If you enjoyed this title" in line or "Related Links" in line:
        line = _RUN_TOGETHER_HEADING.sub("\n", line)
    if line.count(":") < 2:
        return line
    return "\n".join(_RUN_TOGETHER_LABEL.split(line))


def split_run_together(text: str) -> str:
    """Any extraction: a details block run into one line (``get_text(" ")``) is split at its labels,
    when a line holds three or more of them."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.count(":") >= 3 and len(line) > 60:
            parts = _RUN_TOGETHER_LABEL.split(line)
            if len(parts) >= 4:
                lines[index] = "\n".join(parts)
    return "\n".join(lines)


_OPEN_LINK_END = re.compile(r"\[[^\[\]()]{0,80}$")
_BLOCK_START = ("#", "* ", "|", "---", "> ", "![", "[![")


def _is_wrapped(lines: list[str]) -> bool:
    """html2text's default: paragraphs wrapped at 78 columns (most long lines end near there)."""
    long_lines = [len(line) for line in lines[:5000] if len(line) > 40]
    if len(long_lines) >= 20 and sum(1 for length in long_lines if 60 <= length <= 80) * 10 >= len(long_lines) * 3:
        return True
    # A short page: a link's text broken across two lines ("[Full" / "summary](/title/…)").
    return any(
        _OPEN_LINK_END.search(line[-200:]) and "](" in following[:200]
        for line, following in zip(lines[:5000], lines[1:5000])
    )


def _unwrap(lines: list[str]) -> list[str]:
    """A wrapped paragraph as one line again; a hard break ends in two spaces, a block starts with its mark."""
    out: list[list[str]] = []
    joining = False
    in_address = False  # inside a link's "(address)": html2text breaks it at a hyphen, no space to add
    for line in lines:
        stripped = line.strip()
        if joining and stripped and not stripped.startswith(_BLOCK_START):
            out[-1].append(stripped if in_address else " " + stripped)
        else:
            out.append([stripped])
        opened, closed = stripped.rfind("]("), stripped.rfind(")")
        in_address = opened > closed or (in_address and closed < 0)
        joining = (
            bool(stripped)
            and not line.endswith("  ")
            and (not stripped.startswith(("#", "|", "---")) or bool(_OPEN_LINK_END.search(stripped[-200:])))
        )
    return ["".join(parts) for parts in out]


def unwrap_markdown(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(_unwrap(lines)) if _is_wrapped(lines) else text


def unmarkdown(text: str) -> str:
    return "\n".join(_split_labels(markdown_line(line)) for line in text.split("\n"))


# ---------------------------------------------------------------- one fragment a line

# Lines that are only punctuation between inline fragments ("|", "»", "...", "(", ")").
_GLUE_LINES = frozenset(("|", "»", "...", "(", ")", "&", "[", "]", ":", ">"))


# A credit's notes on the line after the name: "(screenplay)", "(screenplay) and", "(novel) ...".
_NOTE_ENDS = (")", ") and", ") ...", ") &")


def is_fragmented(text: str) -> bool:
    """``get_text("\\n")``: the separators of inline text on lines of their own, dozens of times
    (or, on a short page, on one line in forty)."""
    count = 0
    lines = 0
    for line in text[:300_000].split("\n"):
        stripped = line.strip()
        if stripped:
            lines += 1
            if stripped in _GLUE_LINES:
                count += 1
                if count >= 8:
                    return True
    return count >= 3 and count * 40 >= lines


def _is_heading(line: str) -> bool:
    return line.endswith(":") or exact_label(line) is not None


def _attaches(previous: str, line: str) -> str | None:
    """How ``line`` continues ``previous`` ("" for no space, " " for a space), or None if it starts a line."""
    if not previous:
        return None
    if previous.endswith(("(", "[")):
        return ""
    if line in ("|", "»", "...", "....", "&", ">") or line.startswith(("» |", "More at")):
        return " "
    if (
        previous == "Author:"
        or line.startswith("from ")
        and previous.startswith("Author:")
        or previous in CONNECTION_TYPES
    ):
        return " "
    first = line[0]
    if first in ",:;)]" or line == "." and not previous.endswith(" .") or line.startswith(("'s ", "’s ")):
        return ""  # punctuation after a link's text; ". . ." broken by the page's own line ends keeps its spaces
    if previous.endswith((" |", " ...", " ....", " &", " >", "More at")) or previous == "|":
        # An empty cell ("Sam Ives ..." with no character) before the next section's heading.
        return None if previous.endswith(" ...") and _is_heading(line) else " "
    if (
        first == "("
        and (line == "(" or line.endswith(_NOTE_ENDS) and len(line) < 120 and line != "(more)")
        and not _is_heading(previous)
    ):
        return " "
    if line.startswith("Another ") and previous.startswith(("Won ", "Nominated for ")):
        return " "
    if first.islower() and previous.endswith(")") and " " not in line and line != "more":
        return "  "  # a company's note cell: "Metro-Goldwyn-Mayer (MGM)", "presents"
    if line.startswith("IMDbPro") and (previous == "on" or previous.endswith(" on")):  # "See why on" / "IMDbPro" / "."
        return " "
    return None


class _Line:
    """The line being rebuilt, as parts (gluing thousands of fragments stays linear)."""

    def __init__(self, first: str) -> None:
        self.parts = [first]
        self.size = len(first)
        self.head = first[:200]

    def add(self, glue: str, part: str) -> None:
        self.parts.append(glue + part)
        self.size += len(glue) + len(part)
        if len(self.head) < 200:
            self.head = (self.head + glue + part)[:200]

    def view(self) -> str:
        """The whole line if short; else its start and end around a NUL (enough for every rule)."""
        if self.size <= 200:
            return "".join(self.parts)
        tail: list[str] = []
        length = 0
        for part in reversed(self.parts):
            tail.append(part)
            length += len(part)
            if length >= 100:
                break
        return self.head[:100] + "\0" + "".join(reversed(tail))[-100:]

    def text(self) -> str:
        return "".join(self.parts)


def rejoin_fragments(text: str) -> str:
    """Glue each inline fragment back onto its line: "Gaslight", "(", "1944", ")" → "Gaslight (1944)"."""
    out: list[_Line] = []
    after_colon = False  # a lone ":" was glued on: the speech or value follows ("Businessman", ":", "You…")
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if out:
            glue = " " if after_colon else _attaches(out[-1].view(), line)
            after_colon = line == ":"
            if glue is not None:
                out[-1].add(glue, line)
                if line == "(original title)" and len(out) >= 2 and out[-2].view().endswith("More at IMDbPro »"):
                    out[-2].add("", out.pop().text())  # on the title's line, as a browser shows it
                continue
        out.append(_Line(line))
    return "\n".join(line.text() for line in out)


# ---------------------------------------------------------------- ids from markdown links

_NAME_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(/name/(nm\d{7,8})/")
_COMPANY_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(/company/(co\d{7,8})/")
_TITLE_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\(/title/(tt\d{7,8})/\)")
_OWN_TITLE = re.compile(r"More at [^\n]{0,300}?/title/(tt\d{7,8})/")


def link_ids(text: str) -> dict[str, dict]:
    """html2text keeps each link's target: the ids of people, companies and titles, by their link text.

    A company name links to one id per country ("Metro-Goldwyn-Mayer (MGM)" in France is another
    company), so companies keep every id in page order; people and titles keep their first.
    """
    found: dict[str, dict] = {"name": {}, "company": {}, "title": {}}
    for kind, pattern in (("name", _NAME_LINK), ("company", _COMPANY_LINK), ("title", _TITLE_LINK)):
        ids = found[kind]
        for match in pattern.finditer(text):
            key = " ".join(match.group(1).replace("**", "").split())
            if kind == "company":
                ids.setdefault(key, []).append(match.group(2))
            else:
                ids.setdefault(key, match.group(2))
    own = _OWN_TITLE.search(text[:300_000])
    if own:
        found["own"] = {"": own.group(1)}
    return found


def apply_link_ids(record, ids: dict[str, dict]) -> None:
    """The ids the HTML parser reads from the same links, set on the rows the text named."""
    names, companies, titles = ids["name"], ids["company"], ids["title"]
    for row in (*record.cast, *record.crew):
        row.imdb_id = row.imdb_id or names.get(row.name)
    taken: dict[str, int] = {}
    for company in record.companies:
        links = companies.get(company.name)
        if links and not company.imdb_id:
            index = taken.get(company.name, 0)
            company.imdb_id = links[min(index, len(links) - 1)]
            taken[company.name] = index + 1
    for linked in (*record.connections, *record.recommendations):
        linked.imdb_id = linked.imdb_id or titles.get(linked.title)
    if "own" in ids and not record.imdb_id:
        record.imdb_id = ids["own"][""]
