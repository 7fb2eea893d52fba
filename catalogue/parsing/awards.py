"""The awards line: "Won 3 Oscars. Another 31 wins & 19 nominations".

Shared by the text and HTML parsers so both count alike. Per the contract, ``wins`` and
``nominations`` are the awards other than the Oscars: "Won 3 Golden Globes. Another 52
wins" is 55 wins.
"""

from __future__ import annotations

import re

from .record import Awards

# Longer text is not an awards line (and bounds the regex work on hostile input).
_LONGEST = 400

_OSCAR_WINS = re.compile(r"\bWon (\d{1,4}|an?|) ?Oscars?\b")
_OSCAR_NOMS = re.compile(r"\bNominated for (\d{1,4}|an?|) ?Oscars?\b")
_OTHER_WON = re.compile(r"\bWon (\d{1,4}|an?|) ?(?!Oscar)[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}\b")
_OTHER_NOMINATED = re.compile(r"\bNominated for (\d{1,4}|an?|) ?(?!Oscar)[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}\b")
_WINS = re.compile(r"(\d{1,5}) wins?\b")
_NOMINATIONS = re.compile(r"(\d{1,5}) nominations?\b")
_AWARDS_SHAPE = re.compile(r"^(?:Won |Nominated for |Another )|^\d{1,5} (?:wins?|nominations?)\b")


def _count(text: str) -> int:
    return int(text) if text.isdigit() else 1


def parse_awards(text: str) -> Awards | None:
    text = text.strip()
    if len(text) > _LONGEST or not _AWARDS_SHAPE.match(text):
        return None
    if not (_WINS.search(text) or _NOMINATIONS.search(text) or "Won " in text or "Nominated for " in text):
        return None
    awards = Awards(text=text)
    for match in _OSCAR_WINS.finditer(text):
        awards.oscar_wins += _count(match.group(1))
    for match in _OSCAR_NOMS.finditer(text):
        awards.oscar_nominations += _count(match.group(1))
    for match in _OTHER_WON.finditer(text):
        awards.wins += _count(match.group(1))
    for match in _OTHER_NOMINATED.finditer(text):
        awards.nominations += _count(match.group(1))
    for match in _WINS.finditer(text):
        awards.wins += int(match.group(1))
    for match in _NOMINATIONS.finditer(text):
        awards.nominations += int(match.group(1))
    return awards
