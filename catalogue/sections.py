"""The title page's sections, each declared once.

A **list section** is rows of its own model, one per item the page printed, in its order
(``position``). Its ``ListSection`` says, side by side, how the record's items become
rows (``to_row``: the importer), how rows become the record's items again
(``to_record``: the export) and what the title page reads of them (``page_columns``
made into ``page_item``: selectors.titles). A **vocabulary section** (genres,
keywords…) links the title to shared named rows through a table keeping the page's
order. The importer (importing/records.py), the export (importing/export.py) and its
list query, the title page's list query and the admin's inlines all loop over these
tables, so a new list section is its model and migration, an entry here and its
template partial (both list queries stay one query).

Sections with more structure than a list of rows (credits, companies, quotes,
connections, recommendations, reviews) keep their own code in those modules.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import CharField, TextField, Value
from django.db.models.functions import Cast

from catalogue.models import (
    AlternateTitle,
    Certificate,
    Colour,
    Country,
    Genre,
    Goof,
    Keyword,
    Language,
    ReleaseDate,
    Runtime,
    SoundMix,
    Tagline,
    TitleColour,
    TitleCountry,
    TitleGenre,
    TitleKeyword,
    TitleLanguage,
    TitleSoundMix,
    Trivia,
)
from catalogue.models.didyouknow import AlternateVersion, CrazyCredit, FaqQuestion, Soundtrack
from catalogue.models.titles import FilmingLocation
from catalogue.parsing import record as rec
from catalogue.text import fold


def decoded_notes(notes_json: str | None) -> tuple[str, ...] | str:
    """A ``notes`` JSON column read as text: a tuple of notes (a string when stored as one)."""
    if not notes_json or notes_json == "[]":
        return ()
    notes = json.loads(notes_json)
    return tuple(notes) if isinstance(notes, list) else notes


def none_if_empty(value):
    """The record's None for the catalogue's empty text."""
    return value if value not in ("", None) else None


# --- what the title page makes of a section's rows (read as text: selectors.titles) ---


class VocabularyItem(NamedTuple):
    """A genre, country, language, colour, sound mix or keyword as the title page links it."""

    name: str
    slug: str

    def __str__(self) -> str:
        return self.name


class RuntimeItem(NamedTuple):
    minutes: int
    country: str
    note: str


class AkaItem(NamedTuple):
    aka: str
    country: str
    notes: tuple[str, ...] | str


class CertificateItem(NamedTuple):
    country: str
    rating: str
    notes: tuple[str, ...] | str


class ReleaseItem(NamedTuple):
    date: str
    text: str
    country: str
    note: str


class TextItem(NamedTuple):
    """An item of a section that is text alone: a tagline, a trivia item, a song…"""

    text: str


class GoofItem(NamedTuple):
    category: str
    text: str


# --- the declarations ---------------------------------------------------------------


@dataclass(frozen=True)
class ListSection:
    """A list section: the record's ``record_field`` ⇄ rows of ``model`` ⇄ the page's items.

    ``key`` is the rows' related name on Title and the title page's attribute. ``fields``
    are what the page wrote into a row: compared with a hand-edited row on re-import,
    and the page's columns unless ``page_columns`` says otherwise.
    """

    key: str
    model: type
    fields: tuple[str, ...]
    to_row: Callable[[Any], dict]
    to_record: Callable[[Any], Any]
    page_item: Callable[..., Any]
    record_field: str = ""
    page_columns: tuple[str, ...] = ()
    # A record field holding one item rather than a list (the release date).
    single: bool = False
    # Edited as an inline of the title's admin page.
    inline: bool = False

    @property
    def field_name(self) -> str:
        return self.record_field or self.key

    @property
    def columns(self) -> tuple[str, ...]:
        return self.page_columns or self.fields

    def items(self, record: rec.TitleRecord) -> list:
        value = getattr(record, self.field_name)
        if self.single:
            return [] if value is None else [value]
        return list(value)

    def record_value(self, rows) -> Any:
        items = [self.to_record(row) for row in rows]
        if self.single:
            return items[0] if items else None
        return items


def text_section(key: str, model: type, *, record_field: str = "", inline: bool = False) -> ListSection:
    """A section whose items are text alone (taglines, trivia…): a ``text`` column."""
    return ListSection(
        key=key,
        model=model,
        fields=("text",),
        to_row=lambda text: {"text": text},
        to_record=lambda row: row.text,
        page_item=TextItem,
        record_field=record_field,
        inline=inline,
    )


LIST_SECTIONS: tuple[ListSection, ...] = (
    ListSection(
        key="runtimes",
        model=Runtime,
        fields=("minutes", "country", "note"),
        to_row=lambda r: {"minutes": r.minutes, "country": r.country or "", "note": r.note or ""},
        to_record=lambda row: rec.Runtime(
            minutes=row.minutes, country=none_if_empty(row.country), note=none_if_empty(row.note)
        ),
        page_item=lambda minutes, country, note: RuntimeItem(int(minutes), country, note),
    ),
    ListSection(
        key="akas",
        model=AlternateTitle,
        fields=("aka", "country", "notes"),
        to_row=lambda aka: {
            "aka": aka.title,
            "title_folded": fold(aka.title),
            "country": aka.country or "",
            "notes": list(aka.notes),
        },
        to_record=lambda row: rec.Aka(title=row.aka, country=none_if_empty(row.country), notes=list(row.notes)),
        page_item=lambda aka, country, notes: AkaItem(aka, country, decoded_notes(notes)),
        inline=True,
    ),
    ListSection(
        key="certificates",
        model=Certificate,
        fields=("country", "rating", "notes"),
        to_row=lambda c: {"country": c.country, "rating": c.rating, "notes": list(c.notes)},
        to_record=lambda row: rec.Certificate(country=row.country, rating=row.rating, notes=list(row.notes)),
        page_item=lambda country, rating, notes: CertificateItem(country, rating, decoded_notes(notes)),
        inline=True,
    ),
    ListSection(
        key="release_dates",
        model=ReleaseDate,
        fields=("date", "text", "country", "note"),
        to_row=lambda r: {"date": r.date or "", "text": r.text or "", "country": r.country or "", "note": r.note or ""},
        to_record=lambda row: rec.ReleaseDate(
            date=none_if_empty(row.date),
            text=none_if_empty(row.text),
            country=none_if_empty(row.country),
            note=none_if_empty(row.note),
        ),
        page_item=ReleaseItem,
        record_field="release_date",
        single=True,
        inline=True,
    ),
    text_section("filming_locations", FilmingLocation, inline=True),
    text_section("taglines", Tagline, inline=True),
    text_section("trivia", Trivia),
    ListSection(
        key="goofs",
        model=Goof,
        fields=("category", "text"),
        to_row=lambda goof: {"category": goof.category or "", "text": goof.text},
        to_record=lambda row: rec.Goof(category=none_if_empty(row.category), text=row.text),
        page_item=GoofItem,
    ),
    text_section("soundtrack", Soundtrack, inline=True),
    text_section("crazy_credits", CrazyCredit, inline=True),
    text_section("alternate_versions", AlternateVersion, inline=True),
    text_section("faq_questions", FaqQuestion, inline=True),
)


@dataclass(frozen=True)
class VocabularySection:
    """Names the title shares with others (its genres…), linked in printed order through ``through``.

    ``key`` is the title page's attribute; ``field`` the through model's link to ``vocabulary``.
    """

    key: str
    record_field: str
    vocabulary: type
    through: type
    field: str

    @property
    def related_name(self) -> str:
        """The title's through rows (``title.titlegenre_set``)."""
        return f"{self.through._meta.model_name}_set"


VOCABULARY_SECTIONS: tuple[VocabularySection, ...] = (
    VocabularySection("genres", "genres", Genre, TitleGenre, "genre"),
    VocabularySection("countries", "countries", Country, TitleCountry, "country"),
    VocabularySection("languages", "languages", Language, TitleLanguage, "language"),
    VocabularySection("colours", "colors", Colour, TitleColour, "colour"),
    VocabularySection("sound_mixes", "sound_mixes", SoundMix, TitleSoundMix, "sound_mix"),
    VocabularySection("keywords", "plot_keywords", Keyword, TitleKeyword, "keyword"),
)

# Lists kept as a JSON column of the title: shown as they are, never queried or edited row by row.
TITLE_JSON_LISTS: tuple[str, ...] = ("seasons",)


def list_rows_union(
    lists: Mapping[str, tuple[type, Sequence[str]]], *, leading: Sequence[str], using: str | None = None, **filters
):
    """One UNION ALL query of the rows of several lists (name -> model, columns) matching ``filters``.

    Each row is (list name, *leading, its columns as text, padded to the widest list's width):
    one round trip where a query a list mostly found nothing. The title page's lists
    (selectors.titles) and the export's (importing/export.py) are read so.
    """
    width = max(len(columns) for _model, columns in lists.values())
    parts = []
    for name, (model, columns) in lists.items():
        texts = [Cast(column, TextField()) for column in columns]
        texts += [Value("", output_field=TextField())] * (width - len(texts))
        manager = model.objects.using(using) if using else model.objects
        parts.append(
            manager.filter(**filters)
            .order_by()
            .annotate(
                list_name=Value(name, output_field=CharField()),
                **{f"list_value_{index}": text for index, text in enumerate(texts)},
            )
            .values_list("list_name", *leading, *(f"list_value_{index}" for index in range(width)))
        )
    return parts[0].union(*parts[1:], all=True)
