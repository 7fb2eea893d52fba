"""The page as lines: normalisation, boilerplate, and the cursor the sections read from."""

from __future__ import annotations

import re

from ..record import Company, TitleRecord

# Navigation, voting widgets, share links, footer: page furniture, never data.
BOILERPLATE = frozenset(
    line.lower()
    for line in (
        "Quicklinks",
        "Top Links",
        "Overview",
        "Awards & Reviews",
        "Plot & Quotes",
        "Did You Know?",
        "Fun Stuff",
        "Other Info",
        "Promotional",
        "External Links",
        "Your Rating:",
        "Saving vote...",
        "Deleting vote...",
        "Sorry, there was a problem",
        "Own the rights?",
        "Buy it at Amazon",
        "Watch it at Amazon",
        "Share this page:",
        "ad feedback",
        "advertisement",
        "Contact:",
        "Create a character page for:",
        "Additional Details",
        "Add content advisory for parents",
        "View content advisory for parents",
        "Parents Guide:",
        "Crew verified as complete",
        "Crew believed to be complete",
        "Episode Crew",
        "Add episode",
        "Watch It",
        "Cast believed to be complete",
        "(in alphabetical order)",
        "Show more recommendations",
        "Update",
        "Add this title to MyMovies",
        "Terms and Privacy Policy under which this service is provided to you.",
        "An company.",
        "Amazon Affiliates:",
        "Recent Posts (updated daily) User",
        "Edit page",
        "Details",
        "Storyline",
        "Cast & Crew",
        "Add to My Movies",
        "Update Data",
        "Review this title",
        "Comment on this title",
        "Rate this",
        "Quick Links",
        "Edit",
        "Message Board",
        "Episode Guide",
        "Explore More",
        "Trailers and Videos",
        "Photo Gallery",
        "Add to Watchlist",
        "Watchlist",
        "Watch Trailer",
        "Watch Now",
        "Share",
        "Rate This",
        "Photos",
        "Videos",
        "More",
        "Login",
        "Register",
    )
)

_BOILERPLATE_PREFIXES = (
    "view company contact information",
    "discuss in boards",
    "discuss this movie with other users",
    "/10 (delete | history)",
    "(delete | history)",
    "you may report errors and omissions",
    "copyright ©",
    "home | search",
    "register | rss",
    "international sites:",
    "see why on imdbpro",
    "see rank & trends on imdbpro",
    "(review this title)",
    "(comment on this title)",
    "add the first question",
    "more at imdbpro",
    "create a character page for:",
)

# The navigation block's link lines run their words together in lower case.
_NAV_LINE = re.compile(
    r"^(?:trailers and videos|main details|user reviews|user comments|plot summary|trivia|box office|"
    r"merchandising links|taglines|showtimes|business)"
)


def collapse(line: str) -> str:
    return " ".join(line.split()) if "  " in line else line


def is_boilerplate(collapsed: str, lower: str | None = None) -> bool:
    if lower is None:
        lower = collapsed.lower()
    if lower in BOILERPLATE or lower.startswith(_BOILERPLATE_PREFIXES):
        return True
    first = lower[:1]
    if (first == "»" or first == "(") and lower.endswith(")") and lower.startswith(("» (from ", "(from ")):
        return True
    if len(lower) < 60 and lower.endswith(("»", ")")) and _link_base(lower) in BOILERPLATE:
        return True  # "Photo Gallery »", "Photo Gallery (see all)": links, not a name with a note
    # Navigation link lines start in lower case ("trailers and videosfull cast and crew…").
    return collapsed[:1].islower() and " " in collapsed and bool(_NAV_LINE.match(collapsed))


# "(see all)" after a link; never digits: "Photos (See all 33 | slideshow)" is the photo count.
_LINK_COUNT = re.compile(r" \([^()\d]{1,20}\)$")


def _link_base(lower: str) -> str:
    """A link's text without its "»" or "(see all)" (never digits: "Edit (2005)" is a title)."""
    if lower.endswith("»"):
        return lower[:-1].rstrip()
    match = _LINK_COUNT.search(lower)
    return lower[: match.start()] if match else lower


# After "Related Links": the site's link lists and footer.
_FOOTER_PREFIXES = (
    "full cast and crew",
    "company credits",
    "external reviews",
    "news articles",
    "add this title",
    "update",
    "home",
    "register",
    "rss",
    "international sites",
    "terms and privacy",
    "an ",
    "you may report",
    "edit page",
    "copyright",
    "imdb ",
    "box office mojo",
    "withoutabox",
    "follow us",
    "advertise",
    "license our",
)


def is_footer(collapsed: str) -> bool:
    lower = collapsed.lower()
    return lower.startswith(_FOOTER_PREFIXES) or " | " in lower or "section" in lower or is_boilerplate(collapsed)


TERMINATORS = frozenset(
    ("see more »", "see more", "more", "(more)", "more »", "see all »", "» see more", "see more ...", "...", "»", "|")
)


def is_terminator(collapsed: str) -> bool:
    return collapsed.lower() in TERMINATORS


# Text browsers' list bullets (lynx "*", w3m "•"/"●"), drawn rules, and image file names in brackets.
_BULLETS = frozenset(("* ", "• ", "● ", "◦ ", "○ ", "▪ ", "■ ", "· "))
_RULE_CHARS = frozenset("_━─═")
_IMAGE_NAME = re.compile(r"\[[^\[\]\s]{1,300}\.(?:jpg|jpeg|gif|png)\]\s*", re.I)


def _without_furniture(line: str) -> str:
    """A line without what text browsers draw: bullets, rules, ``[image.jpg]``, ``IFRAME:`` lines."""
    if not line:
        return line
    if line[:2] in _BULLETS:
        line = line[2:].lstrip()
    first = line[:1]
    if first in _RULE_CHARS and len(line) >= 3 and not line.strip(line[0]):
        return ""
    if first == "[" and _IMAGE_NAME.match(line):
        line = _IMAGE_NAME.sub("", line, count=1)
    if first == "I" and line.startswith("IFRAME:"):
        return ""
    return line


class Page:
    """The lines of one page, a cursor, and what the sections have found so far."""

    def __init__(self, text: str) -> None:
        # Non-breaking and other fixed spaces, and tabs, are spaces; done once for the whole text.
        for space in ("\xa0", "\t", "\u2007", "\u202f"):
            if space in text:
                text = text.replace(space, " ")
        self.lines = [_without_furniture(line.strip()) for line in text.split("\n")]
        # The same lines with runs of spaces made one ("Charles Boyer  ...  Gregory Anton").
        self.collapsed = [" ".join(line.split()) if "  " in line else line for line in self.lines]
        self.lowered = [line.lower() for line in self.collapsed]
        self.count = len(self.lines)
        self.i = 0
        self.record = TitleRecord(title="")
        self.zone = "top"
        # Page style: the Die Hard-like extractions print bare "more" links.
        self.bare_more = False
        self.truncated = False  # no footer
        self.cut_mid_line = False  # and no final line end
        # What the overview has shown so far, to place label-less values by position.
        self.title_line_seen = False
        self.aux_title: str | None = None  # the line after the header, often the title again
        self.seen_rating = False
        self.seen_release = False
        self.tagline_label_seen = False
        # Summary lines, merged into crew/cast/companies at the end without duplicates.
        self.summary_directors: list[str] = []
        self.summary_writers: list[str] = []
        self.summary_creators: list[str] = []
        self.summary_stars: list[str] = []
        self.summary_companies: list[Company] = []
        self.cast_order = 0
        self.crew_orders: dict[str, int] = {}
        # The kinds of "Did You Know?" items read so far, to place unlabelled ones.
        self.dyk_kinds: list[str] = []
        self.amazon_block = False
        # One inline fragment a line (get_text("\n")): a block's lines are one paragraph.
        self.fragmented = False
        # The current line without its links, for the field specs' shape tests.
        self.stripped_at = -1
        self.stripped = ""

    def next_nonblank(self, start: int) -> int:
        index = start
        while index < self.count and not self.lines[index]:
            index += 1
        return index

    def unparsed(self, line: str) -> None:
        self.record.unparsed.append(line)

    def warn(self, message: str) -> None:
        if message not in self.record.warnings and len(self.record.warnings) < 200:
            self.record.warnings.append(message)
