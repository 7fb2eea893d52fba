"""Full-text search of the text sections (catalogue/text_index.py): ranked hits with their snippets.

The user's words never reach the database as query syntax: they are split into words
here (letters and digits only) and given to FTS5 as quoted strings, to PostgreSQL
through ``plainto_tsquery``. A page is three queries: the counts per section, the page
of hits (with their titles), and the hits' texts, from which the snippets are cut here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections

from catalogue.models import Title
from catalogue.text import fold
from catalogue.text_index import POSTGRESQL_TABLE, QUOTE, SECTION_CODES, SECTIONS, SQLITE_TABLE

WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
SNIPPET_WORDS = 36  # words shown around the first hit
SNIPPET_BEFORE = 8  # of them, before it
# Documents ranked per query at most (settings.TEXT_SEARCH_CANDIDATES overrides): see TextResults.
CANDIDATES = 1000


def query_words(query: str) -> list[str]:
    """The query's distinct folded words, in order; punctuation and FTS syntax are separators."""
    words = WORD.findall(fold(query.replace("\x00", " ")))
    return list(dict.fromkeys(word[:MAX_WORD_LENGTH] for word in words))[:MAX_WORDS]


@dataclass
class Segment:
    text: str
    is_hit: bool


@dataclass
class TextHit:
    key: int
    title: Title
    section: str
    section_label: str
    heading: str = ""
    segments: list[Segment] = field(default_factory=list)


def snippet(text: str, words: set[str]) -> list[Segment]:
    """A stretch of ``text`` around its first matching word, split into plain and hit segments."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return [Segment(text[:300], False)] if text else []
    hits = [i for i, token in enumerate(tokens) if fold(token.group()) in words]
    first = hits[0] if hits else 0
    start = max(0, first - SNIPPET_BEFORE)
    stop = min(len(tokens), start + SNIPPET_WORDS)
    begin = 0 if start == 0 else tokens[start].start()
    end = len(text) if stop == len(tokens) else tokens[stop - 1].end()
    segments = [Segment("…", False)] if begin else []
    position = begin
    for i in hits:
        if start <= i < stop:
            token = tokens[i]
            if token.start() > position:
                segments.append(Segment(text[position : token.start()], False))
            segments.append(Segment(token.group(), True))
            position = token.end()
    if end > position:
        segments.append(Segment(text[position:end], False))
    if end < len(text):
        segments.append(Segment("…", False))
    return segments


class TextResults:
    """The ranked hits for ``words`` (and one section's, if ``section``): a sequence Paginator can page.

    The work per query is bounded, however common its words: the ranking scores only the
    first ``candidates`` matching documents the index yields (in its order: FTS5's is by
    document id, PostgreSQL's the table's, about the order they were written) and the
    page shows the best-ranked of those; the counts are read from the first
    ``candidates`` + 1 found: exact below the bound, "more than" and "at least" past it.
    A query with fewer matches than that is ranked over all of them, as without a bound.
    """

    def __init__(
        self, words: list[str], section: str = "", *, candidates: int | None = None, using: str = "default"
    ) -> None:
        self.words = words
        self.code = SECTION_CODES.get(section)
        self.candidates = candidates or getattr(settings, "TEXT_SEARCH_CANDIDATES", CANDIDATES)
        self.connection = connections[using]
        self._counts: dict[str, int] | None = None
        self._section_count = 0

    # --- the SQL, per database ---

    def _match(self) -> tuple[str, list]:
        if self.connection.vendor == "postgresql":
            return (
                f"{POSTGRESQL_TABLE} d, plainto_tsquery('simple', catalogue_text_fold(%s)) query "
                "WHERE d.document @@ query",
                [" ".join(self.words)],
            )
        return (
            f"{SQLITE_TABLE} d WHERE {SQLITE_TABLE} MATCH %s",
            [" ".join(f'"{word}"' for word in self.words)],
        )

    @property
    def _key(self) -> str:
        return "d.id" if self.connection.vendor == "postgresql" else "d.rowid"

    def counts(self) -> dict[str, int]:
        """Hits per section name among the first ``candidates`` + 1 found (all sections, whatever the filter).

        Exact when ``more`` is false; else each is a lower bound ("at least").
        """
        if self._counts is None:
            self._counts = {}
            if self.words:
                source, params = self._match()
                key = self._key
                # Bounded: the database stops reading matches at the LIMIT.
                sql = (
                    f"SELECT id %% 8, count(*) FROM (SELECT {key} AS id FROM {source} "
                    f"LIMIT {self.candidates + 1}) found GROUP BY 1"
                )
                if self.code is not None:  # the filter's section, counted up to the bound by itself
                    sql += (
                        f" UNION ALL SELECT 0, count(*) FROM (SELECT 1 FROM {source} AND {key} %% 8 = {self.code} "
                        f"LIMIT {self.candidates + 1}) section"
                    )
                    params = params * 2
                with self.connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    found = dict(cursor.fetchall())
                self._section_count = found.pop(0, 0)
                self._counts = {name: found.get(code, 0) for code, (name, _label) in SECTIONS.items()}
        return self._counts

    @property
    def more(self) -> bool:
        """Whether all sections together have more matches than ``candidates`` (the counts are lower bounds)."""
        return sum(self.counts().values()) > self.candidates

    def total(self) -> tuple[int, bool]:
        """(hits, whether there are more than that) of the filter's section, or of all."""
        counts = self.counts()
        found = self._section_count if self.code is not None else sum(counts.values())
        return min(found, self.candidates), found > self.candidates

    @property
    def bounded(self) -> bool:
        """Whether the ranking saw only some of the matches (the first ``candidates``)."""
        return self.total()[1]

    def count(self) -> int:
        """How many hits can be paged through: the ranked candidates."""
        return self.total()[0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page: slice) -> list[TextHit]:
        if not self.words:
            return []
        offset, stop = page.start or 0, page.stop
        source, params = self._match()
        postgresql = self.connection.vendor == "postgresql"
        key = self._key
        # Ascending: FTS5's rank (bm25) is lower for better; ts_rank is negated to match.
        rank = "-ts_rank(d.document, query, 1)" if postgresql else "d.rank"
        section = f" AND {key} %% 8 = %s" if self.code is not None else ""
        # The candidates come unsorted (no ORDER BY on the rank, so the database stops
        # reading at the LIMIT and scores only them); the best-ranked of them are the page.
        sql = (
            "SELECT hit.id, t.id, t.slug, t.title, t.year, t.kind FROM (SELECT id, title_id, place FROM "
            f"(SELECT {key} AS id, d.title_id, {rank} AS place FROM {source}{section} LIMIT %s) candidate "
            "ORDER BY place, id LIMIT %s OFFSET %s) hit "
            f"JOIN {Title._meta.db_table} t ON t.id = hit.title_id ORDER BY hit.place, hit.id"
        )
        params = params + ([self.code] if self.code is not None else []) + [self.candidates, stop - offset, offset]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        hits = []
        for key_value, title_id, slug, title, year, kind in rows:
            name, label = SECTIONS[key_value % 8]
            hits.append(
                TextHit(key_value, Title(id=title_id, slug=slug, title=title, year=year, kind=kind), name, label)
            )
        self._add_snippets(hits)
        return hits

    def _add_snippets(self, hits: list[TextHit]) -> None:
        """One query for the texts of all the page's hits, from their own tables."""
        by_code: dict[int, list[int]] = {}
        for hit in hits:
            by_code.setdefault(hit.key % 8, []).append(hit.key // 8)
        branches, params = [], []
        sources = {
            1: "SELECT id * 8 + 1, '', plot, 0 FROM catalogue_title",
            2: "SELECT id * 8 + 2, '', text, 0 FROM catalogue_tagline",
            3: "SELECT id * 8 + 3, '', text, 0 FROM catalogue_trivia",
            4: "SELECT id * 8 + 4, category, text, 0 FROM catalogue_goof",
            6: "SELECT id * 8 + 6, summary, text, 0 FROM catalogue_review",
        }
        for code, ids in by_code.items():
            marks = ", ".join(["%s"] * len(ids))
            if code == QUOTE:
                branches.append(
                    f"SELECT quote_id * 8 + {QUOTE}, character, text, position FROM catalogue_quoteline "
                    f"WHERE quote_id IN ({marks})"
                )
            else:
                branches.append(f"{sources[code]} WHERE id IN ({marks})")
            params += ids
        if not branches:
            return
        texts: dict[int, list[tuple[str, str]]] = {}
        with self.connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(branches) + " ORDER BY 1, 4", params)
            for key, heading, text, _position in cursor.fetchall():
                texts.setdefault(key, []).append((heading, text))
        words = set(self.words)
        for hit in hits:
            parts = texts.get(hit.key, [])
            if hit.key % 8 == QUOTE:
                body = " / ".join(f"{who}: {said}" if who else said for who, said in parts)
            elif hit.section == "review" and parts:
                # The summary is the review's heading, unless only it matched.
                heading, body = parts[0]
                if heading and not any(fold(w) in words for w in WORD.findall(body)):
                    body = heading
                else:
                    hit.heading = heading
            else:
                hit.heading, body = parts[0] if parts else ("", "")
            hit.segments = snippet(body, words)


def text_search(query: str, section: str = "") -> TextResults:
    return TextResults(query_words(query), section)
