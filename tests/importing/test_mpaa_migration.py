"""0023: the MPAA line, crazy credits and alternate versions come from each title's newest stored title page."""

from datetime import datetime, timezone

BEFORE = [("catalogue", "0022_title_cast_alphabetical_from")]
AFTER = [("catalogue", "0023_title_mpaa_crazy_credits_alternate_versions")]


def test_the_migration_fills_the_new_columns_from_the_newest_title_page(migrate):
    old = migrate(BEFORE)
    Title, SourcePage = (old.get_model("catalogue", name) for name in ("Title", "SourcePage"))
    patriot = Title.objects.create(title="The Patriot", slug="the-patriot-2000", year=2000)
    plain = Title.objects.create(title="Plain", slug="plain-2001", year=2001)

    def source(title, n, record, *, when=None, page_type="title"):
        SourcePage.objects.create(
            title=title,
            file_name=f"{n}.html",
            sha256=f"{n:064d}",
            raw=b"x",
            format="html",
            page_type=page_type,
            parser_version="1",
            record=record,
            captured_at=when,
        )

    source(patriot, 1, {"mpaa": "Rated PG for an old reason."}, when=datetime(2005, 1, 1, tzinfo=timezone.utc))
    source(
        patriot,
        2,
        {"mpaa": "Rated R for strong war violence.", "alternate_versions": ["A longer cut."], "crazy_credits": []},
        when=datetime(2008, 1, 1, tzinfo=timezone.utc),
    )
    source(
        patriot, 3, {"mpaa": "Not a title page."}, when=datetime(2010, 1, 1, tzinfo=timezone.utc), page_type="reviews"
    )
    source(plain, 4, {"title": "Plain"})
    new = migrate(AFTER)
    rows = dict(
        (t.title, (t.mpaa, t.crazy_credits, t.alternate_versions))
        for t in new.get_model("catalogue", "Title").objects.all()
    )
    assert rows == {
        "The Patriot": ("Rated R for strong war violence.", [], ["A longer cut."]),
        "Plain": ("", [], []),
    }
