"""The generated world: who the people are and what the titles are called, by number.

Everything is a pure function of (seed, number), so a page can name any other
title or person without the generator holding the catalogue in memory: title 17's
name and year are the same whichever page asks for them.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from functools import lru_cache

from . import vocabulary as vocab

PEOPLE_PER_TITLE = 5
# People are drawn with a Zipf-Mandelbrot law, weight 1 / (number + OFFSET): at 100,000
# titles (500,000 people, ~4 million credits) the busiest person gets ~3,000 credits and
# the tail is people with one or two.
PEOPLE_OFFSET = 170


def rng(seed: int, *parts: object) -> random.Random:
    """A generator for one purpose, independent of every other (str seeds are stable across runs)."""
    return random.Random(f"{seed}:" + ":".join(str(part) for part in parts))


def _stable_int(*parts: object) -> int:
    digest = hashlib.blake2b(":".join(str(part) for part in parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def people_count(titles: int) -> int:
    return max(200, PEOPLE_PER_TITLE * titles)


class PersonPicker:
    """Draws person numbers with a long tail: number 0 is the busiest, most appear once or twice."""

    def __init__(self, people: int, offset: int = PEOPLE_OFFSET) -> None:
        self.people = people
        self.offset = offset
        self.ratio = (people + offset) / offset

    def pick(self, random_source: random.Random) -> int:
        # Inverse CDF of the density 1 / (x + offset) on [0, people).
        value = self.offset * self.ratio ** random_source.random() - self.offset
        return min(int(value), self.people - 1)


# --- people -----------------------------------------------------------------------------

_SCRIPT = {"russian": "cyrillic", "greek": "greek"}
_KANJI_ENDINGS = ("", "之", "太", "一", "三", "平")


@lru_cache(maxsize=None)
def _culture_slots(culture: str) -> tuple[int, ...]:
    return tuple(index for index, name in enumerate(vocab.CULTURE_SLOTS) if name == culture)


@lru_cache(maxsize=None)
def _middles(script: str) -> tuple[str, ...]:
    letters = vocab.INITIALS[script]
    singles = tuple(f"{a}." for a in letters)
    return ("",) + singles + tuple(f"{a}. {b}." for a in letters for b in letters)


def _roman(number: int) -> str:
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for value, numeral in numerals:
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)


# Bounded caches keep memory flat in N; the busiest people are the ones asked for again.
@lru_cache(maxsize=16384)
def person(number: int) -> tuple[str, str]:
    """(name, culture) of person ``number``: unique per number, the same for every seed."""
    slot = number % len(vocab.CULTURE_SLOTS)
    culture = vocab.CULTURE_SLOTS[slot]
    slots = _culture_slots(culture)
    index = (number // len(vocab.CULTURE_SLOTS)) * len(slots) + slots.index(slot)
    given_names, surnames, takes_initials = vocab.NAME_CULTURES[culture]
    if culture == "kanji":
        given_names = tuple(name + ending for ending in _KANJI_ENDINGS for name in given_names)
    capacity = len(given_names) * len(surnames)
    # A fixed prime stride spreads neighbouring numbers over different names.
    base = (index % capacity) * 7919 % capacity
    given, surname = given_names[base % len(given_names)], surnames[base // len(given_names)]
    overflow = index // capacity
    middles = _middles(_SCRIPT.get(culture, "latin")) if takes_initials else ("",)
    middle, clash = middles[overflow % len(middles)], overflow // len(middles)
    if culture == "kanji":
        name = surname + given
    else:
        name = " ".join(part for part in (given, middle, surname) if part)
    if clash:
        # Beyond a few hundred thousand people of one culture: the page's own disambiguation.
        name = f"{name} ({_roman(clash + 1)})"
    return name, culture


# --- titles -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TitleRef:
    """What another page needs to name title ``number``: its title, year and kind."""

    number: int
    title: str
    year: int
    kind: str
    culture: str
    end_year: int | None = None
    original_title: str | None = None


def _title_kind(seed: int, number: int) -> str:
    roll = _stable_int(seed, "kind", number) % 1000
    if roll < 30:
        return "tv_series"
    if roll < 80:
        return "tv_episode"
    if roll < 120:
        return "tv_movie"
    return "movie"


def _title_text(number: int) -> tuple[str, str]:
    """A title unique to ``number`` (a sequel number past the patterns' capacity), and its culture."""
    a, n, p = vocab.ADJECTIVES, vocab.NOUNS, vocab.PLACES
    english = vocab.NAME_CULTURES["english"][0]
    patterns = (
        ("english", (a, n), lambda x, y: f"The {x} {y}"),
        ("english", (n, p), lambda x, y: f"{x} of {y}"),
        ("english", (a, n, p), lambda x, y, z: f"The {x} {y} of {z}"),
        ("english", (n, p), lambda x, y: f"A {x} in {y}"),
        ("english", (english, n), lambda x, y: f"{x}'s {y}"),
        ("english", (a, n), lambda x, y: f"{x} {y}s"),
        ("french", (vocab.FRENCH_NOUNS, vocab.FRENCH_ADJECTIVES), lambda x, y: f"La {x} {y}"),
        ("kanji", (vocab.JAPANESE_WORDS, vocab.JAPANESE_WORDS), lambda x, y: f"{x}の{y}"),
        ("russian", (vocab.RUSSIAN_ADJECTIVES, vocab.RUSSIAN_NOUNS), lambda x, y: f"{x} {y}"),
        ("greek", (vocab.GREEK_WORDS, p), lambda x, y: f"{x} {y}"),
        ("english", (a, a, n), lambda x, y, z: f"{x} and {y} {z}"),
        ("english", (n, n), lambda x, y: f"The {x} and the {y}"),
    )
    culture, lists, make = patterns[number % len(patterns)]
    index = number // len(patterns)
    capacity = 1
    for words in lists:
        capacity *= len(words)
    scrambled = (index % capacity) * 1_000_003 % capacity
    parts = []
    for words in lists:
        parts.append(words[scrambled % len(words)])
        scrambled //= len(words)
    text = make(*parts)
    if index >= capacity:
        text = f"{text} {index // capacity + 1}"
    return text, culture


@lru_cache(maxsize=4096)
def title_ref(seed: int, number: int) -> TitleRef:
    text, culture = _title_text(number)
    random_source = rng(seed, "title", number)
    kind = _title_kind(seed, number)
    year = int(random_source.triangular(1915, 2015, 2005))
    end_year = None
    if kind == "tv_series":
        year = max(year, 1950)
        if random_source.random() < 0.7:
            end_year = min(2015, year + random_source.randint(0, 12))
    original_title = None
    if culture == "french" and random_source.random() < 0.5:
        # Shown under its capitalised form, like "Hiroshima Mon Amour" / "Hiroshima mon amour".
        original_title, text = text, " ".join(word[:1].upper() + word[1:] for word in text.split(" "))
    return TitleRef(
        number=number,
        title=text,
        year=year,
        kind=kind,
        culture=culture,
        end_year=end_year,
        original_title=original_title,
    )


def series_for_episode(seed: int, number: int, titles: int) -> TitleRef | None:
    """The series an episode belongs to: a nearby generated series, or None (then it is a movie)."""
    start = _stable_int(seed, "series", number) % max(titles, 1)
    for step in range(min(titles, 60)):
        candidate = (start + step) % titles
        if candidate != number and _title_kind(seed, candidate) == "tv_series":
            return title_ref(seed, candidate)
    return None
