"""Writing one parsed record into the catalogue: ``title_import``.

Every section is written in bulk (a constant number of queries per page, whatever
the number of credits). A section is replaced whole on update, except rows edited
by hand in the admin (``edited_at`` set): those are kept and each difference from the
page is reported as a ``Conflict``. Reviews are merged by fingerprint, never replaced.
Of several captures of a title, the newest (``SourcePage.captured_at``) sets its
values; an older one imported later only adds its rating to the history.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import date as date_type
from decimal import Decimal
from typing import Any

from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from catalogue.models import (
    AlternateTitle,
    Certificate,
    Connection,
    Credit,
    Goof,
    Quote,
    QuoteLine,
    RatingCapture,
    Recommendation,
    Review,
    SourcePage,
    Tagline,
    Title,
    TitleCompany,
    Trivia,
)
from catalogue.models.base import HandEditable
from catalogue.models.vocabularies import Department, PageType
from catalogue.parsing.record import TitleRecord
from catalogue.text import fold
from catalogue.sections import LIST_SECTIONS, TITLE_JSON_LISTS, VOCABULARY_SECTIONS, ListSection

from .identity import (
    allocate_slugs,
    companies_for,
    find_title,
    imdb_id_from_url,
    people_for,
    title_slug_base,
    vocabularies_for,
)
from . import counts
from .bulk import new_row, row_insert, rows_insert
from .display import displayed
from .links import pending_words_store, recommendations_split_store, resolve_incoming, resolve_targets, resplit_pending
from .outcome import Conflict, ImportOutcome, ImportRejected
from .validation import check_lengths

SERIES_KINDS = ("tv_series", "tv_mini_series")


def title_import(*, record: TitleRecord, source: SourcePage | None = None, defer_split: bool = False) -> ImportOutcome:
    """Write ``record`` (parsed from ``source``) into the catalogue; call inside a transaction.

    ``defer_split``: leave a run-together recommendations line unsplit ("due") for
    ``links.due_lines_split``, which a batch runs once at its end. The vocabularies'
    title counts are written at its end, or by the caller's ``counts.counted()`` scope.
    """
    with counts.counted():
        return _title_import(record=record, source=source, defer_split=defer_split)


def _title_import(*, record: TitleRecord, source: SourcePage | None, defer_split: bool) -> ImportOutcome:
    # A localised page's H1 gives way to the English title it also prints (display.py).
    record = displayed(record)
    imdb_id = record.imdb_id or imdb_id_from_url(source.url if source else None)
    if not record.title or not record.title.strip():
        raise ImportRejected("the record has no title")
    page_type = record.page_type if record.page_type in PageType.values else PageType.TITLE
    series_title = record.series.title if record.series else None
    title = find_title(
        title=record.title,
        year=record.year,
        kind=record.kind,
        imdb_id=imdb_id,
        series_title=series_title,
        loose_kind=page_type != PageType.TITLE,
    )
    created = title is None
    known_as = None if created else _names_of(title)
    conflicts: list[Conflict] = []
    notes: list[str] = []
    if created:
        title = _title_create(record, imdb_id=imdb_id, full=page_type == PageType.TITLE, defer_split=defer_split)
    elif imdb_id and not title.imdb_id:
        title.imdb_id = imdb_id
        title.save(update_fields=["imdb_id", "updated_at"])

    if source is not None:
        source.title = title
        # page_import hands over an unsaved source: one INSERT with its title set.
        row_insert(SourcePage, source) if source.pk is None else source.save(update_fields=["title"])
    # A title created just now has no other capture to compare with.
    newest = created or _is_newest_capture(title, source, page_type)
    captured_at = source.captured_at if source else None
    if record.rating and captured_at:
        _rating_capture(title, record, captured_at, source, created=created)

    if page_type == PageType.TITLE:
        if newest:
            if not created:
                _title_update(title, record, imdb_id=imdb_id, conflicts=conflicts)
            if created or _sections_not_lost(title, record, conflicts):
                _title_sections(title, record, conflicts=conflicts, fresh=created, defer_split=defer_split)
            if created or (not _has_full_credits(title) and _credits_not_lost(title, record, conflicts)):
                _credits_replace(title, record, conflicts=conflicts, fresh=created)
        else:
            notes.append("an older capture than one already imported: only its rating history was kept")
    elif page_type == PageType.FULLCREDITS:
        if newest:
            _credits_replace(title, record, conflicts=conflicts, fresh=created)
        else:
            notes.append("an older capture of the full credits: credits left as they are")
    _reviews_merge(title, record, update_existing=newest, conflicts=conflicts, fresh=created)
    if page_type == PageType.REVIEWS and newest and record.review_count is not None:
        Title.objects.filter(pk=title.pk).update(review_count=record.review_count)

    # Links from other titles can only newly point here when this title is new or renamed.
    if created or _names_of(title) != known_as:
        resolve_incoming(title)
        resplit_pending(title, also_known_as=[aka.title for aka in record.akas])
    if not created:  # a new title's updated_at was set by its INSERT
        Title.objects.filter(pk=title.pk).update(updated_at=timezone.now())
    return ImportOutcome(
        status="imported" if created else "updated", title=title, source=source, conflicts=conflicts, notes=notes
    )


def _names_of(title: Title) -> tuple:
    return (title.title, title.original_title, title.year, title.imdb_id)


# --- the title's own row ---------------------------------------------------------


def _header_values(record: TitleRecord, *, imdb_id: str | None) -> dict[str, Any]:
    series = record.series
    rating = record.rating
    awards = record.awards
    values = {
        "title": record.title,
        "year": record.year,
        "end_year": record.end_year,
        "kind": record.kind,
        "original_title": record.original_title or "",
        "series_title": series.title if series else "",
        "series_year": series.year if series else None,
        "season": series.season if series else None,
        "episode": series.episode if series else None,
        "rating": Decimal(str(round(rating.value, 1))) if rating else None,
        "rating_best": rating.best if rating else None,
        "votes": rating.votes if rating else None,
        "popularity_rank": record.popularity.rank if record.popularity else None,
        "popularity_text": (record.popularity.text or "") if record.popularity else "",
        "top_rank": record.top_rank,
        "plot": record.plot or "",
        "news": record.news or "",
        "aspect_ratio": record.aspect_ratio or "",
        "awards_text": awards.text if awards else "",
        "oscar_wins": awards.oscar_wins if awards else None,
        "oscar_nominations": awards.oscar_nominations if awards else None,
        "award_wins": awards.wins if awards else None,
        "award_nominations": awards.nominations if awards else None,
        "photo_count": record.photo_count,
        "review_count": record.review_count,
        "faq_count": record.faq_count,
        "cast_complete": record.cast_complete,
        "cast_alphabetical_from": record.cast_alphabetical_from,
        "recommendations_text": record.recommendations_text or "",
        "recommendation_count": record.recommendation_count,
        **{name: list(getattr(record, name)) for name in TITLE_JSON_LISTS},
        "mpaa": record.mpaa or "",
    }
    if imdb_id:
        values["imdb_id"] = imdb_id
    return values


# A page that is not the title page (reviews, full credits) names only these.
_STUB_FIELDS = (
    "title",
    "year",
    "end_year",
    "kind",
    "original_title",
    "series_title",
    "series_year",
    "season",
    "episode",
    "imdb_id",
)


def _title_create(record: TitleRecord, *, imdb_id: str | None, full: bool, defer_split: bool) -> Title:
    values = _header_values(record, imdb_id=imdb_id)
    if not full:
        values = {key: value for key, value in values.items() if key in _STUB_FIELDS}
    title = Title(**values)
    # Set in the INSERT rather than by an UPDATE from _links_replace.
    title.recommendations_due = defer_split and _has_line_to_split(title, record)
    title.slug = allocate_slugs(Title, [title_slug_base(record.title, record.year, imdb_id)])[0]
    title.series = _series_for(record)
    title.fold_names()  # row_insert skips save()
    row_insert(Title, title)
    if title.kind in SERIES_KINDS:
        Title.objects.filter(series__isnull=True, series_title=title.title, series_year=title.year).update(series=title)
    return title


def _title_update(title: Title, record: TitleRecord, *, imdb_id: str | None, conflicts: list[Conflict]) -> None:
    values = _header_values(record, imdb_id=imdb_id or title.imdb_id)
    # The divider's place belongs to the cast it divides: set with the credits (_credits_replace),
    # which a title page leaves alone when a full credits page gave them.
    values.pop("cast_alphabetical_from")
    changed = []
    for field, value in values.items():
        current = getattr(title, field)
        if current == value:
            continue
        if title.is_hand_edited:
            conflicts.append(Conflict("Title", title.pk, str(title), field, current, value))
            continue
        setattr(title, field, value)
        changed.append(field)
    if title.series_id is None and record.series:
        title.series = _series_for(record)
        if title.series is not None:
            changed.append("series")
    if changed:
        check_lengths([title])
        title.save()


def _series_for(record: TitleRecord) -> Title | None:
    series = record.series
    if not series:
        return None
    if series.imdb_id:
        found = Title.objects.filter(imdb_id=series.imdb_id).first()
        if found:
            return found
    return Title.objects.filter(title=series.title, year=series.year, kind__in=SERIES_KINDS).order_by("pk").first()


def _is_newest_capture(title: Title, source: SourcePage | None, page_type: str) -> bool:
    if source is None or source.captured_at is None:
        return True
    newer = SourcePage.objects.filter(title=title, page_type=page_type, captured_at__gt=source.captured_at)
    return not newer.exclude(pk=source.pk).exists()


def _has_full_credits(title: Title) -> bool:
    return SourcePage.objects.filter(title=title, page_type=PageType.FULLCREDITS).exists()


def _rating_capture(
    title: Title, record: TitleRecord, captured_at, source: SourcePage | None, *, created: bool
) -> None:
    if created:  # nothing to update: one INSERT, no SELECT and savepoint
        rows_insert(
            RatingCapture,
            [
                RatingCapture(
                    title=title,
                    captured_at=captured_at,
                    source=source,
                    rating=Decimal(str(round(record.rating.value, 1))),
                    votes=record.rating.votes,
                )
            ],
        )
        return
    RatingCapture.objects.update_or_create(
        title=title,
        captured_at=captured_at,
        defaults={
            "rating": Decimal(str(round(record.rating.value, 1))),
            "votes": record.rating.votes,
            "source": source,
        },
    )


# --- sections ----------------------------------------------------------------------


def _title_sections(
    title: Title, record: TitleRecord, *, conflicts: list[Conflict], fresh: bool, defer_split: bool = False
) -> None:
    """All sections of a title page but credits and reviews; ``fresh``: the title is new (nothing to replace)."""
    vocabulary_ids = vocabularies_for({v.vocabulary: getattr(record, v.record_field) for v in VOCABULARY_SECTIONS})
    for vocabulary in VOCABULARY_SECTIONS:
        _vocabulary_replace(
            title, vocabulary_ids[vocabulary.vocabulary], vocabulary.through, vocabulary.field, fresh=fresh
        )

    certificates_before = set() if fresh else counts.title_certificate_keys(title.pk)
    held = {} if fresh else _list_sections_held(title)
    written = {
        section.key: _list_replace(section, title, record, conflicts=conflicts, held=held.get(section.key))
        for section in LIST_SECTIONS
    }
    certificates_after = (
        counts.certificate_keys((row.country, row.rating) for row in written["certificates"])
        if fresh
        else counts.title_certificate_keys(title.pk)
    )
    counts.certificates_changed(
        added=certificates_after - certificates_before, removed=certificates_before - certificates_after
    )
    _quotes_replace(title, record, conflicts=conflicts, fresh=fresh)
    _companies_replace(title, record, conflicts=conflicts, fresh=fresh)
    _links_replace(title, record, conflicts=conflicts, fresh=fresh, defer_split=defer_split)


def _by_position(row):
    """The key of rows with no identity of their own (taglines, trivia, AKAs…)."""
    return row.position


def _list_sections_held(title: Title) -> dict[str, tuple[bool, bool]]:
    """Per list section: whether the title has rows, and hand-edited ones; one query for all,
    so that a re-import reads and deletes only the sections that need it."""
    flags = {}
    for section in LIST_SECTIONS:
        rows = section.model.objects.filter(title_id=OuterRef("pk"))
        flags[f"rows_{section.key}"] = Exists(rows)
        if issubclass(section.model, HandEditable):
            flags[f"edited_{section.key}"] = Exists(rows.filter(edited_at__isnull=False))
    found = Title.objects.filter(pk=title.pk).annotate(**flags).values(*flags).get()
    return {
        section.key: (found[f"rows_{section.key}"], found.get(f"edited_{section.key}", False))
        for section in LIST_SECTIONS
    }


def _list_replace(
    section: ListSection, title: Title, record: TitleRecord, *, conflicts, held: tuple[bool, bool] | None
) -> list:
    """One list section (catalogue/sections.py) written from the record; returns the rows written.

    ``held``: (has rows, has hand-edited rows) from ``_list_sections_held``; None for a new title.
    """
    rows = [
        new_row(section.model, title_id=title.pk, position=position, **section.to_row(item))
        for position, item in enumerate(section.items(record), start=1)
    ]
    has_rows, has_edited = held or (False, False)
    if has_edited:
        return _section_replace(
            section.model, title, rows, key=_by_position, fields=section.fields, conflicts=conflicts, fresh=False
        )
    if has_rows:  # nothing kept: replaced whole
        section.model.objects.filter(title=title).delete()
    rows_insert(section.model, rows)
    return rows


def _vocabulary_replace(title: Title, ids: list[int], through, field: str, *, fresh: bool) -> None:
    current: list[int] = []
    if not fresh:
        current = list(through.objects.filter(title=title).order_by("position").values_list(f"{field}_id", flat=True))
        if current == ids:
            return
        through.objects.filter(title=title).delete()
    counts.links_changed(
        through._meta.get_field(field).related_model, added=set(ids) - set(current), removed=set(current) - set(ids)
    )
    if not ids:
        return
    rows_insert(
        through,
        [new_row(through, title_id=title.pk, position=i, **{f"{field}_id": pk}) for i, pk in enumerate(ids, start=1)],
    )


def _section_replace(
    model,
    title: Title,
    rows: list,
    *,
    key,
    fields: tuple[str, ...],
    conflicts,
    fresh: bool,
    printed_key=None,
    describe=None,
) -> list:
    """Replace a section's rows, keeping hand-edited ones; returns the rows written.

    ``printed_key``/``describe``: see ``_keep_edited``.
    """
    if not fresh:
        edited = list(model.objects.filter(title=title, edited_at__isnull=False))
        model.objects.filter(title=title, edited_at__isnull=True).delete()
        if edited:
            rows = _keep_edited(
                model,
                edited,
                rows,
                key=key,
                fields=fields,
                conflicts=conflicts,
                printed_key=printed_key,
                describe=describe,
            )
    rows_insert(model, rows)
    return rows


def _keep_edited(model, edited: list, rows: list, *, key, fields, conflicts, printed_key=None, describe=None) -> list:
    """The page's rows minus those a hand-edited row stands for; differences become conflicts.

    A row is matched by ``key`` first. An edit can change the key itself (staff gave a
    credit to the right person): ``printed_key``, read from what the page printed, which
    the admin does not change, then finds the edited row a page row stands for, so the
    correction is kept instead of the page's row being written again beside it.
    ``describe(kept, row)`` gives, for a row matched that way, the key fields as a person
    reads them: ``(field, kept value, page value)``, a name rather than an id.
    """
    kept_by_key = defaultdict(list)
    for row in edited:
        kept_by_key[key(row)].append(row)
    unmatched = []
    for row in rows:
        kept_rows = kept_by_key.get(key(row))
        if not kept_rows:
            unmatched.append(row)
            continue
        _compare(model, kept_rows.pop(0), row, fields, conflicts)
    remaining = unmatched
    if printed_key is not None and any(kept_by_key.values()):
        kept_by_printed = defaultdict(list)
        for kept_rows in kept_by_key.values():
            for kept in kept_rows:
                kept_by_printed[printed_key(kept)].append(kept)
        remaining = []
        for row in unmatched:
            kept_rows = kept_by_printed.get(printed_key(row))
            if not kept_rows:
                remaining.append(row)
                continue
            kept = kept_rows.pop(0)
            kept_by_key[key(kept)].remove(kept)
            _compare(model, kept, row, fields, conflicts, describe=describe)
    for kept_rows in kept_by_key.values():
        for kept in kept_rows:
            conflicts.append(Conflict(model.__name__, kept.pk, str(kept), "row", "kept", "not on the page"))
    return remaining


def _compare(model, kept, row, fields, conflicts, *, describe=None) -> None:
    """Each field where the kept row and the page's differ becomes a conflict."""
    if describe is not None:
        for field, kept_value, page_value in describe(kept, row):
            if kept_value != page_value:
                conflicts.append(Conflict(model.__name__, kept.pk, str(kept), field, kept_value, page_value))
    for field in fields:
        if getattr(kept, field) != getattr(row, field):
            conflicts.append(
                Conflict(model.__name__, kept.pk, str(kept), field, getattr(kept, field), getattr(row, field))
            )


def _quotes_replace(title: Title, record: TitleRecord, *, conflicts, fresh: bool) -> None:
    edited = {}
    if not fresh:
        edited_quotes = Quote.objects.filter(title=title, edited_at__isnull=False).prefetch_related("lines")
        edited = {quote.position: quote for quote in edited_quotes}
        Quote.objects.filter(title=title, edited_at__isnull=True).delete()
    quotes, lines_by_quote = [], []
    for position, lines in enumerate(record.quotes, start=1):
        if position in edited:
            kept = edited.pop(position)
            kept_lines = [(line.character, line.text) for line in kept.lines.all()]
            page_lines = [(line.character or "", line.text) for line in lines]
            if kept_lines != page_lines:
                conflicts.append(Conflict("Quote", kept.pk, str(kept), "lines", kept_lines, page_lines))
            continue
        quotes.append(Quote(title=title, position=position))
        lines_by_quote.append(lines)
    for kept in edited.values():
        conflicts.append(Conflict("Quote", kept.pk, str(kept), "row", "kept", "not on the page"))
    if not quotes:
        return
    Quote.objects.bulk_create(quotes)
    quote_lines = [
        QuoteLine(quote=quote, character=line.character or "", text=line.text, position=i)
        for quote, lines in zip(quotes, lines_by_quote)
        for i, line in enumerate(lines, start=1)
    ]
    rows_insert(QuoteLine, quote_lines)


def _companies_replace(title: Title, record: TitleRecord, *, conflicts, fresh: bool) -> None:
    companies = companies_for((c.name, c.imdb_id) for c in record.companies)
    positions: dict[str, int] = defaultdict(int)
    rows = []
    for entry in record.companies:
        positions[entry.kind] += 1
        rows.append(
            new_row(
                TitleCompany,
                title_id=title.pk,
                company_id=companies[(entry.name, entry.imdb_id)],
                kind=entry.kind,
                notes=list(entry.notes),
                position=positions[entry.kind],
            )
        )
    _section_replace(
        TitleCompany,
        title,
        rows,
        key=lambda row: (row.kind, row.company_id),
        fields=("notes",),
        conflicts=conflicts,
        fresh=fresh,
    )


def _links_replace(title: Title, record: TitleRecord, *, conflicts, fresh: bool, defer_split: bool = False) -> None:
    targets = resolve_targets(
        [(c.title, c.year, c.imdb_id) for c in record.connections]
        + [(r.title, r.year, r.imdb_id) for r in record.recommendations]
    )
    connection_targets = targets[: len(record.connections)]
    recommendation_targets = targets[len(record.connections) :]
    _section_replace(
        Connection,
        title,
        [
            new_row(
                Connection,
                title_id=title.pk,
                type=c.type,
                target_title=c.title,
                target_year=c.year,
                target_imdb_id=c.imdb_id or "",
                target_note=c.note or "",
                target_id=target.pk if target else None,
                position=i,
            )
            for i, (c, target) in enumerate(zip(record.connections, connection_targets), start=1)
        ],
        key=lambda row: (row.type, row.target_title, row.target_year),
        fields=("target_note", "target_imdb_id"),
        conflicts=conflicts,
        fresh=fresh,
    )
    written = _section_replace(
        Recommendation,
        title,
        [
            new_row(
                Recommendation,
                title_id=title.pk,
                target_title=r.title,
                target_year=r.year,
                target_imdb_id=r.imdb_id or "",
                target_id=target.pk if target else None,
                position=i,
            )
            for i, (r, target) in enumerate(zip(record.recommendations, recommendation_targets), start=1)
        ],
        key=lambda row: (row.target_title, row.target_year),
        fields=("target_imdb_id",),
        conflicts=conflicts,
        fresh=fresh,
    )
    unsplit, covered = False, frozenset()
    if not written and _has_line_to_split(title, record):
        if defer_split:
            if not title.recommendations_due:  # a new title has it from its INSERT
                title.recommendations_due = True
                Title.objects.filter(pk=title.pk).update(recommendations_due=True)
        elif fresh or not Recommendation.objects.filter(title=title).exists():
            attempt = recommendations_split_store(
                title_id=title.pk, text=title.recommendations_text, count=title.recommendation_count
            )
            unsplit, covered = attempt.pieces is None, attempt.covered
    if title.recommendations_due and not defer_split:  # left due by a killed batch: settled here
        title.recommendations_due = False
        Title.objects.filter(pk=title.pk).update(recommendations_due=False)
    if unsplit or not fresh:
        pending_words_store(title, unsplit=unsplit, covered=covered)


def _has_line_to_split(title: Title, record: TitleRecord) -> bool:
    """The page gives its recommendations only as a run-together line (with their count)."""
    return not record.recommendations and bool(title.recommendations_text) and bool(title.recommendation_count)


# --- credits -----------------------------------------------------------------------


# A newer capture listing under half the credits the catalogue holds (of at least this
# many) lost them: cut off, or a main-details page after a combined one. It is not taken.
LOST_CREDITS_FLOOR = 10


# The list sections a capture is compared on before it replaces a title's: (record field, model).
GUARDED_SECTIONS = (
    ("taglines", Tagline),
    ("trivia", Trivia),
    ("goofs", Goof),
    ("quotes", Quote),
    ("akas", AlternateTitle),
    ("certificates", Certificate),
    ("companies", TitleCompany),
    ("connections", Connection),
)
# Fewer sections held than this: nothing to guard (a small title's page may well lose one).
LOST_SECTIONS_FLOOR = 4


def _sections_not_lost(title: Title, record: TitleRecord, conflicts: list) -> bool:
    """Whether the newest capture's sections may replace the title's; else a conflict says why not.

    A capture holding under half of the sections the title has (of at least four) is a
    page cut short, or a main-details page after a combined one: its header (rating,
    votes) is taken, the sections stay as they are, and the report says so.
    """
    held_flags = (
        Title.objects.filter(pk=title.pk)
        .annotate(
            **{f"has_{name}": Exists(model.objects.filter(title_id=OuterRef("pk"))) for name, model in GUARDED_SECTIONS}
        )
        .values(*(f"has_{name}" for name, _ in GUARDED_SECTIONS))
        .get()
    )
    held = [name for name, _ in GUARDED_SECTIONS if held_flags[f"has_{name}"]]
    on_page = [name for name in held if getattr(record, name)]
    if len(held) < LOST_SECTIONS_FLOOR or len(on_page) * 2 >= len(held):
        return True
    conflicts.append(
        Conflict(
            "Title",
            title.pk,
            str(title),
            "sections",
            ", ".join(held),
            f"only {', '.join(on_page) or 'none of them'} (this capture lacks most of the title's sections, "
            "so the catalogue keeps its own)",
        )
    )
    return False


def _credits_not_lost(title: Title, record: TitleRecord, conflicts: list) -> bool:
    """Whether the newest capture's credits may replace the title's; else a conflict says why not."""
    on_page = len(record.cast) + len(record.crew)
    held = Credit.objects.filter(title=title).count()
    if held < LOST_CREDITS_FLOOR or on_page * 2 >= held:
        return True
    conflicts.append(
        Conflict(
            "Title",
            title.pk,
            str(title),
            "credits",
            held,
            f"{on_page} (this capture lists under half of them, so the catalogue keeps its own)",
        )
    )
    return False


def _raw_credit_text(name: str, job: str | None, notes: list[str], credited_as: str | None, character=None) -> str:
    parts = [name]
    if job or character:
        parts.append(f".... {job or character}")
    parts.extend(f"({note})" for note in notes)
    if credited_as:
        parts.append(f"(as {credited_as})")
    return " ".join(parts)


def _credits_replace(title: Title, record: TitleRecord, *, conflicts, fresh: bool = False) -> None:
    people = people_for(
        [(member.name, member.imdb_id) for member in record.cast]
        + [(member.name, member.imdb_id) for member in record.crew]
    )
    rows = [
        new_row(
            Credit,
            title_id=title.pk,
            person_id=people[(member.name, member.imdb_id)],
            department=Department.CAST,
            department_label="Cast",
            character=member.character or "",
            character_imdb_id=member.character_id or "",
            credited_as=member.credited_as or "",
            notes=list(member.notes),
            order=member.order,
            raw_text=_raw_credit_text(member.name, None, member.notes, member.credited_as, member.character),
        )
        for member in record.cast
    ]
    rows += [
        new_row(
            Credit,
            title_id=title.pk,
            person_id=people[(member.name, member.imdb_id)],
            department=member.department,
            department_label=member.department_label,
            job=member.job or "",
            credited_as=member.credited_as or "",
            notes=list(member.notes),
            order=member.order,
            raw_text=_raw_credit_text(member.name, member.job, member.notes, member.credited_as),
        )
        for member in record.crew
    ]
    names_by_id = {pk: name for (name, _imdb_id), pk in people.items()}
    _section_replace(
        Credit,
        title,
        rows,
        key=lambda row: (row.department, row.person_id),
        fields=("job", "character", "credited_as", "notes", "department_label"),
        conflicts=conflicts,
        fresh=fresh,
        printed_key=lambda row: (row.department, row.raw_text),
        describe=lambda kept, row: [("person", kept.person.name, names_by_id.get(row.person_id, ""))],
    )
    if title.cast_alphabetical_from != record.cast_alphabetical_from:
        # Where the page's "rest of cast listed alphabetically" line was, for the cast just written.
        title.cast_alphabetical_from = record.cast_alphabetical_from
        Title.objects.filter(pk=title.pk).update(cast_alphabetical_from=record.cast_alphabetical_from)


# --- reviews -----------------------------------------------------------------------

_NON_WORD = re.compile(r"\W+")


def _normalised(text: str | None) -> str:
    return _NON_WORD.sub(" ", fold(text)).strip()


def review_fingerprint(*, author: str | None, date: str | None, summary: str | None, text: str = "") -> str:
    """The same review from any page: author + date + summary title, normalised."""
    key = "|".join((_normalised(author), date or "", _normalised(summary)))
    if key == "||":  # nothing to know it by but its words
        key = "text|" + _normalised(text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _review_date(value: str | None) -> date_type | None:
    if not value:
        return None
    try:
        return date_type.fromisoformat(value)
    except ValueError:
        raise ImportRejected(f"review date {value!r} is not YYYY-MM-DD") from None


_REVIEW_FIELDS = (
    "summary",
    "date",
    "author",
    "author_imdb_id",
    "location",
    "helpful",
    "helpful_total",
    "rating",
    "spoiler",
    "text",
)


def _reviews_merge(title: Title, record: TitleRecord, *, update_existing: bool, conflicts, fresh: bool) -> None:
    if not record.reviews:
        return
    incoming: dict[str, Review] = {}
    for review in record.reviews:
        fingerprint = review_fingerprint(author=review.author, date=review.date, summary=review.title, text=review.text)
        incoming.setdefault(
            fingerprint,
            new_row(
                Review,
                title_id=title.pk,
                summary=review.title or "",
                date=_review_date(review.date),
                author=review.author or "",
                author_imdb_id=review.author_id or "",
                location=review.location or "",
                helpful=review.helpful,
                helpful_total=review.helpful_total,
                rating=review.rating,
                spoiler=review.spoiler,
                text=review.text or "",
                fingerprint=fingerprint,
            ),
        )
    existing, position = {}, 0
    if not fresh:
        existing = {row.fingerprint: row for row in Review.objects.filter(title=title, fingerprint__in=incoming)}
        position = Review.objects.filter(title=title).aggregate(last=Max("position"))["last"] or 0
    new, changed = [], []
    for fingerprint, review in incoming.items():
        row = existing.get(fingerprint)
        if row is None:
            position += 1
            review.position = position
            new.append(review)
            continue
        differences = [field for field in _REVIEW_FIELDS if getattr(row, field) != getattr(review, field)]
        if not differences or not update_existing:
            continue
        if row.is_hand_edited:
            conflicts.extend(
                Conflict("Review", row.pk, str(row), field, getattr(row, field), getattr(review, field))
                for field in differences
            )
            continue
        for field in differences:
            setattr(row, field, getattr(review, field))
        changed.append(row)
    check_lengths(changed)  # the new rows are checked by rows_insert
    rows_insert(Review, new)
    if changed:
        Review.objects.bulk_update(changed, list(_REVIEW_FIELDS))
