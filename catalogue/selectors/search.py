"""Reads for the search page: ranked titles, ranked people, their best-known titles, "did you mean".

The database finds candidates through its indexes (``matching_words``); the word rule
and the relevance order are applied here, in Python (catalogue/wordsearch.py), on the
few columns they need; then only the page's rows are read in full. A common word has
tens of thousands of candidates: at most ``WORD_QUERY_CANDIDATES`` are read, those with
the most votes (or first in the chosen sort), plus every title (person) named exactly
the query, so its cost stays bounded and the exact matches still come first.
"""

from __future__ import annotations

from collections.abc import Iterator

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from catalogue import search_index, wordsearch
from catalogue.models import AlternateTitle, Credit, Person, Title
from catalogue.wordsearch import WordQuery

# A query of one- and two-letter words reads this many names from the start of the folded index.
SHORT_QUERY_CANDIDATES = 200
# A query of longer words reads at most this many candidates (titles, people); the page says so.
WORD_QUERY_CANDIDATES = 500
# People ranked by their credits: the best this many by the word rule (one bounded count).
PEOPLE_RANKED = 500
BEST_KNOWN_TITLES = 4
PEOPLE_WITH_TITLES = 3
SUGGESTIONS = 5
SUGGESTION_CANDIDATES = 40


@dataclass
class TitleResults:
    page: Page
    ranked: bool = False  # ordered by relevance
    short: bool = False  # only names starting with a 1–2 letter query were read
    capped: bool = False  # the candidates were cut at SHORT_QUERY_CANDIDATES (short) or WORD_QUERY_CANDIDATES


@dataclass
class PersonHit:
    pk: int
    name: str
    slug: str
    tier: int
    credit_count: int = 0
    best_titles: list = field(default_factory=list)
    titles_url: str = ""
    together_url: str = ""

    @property
    def exact(self) -> bool:
        return self.tier == wordsearch.EXACT

    def get_absolute_url(self) -> str:
        return Person(slug=self.slug).get_absolute_url()


@dataclass
class Suggestion:
    text: str
    url: str
    kind: str  # "title" or "person"
    year: int | None = None


def search_titles_all(filterset) -> Iterator[Title]:
    """Every title of a search in the page's order (CSV export): ranked candidates for a text query,
    else the whole filtered queryset, read in chunks."""
    queryset = filterset.qs  # filtering sets word_query
    if filterset.word_query:
        results = search_titles(filterset, 1, WORD_QUERY_CANDIDATES + SHORT_QUERY_CANDIDATES + 1000)
        yield from results.page.object_list
        return
    yield from queryset.iterator(chunk_size=2000)


def search_titles(filterset, page_number, per_page: int) -> TitleResults:
    """The page of titles for a search: ranked by the word rule when there is a text query."""
    queryset = filterset.qs
    query: WordQuery | None = filterset.word_query
    if not query:
        paginator = Paginator(queryset, per_page)
        counted = filterset.credit_title_count()
        if counted is not None:
            paginator.count = counted  # a cached_property: the paginator's own COUNT is skipped
        return TitleResults(page=paginator.get_page(page_number))
    sort = filterset.explicit_sort
    columns = ("pk", "year", "votes", "title_folded", "original_title_folded", "other_names")
    if query.is_short:
        # Short queries walk the folded title index from the query on.
        limit = SHORT_QUERY_CANDIDATES
        candidates = queryset.order_by("title_folded")
    else:
        limit = WORD_QUERY_CANDIDATES
        candidates = queryset if sort else queryset.order_by(_most_votes(), "title_folded", "pk")
    rows = list(candidates.annotate(other_names=search_index.TitleOtherNames()).values_list(*columns)[: limit + 1])
    capped = len(rows) > limit
    rows = rows[:limit]
    if capped and not query.is_short and not sort:
        # Titles named exactly the query are never cut from the relevance order.
        seen = {row[0] for row in rows}
        exact = (
            filterset.without_text()
            .order_by()
            .filter(_named_exactly(query))
            .annotate(other_names=search_index.TitleOtherNames())
            .values_list(*columns)
        )
        rows += [row for row in exact if row[0] not in seen]
    matched = []
    quick = query.quick_check()
    for pk, year, votes, title, original, others in rows:
        if not quick(f"{title}\n{original}\n{others or ''}"):
            continue
        # PostgreSQL's other names repeat the title and original title: each name once.
        names = list(dict.fromkeys((title, original, *(others.split("\n") if others else ()))))
        found = wordsearch.match(query, names, year)
        if found is None:
            continue
        tier, index = found
        via_aka = names[index] not in (title, original)
        matched.append((tier, -(votes or 0), title, pk, via_aka))
    if not sort:
        matched.sort()
    elif query.is_short and matched:
        # The chosen order, for the few names read from the index.
        by_pk = {row[3]: row for row in matched}
        matched = [by_pk[pk] for pk in queryset.filter(pk__in=list(by_pk)).values_list("pk", flat=True)]
    page = Paginator(matched, per_page).get_page(page_number)
    page.object_list = _page_titles(query, page.object_list)
    return TitleResults(page=page, ranked=not sort, short=query.is_short, capped=capped)


def _most_votes():
    # SQLite puts NULL last in a descending order by itself and then walks the votes index.
    return F("votes").desc() if connections[Title.objects.db].vendor == "sqlite" else F("votes").desc(nulls_last=True)


def _exact_texts(query: WordQuery) -> list[str]:
    """The folded names that match the query exactly: its words, and without a year-like word."""
    texts = [query.text]
    years = query.years()
    if years:
        texts.append(" ".join(word for index, word in enumerate(query.words) if index not in years))
    return [text for text in texts if text]


def _named_exactly(query: WordQuery) -> Q:
    """Titles whose title, original title or an AKA is, folded, the query's words (the b-tree indexes)."""
    texts = _exact_texts(query)
    # One UNION of three index lookups: an OR with the AKA subquery makes PostgreSQL scan the titles.
    by_title = Title.objects.filter(title_folded__in=texts).order_by().values("pk")
    by_original = Title.objects.filter(original_title_folded__in=texts).order_by().values("pk")
    by_aka = AlternateTitle.objects.filter(title_folded__in=texts).order_by().values("title_id")
    return Q(pk__in=by_title.union(by_original, by_aka))


def _page_titles(query: WordQuery, rows: list[tuple]) -> list[Title]:
    ids = [row[3] for row in rows]
    if not ids:
        return []
    titles = Title.objects.for_listing().in_bulk(ids)
    aka_ids = [row[3] for row in rows if row[4]]
    if aka_ids:
        # Which AKA matched: the best of each title's AKAs by the same rule.
        best: dict[int, tuple] = {}
        for title_id, aka, folded in (
            AlternateTitle.objects.filter(title_id__in=aka_ids)
            .order_by("title_id", "position", "id")
            .values_list("title_id", "aka", "title_folded")
        ):
            found = wordsearch.match(query, [folded], titles[title_id].year)
            if found and (title_id not in best or found[0] < best[title_id][0]):
                best[title_id] = (found[0], aka)
        for title_id, (_tier, aka) in best.items():
            titles[title_id].matched_aka = aka
    return [titles[pk] for pk in ids if pk in titles]


def search_people(query_text: str, *, limit: int = 20) -> list[PersonHit]:
    """The first ``limit`` + 1 people matching the words (one more: are there more?).

    Ranked like titles (exact name, name starting with the query, all words), then by
    number of credits, then by name. The best-known titles of the first people whose
    name matches exactly are attached (``best_titles``).
    """
    query = WordQuery.parse(query_text)
    if not query:
        return []
    candidates = Person.objects.matching_words(query).values_list("pk", "name", "slug", "name_folded")
    if query.is_short:
        candidates = candidates.order_by("name_folded")[:SHORT_QUERY_CANDIDATES]
    else:
        # A common word: the first candidates by name, and everyone named exactly the query.
        candidates = list(
            candidates.order_by(search_index.OrderedApart("name_folded"), "pk")[: WORD_QUERY_CANDIDATES + 1]
        )
        if len(candidates) > WORD_QUERY_CANDIDATES:
            candidates = candidates[:WORD_QUERY_CANDIDATES]
            seen = {row[0] for row in candidates}
            exact = Person.objects.filter(name_folded__in=_exact_texts(query)).values_list(
                "pk", "name", "slug", "name_folded"
            )
            candidates += [row for row in exact if row[0] not in seen]
    hits = []
    quick = query.quick_check()
    for pk, name, slug, folded in candidates:
        if not quick(folded):
            continue
        found = wordsearch.match(query, [folded], None)
        if found is not None:
            hits.append(PersonHit(pk, name, slug, found[0]))
    hits.sort(key=lambda hit: (hit.tier, hit.name, hit.pk))
    hits = hits[:PEOPLE_RANKED]
    if hits:
        counts = dict(
            Credit.objects.filter(person_id__in=[hit.pk for hit in hits])
            .order_by()
            .values("person_id")
            .annotate(n=Count("title_id"))
            .values_list("person_id", "n")
        )
        for hit in hits:
            hit.credit_count = counts.get(hit.pk, 0)
    hits.sort(key=lambda hit: (hit.tier, -hit.credit_count, hit.name, hit.pk))
    shown = hits[: limit + 1]
    exact = [hit for hit in shown[:limit] if hit.exact][:PEOPLE_WITH_TITLES]
    if exact:
        titles = best_known_titles([hit.pk for hit in exact])
        for hit in exact:
            hit.best_titles = titles.get(hit.pk, [])
    return shown


def best_known_titles(person_ids: list[int], per_person: int = BEST_KNOWN_TITLES) -> dict[int, list[Title]]:
    """{person id: their titles with the most votes}, for several people in one query."""
    # Twice as many credits as titles wanted: one title can credit a person twice (director and writer).
    rows = (
        Credit.objects.filter(person_id__in=person_ids)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("person_id")],
                order_by=[F("title__votes").desc(nulls_last=True), F("title_id").asc()],
            )
        )
        .filter(rank__lte=per_person * 2)
        .order_by("person_id", "rank")
        .values_list(
            "person_id", "title_id", "title__slug", "title__title", "title__year", "title__kind", "title__votes"
        )
    )
    found: dict[int, list[Title]] = {}
    for person_id, title_id, slug, title, year, kind, votes in rows:
        titles = found.setdefault(person_id, [])
        if len(titles) < per_person and all(other.pk != title_id for other in titles):
            titles.append(Title(pk=title_id, slug=slug, title=title, year=year, kind=kind, votes=votes))
    return found


def did_you_mean(query_text: str, *, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Titles and people whose names are most like a query that found nothing (trigram similarity)."""
    query = WordQuery.parse(query_text)
    if not query or query.is_short:
        return []
    connection = connections[Title.objects.db]
    text = query.text
    title_ids = search_index.similar_rows(connection, Title, "title_folded", text, limit=SUGGESTION_CANDIDATES)
    person_ids = search_index.similar_rows(connection, Person, "name_folded", text, limit=SUGGESTION_CANDIDATES)
    scored = []
    for title in Title.objects.filter(pk__in=title_ids).only("slug", "title", "title_folded", "year"):
        score = wordsearch.similarity(text, " ".join(wordsearch.words(title.title_folded)))
        scored.append((-score, title.title, Suggestion(title.title, title.get_absolute_url(), "title", title.year)))
    for person in Person.objects.filter(pk__in=person_ids).only("slug", "name", "name_folded"):
        score = wordsearch.similarity(text, " ".join(wordsearch.words(person.name_folded)))
        scored.append((-score, person.name, Suggestion(person.name, person.get_absolute_url(), "person")))
    scored.sort(key=lambda item: item[:2])
    return [suggestion for _score, _name, suggestion in scored[:limit]]


def people_named(person_ids: list[int]) -> list[Person]:
    people = Person.objects.filter(pk__in=person_ids).only("name", "slug").in_bulk()
    return [people[pk] for pk in person_ids if pk in people]
