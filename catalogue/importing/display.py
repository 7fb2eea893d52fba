"""The title the catalogue shows for a page captured from a localised site.

The old site named a title in the visitor's language: a page captured in Argentina reads
"Tiempos violentos" in its H1 and its `<title>`, and gives "Pulp Fiction" only as the
original title ("Pulp Fiction (original title)" under the H1, an AKA "Pulp Fiction - USA
(original title)"). The parser keeps what the page printed (the record's title is the
H1); the importer shows the English title, when the page gives one, and keeps the H1 as
an AKA, so that captures of one film from different countries are one title under one
name.

A page does not say that it was localised, and an English page of a foreign film has an
original-title line too ("Seven Samurai", "Shichinin no samurai (original title)"), so
the H1 is taken for a localised title only when the page also gives the title the
English-language site used, and it is another: an AKA of the USA or the UK marked
"(imdb display title)", else one marked "(original title)" (an American or British
film's own title). Without such an AKA the H1 stays.
"""

from __future__ import annotations

from dataclasses import replace

from catalogue.parsing.record import Aka, TitleRecord
from catalogue.text import fold

ENGLISH_SITE_COUNTRIES = ("USA", "UK")
# Looked for in this order among the English-site countries' AKAs.
ENGLISH_TITLE_NOTES = ("imdb display title", "original title")
LOCALISED_NOTE = "localised title"


def english_title(record: TitleRecord) -> str | None:
    """The title the English-language site showed, when the page gives it as an AKA."""
    for note in ENGLISH_TITLE_NOTES:
        for aka in record.akas:
            if aka.country in ENGLISH_SITE_COUNTRIES and note in aka.notes and aka.title.strip():
                return aka.title.strip()
    return None


def displayed(record: TitleRecord) -> TitleRecord:
    """``record`` named as the catalogue shows it: its English title when its H1 is a localised one.

    The localised H1 becomes an AKA (unless the page already lists it), with the country
    of the page's release date (a localised page gives the visitor's country's date) when
    that is not an English-site country, and the note "localised title".
    """
    if not record.original_title:
        return record
    english = english_title(record)
    if english is None or fold(english) == fold(record.title):
        return record
    localised = record.title
    akas = list(record.akas)
    if not any(fold(aka.title) == fold(localised) for aka in akas):
        country = record.release_date.country if record.release_date else None
        if country in ENGLISH_SITE_COUNTRIES:
            country = None
        akas.append(Aka(title=localised, country=country, notes=[LOCALISED_NOTE]))
    return replace(record, title=english, akas=akas)
