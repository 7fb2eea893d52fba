"""Connections and recommendations resolve in both import orders; the recommendations split."""

from __future__ import annotations

import pytest

from catalogue.importing.links import split_recommendations
from catalogue.models import Connection, Recommendation, Title
from catalogue.parsing.record import Aka, Connection as ConnectionRecord, Recommendation as RecommendationRecord
from catalogue.importing.pages import page_import
from tests.importing.records import small_record

pytestmark = pytest.mark.django_db

LINE = "Pearl Harbor The English Patient Atonement Marcel Proust's Time Regained Isadora"
FIVE = [
    ("Pearl Harbor", 2001),
    ("The English Patient", 1996),
    ("Atonement", 2007),
    ("Marcel Proust's Time Regained", 1999),
    ("Isadora", 1968),
]


def test_connection_resolves_when_target_is_imported_first(import_record):
    import_record(small_record("Taj Mahal", 2015))
    import_record(
        small_record("Hiroshima Mon Amour", 1959, connections=[ConnectionRecord("Featured in", "Taj Mahal", 2015)])
    )
    link = Connection.objects.get()
    assert link.target == Title.objects.get(title="Taj Mahal")
    assert list(Title.objects.get(title="Taj Mahal").incoming_connections.all()) == [link]


def test_connection_resolves_when_target_is_imported_later(import_record):
    import_record(
        small_record(
            "Hiroshima Mon Amour",
            1959,
            connections=[
                ConnectionRecord("Featured in", "Taj Mahal", 2015),
                ConnectionRecord("References", "Taj Mahal", 1990),
            ],
        )
    )
    assert Connection.objects.filter(target__isnull=False).count() == 0

    import_record(small_record("Taj Mahal", 2015))

    resolved = Connection.objects.get(target_year=2015)
    assert resolved.target == Title.objects.get(title="Taj Mahal")
    assert Connection.objects.get(target_year=1990).target is None  # another year: another film


def test_links_by_imdb_id_in_both_orders(import_record):
    import_record(
        small_record("A", 2000, imdb_id="tt0000001", recommendations=[RecommendationRecord("B", 2001, "tt0000002")])
    )
    import_record(
        small_record(
            "B renamed",
            2001,
            imdb_id="tt0000002",
            connections=[ConnectionRecord("Follows", "A", 2000, imdb_id="tt0000001")],
        )
    )
    assert Recommendation.objects.get().target.imdb_id == "tt0000002"
    assert Connection.objects.get().target.imdb_id == "tt0000001"


def test_split_needs_every_piece_known(import_record):
    for name, year in FIVE[:4]:
        import_record(small_record(name, year))
    assert split_recommendations(LINE, 5) is None
    import_record(small_record("Isadora", 1968))
    pieces = split_recommendations(LINE, 5)
    assert [(piece, target.year) for piece, target in pieces] == FIVE


def test_split_is_refused_when_ambiguous(import_record):
    for name in ("A B", "C", "A", "B C"):
        import_record(small_record(name, 2000))
    # "A B | C" and "A | B C" are both splits into two known titles.
    assert split_recommendations("A B C", 2) is None
    assert [p for p, _ in split_recommendations("A B C", 3) or []] == []  # "B" alone is unknown
    import_record(small_record("B", 2000))
    assert [p for p, _ in split_recommendations("A B C", 3)] == ["A", "B", "C"]


def test_split_uses_akas(import_record):
    import_record(
        small_record("Le temps retrouvé", 1999, akas=[Aka(title="Marcel Proust's Time Regained", country="USA")])
    )
    import_record(small_record("Isadora", 1968))
    [(first, target), (second, _)] = split_recommendations("Marcel Proust's Time Regained Isadora", 2)
    assert first == "Marcel Proust's Time Regained" and target.title == "Le temps retrouvé"


def test_split_at_import_when_titles_are_known(import_record):
    for name, year in FIVE:
        import_record(small_record(name, year))
    import_record(small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5))
    rows = list(Title.objects.get(title="Hiroshima Mon Amour").recommendations.select_related("target"))
    assert [(r.target_title, r.target.year, r.from_text) for r in rows] == [(n, y, True) for n, y in FIVE]


def test_split_again_when_a_later_import_makes_it_certain(import_record):
    for name, year in FIVE[1:]:
        import_record(small_record(name, year))
    import_record(small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5))
    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    assert hiroshima.recommendations.count() == 0
    assert hiroshima.recommendations_text == LINE  # kept unsplit

    import_record(small_record("Pearl Harbor", 2001))

    assert [r.target_title for r in hiroshima.recommendations.all()] == [name for name, _ in FIVE]
    assert hiroshima.recommendations.filter(target__isnull=True).count() == 0


def test_split_again_when_a_later_import_brings_the_missing_aka(import_record):
    import_record(small_record("Isadora", 1968))
    import_record(
        small_record(
            "Hiroshima Mon Amour",
            1959,
            recommendations_text="Marcel Proust's Time Regained Isadora",
            recommendation_count=2,
        )
    )
    assert Recommendation.objects.count() == 0
    import_record(
        small_record("Le temps retrouvé", 1999, akas=[Aka(title="Marcel Proust's Time Regained", country="USA")])
    )
    rows = Title.objects.get(title="Hiroshima Mon Amour").recommendations.select_related("target")
    assert [(r.target_title, r.target.title) for r in rows] == [
        ("Marcel Proust's Time Regained", "Le temps retrouvé"),
        ("Isadora", "Isadora"),
    ]


def test_unsplit_line_keeps_its_words_until_it_splits(import_record):
    from catalogue.models import PendingSplitWord

    for name, year in FIVE[1:]:
        import_record(small_record(name, year))
    import_record(small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5))
    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    words = set(PendingSplitWord.objects.filter(title=hiroshima).values_list("word", flat=True))
    assert words == {
        "pearl",
        "harbor",
        "the",
        "english",
        "patient",
        "atonement",
        "marcel",
        "proust's",
        "time",
        "regained",
        "isadora",
    }
    # A title named by a part of a word of the line ("Pearl Harb") completes nothing.
    import_record(small_record("Pearl Harb", 2001))
    assert hiroshima.recommendations.count() == 0
    import_record(small_record("Pearl Harbor", 2001))
    assert hiroshima.recommendations.count() == 5
    assert not PendingSplitWord.objects.filter(title=hiroshima).exists()


def test_line_is_split_again_only_once_all_its_words_are_covered(import_record):
    from catalogue.models import PendingSplitWord

    import_record(small_record("Atonement", 2007))
    import_record(small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5))
    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")

    def covered():
        return set(PendingSplitWord.objects.filter(title=hiroshima, covered=True).values_list("word", flat=True))

    assert covered() == {"atonement"}  # known when the line was stored
    import_record(small_record("Pearl Harbor", 2001))
    import_record(small_record("Isadora", 1968, akas=[Aka(title="The English Patient", country="XWW")]))
    assert covered() == {"atonement", "pearl", "harbor", "isadora", "the", "english", "patient"}
    assert hiroshima.recommendations.count() == 0
    # "Marcel Proust's Time Regained" is still uncovered, so the line was not tried again.
    assert PendingSplitWord.objects.filter(title=hiroshima, covered=False).count() == 4

    import_record(small_record("Marcel Proust's Time Regained", 1999))
    # All five pieces are known now, "The English Patient" through an AKA of Isadora.
    assert [r.target.title for r in hiroshima.recommendations.select_related("target")] == [
        "Pearl Harbor",
        "Isadora",
        "Atonement",
        "Marcel Proust's Time Regained",
        "Isadora",
    ]
    assert not PendingSplitWord.objects.filter(title=hiroshima).exists()


def _pages_folder(tmp_path, records):
    from tests.importing.records import record_bytes

    folder = tmp_path / "pages"
    folder.mkdir()
    for n, record in enumerate(records):
        (folder / f"{n:03d}.json").write_bytes(record_bytes(record))
    return folder


def test_a_batch_splits_its_lines_once_every_page_is_in(tmp_path):
    from catalogue.importing.pages import paths_import
    from catalogue.models import PendingSplitWord

    # The line's page comes first: none of its five titles is known when it is imported.
    folder = _pages_folder(
        tmp_path,
        [
            small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5),
            *(small_record(name, year) for name, year in FIVE),
        ],
    )

    report = paths_import([folder])

    assert report.imported == 6 and report.recommendation_lines_split == 1
    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    assert [(r.target_title, r.target.year) for r in hiroshima.recommendations.select_related("target")] == FIVE
    assert not PendingSplitWord.objects.exists()


def test_a_line_a_batch_cannot_split_yet_is_kept_pending_with_its_covered_words(tmp_path):
    from catalogue.importing.pages import paths_import
    from catalogue.models import PendingSplitWord

    folder = _pages_folder(
        tmp_path,
        [
            small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5),
            *(small_record(name, year) for name, year in FIVE[:4]),
        ],
    )

    report = paths_import([folder])

    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    assert report.recommendation_lines_split == 0 and hiroshima.recommendations.count() == 0
    uncovered = PendingSplitWord.objects.filter(title=hiroshima, covered=False).values_list("word", flat=True)
    assert set(uncovered) == {"isadora"}
    # The last title, imported on its own later, completes the line.
    later = tmp_path / "later"
    later.mkdir()
    paths_import([_pages_folder(later, [small_record("Isadora", 1968)])])
    assert [r.target_title for r in hiroshima.recommendations.all()] == [name for name, _ in FIVE]


def test_lines_a_killed_batch_left_due_are_split_by_the_next_batch(tmp_path):
    """A batch killed before its closing pass leaves its lines due; any later batch splits them."""
    from catalogue.importing.pages import paths_import
    from catalogue.models import PendingSplitWord
    from tests.importing.records import page_of

    page_import(
        page=page_of(small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5)),
        defer_split=True,
    )
    for name, year in FIVE:
        page_import(page=page_of(small_record(name, year)), defer_split=True)
    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    before = hiroshima.updated_at
    assert hiroshima.recommendations.count() == 0 and not PendingSplitWord.objects.exists()
    assert list(Title.objects.filter(recommendations_due=True)) == [hiroshima]

    report = paths_import([_pages_folder(tmp_path, [])])

    assert report.pages == 0 and report.recommendation_lines_split == 1
    assert [r.target_title for r in hiroshima.recommendations.all()] == [name for name, _ in FIVE]
    hiroshima.refresh_from_db()
    assert hiroshima.updated_at > before  # the title page's cache stamp moved
    assert not hiroshima.recommendations_due


def test_a_page_imported_on_its_own_settles_its_line_a_killed_batch_left_due():
    from catalogue.models import PendingSplitWord
    from tests.importing.records import page_of

    page = small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5)
    page_import(page=page_of(page), defer_split=True)
    page.plot = "A changed capture of the page."
    page_import(page=page_of(page, name="again.json"))  # not part of a batch: split now (or kept pending)

    hiroshima = Title.objects.get(title="Hiroshima Mon Amour")
    assert not hiroshima.recommendations_due
    assert PendingSplitWord.objects.filter(title=hiroshima).count() == 11  # pending, as any unsplit line


def test_a_dry_run_splits_nothing(tmp_path):
    from catalogue.importing.pages import paths_import

    folder = _pages_folder(
        tmp_path,
        [
            small_record("Hiroshima Mon Amour", 1959, recommendations_text=LINE, recommendation_count=5),
            *(small_record(name, year) for name, year in FIVE),
        ],
    )

    report = paths_import([folder], dry_run=True)

    assert report.recommendation_lines_split == 1  # reported as a real run would
    assert not Title.objects.exists() and not Recommendation.objects.exists()


@pytest.mark.parametrize("godfather_first", [True, False])
def test_a_link_by_id_reaches_the_same_title_read_from_a_page_without_ids(godfather_first):
    """Die Hard's saved HTML recommends The Godfather by id (tt0068646); the Godfather page is a
    text extraction, which shows no id: the link still holds, in both import orders."""
    from catalogue.importing.pages import paths_import
    from tests.conftest import SAMPLES

    die_hard = SAMPLES / "die-hard-1988.maindetails-2009.html"
    godfather = SAMPLES / "the-godfather-1972.combined-excerpt.txt"
    for path in [godfather, die_hard] if godfather_first else [die_hard, godfather]:
        assert not paths_import([path]).failed

    the_godfather = Title.objects.get(title="The Godfather", year=1972)
    assert the_godfather.imdb_id is None  # the text page gave none
    link = Recommendation.objects.get(title__title="Die Hard", target_title="The Godfather")
    assert link.target_imdb_id == "tt0068646"
    assert link.target == the_godfather


def test_a_link_by_id_does_not_reach_a_title_with_another_id(import_record):
    import_record(small_record("Gaslight", 1944, imdb_id="tt0036855"))
    import_record(small_record("Laura", 1944, recommendations=[RecommendationRecord("Gaslight", 1944, "tt0999999")]))
    assert Recommendation.objects.get().target is None  # same title and year, but the ids say another film
