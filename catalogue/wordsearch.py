"""The search box's word rule and relevance, in plain Python (no Django models).

A query is split into words after ``fold`` (case, accents and punctuation ignored). A
name matches when every word of the query is a word of the name; the last word may be
the beginning of one (the user is still typing it). A four-digit word from 1870 to 2030
may instead be the title's year. The database finds the candidates through its trigram
indexes (``TitleQuerySet.matching_words``); this module decides which of them match and
how well (``match``), so both databases give the same rows in the same order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from catalogue.text import fold

# Letters and digits; everything else (spaces, punctuation, symbols) separates words.
_WORD = re.compile(r"[^\W_]+")
# Scripts written without spaces between words: there a query word may be any part of a name's word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

YEAR_RANGE = (1870, 2030)
# Words shorter than this have no trigram: the indexes cannot find them.
MIN_INDEXED_WORD = 3

# Tiers of relevance, best first.
EXACT, PREFIX, ALL_WORDS, ACROSS_NAMES = 0, 1, 2, 3
TIER_LABELS = {EXACT: "exact", PREFIX: "starts with", ALL_WORDS: "all words", ACROSS_NAMES: "words in several names"}


def words(text: str | None) -> list[str]:
    """The words of a text as search compares them: folded, punctuation dropped."""
    return _WORD.findall(fold(text))


def _as_year(word: str) -> int | None:
    if len(word) == 4 and word.isdigit() and YEAR_RANGE[0] <= int(word) <= YEAR_RANGE[1]:
        return int(word)
    return None


@dataclass(frozen=True)
class WordQuery:
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str | None) -> WordQuery:
        return cls(tuple(words(text)))

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def is_short(self) -> bool:
        """No word has three letters: no index can find the words anywhere in a name."""
        return all(len(word) < MIN_INDEXED_WORD for word in self.words)

    def years(self) -> dict[int, int]:
        """{word position: year} for the words that may be a year."""
        return {index: year for index, word in enumerate(self.words) if (year := _as_year(word)) is not None}

    def quick_check(self):
        """A test on a candidate's folded names joined in one string, rejecting most non-matches fast.

        Each word not year-like must occur at the start of a word (and, but for the last,
        end one); ``match`` then decides. Most trigram candidates of a common word ("the"
        in "other") fail here, for a fraction of ``match``'s cost.
        """
        patterns = []
        last = len(self.words) - 1
        for index, word in enumerate(self.words):
            if _as_year(word) is not None:
                continue
            if _UNSPACED.search(word):
                patterns.append(re.compile(re.escape(word)))
                continue
            end = "" if index == last else r"(?![^\W_])"
            patterns.append(re.compile(r"(?<![^\W_])" + re.escape(word) + end))
        return lambda text: all(pattern.search(text) for pattern in patterns)

    def indexed_words(self) -> list[tuple[str, int | None]]:
        """(word, year or None) for each word the trigram index can look up."""
        return [(word, _as_year(word)) for word in self.words if len(word) >= MIN_INDEXED_WORD]


def _word_matches(query_word: str, name_word: str, *, partial: bool) -> bool:
    if name_word == query_word or (partial and name_word.startswith(query_word)):
        return True
    return bool(_UNSPACED.search(query_word)) and query_word in name_word


def _tier_in_name(query: list[str], last_partial: bool, name: list[str]) -> int | None:
    """The tier of one name for the query words (EXACT, PREFIX, ALL_WORDS), or None."""
    size = len(query)
    for index, word in enumerate(query):
        partial = last_partial and index == size - 1
        if not any(_word_matches(word, name_word, partial=partial) for name_word in name):
            return None
    if name[: size - 1] == query[:-1] and len(name) >= size:
        last, typed = name[size - 1], query[-1]
        if last == typed:
            return EXACT if len(name) == size else PREFIX
        if last_partial and last.startswith(typed):
            return PREFIX
    return ALL_WORDS


def match(query: WordQuery, names: list[str], year: int | None) -> tuple[int, int] | None:
    """How a title (or person) with these folded ``names`` matches: (tier, index of the best name), or None.

    ``names[0]`` is the main name; a year in the query may be the title's ``year``
    instead of a word: then the other words decide the tier ("gaslight 1944" is an
    exact match of Gaslight (1944)). Words spread over several names (a word of the
    title and one of an AKA) match, in the last tier.
    """
    # The names are folded already (stored columns): only split them.
    name_words = [_WORD.findall(name) if name else [] for name in names]
    variants = [list(query.words)]
    last_partial = [True]
    years = query.years()
    used = [index for index, word_year in years.items() if word_year == year]
    if used:
        rest = [word for index, word in enumerate(query.words) if index not in used]
        variants.append(rest)
        # A year typed last is complete (four digits): the word before it is complete too.
        last_partial.append(len(query.words) - 1 not in used)
    best: tuple[int, int] | None = None
    for variant, partial in zip(variants, last_partial, strict=True):
        if not variant:  # the query is the year alone
            candidate = (ACROSS_NAMES, 0)
            best = candidate if best is None or candidate < best else best
            continue
        for index, name in enumerate(name_words):
            tier = _tier_in_name(variant, partial, name)
            if tier is not None and (best is None or (tier, index) < best):
                best = (tier, index)
        if best is None or best[0] == ACROSS_NAMES:
            every = [word for name in name_words for word in name]
            size = len(variant)
            if all(
                any(_word_matches(word, name_word, partial=partial and position == size - 1) for name_word in every)
                for position, word in enumerate(variant)
            ):
                best = best or (ACROSS_NAMES, 0)
    return best


def similarity(query: str, name: str) -> float:
    """How alike two folded strings are, from 0 to 1 (the "did you mean" order on SQLite)."""
    return SequenceMatcher(None, query, name).ratio()
