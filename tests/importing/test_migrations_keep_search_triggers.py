"""Migrating back across a migration that copies the title table (SQLite's way of adding or
dropping a column) leaves its full-text triggers in place, as migrating forward does."""

import pytest

# (the migration, the one before it): each one's reverse adds or removes a title column.
STEPS = [
    ("0022_title_cast_alphabetical_from", "0021_episodes_person_index"),
    ("0023_title_mpaa_crazy_credits_alternate_versions", "0022_title_cast_alphabetical_from"),
    ("0024_soundtrack", "0023_title_mpaa_crazy_credits_alternate_versions"),
]


@pytest.mark.parametrize(("migration", "before"), STEPS, ids=[step[0][:4] for step in STEPS])
def test_migrating_back_keeps_the_search_triggers(migrate, search_triggers_missing, migration, before):
    migrate([("catalogue", migration)])
    assert not search_triggers_missing()
    old = migrate([("catalogue", before)])
    assert not search_triggers_missing()
    # The triggers put back fit that older table: a title written after the step back is indexed.
    old.get_model("catalogue", "Title").objects.create(title="Gaslight", slug="gaslight-1944", year=1944)
    assert not search_triggers_missing()
