"""Lines of the old layout's sub-pages that are navigation, paging or footer, not data."""

from __future__ import annotations

import re

from ..reviews import Line

# The left-hand navigation and the header bar, as text extractions print them.
_NAVIGATION = re.compile(
    r"(?:Quicklinks|Top Links|Overview|Awards & Reviews|Plot & Quotes|Did You Know\?|Fun Stuff|Other Info|Promotional"
    r"|External Links|Own the rights\?|Buy it at Amazon|Share this page:|ad feedback|Update|Update Data|Edit page"
    r"|Add to My Movies|Add this title to MyMovies|Discuss in Boards.*|More at IMDb ?Pro.*|IMDb ?Pro"
    r"|(?:trailers and videos|main details|combined details|user reviews|plot summary|trivia|box office/business"
    r"|merchandising links|taglines|showtimes|photo gallery|full cast and crew|company credits|posters).*)",
    re.I,
)
# Paging, filters and the review form of the reviews pages.
_REVIEWS_CHROME = re.compile(
    r"(?:User (?:Reviews|Comments)(?: for .*)?|Reviews? (?:&|and) Ratings.*|\(?Review this title\)?|Add another review"
    r"|Write (?:a )?(?:user )?(?:review|comment)|Filter:.*|Hide spoilers|Show spoilers|Hide Spoilers:?|Index.*"
    r"|Page \d+ of \d+:?.*|Best|Chronological|Prolific Authors|Loved It|Hated It|Helpfulness|Submit|Yes|No|Go"
    r"|Yes No|\d[\d,]* (?:reviews?|comments?) in total.*|See more \(\d[\d,]* total\).*|Most Helpful|Newest first"
    r"|Sorry, there was a problem.*|Thank you, your vote.*|Spoiler alert:.*)",
    re.I,
)
_PAGING = re.compile(r"[\[\]\d|\s.«»<>:]*(?:(?:Next|Prev|Previous|More|First|Last)\b[\[\]\d|\s.«»<>:]*)*")
# Lines where a page's own content ends (what follows is the site's footer).
_FOOTER = re.compile(
    r"(?:Related Links|You may report errors.*|Home \| Search.*|Copyright ©.*|Terms and Privacy Policy.*"
    r"|Register \| .*|International Sites:.*|Amazon Affiliates:?|IMDb Home|Message Boards|Recommendations"
    r"|Create a character page for:.*|Full cast and crew\s+Company credits.*|Browse (?:reviews|comments).*)",
    re.I,
)


# The paging bar after the last review: "Index 84 reviews in total", "Page 2 of 9:".
_PAGING_START = re.compile(r"(?:Index(?:$|\s+\d[\d,]* (?:reviews?|comments?) in total)|Page \d+ of \d+|Filter:)", re.I)


def is_navigation(text: str) -> bool:
    return len(text) <= 300 and bool(_NAVIGATION.fullmatch(text))


def is_reviews_chrome(text: str) -> bool:
    if len(text) > 300:
        return False
    return bool(_REVIEWS_CHROME.fullmatch(text)) or (bool(text) and bool(_PAGING.fullmatch(text)))


def is_footer_start(text: str) -> bool:
    """A line where a sub-page's own content ends: "Related Links", "Copyright ©…".

    Not ``text.lines.is_footer``, which asks the other question (is a line after
    "Related Links" part of the footer: any line starting "update", "home", "an "…).
    """
    return len(text) <= 300 and bool(_FOOTER.fullmatch(text))


def is_review_stop(line: Line) -> bool:
    """A line that ends a review's text even without "Was the above review useful?"."""
    text = line.text
    return is_footer_start(text) or (len(text) <= 120 and bool(_PAGING_START.match(text)))
