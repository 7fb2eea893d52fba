"""Links between titles: connections and recommendations, resolved in both import orders.

A link names its target by IMDb id when the page gave one, else by printed title and
year. It is resolved when the target is catalogued: at import of the linking title
(``resolve_targets``), or later at import of the target (``resolve_incoming``).

The run-together recommendations line is split with the catalogued titles (and AKAs):
``split_recommendations`` accepts only a split into exactly ``count`` pieces that are
all known titles, and only when there is exactly one such split.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from catalogue.models import AlternateTitle, Connection, PendingSplitWord, Recommendation, Title
from catalogue.text import fold

from .bulk import new_row, rows_insert
from .validation import check_lengths

# Longest title, in words, the split considers (a piece longer than this stays unsplit).
MAX_PIECE_WORDS = 12
# Values per IN list: well under SQLite's oldest parameter limit (999).
_IN_CHUNK = 400


def resolve_targets(links: list[tuple[str, int | None, str | None]]) -> list[Title | None]:
    """The catalogued Title for each (title, year, imdb id), or None; one query."""
    if not links:
        return []
    ids = {imdb_id for _, _, imdb_id in links if imdb_id}
    folded = {fold(text) for text, _, _ in links}
    by_id, by_text = {}, defaultdict(list)
    for title in Title.objects.filter(Q(imdb_id__in=ids) | Q(title_folded__in=folded)).only(
        "pk", "imdb_id", "title_folded", "year", "title"
    ):
        if title.imdb_id:
            by_id[title.imdb_id] = title
        by_text[(title.title_folded, title.year)].append(title)
    targets = []
    for text, year, imdb_id in links:
        target = by_id.get(imdb_id) if imdb_id else None
        if target is None and not imdb_id:
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
    match = f"((target_imdb_id || '') = '' AND target_title IN ({', '.join(['%s'] * len(names))}) AND {year_sql})"
    params: list = [*names, *year_params]
    if title.imdb_id:
        match += " OR target_imdb_id = %s"
        params.append(title.imdb_id)
    resolved = 0
    touched: set[int] = set()
    with connection.cursor() as cursor:
        for model in (Connection, Recommendation):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(
                f"SELECT id, title_id FROM {table} WHERE +target_id IS NULL AND ({match}) AND title_id <> %s",
                [*params, title.pk],
            )
            rows = cursor.fetchall()
            if rows:
                resolved += model.objects.filter(pk__in=[pk for pk, _ in rows]).update(target=title)
                touched |= {title_id for _, title_id in rows}
    if touched:
        Title.objects.filter(pk__in=touched).update(updated_at=timezone.now())
    return resolved


def split_recommendations(text: str, count: int | None) -> list[tuple[str, Title | None]] | None:
    """Split ``text`` into exactly ``count`` known titles: [(piece, target or None)], or None.

    None when no split makes every piece a catalogued title (or AKA), or when more
    than one does (ambiguous). A piece naming several titles keeps no target.
    """
    words = (text or "").split()
    if not words or not count or count > len(words):
        return None
    n = len(words)
    # fold() of a run of words is the fold of each word joined (words folding to nothing dropped).
    folded_words = [fold(word) for word in words]
    spans = {
        (i, j): " ".join(word for word in folded_words[i:j] if word)
        for i in range(n)
        for j in range(i + 1, min(n, i + MAX_PIECE_WORDS) + 1)
    }
    candidates = sorted(set(spans.values()))
    known: dict[str, set[int]] = defaultdict(set)
    titles: dict[int, Title] = {}
    aka_ids = defaultdict(set)
    # Raw SQL: a line of 40 words has ~450 candidate pieces, costly to build through the ORM.
    title_table = connection.ops.quote_name(Title._meta.db_table)
    aka_table = connection.ops.quote_name(AlternateTitle._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(candidates), _IN_CHUNK):
            chunk = candidates[start : start + _IN_CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT id, title, year, title_folded FROM {title_table} WHERE title_folded IN ({marks})", chunk)
            for pk, text, year, folded in cursor.fetchall():
                known[folded].add(pk)
                titles[pk] = Title(pk=pk, title=text, year=year, title_folded=folded)
            cursor.execute(
                f"SELECT title_folded, title_id FROM {aka_table} WHERE title_folded IN ({marks})", chunk
            )
            for folded, title_id in cursor.fetchall():
                aka_ids[folded].add(title_id)
    missing = {title_id for ids in aka_ids.values() for title_id in ids} - titles.keys()
    if missing:
        titles.update((t.pk, t) for t in Title.objects.filter(pk__in=missing).only("pk", "title", "year"))
    for folded, ids in aka_ids.items():
        known[folded] |= ids

    # ways[i][k]: number of ways (capped at 2) to split words[i:] into k known pieces.
    ways = [[0] * (count + 1) for _ in range(n + 1)]
    ways[n][0] = 1
    for i in range(n - 1, -1, -1):
        for k in range(1, count + 1):
            total = 0
            for j in range(i + 1, min(n, i + MAX_PIECE_WORDS) + 1):
                if spans[(i, j)] in known and ways[j][k - 1]:
                    total += ways[j][k - 1]
            ways[i][k] = min(total, 2)
    if ways[0][count] != 1:
        return None
    pieces, i, k = [], 0, count
    while k:
        j = next(
            j for j in range(i + 1, min(n, i + MAX_PIECE_WORDS) + 1) if spans[(i, j)] in known and ways[j][k - 1]
        )
        ids = known[spans[(i, j)]]
        pieces.append((" ".join(words[i:j]), titles.get(next(iter(ids))) if len(ids) == 1 else None))
        i, k = j, k - 1
    return pieces


def recommendations_split_store(title: Title) -> bool:
    """Split ``title``'s recommendations line when certain, storing the links; True if split."""
    pieces = split_recommendations(title.recommendations_text, title.recommendation_count)
    if pieces is None:
        return False
    rows = [
        Recommendation(
            title=title,
            target_title=piece,
            target_year=target.year if target else None,
            target=target,
            position=position,
            from_text=True,
        )
        for position, (piece, target) in enumerate(pieces, start=1)
    ]
    check_lengths(rows)
    rows_insert(Recommendation, rows)
    return True


# Longest word kept for the lookup (the column's length).
_WORD_LENGTH = 100


def pending_words_of(text: str) -> set[str]:
    """The folded words of a recommendations line, as ``PendingSplitWord`` keeps them."""
    return {word[:_WORD_LENGTH] for word in fold(text).split()}


def pending_words_store(title: Title, *, unsplit: bool) -> None:
    """Record (``unsplit``) or forget the words of ``title``'s line that no split took yet."""
    PendingSplitWord.objects.filter(title=title).delete()
    if unsplit:
        words = sorted(pending_words_of(title.recommendations_text))
        rows_insert(PendingSplitWord, [new_row(PendingSplitWord, title_id=title.pk, word=word) for word in words])


def resplit_pending(title: Title, *, also_known_as: Iterable[str] = ()) -> int:
    """Try again the unsplit recommendation lines that mention ``title`` (or an AKA); returns how many split.

    A line can only split now if one of these names is a whole run of its words, so
    the lines are found by the words of each name (``PendingSplitWord``, an index:
    the lines holding all of them), then checked for the whole name as a run of words.
    """
    names = {name for name in (title.title, title.original_title) if name}
    names |= {name for name in also_known_as if name}
    folded = {fold(name) for name in names} - {""}
    if not folded:
        return 0
    # The lines that hold every word of a name: an intersection of the word index's
    # entries, one GROUP BY per name, no line text read.
    table = connection.ops.quote_name(PendingSplitWord._meta.db_table)
    selects, params = [], []
    for name in sorted(folded):
        words = sorted({word[:_WORD_LENGTH] for word in name.split()})
        selects.append(
            f"SELECT title_id FROM {table} WHERE word IN ({', '.join(['%s'] * len(words))}) "
            f"GROUP BY title_id HAVING COUNT(*) = {len(words)}"
        )
        params.extend(words)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ".join(selects), params)
        candidates = {title_id for (title_id,) in cursor.fetchall()} - {title.pk}
    if not candidates:
        return 0
    has_rows = Exists(Recommendation.objects.filter(title=OuterRef("pk")))
    pending = (
        Title.objects.filter(pk__in=candidates, recommendation_count__gt=0)
        .exclude(has_rows)
        .only("pk", "recommendations_text", "recommendation_count")
        .order_by("pk")
    )
    runs = [f" {name} " for name in folded]
    split = 0
    for other in pending:
        line = f" {fold(other.recommendations_text)} "
        if not any(run in line for run in runs):
            continue
        if recommendations_split_store(other):
            split += 1
            PendingSplitWord.objects.filter(title=other).delete()
            Title.objects.filter(pk=other.pk).update(updated_at=timezone.now())
    return split
