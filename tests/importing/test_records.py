"""Importing one record: every section's rows, idempotence, updates, hand edits, rollback, queries."""

from __future__ import annotations

from datetime import date, datetime
from datetime import timezone as dt_timezone
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.importing.outcome import ImportRejected
from catalogue.importing.pages import page_import, paths_import
from catalogue.models import (
    AlternateTitle,
    Certificate,
    Company,
    Connection,
    Credit,
    Goof,
    Person,
    Quote,
    QuoteLine,
    RatingCapture,
    ReleaseDate,
    Review,
    Runtime,
    SourcePage,
    Tagline,
    Title,
    TitleCompany,
    Trivia,
)
from catalogue.parsing.record import CastMember, CrewMember, Rating, Review as ReviewRecord
from tests.importing.records import crew, full_record, page_of, record_bytes, small_record

pytestmark = pytest.mark.django_db

LATER = datetime(2013, 1, 1, tzinfo=dt_timezone.utc)

ALL_MODELS = (
    Title,
    Person,
    Company,
    Credit,
    TitleCompany,
    AlternateTitle,
    Certificate,
    ReleaseDate,
    Tagline,
    Runtime,
    Trivia,
    Goof,
    Quote,
    QuoteLine,
    Connection,
    Review,
    SourcePage,
    RatingCapture,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


def test_import_creates_every_section(import_record):
    outcome = import_record(full_record())

    assert outcome.status == "imported"
    title = Title.objects.get()
    assert outcome.title == title
    assert (title.slug, title.title, title.year, title.kind) == (
        "hiroshima-mon-amour-1959",
        "Hiroshima Mon Amour",
        1959,
        "movie",
    )
    assert title.original_title == "Hiroshima mon amour"
    assert title.title_folded == "hiroshima mon amour"
    assert (title.rating, title.rating_best, title.votes) == (Decimal("8.0"), 10, 21203)
    assert title.popularity_text == "Up 1% in popularity this week."
    assert title.aspect_ratio == "1.37 : 1"
    assert (title.awards_text, title.oscar_nominations, title.award_wins, title.award_nominations) == (
        "Nominated for Oscar. Another 6 wins & 5 nominations",
        1,
        6,
        5,
    )
    assert (title.photo_count, title.review_count, title.faq_count, title.cast_complete) == (18, 99, 0, True)

    assert [g.name for g in title.genres.order_by("titlegenre__position")] == ["Drama", "Romance"]
    assert [c.name for c in title.countries.order_by("titlecountry__position")] == ["France", "Japan"]
    assert [lang.name for lang in title.languages.order_by("titlelanguage__position")] == [
        "French",
        "Japanese",
        "English",
    ]
    assert [c.name for c in title.colours.all()] == ["Black and White"]
    assert [s.name for s in title.sound_mixes.all()] == ["Mono"]
    assert [(r.minutes, r.country) for r in title.runtimes.all()] == [(90, ""), (86, "Argentina")]
    assert [(r.date, r.text, r.country) for r in title.release_dates.all()] == [("1960-05-16", "16 May 1960", "USA")]
    assert [t.text for t in title.taglines.all()] == ["...from the measureless depths of a woman's emotions..."]
    assert [(a.aka, a.country, a.notes, a.title_folded) for a in title.akas.all()][0] == (
        "Hiroshima, My Love",
        "International",
        ["English title", "imdb display title"],
        "hiroshima, my love",
    )
    assert [(c.country, c.rating, c.notes) for c in title.certificates.all()] == [
        ("Italy", "T", ["re-rating", "1974"]),
        ("Portugal", "(Banned)", ["original rating"]),
        ("West Germany", "16", ["f"]),
    ]
    assert [t.text for t in title.trivia.all()] == ["The film was shot in Hiroshima and Nevers."]
    assert [(g.category, g.text) for g in title.goofs.all()] == [
        ("Continuity", "After they leave the teahouse, the cup moves.")
    ]
    quote = title.quotes.get()
    assert [(line.character, line.text) for line in quote.lines.all()] == [
        ("Lui", "You saw nothing in Hiroshima. Nothing."),
        ("Elle", "I saw everything. Everything."),
    ]
    assert [(c.type, c.target_title, c.target_year, c.target) for c in title.connections.all()] == [
        ("Featured in", "Taj Mahal", 2015, None)
    ]
    review = title.reviews.get()
    assert (review.summary, review.date, review.author, review.location, review.helpful, review.helpful_total) == (
        "The beginnings of the inland empire",
        date(2011, 5, 10),
        "chaos-rampant",
        "Greece",
        15,
        18,
    )
    assert len(review.fingerprint) == 64

    cast = list(Credit.objects.cast().filter(title=title).select_related("person").order_by("order"))
    assert [(c.person.name, c.character, c.order) for c in cast] == [
        ("Emmanuelle Riva", "Elle", 1),
        ("Eiji Okada", "Lui", 2),
        ("Stella Dassas", "Mother", 3),
    ]
    assert cast[2].credited_as == "Stella Dassas (II)"
    crew_rows = {
        (c.department, c.person.name): c for c in Credit.objects.crew().filter(title=title).select_related("person")
    }
    assert len(crew_rows) == 6
    takahashi = crew_rows[("cinematographer", "Michio Takahashi")]
    assert (takahashi.department_label, takahashi.credited_as, takahashi.notes, takahashi.job) == (
        "Cinematography by",
        "Takahashi Michio",
        ["Japan"],
        "",
    )
    assert (
        crew_rows[("makeup", "Alexandre Marcus")].raw_text == "Alexandre Marcus .... key makeup artist (as A. Marcus)"
    )
    marcus = Person.objects.get(name="Éliane Marcus")
    assert (marcus.slug, marcus.name_folded) == ("eliane-marcus", "eliane marcus")
    assert Person.objects.get(name="Alain Resnais").slug == "alain-resnais"
    companies = [
        (tc.kind, tc.company.name, tc.notes, tc.position) for tc in title.title_companies.select_related("company")
    ]
    assert companies == [
        ("distributor", "Zenith International Films", ["1960", "USA", "theatrical"], 1),
        ("production", "Argos Films", [], 1),
        ("production", "Daiei Studios", [], 2),
    ]
    assert Company.objects.get(name="Argos Films").slug == "argos-films"

    source = SourcePage.objects.get()
    assert (source.title, source.format, source.page_type, source.file_name) == (title, "json", "title", "page.json")
    assert source.record["title"] == "Hiroshima Mon Amour"
    assert source.warnings == ["a warning the parser gave"] and source.unparsed == ["a line no section took"]
    assert bytes(source.raw) == record_bytes(full_record())
    capture = RatingCapture.objects.get()
    assert (capture.title, capture.rating, capture.votes, capture.source) == (title, Decimal("8.0"), 21203, source)


def test_same_page_twice_is_unchanged(import_record):
    import_record(full_record())
    before = counts()
    updated_at = Title.objects.get().updated_at

    outcome = import_record(full_record())

    assert outcome.status == "unchanged"
    assert counts() == before
    assert Title.objects.get().updated_at == updated_at


def test_changed_page_updates_in_place(import_record):
    import_record(full_record())
    title_id = Title.objects.get().pk
    people = Person.objects.count()

    changed = full_record(plot="A new plot.", genres=["Romance"], trivia=["One.", "Two."])
    changed.rating.votes = 30000
    changed.crew[0].job = "director (as A. R.)"
    outcome = import_record(changed, captured_at=LATER)

    assert outcome.status == "updated"
    title = Title.objects.get()
    assert title.pk == title_id and title.slug == "hiroshima-mon-amour-1959"
    assert (title.plot, title.votes) == ("A new plot.", 30000)
    assert [g.name for g in title.genres.all()] == ["Romance"]
    assert [t.text for t in title.trivia.all()] == ["One.", "Two."]
    assert Person.objects.count() == people
    assert Credit.objects.filter(title=title).count() == 9
    assert Credit.objects.get(department="director").job == "director (as A. R.)"
    assert Review.objects.count() == 1
    assert Quote.objects.count() == 1 and QuoteLine.objects.count() == 2
    assert SourcePage.objects.count() == 2
    assert RatingCapture.objects.count() == 2


def test_hand_edited_credit_is_kept_and_reported(import_record):
    import_record(full_record())
    credit = Credit.objects.get(department="producer")
    credit.job = "executive producer"
    credit.edited_at = timezone.now()
    credit.save()

    changed = full_record(plot="Changed.")
    changed.crew[2].job = "co-producer"
    outcome = import_record(changed, captured_at=LATER)

    credit.refresh_from_db()
    assert credit.job == "executive producer"
    assert Credit.objects.filter(department="producer").count() == 1
    assert Title.objects.get().plot == "Changed."
    assert len(outcome.conflicts) == 1
    conflict = outcome.conflicts[0]
    assert (conflict.model, conflict.row_id, conflict.field, conflict.kept, conflict.page) == (
        "Credit",
        credit.pk,
        "job",
        "executive producer",
        "co-producer",
    )
    assert "Anatole Dauman" in str(conflict)


def test_a_credit_reassigned_by_hand_to_the_right_person_stays_theirs(import_record):
    import_record(full_record())
    credit = Credit.objects.select_related("person").get(department="producer")
    wrong = credit.person
    right = Person.objects.create(name="Anatole Dauman (I)", slug="anatole-dauman-i")
    credit.person = right
    credit.edited_at = timezone.now()
    credit.save()

    outcome = import_record(full_record(plot="Changed."), captured_at=LATER)

    producers = list(Credit.objects.filter(department="producer").select_related("person"))
    assert [(c.pk, c.person.name) for c in producers] == [(credit.pk, "Anatole Dauman (I)")]
    assert not Credit.objects.filter(person=wrong).exists()
    assert [(c.model, c.row_id, c.field, c.kept, c.page) for c in outcome.conflicts] == [
        ("Credit", credit.pk, "person", "Anatole Dauman (I)", wrong.name)
    ]
    assert "not on the page" not in str(outcome.conflicts[0])


def test_hand_edited_title_field_is_kept(import_record):
    import_record(full_record())
    Title.objects.update(plot="Edited plot.", edited_at=timezone.now())

    outcome = import_record(full_record(plot="Page plot."), captured_at=LATER)

    assert Title.objects.get().plot == "Edited plot."
    assert [(c.model, c.field, c.kept, c.page) for c in outcome.conflicts] == [
        ("Title", "plot", "Edited plot.", "Page plot.")
    ]


def test_failing_page_rolls_back_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("First", crew=crew(3, prefix="A"))))
    too_long = small_record("Broken", crew=crew(3, prefix="B"))
    too_long.crew[2].job = "x" * 400  # Credit.job holds 300
    (tmp_path / "b.json").write_bytes(record_bytes(too_long))
    (tmp_path / "c.json").write_bytes(record_bytes(small_record("Third")))

    report = paths_import([tmp_path])

    assert (report.imported, len(report.failed)) == (2, 1)
    failure = report.failed[0]
    assert failure.name.endswith("b.json")
    assert "Credit.job is 400 characters long" in failure.reason
    assert sorted(Title.objects.values_list("title", flat=True)) == ["First", "Third"]
    assert not Person.objects.filter(name__startswith="B ").exists()
    assert SourcePage.objects.count() == 2


def test_too_long_value_raises_import_rejected():
    record = small_record("Long", genres=["g" * 300])
    with pytest.raises(ImportRejected, match="Genre.name"):
        page_import(page=page_of(record))
    assert Title.objects.count() == 0


def test_people_by_name_and_by_id(import_record):
    import_record(
        small_record(
            "One",
            crew=[
                CrewMember("director", "Directed by", "John Smith", order=1),
                CrewMember("writer", "Writing credits", "John Smith (II)", order=1),
            ],
        )
    )
    import_record(small_record("Two", cast=[CastMember(name="John Smith", character="Himself", order=1)]))
    assert Person.objects.filter(name="John Smith").count() == 1
    assert sorted(Person.objects.values_list("slug", flat=True)) == ["john-smith", "john-smith-ii"]

    # Two different people printed the same, told apart by their ids.
    import_record(
        small_record(
            "Three",
            cast=[
                CastMember(name="Jane Doe", imdb_id="nm0000001", order=1),
                CastMember(name="Jane Doe", imdb_id="nm0000002", order=2),
            ],
        )
    )
    janes = Person.objects.filter(name="Jane Doe").order_by("imdb_id")
    assert [(p.imdb_id, p.slug) for p in janes] == [("nm0000001", "jane-doe"), ("nm0000002", "jane-doe-2")]


def test_title_identity_by_imdb_id_else_title_year_kind(import_record):
    import_record(small_record("Solaris", 1972))
    import_record(small_record("Solaris", 2002))
    import_record(small_record("Solaris", 1972, kind="tv_movie"))
    assert Title.objects.count() == 3
    # A later page with the id adopts the id-less title of the same title, year and kind.
    import_record(small_record("Solaris", 1972, imdb_id="tt0069293", plot="Later."))
    assert Title.objects.count() == 3
    assert Title.objects.get(imdb_id="tt0069293").plot == "Later."
    # The id wins over the text: a retitled page of the same id updates the same title.
    import_record(small_record("Solyaris", 1972, imdb_id="tt0069293", plot="Retitled."))
    solaris = Title.objects.get(imdb_id="tt0069293")
    assert (solaris.title, solaris.slug) == ("Solyaris", "solaris-1972")
    assert sorted(Title.objects.values_list("slug", flat=True)) == ["solaris-1972", "solaris-1972-2", "solaris-2002"]


def test_imdb_id_from_the_url(import_record):
    import_record(small_record("Gaslight", 1944), url="http://www.imdb.com/title/tt0036855/combined")
    assert Title.objects.get().imdb_id == "tt0036855"


def test_reviews_pages_merge_without_duplicates(import_record):
    def review(n, helpful=1):
        return ReviewRecord(
            title=f"Review {n}", date=f"2010-01-{n:02d}", author=f"user{n}", helpful=helpful, text=f"Text {n}."
        )

    import_record(small_record("Gaslight", 1944, reviews=[review(1)], review_count=3))
    page1 = small_record("Gaslight", 1944, page_type="reviews", reviews=[review(1), review(2)])
    page2 = small_record(
        "Gaslight", 1944, page_type="reviews", reviews=[review(2), review(3, helpful=7)], warnings=["p2"]
    )
    import_record(page1)
    import_record(page2)
    title = Title.objects.get()
    assert [r.summary for r in title.reviews.all()] == ["Review 1", "Review 2", "Review 3"]
    assert Review.objects.get(summary="Review 3").helpful == 7


def test_reviews_page_first_makes_a_stub_title(import_record):
    import_record(
        small_record(
            "Gaslight",
            1944,
            page_type="reviews",
            reviews=[ReviewRecord(title="Great", date="2010-01-01", author="a", text="x")],
            plot="not a reviews page fact",
        )
    )
    title = Title.objects.get()
    assert (title.title, title.year, title.plot) == ("Gaslight", 1944, "")
    import_record(small_record("Gaslight", 1944, plot="The plot."))
    title = Title.objects.get()
    assert title.plot == "The plot." and title.reviews.count() == 1


def test_fullcredits_replace_the_credits(import_record):
    import_record(small_record("Gaslight", 1944, cast=[CastMember(name="Ingrid Bergman", character="Paula", order=1)]))
    full = small_record(
        "Gaslight",
        1944,
        page_type="fullcredits",
        cast=[
            CastMember(name="Charles Boyer", character="Gregory", order=1),
            CastMember(name="Ingrid Bergman", character="Paula Alquist", order=2),
        ],
        crew=crew(2),
    )
    import_record(full)
    title = Title.objects.get()
    assert [(c.person.name, c.character) for c in title.credits.cast().select_related("person").order_by("order")] == [
        ("Charles Boyer", "Gregory"),
        ("Ingrid Bergman", "Paula Alquist"),
    ]
    assert title.credits.crew().count() == 2
    # A later title page (first-billed cast only) does not shrink the full credits.
    import_record(
        small_record(
            "Gaslight", 1944, plot="New.", cast=[CastMember(name="Ingrid Bergman", character="Paula", order=1)]
        )
    )
    assert Title.objects.get().credits.count() == 4
    assert Person.objects.filter(name="Ingrid Bergman").count() == 1


# 30 cast + 30 crew rows still fit one INSERT on SQLite (999 parameters; ~70 credits):
# past that bulk_create adds one INSERT per batch, never one query per row.
QUERIES_PER_NEW_TITLE_PAGE = 61  # measured: the same for both sizes


@pytest.mark.parametrize("size", [5, 30])
def test_query_count_does_not_grow_with_credits(size, django_assert_max_num_queries):
    record = full_record(
        crew=crew(size), cast=[CastMember(name=f"Actor {i}", character=f"Role {i}", order=i) for i in range(size)]
    )
    with django_assert_max_num_queries(QUERIES_PER_NEW_TITLE_PAGE):
        page_import(page=page_of(record))
    assert Credit.objects.filter(title__title="Hiroshima Mon Amour").count() == 2 * size


def test_query_count_of_an_update_is_the_same_for_both_sizes():
    used = []
    for size in (5, 30):
        names = [f"Size {size} Person {i}" for i in range(size)]
        first = full_record(
            title=f"Title {size}",
            cast=[CastMember(name=n, order=i) for i, n in enumerate(names)],
            crew=crew(size, prefix=f"S{size}"),
        )
        page_import(page=page_of(first))
        second = full_record(
            title=f"Title {size}",
            plot="Changed.",
            cast=[CastMember(name=n, character="X", order=i) for i, n in enumerate(names)],
            crew=crew(size, prefix=f"S{size}"),
        )
        with CaptureQueriesContext(connection) as queries:
            page_import(page=page_of(second, captured_at=LATER))
        used.append(len(queries.captured_queries))
    assert used[0] == used[1]


def test_reviews_page_without_kind_finds_the_series(import_record):
    import_record(small_record("Lost", 2004, kind="tv_series", plot="Survivors."))
    import_record(
        small_record(
            "Lost",
            2004,
            page_type="reviews",
            reviews=[ReviewRecord(title="Great", date="2010-01-01", author="a", text="x")],
        )
    )
    assert Title.objects.count() == 1
    assert Title.objects.get().reviews.count() == 1


def test_a_newer_capture_that_lost_most_credits_does_not_replace_them(import_record):
    whole = full_record()
    whole.crew += crew(6)
    import_record(whole)
    held = Credit.objects.count()
    assert held >= 10
    cut = full_record(plot="A newer capture.")
    cut.cast, cut.crew = cut.cast[:1], cut.crew[:1]

    outcome = import_record(cut, captured_at=LATER)

    assert Credit.objects.count() == held
    assert Title.objects.get().plot == "A newer capture."  # the rest of the capture is taken
    [conflict] = outcome.conflicts
    assert (conflict.model, conflict.field, conflict.kept) == ("Title", "credits", held)
    assert str(conflict).endswith(
        "page says '2 (this capture lists under half of them, so the catalogue keeps its own)'"
    )


def test_a_newer_capture_that_lost_most_sections_does_not_replace_them(import_record):
    import_record(full_record())
    held = {model: model.objects.count() for model in (Tagline, Trivia, Goof, AlternateTitle, Certificate)}
    cut = full_record(
        rating=Rating(value=8.1, best=10, votes=30000),
        taglines=[],
        trivia=[],
        goofs=[],
        quotes=[],
        companies=[],
        connections=[],
    )

    outcome = import_record(cut, captured_at=LATER)

    assert {model: model.objects.count() for model in held} == held
    assert Title.objects.get().votes == 30000  # the capture's header is taken
    [conflict] = [c for c in outcome.conflicts if c.field == "sections"]
    assert conflict.kept == "taglines, trivia, goofs, quotes, akas, certificates, companies, connections"
    assert conflict.page.startswith("only akas, certificates (this capture lacks most")


def test_a_newer_capture_with_most_sections_replaces_them(import_record):
    import_record(full_record())
    newer = full_record(trivia=["Newer trivia."], goofs=[])

    import_record(newer, captured_at=LATER)

    assert list(Trivia.objects.values_list("text", flat=True)) == ["Newer trivia."]
    assert Goof.objects.count() == 0
