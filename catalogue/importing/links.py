"""Links between titles: connections and recommendations, resolved in both import orders.

A link names its target by IMDb id when the page gave one, else by printed title and
year; a link by id also reaches a catalogued title of that title and year that has no id
(read from a page that did not show it). It is resolved when the target is catalogued: at import of the linking title
(``resolve_targets``), or later at import of the target (``resolve_incoming``).

The run-together recommendations line is split with the catalogued titles (and AKAs):
``split_recommendations`` accepts only a split into exactly ``count`` pieces that are
all known titles, and only when there is exactly one such split.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from catalogue.models import AlternateTitle, Connection, PendingSplitWord, Recommendation, Title
from catalogue.text import fold

from .bulk import in_chunks, marks, new_row, rows_insert, rows_select

# Longest title, in words, the split considers (a piece longer than this stays unsplit).
MAX_PIECE_WORDS = 12


def resolve_targets(links: list[tuple[str, int | None, str | None]]) -> list[Title | None]:
    """The catalogued Title for each (title, year, imdb id), or None; one query."""
    if not links:
        return []
    ids = {imdb_id for _, _, imdb_id in links if imdb_id}
    folded = {fold(text) for text, _, _ in links}
    by_id, by_text = {}, defaultdict(list)
    table = connection.ops.quote_name(Title._meta.db_table)
    selects, params = [], []
    for column, values in (("imdb_id", sorted(ids)), ("title_folded", sorted(folded))):
        for chunk, chunk_marks in in_chunks(values):
            selects.append(
                f"SELECT id, imdb_id, title_folded, year, title FROM {table} WHERE {column} IN ({chunk_marks})"
            )
            params.extend(chunk)
    found = [
        Title(pk=pk, imdb_id=imdb_id, title_folded=tf, year=year, title=text)
        for pk, imdb_id, tf, year, text in rows_select(" UNION ".join(selects), params)
    ]
    without_id = defaultdict(list)
    for title in sorted(found, key=lambda t: t.pk):
        if title.imdb_id:
            by_id[title.imdb_id] = title
        else:
            without_id[title.title_folded].append(title)
        by_text[(title.title_folded, title.year)].append(title)
    targets = []
    for text, year, imdb_id in links:
        target = by_id.get(imdb_id) if imdb_id else None
        if target is None:
            if imdb_id:
                # The page linked by id, and the catalogue has that title from a page that
                # gave none (a text extraction): the one id-less title of that title (and
                # year, when the link shows one; an HTML recommendation does not).
                matches = [t for t in without_id.get(fold(text), []) if year is None or t.year == year]
            else:
                matches = by_text.get((fold(text), year), [])
            target = matches[0] if len(matches) == 1 else None
        targets.append(target)
    return targets


def resolve_incoming(title: Title) -> int:
    """Point links from earlier titles at ``title``; returns how many were resolved.

    Raw SQL so that the lookup goes by the target's id or text (indexed): given
    ``target_id IS NULL`` or ``target_imdb_id = ''``, SQLite picks those indexes and
    scans every unresolved (or id-less) link, a cost that grows with the catalogue;
    ``+target_id`` and ``target_imdb_id || ''`` keep those indexes out of the plan.
    """
    names = [name for name in dict.fromkeys((title.title, title.original_title)) if name]
    year_sql, year_params = ("target_year IS NULL", []) if title.year is None else ("target_year = %s", [title.year])
    if title.imdb_id:
        match = f"((target_imdb_id || '') = '' AND target_title IN ({marks(len(names))}) AND {year_sql})"
        match += " OR target_imdb_id = %s"
        params: list = [*names, *year_params, title.imdb_id]
    else:
        # A title with no id (from a text page) takes the links to its title and year
        # whatever id they name: the id is the one its own page did not show. A link by id
        # that shows no year (an HTML recommendation) too, unless another id-less title
        # has the same title (then which one it meant is unknown).
        match = f"(target_title IN ({marks(len(names))}) AND {year_sql})"
        params = [*names, *year_params]
        if not _other_id_less_titles_named(title):
            match += (
                f" OR (target_title IN ({marks(len(names))}) AND target_year IS NULL AND (target_imdb_id || '') <> '')"
            )
            params += names
    resolved = 0
    touched: set[int] = set()
    for model in (Connection, Recommendation):
        table = connection.ops.quote_name(model._meta.db_table)
        rows = rows_select(
            f"SELECT id, title_id FROM {table} WHERE +target_id IS NULL AND ({match}) AND title_id <> %s",
            [*params, title.pk],
        )
        if rows:
            resolved += model.objects.filter(pk__in=[pk for pk, _ in rows]).update(target=title)
            touched |= {title_id for _, title_id in rows}
    if touched:
        Title.objects.filter(pk__in=touched).update(updated_at=timezone.now())
    return resolved


def _other_id_less_titles_named(title: Title) -> bool:
    table = connection.ops.quote_name(Title._meta.db_table)
    return bool(
        rows_select(
            f"SELECT 1 FROM {table} WHERE title_folded = %s AND imdb_id IS NULL AND id <> %s LIMIT 1",
            [fold(title.title), title.pk],
        )
    )


class KnownTitle(NamedTuple):
    """A catalogued title a piece of a recommendations line names (no model instance: cheaper)."""

    pk: int
    title: str
    year: int | None


class SplitAttempt(NamedTuple):
    """What one attempt to split a recommendations line found."""

    pieces: list[tuple[str, KnownTitle | None]] | None  # None: no single split into known titles
    covered: frozenset[str]  # the line's folded words inside some known title (or AKA)


def split_recommendations(text: str, count: int | None) -> list[tuple[str, KnownTitle | None]] | None:
    """Split ``text`` into exactly ``count`` known titles: [(piece, target or None)], or None.

    None when no split makes every piece a catalogued title (or AKA), or when more
    than one does (ambiguous). A piece naming several titles keeps no target.
    """
    return recommendations_split_attempt(text, count).pieces


def recommendations_split_attempt(text: str, count: int | None) -> SplitAttempt:
    """``split_recommendations``, also telling which words known titles already cover."""
    words = (text or "").split()
    if not words or not count or count > len(words):
        return SplitAttempt(None, frozenset())
    n = len(words)
    # fold() of a run of words is the fold of each word joined (words folding to nothing dropped).
    folded_words = [fold(word) for word in words]
    spans = {}
    for i in range(n):
        run = ""
        for j in range(i + 1, min(n, i + MAX_PIECE_WORDS) + 1):
            word = folded_words[j - 1]
            if word:
                run = f"{run} {word}" if run else word
            spans[(i, j)] = run
    known = _known_titles(set(spans.values()) - {""})
    covered = frozenset().union(*map(_kept_words, known))

    # ways[i][k]: number of ways (capped at 2) to split words[i:] into k known pieces.
    ways = [[0] * (count + 1) for _ in range(n + 1)]
    ways[n][0] = 1
    for i in range(n - 1, -1, -1):
        ends = [j for j in range(i + 1, min(n, i + MAX_PIECE_WORDS) + 1) if spans[(i, j)] in known]
        if not ends:
            continue
        for k in range(1, count + 1):
            ways[i][k] = min(sum(ways[j][k - 1] for j in ends), 2)
    if ways[0][count] != 1:
        return SplitAttempt(None, covered)
    pieces, i, k = [], 0, count
    while k:
        j = next(j for j in range(i + 1, min(n, i + MAX_PIECE_WORDS) + 1) if spans[(i, j)] in known and ways[j][k - 1])
        targets = known[spans[(i, j)]]
        target = None
        if len(targets) == 1:
            pk, (name, year) = next(iter(targets.items()))
            target = KnownTitle(pk, name, year)
        pieces.append((" ".join(words[i:j]), target))
        i, k = j, k - 1
    return SplitAttempt(pieces, covered)


def _known_titles(candidates: set[str]) -> dict[str, dict[int, tuple[str, int | None]]]:
    """For each candidate folded text that names catalogued titles (or their AKAs): {pk: (title, year)}."""
    known: dict[str, dict[int, tuple[str, int | None]]] = defaultdict(dict)
    ordered = sorted(candidates)
    # Raw SQL: a line of 40 words has ~450 candidate pieces, costly to build through the ORM.
    title_table = connection.ops.quote_name(Title._meta.db_table)
    aka_table = connection.ops.quote_name(AlternateTitle._meta.db_table)
    if connection.vendor == "postgresql":
        # One array, each value looked up through the index (LATERAL … OFFSET 0 keeps the
        # planner from turning it into a hash join over the whole table). With ~450
        # values in an IN list PostgreSQL spent ~3 ms planning and then scanned both
        # tables: at 5,000 titles 6.8 ms a line, now 1.6 ms, and it no longer grows
        # with the catalogue.
        statements = [
            (
                f"SELECT c.folded, t.id, t.title, t.year FROM unnest(%s::text[]) AS c(folded) "
                f"CROSS JOIN LATERAL (SELECT id, title, year FROM {title_table} "
                f"WHERE title_folded = c.folded OFFSET 0) t "
                f"UNION ALL SELECT c.folded, t.id, t.title, t.year FROM unnest(%s::text[]) AS c(folded) "
                f"CROSS JOIN LATERAL (SELECT title_id FROM {aka_table} WHERE title_folded = c.folded OFFSET 0) a "
                f"JOIN {title_table} t ON t.id = a.title_id",
                [ordered, ordered],
            )
        ]
    else:
        statements = [
            (
                f"SELECT title_folded, id, title, year FROM {title_table} WHERE title_folded IN ({chunk_marks}) "
                f"UNION ALL SELECT a.title_folded, t.id, t.title, t.year FROM {aka_table} a "
                f"JOIN {title_table} t ON t.id = a.title_id WHERE a.title_folded IN ({chunk_marks})",
                chunk + chunk,
            )
            for chunk, chunk_marks in in_chunks(ordered)
        ]
    for sql, params in statements:
        for folded, pk, name, year in rows_select(sql, params):
            known[folded][pk] = (name, year)
    return known


def recommendations_split_store(*, title_id: int, text: str, count: int | None) -> SplitAttempt:
    """Split title ``title_id``'s recommendations line ``text`` (of ``count`` titles) when certain, storing the links."""
    attempt = recommendations_split_attempt(text, count)
    if attempt.pieces is None:
        return attempt
    rows = [
        new_row(
            Recommendation,
            title_id=title_id,
            target_title=piece,
            target_year=target.year if target else None,
            target_id=target.pk if target else None,
            position=position,
            from_text=True,
        )
        for position, (piece, target) in enumerate(attempt.pieces, start=1)
    ]
    rows_insert(Recommendation, rows)
    return attempt


# Longest word kept for the lookup (the column's length).
_WORD_LENGTH = 100


def pending_words_of(text: str) -> set[str]:
    """The folded words of a recommendations line, as ``PendingSplitWord`` keeps them."""
    return _kept_words(fold(text))


def _kept_words(folded: str) -> set[str]:
    """The words of already folded text, cut to the length ``PendingSplitWord`` keeps."""
    return {word[:_WORD_LENGTH] for word in folded.split()}


def pending_words_store(title: Title, *, unsplit: bool, covered: Iterable[str] = ()) -> None:
    """Record (``unsplit``) or forget the words of ``title``'s line that no split took yet.

    ``covered``: the words some catalogued title already covers (``SplitAttempt.covered``).
    """
    PendingSplitWord.objects.filter(title=title).delete()
    if unsplit:
        _pending_words_insert(title.pk, title.recommendations_text, covered)


def _pending_words_insert(title_id: int, text: str, covered: Iterable[str]) -> None:
    covered = set(covered)
    rows_insert(
        PendingSplitWord,
        [
            new_row(PendingSplitWord, title_id=title_id, word=word, covered=word in covered)
            for word in sorted(pending_words_of(text))
        ],
    )


# Due lines read (and split) per transaction by ``due_lines_split``.
DUE_LINES_CHUNK = 500

# PostgreSQL advisory lock between imports running at once: each group of pages holds it
# shared, each chunk of due lines being split holds it alone. A line split while another
# import's titles were written but not committed would miss them, and that import's pages
# had checked for pending lines before this line was pending: it stayed unsplit. With the
# lock, a title is either committed before a chunk reads the catalogue, or its page runs
# after the chunk committed its pending lines and retries them (``resplit_pending``).
_SPLIT_LOCK = 0x0CA7_A106_5917


def import_lock_take(*, exclusive: bool) -> None:
    """Take the split lock for the current transaction (PostgreSQL; SQLite has one writer)."""
    if connection.vendor != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s)", [_SPLIT_LOCK])


def due_lines_split(*, chunk_size: int = DUE_LINES_CHUNK) -> int:
    """Split every recommendations line waiting for it (``Title.recommendations_due``); returns how many split.

    A batch import (``paths_import``) marks each new line due instead of splitting it
    at its own page: tried once at the end of the batch, a line sees every title of
    the batch. Tried at its own page, most lines of a crawl failed (their titles come
    later), were indexed as pending and tried again as those titles arrived, which
    cost a quarter of the import's time.

    The mark is committed with its page, so lines a killed batch left due are split by
    the next batch. Lines that do not split are indexed as pending with their covered
    words, as an immediate split leaves them; a line that has links already (added by
    hand meanwhile) keeps them. Each chunk of lines is one transaction.
    """
    table = connection.ops.quote_name(Title._meta.db_table)
    recommendation_table = connection.ops.quote_name(Recommendation._meta.db_table)
    # PostgreSQL: imports running at once each take the lines no other one holds, so no
    # line is split twice (SQLite has one writer at a time); the lock above makes the
    # other imports' titles committed or not yet begun.
    claim = " FOR UPDATE OF t SKIP LOCKED" if connection.vendor == "postgresql" else ""
    total = 0
    while True:
        with transaction.atomic():
            import_lock_take(exclusive=True)
            due = rows_select(
                f"SELECT t.id, t.recommendations_text, t.recommendation_count, "
                f"EXISTS (SELECT 1 FROM {recommendation_table} r WHERE r.title_id = t.id) "
                f"FROM {table} t WHERE t.recommendations_due ORDER BY t.id LIMIT %s{claim}",
                [chunk_size],
            )
            if not due:
                return total
            split = []
            for pk, text, count, linked in due:
                if linked or not text or not count:
                    continue
                attempt = recommendations_split_store(title_id=pk, text=text, count=count)
                if attempt.pieces is None:
                    _pending_words_insert(pk, text, attempt.covered)
                else:
                    split.append(pk)
            Title.objects.filter(pk__in=[pk for pk, *_ in due]).update(recommendations_due=False)
            if split:  # what the title pages show changed: their cache stamp moves
                Title.objects.filter(pk__in=split).update(updated_at=timezone.now())
            total += len(split)


def _pending_lines_exist() -> bool:
    table = connection.ops.quote_name(PendingSplitWord._meta.db_table)
    return bool(rows_select(f"SELECT 1 FROM {table} LIMIT 1"))


def resplit_pending(title: Title, *, also_known_as: Iterable[str] = ()) -> int:
    """Try again the unsplit recommendation lines that mention ``title`` (or an AKA); returns how many split.

    A line can only split now if one of these names is a whole run of its words, so
    the lines are found by the words of each name (``PendingSplitWord``, an index:
    the lines holding all of them), then checked for the whole name as a run of words.
    The name's words are then marked covered, and a line is split again only once
    every one of its words is covered by some title: a line of ten titles is retried
    once, when its last title arrives, not ten times.
    """
    names = {name for name in (title.title, title.original_title) if name}
    names |= {name for name in also_known_as if name}
    folded = {fold(name) for name in names} - {""}
    # A batch that defers its own lines' splits leaves none pending: no query per page.
    if not folded or not _pending_lines_exist():
        return 0
    # The lines that hold every longer word of a name: an intersection of the word
    # index's entries, one GROUP BY per name; then the run itself is checked on their
    # text. Words of up to 3 letters ("the", "of", "la", "und") are in most lines and
    # would make the intersection read most of the index; they only narrow it when the
    # name has nothing else.
    table = connection.ops.quote_name(PendingSplitWord._meta.db_table)
    title_table = connection.ops.quote_name(Title._meta.db_table)
    recommendation_table = connection.ops.quote_name(Recommendation._meta.db_table)
    selects, params = [], []
    for name in sorted(folded):
        words = _kept_words(name)
        words = sorted({word for word in words if len(word) > 3} or words)
        selects.append(
            f"SELECT title_id FROM {table} WHERE word IN ({marks(len(words))}) "
            f"GROUP BY title_id HAVING COUNT(*) = {len(words)}"
        )
        params.extend(words)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.id, t.recommendations_text, t.recommendation_count FROM {title_table} t "
            f"WHERE t.id IN ({' UNION '.join(selects)}) AND t.id <> %s AND t.recommendation_count > 0 "
            f"AND NOT EXISTS (SELECT 1 FROM {recommendation_table} r WHERE r.title_id = t.id) ORDER BY t.id",
            [*params, title.pk],
        )
        pending = cursor.fetchall()
    newly_covered: dict[int, set[str]] = {}
    lines: dict[int, tuple[str, int]] = {}
    for pk, text, count in pending:
        line = _folded_line(text)
        runs = [name for name in folded if f" {name} " in line]
        if runs:
            lines[pk] = (text, count)
            newly_covered[pk] = set().union(*map(_kept_words, runs))
    if not lines:
        return 0
    with connection.cursor() as cursor:
        matches, params = [], [True]
        for pk, words in sorted(newly_covered.items()):
            matches.append(f"(title_id = %s AND word IN ({marks(len(words))}))")
            params.extend([pk, *sorted(words)])
        cursor.execute(f"UPDATE {table} SET covered = %s WHERE {' OR '.join(matches)}", params)
        cursor.execute(
            f"SELECT DISTINCT title_id FROM {table} WHERE title_id IN ({marks(len(lines))}) AND NOT covered",
            list(lines),
        )
        incomplete = {pk for (pk,) in cursor.fetchall()}
    split = []
    for pk in sorted(lines.keys() - incomplete):
        text, count = lines[pk]
        if recommendations_split_store(title_id=pk, text=text, count=count).pieces is not None:
            split.append(pk)
    if split:
        PendingSplitWord.objects.filter(title_id__in=split).delete()
        Title.objects.filter(pk__in=split).update(updated_at=timezone.now())
    return len(split)


# Folded pending lines, by their text: a line is read again by most new titles that
# share a longer word with it (~24 lines a page at 6,000 titles), and folding it
# each time cost more than the query that found it. Bounded (~10 MB at most).
_FOLDED_LINES: dict[str, str] = {}
_FOLDED_LINES_KEPT = 20_000


def _folded_line(text: str) -> str:
    """`` <folded text> ``: a name is a whole run of the line's words if `` <name> `` is in it."""
    folded = _FOLDED_LINES.get(text)
    if folded is None:
        if len(_FOLDED_LINES) >= _FOLDED_LINES_KEPT:
            _FOLDED_LINES.clear()
        folded = _FOLDED_LINES[text] = f" {fold(text)} "
    return folded
