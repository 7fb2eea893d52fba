"""Records back from the catalogue, in the contract's form (``TitleRecord``).

parse → import → export gives the same record, database ids aside; ``warnings`` and
``unparsed`` come from the newest stored capture of the title page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from types import SimpleNamespace

from django.db.models import JSONField, Prefetch, QuerySet
from django.db.models.query import ModelIterable

from catalogue.models import (
    Credit,
    Review,
    SourcePage,
    Title,
)
from catalogue.models.vocabularies import Department, PageType
from catalogue.parsing import record as rec
from catalogue.sections import LIST_SECTIONS, TITLE_JSON_LISTS, VOCABULARY_SECTIONS, list_rows_union, none_if_empty


_COMPANY_KIND_RANK = {kind: rank for rank, kind in enumerate(rec.COMPANY_KINDS)}


def titles_for_export() -> QuerySet[Title]:
    """Titles with everything the export reads, in a constant number of queries."""
    titles = (
        Title.objects.for_title_page()
        .prefetch_related(
            Prefetch("reviews", queryset=Review.objects.order_by("position", "id")),
            # for_title_page() leaves credits to the page's bounded queries; the export needs all.
            Prefetch("credits", queryset=Credit.objects.select_related("person").order_by("department", "order")),
            Prefetch(
                "sources",
                queryset=SourcePage.objects.filter(page_type=PageType.TITLE)
                .order_by("-captured_at", "-id")
                .only("id", "title_id", "captured_at", "warnings", "unparsed", "format", "record"),
                to_attr="title_sources",
            ),
        )
        .order_by("pk")
    )
    # Their list sections come with them, a chunk of titles at a time (_TitlesWithLists).
    # ``_iterable_class`` is Django's private hook (values() and values_list() set it); the
    # public alternative, a Prefetch per section, is a query per section. If an upgrade
    # changes the hook, title_export() falls back to a query per title and
    # tests/importing/test_export.py's one-query-a-chunk test fails.
    titles._iterable_class = _TitlesWithLists
    return titles


# --- the list sections (catalogue/sections.py): every section's rows of many titles in one query ---


def _list_rows_query(title_ids: list[int], using: str):
    """Every list section's rows of these titles in one query (a prefetch a section was a query each)."""
    lists = {section.key: (section.model, section.fields) for section in LIST_SECTIONS}
    return list_rows_union(lists, leading=("title_id", "position", "pk"), using=using, title_id__in=title_ids)


def _converter(field):
    """A field's value from its text (as ``_list_rows_query`` reads it)."""
    return json.loads if isinstance(field, JSONField) else field.to_python


# Per section: its fields (what its ``to_record`` reads) and how each is read back from text.
_LIST_FIELDS = {
    section.key: [(name, _converter(section.model._meta.get_field(name))) for name in section.fields]
    for section in LIST_SECTIONS
}


def attach_list_rows(titles: list[Title]) -> None:
    """Give each title ``list_rows``: per list section key, its rows in printed order."""
    if not titles:
        return
    for title in titles:
        title.list_rows = {key: [] for key in _LIST_FIELDS}
    by_pk = {title.pk: title for title in titles}
    rows = _list_rows_query(list(by_pk), titles[0]._state.db or "default")
    for key, title_id, _position, _pk, *texts in sorted(rows, key=lambda row: (row[2], row[3])):
        values = {name: convert(text) for (name, convert), text in zip(_LIST_FIELDS[key], texts)}
        by_pk[title_id].list_rows[key].append(SimpleNamespace(**values))


class _TitlesWithLists(ModelIterable):
    """Titles given their list sections' rows (``attach_list_rows``), one query a chunk of titles."""

    def __iter__(self):
        titles = super().__iter__()
        while chunk := list(islice(titles, self.chunk_size)):
            attach_list_rows(chunk)
            yield from chunk


def iter_title_records(
    titles: QuerySet[Title] | None = None, *, chunk_size: int = 200
) -> Iterator[tuple[Title, rec.TitleRecord]]:
    titles = titles_for_export() if titles is None else titles
    for title in titles.iterator(chunk_size=chunk_size):
        yield title, title_export(title=title)


def title_export(*, title: Title) -> rec.TitleRecord:
    """The record of one title (use ``titles_for_export()`` to fetch titles in bulk)."""
    credits = list(title.credits.all())
    # Departments in the order the page printed them (bulk inserts keep it in the ids), rows by order.
    first_seen: dict[str, int] = {}
    for credit in sorted(credits, key=lambda c: c.pk):
        first_seen.setdefault(credit.department, credit.pk)

    def credit_key(credit: Credit):
        return (first_seen[credit.department], credit.order, credit.pk)

    credits.sort(key=credit_key)
    if not hasattr(title, "list_rows"):  # a title not read through titles_for_export()
        attach_list_rows([title])
    cast = [
        rec.CastMember(
            name=c.person.name,
            character=none_if_empty(c.character),
            credited_as=none_if_empty(c.credited_as),
            notes=list(c.notes),
            order=c.order,
            imdb_id=c.person.imdb_id,
            character_id=none_if_empty(c.character_imdb_id),
        )
        for c in credits
        if c.department == Department.CAST
    ]
    crew = [
        rec.CrewMember(
            department=c.department,
            department_label=c.department_label,
            name=c.person.name,
            job=none_if_empty(c.job),
            credited_as=none_if_empty(c.credited_as),
            notes=list(c.notes),
            order=c.order,
            imdb_id=c.person.imdb_id,
        )
        for c in credits
        if c.department != Department.CAST
    ]
    sources = getattr(title, "title_sources", None)
    if sources is None:
        sources = list(
            title.sources.filter(page_type=PageType.TITLE)
            .order_by("-captured_at", "-id")
            .only("warnings", "unparsed", "format", "record")
        )
    newest = sources[0] if sources else None
    values = dict(
        title=title.title,
        year=title.year,
        end_year=title.end_year,
        kind=title.kind,
        original_title=none_if_empty(title.original_title),
        series=rec.SeriesRef(
            title=title.series_title,
            year=title.series_year,
            season=title.season,
            episode=title.episode,
            imdb_id=title.series.imdb_id if title.series_id and title.series else None,
        )
        if title.series_title
        else None,
        imdb_id=title.imdb_id,
        rating=rec.Rating(value=float(title.rating), best=title.rating_best or 10, votes=title.votes or 0)
        if title.rating is not None
        else None,
        popularity=rec.Popularity(rank=title.popularity_rank, text=none_if_empty(title.popularity_text))
        if title.popularity_rank is not None or title.popularity_text
        else None,
        plot=none_if_empty(title.plot),
        aspect_ratio=none_if_empty(title.aspect_ratio),
        awards=rec.Awards(
            text=title.awards_text,
            oscar_wins=title.oscar_wins or 0,
            oscar_nominations=title.oscar_nominations or 0,
            wins=title.award_wins or 0,
            nominations=title.award_nominations or 0,
        )
        if title.awards_text
        else None,
        photo_count=title.photo_count,
        news=none_if_empty(title.news),
        cast=cast,
        cast_complete=title.cast_complete,
        cast_alphabetical_from=title.cast_alphabetical_from,
        crew=crew,
        companies=[
            rec.Company(kind=tc.kind, name=tc.company.name, notes=list(tc.notes), imdb_id=tc.company.imdb_id)
            for tc in sorted(
                title.title_companies.all(), key=lambda tc: (_COMPANY_KIND_RANK.get(tc.kind, 99), tc.position)
            )
        ],
        quotes=[
            [rec.QuoteLine(character=none_if_empty(line.character), text=line.text) for line in q.lines.all()]
            for q in title.quotes.all()
        ],
        connections=[
            rec.Connection(
                type=c.type,
                title=c.target_title,
                year=c.target_year,
                note=none_if_empty(c.target_note),
                imdb_id=none_if_empty(c.target_imdb_id),
            )
            for c in title.connections.all()
        ],
        review_count=title.review_count,
        reviews=[
            rec.Review(
                title=none_if_empty(r.summary),
                date=r.date.isoformat() if r.date else None,
                author=none_if_empty(r.author),
                location=none_if_empty(r.location),
                helpful=r.helpful,
                helpful_total=r.helpful_total,
                text=r.text,
                rating=r.rating,
                spoiler=r.spoiler,
                author_id=none_if_empty(r.author_imdb_id),
            )
            for r in title.reviews.all()
        ],
        recommendations=[
            rec.Recommendation(title=r.target_title, year=r.target_year, imdb_id=none_if_empty(r.target_imdb_id))
            for r in title.recommendations.all()
            if not r.from_text
        ],
        recommendations_text=none_if_empty(title.recommendations_text),
        recommendation_count=title.recommendation_count,
        faq_count=title.faq_count,
        warnings=list(newest.warnings) if newest else [],
        unparsed=list(newest.unparsed) if newest else [],
        page_type=PageType.TITLE,
        source_format=newest.format if newest else "json",
        mpaa=none_if_empty(title.mpaa),
        top_rank=title.top_rank,
        **{section.field_name: section.record_value(title.list_rows[section.key]) for section in LIST_SECTIONS},
        **{
            vocabulary.record_field: [
                getattr(link, vocabulary.field).name for link in getattr(title, vocabulary.related_name).all()
            ]
            for vocabulary in VOCABULARY_SECTIONS
        },
        **{name: list(getattr(title, name)) for name in TITLE_JSON_LISTS},
    )
    record = rec.TitleRecord(**values)
    if newest is not None:
        _copy_unmodelled(record, newest.record, modelled=values.keys())
    return record


def _copy_unmodelled(record: rec.TitleRecord, stored: dict, *, modelled) -> None:
    """Record keys the catalogue has no column or rows for (one a newer parser added) are
    given back from the newest stored capture, so nothing parsed is lost."""
    extra = {key: value for key, value in (stored or {}).items() if key not in modelled}
    if not extra:
        return
    typed = rec.TitleRecord.from_dict({"title": record.title, **extra})
    for key in extra:
        if hasattr(typed, key):
            setattr(record, key, getattr(typed, key))
