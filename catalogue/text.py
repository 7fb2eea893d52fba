"""Small text helpers shared by the models, the importer and search (no Django models)."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from django.utils.text import slugify


# Latin letters that NFKD does not decompose into a base letter and a mark, folded as a
# reader types them ("zulawski" finds Żuławski, "soren" finds Søren). Applied after
# casefold, so only the lower-case forms are needed (casefold already makes ß "ss").
FOLDED_LETTERS = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŀ": "l",
        "ĸ": "k",
        "ŋ": "n",
        "ƒ": "f",
        "ſ": "s",
    }
)


def fold(text: str | None) -> str:
    """Lower-case, accent-free form used for accent- and case-insensitive search, and slugs.

    "Éliane Marcus" and "eliane MARCUS" fold to the same "eliane marcus"; "Andrzej
    Żuławski" to "andrzej zulawski". Stored folded columns hold this form: a change here
    needs a migration that folds them again (see 0011_fold_letters).
    """
    if not text:
        return ""
    if text.isascii():  # the common case; NFKD and casefold of ASCII are lower()
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().translate(FOLDED_LETTERS).split())


def base_slug(text: str, *, fallback: str) -> str:
    """The slug a new row's URL is made from.

    Latin text gets an ASCII slug of its folded form ("Andrzej Żuławski" ->
    "andrzej-zulawski"). Text with letters of another script keeps its own letters,
    lower-cased ("Сергей Бондарчук (II)" -> "сергей-бондарчук-ii", "ゴジラ 2" -> "ゴジラ-2"):
    readable to those who read the script, where a transliteration would be a guess (and
    none exists for kanji without a dictionary); an ASCII slug would keep only the Latin
    part ("ii", "2"). Browsers show such a URL as it is and send it percent-encoded.
    Text with no letters or digits at all uses ``fallback``.
    """
    folded = fold(text)
    if any(ch.isalpha() and not ch.isascii() for ch in folded):
        # From the text itself: folding would strip marks that are letters there (ジ -> シ).
        slug = slugify(text, allow_unicode=True)[:80].strip("-_")
    else:
        slug = slugify(folded)[:80].strip("-")
    return slug or fallback


# A title page's review excerpt: this many words; a text at most EXCERPT_SLACK words
# longer is shown whole (cutting two words off a review helps no one).
EXCERPT_WORDS = 60
EXCERPT_SLACK = 15
_WORD = re.compile(r"\S+")


class Excerpt(NamedTuple):
    text: str
    cut: bool  # True when ``text`` is the beginning of a longer text


def excerpt(text: str | None, words: int = EXCERPT_WORDS, slack: int = EXCERPT_SLACK) -> Excerpt:
    """The first ``words`` words of ``text``, cut after a whole word, its line breaks kept.

    Plain text in, plain text out: the template escapes it as any page text.
    """
    text = text or ""
    end = None
    for count, match in enumerate(_WORD.finditer(text), start=1):
        if count == words:
            end = match.end()
        elif count > words + slack:
            break
    else:
        return Excerpt(text, False)
    return Excerpt(text[:end].rstrip(",;:-\u2013\u2014") + "\u2026", True)
