"""Records back from the catalogue, in the contract's form (``TitleRecord``).

parse → import → export gives the same record, database ids aside; ``warnings`` and
``unparsed`` come from the newest stored capture of the title page.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet

from catalogue.models import (
    Credit,
    Review,
    SourcePage,
    Title,
)
from catalogue.models.vocabularies import Department, PageType
from catalogue.parsing import record as rec


_COMPANY_KIND_RANK = {kind: rank for rank, kind in enumerate(rec.COMPANY_KINDS)}


def titles_for_export() -> QuerySet[Title]:
    """Titles with everything the export reads, in a constant number of queries."""
    return (
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


def iter_title_records(
    titles: QuerySet[Title] | None = None, *, chunk_size: int = 200
) -> Iterator[tuple[Title, rec.TitleRecord]]:
    titles = titles_for_export() if titles is None else titles
    for title in titles.iterator(chunk_size=chunk_size):
        yield title, title_export(title=title)


def _none(value):
    return value if value not in ("", None) else None


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
    cast = [
        rec.CastMember(
            name=c.person.name,
            character=_none(c.character),
            credited_as=_none(c.credited_as),
            notes=list(c.notes),
            order=c.order,
            imdb_id=c.person.imdb_id,
            character_id=_none(c.character_imdb_id),
        )
        for c in credits
        if c.department == Department.CAST
    ]
    crew = [
        rec.CrewMember(
            department=c.department,
            department_label=c.department_label,
            name=c.person.name,
            job=_none(c.job),
            credited_as=_none(c.credited_as),
            notes=list(c.notes),
            order=c.order,
            imdb_id=c.person.imdb_id,
        )
        for c in credits
        if c.department != Department.CAST
    ]
    release_dates = list(title.release_dates.all())
    release = release_dates[0] if release_dates else None
    sources = getattr(title, "title_sources", None)
    if sources is None:
        sources = list(
            title.sources.filter(page_type=PageType.TITLE)
            .order_by("-captured_at", "-id")
            .only("warnings", "unparsed", "format", "record")
        )
    newest = sources[0] if sources else None
    record = rec.TitleRecord(
        title=title.title,
        year=title.year,
        end_year=title.end_year,
        kind=title.kind,
        original_title=_none(title.original_title),
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
        popularity=rec.Popularity(rank=title.popularity_rank, text=_none(title.popularity_text))
        if title.popularity_rank is not None or title.popularity_text
        else None,
        release_date=rec.ReleaseDate(
            date=_none(release.date), text=_none(release.text), country=_none(release.country), note=_none(release.note)
        )
        if release
        else None,
        taglines=[t.text for t in title.taglines.all()],
        plot=_none(title.plot),
        genres=[link.genre.name for link in title.titlegenre_set.all()],
        countries=[link.country.name for link in title.titlecountry_set.all()],
        languages=[link.language.name for link in title.titlelanguage_set.all()],
        colors=[link.colour.name for link in title.titlecolour_set.all()],
        sound_mixes=[link.sound_mix.name for link in title.titlesoundmix_set.all()],
        runtimes=[
            rec.Runtime(minutes=r.minutes, country=_none(r.country), note=_none(r.note)) for r in title.runtimes.all()
        ],
        aspect_ratio=_none(title.aspect_ratio),
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
        news=_none(title.news),
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
        akas=[rec.Aka(title=a.aka, country=_none(a.country), notes=list(a.notes)) for a in title.akas.all()],
        certificates=[
            rec.Certificate(country=c.country, rating=c.rating, notes=list(c.notes)) for c in title.certificates.all()
        ],
        trivia=[t.text for t in title.trivia.all()],
        goofs=[rec.Goof(category=_none(g.category), text=g.text) for g in title.goofs.all()],
        quotes=[
            [rec.QuoteLine(character=_none(line.character), text=line.text) for line in q.lines.all()]
            for q in title.quotes.all()
        ],
        connections=[
            rec.Connection(
                type=c.type,
                title=c.target_title,
                year=c.target_year,
                note=_none(c.target_note),
                imdb_id=_none(c.target_imdb_id),
            )
            for c in title.connections.all()
        ],
        review_count=title.review_count,
        reviews=[
            rec.Review(
                title=_none(r.summary),
                date=r.date.isoformat() if r.date else None,
                author=_none(r.author),
                location=_none(r.location),
                helpful=r.helpful,
                helpful_total=r.helpful_total,
                text=r.text,
                rating=r.rating,
                spoiler=r.spoiler,
                author_id=_none(r.author_imdb_id),
            )
            for r in title.reviews.all()
        ],
        recommendations=[
            rec.Recommendation(title=r.target_title, year=r.target_year, imdb_id=_none(r.target_imdb_id))
            for r in title.recommendations.all()
            if not r.from_text
        ],
        recommendations_text=_none(title.recommendations_text),
        recommendation_count=title.recommendation_count,
        faq_count=title.faq_count,
        warnings=list(newest.warnings) if newest else [],
        unparsed=list(newest.unparsed) if newest else [],
        page_type=PageType.TITLE,
        source_format=newest.format if newest else "json",
        seasons=list(title.seasons),
        plot_keywords=[link.keyword.name for link in title.titlekeyword_set.all()],
        filming_locations=list(title.filming_locations),
        soundtrack=list(title.soundtrack),
        faq_questions=list(title.faq_questions),
        crazy_credits=list(title.crazy_credits),
        alternate_versions=list(title.alternate_versions),
        mpaa=_none(title.mpaa),
        top_rank=title.top_rank,
    )
    if newest is not None:
        _copy_unmodelled(record, newest.record)
    return record


# Record keys the catalogue has columns or rows for; any other key (one a newer parser
# added) is given back from the newest stored capture, so nothing parsed is lost.
_MODELLED = frozenset(
    """title year end_year kind original_title series imdb_id rating popularity release_date taglines plot
    genres countries languages colors sound_mixes runtimes aspect_ratio awards photo_count news cast
    cast_complete cast_alphabetical_from crew companies akas certificates trivia goofs quotes connections review_count reviews
    recommendations recommendations_text recommendation_count faq_count warnings unparsed page_type
    source_format seasons plot_keywords filming_locations soundtrack faq_questions crazy_credits
    alternate_versions mpaa top_rank""".split()
)


def _copy_unmodelled(record: rec.TitleRecord, stored: dict) -> None:
    extra = {key: value for key, value in (stored or {}).items() if key not in _MODELLED}
    if not extra:
        return
    typed = rec.TitleRecord.from_dict({"title": record.title, **extra})
    for key in extra:
        if hasattr(typed, key):
            setattr(record, key, getattr(typed, key))
