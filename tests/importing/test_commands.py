"""The management commands: report, exit status, dry run, skipped files, reparse."""

from __future__ import annotations

import io
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalogue.models import SourcePage, Title
from tests.conftest import SAMPLES
from tests.importing.records import crew, record_bytes, small_record

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_report_lists_every_outcome(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))
    (tmp_path / "README.md").write_text("about these pages")
    run(tmp_path)
    (tmp_path / "b.json").write_bytes(record_bytes(small_record("One", plot="Changed.")))
    (tmp_path / "c.json").write_bytes(record_bytes(small_record("Two")))

    out, _ = run(tmp_path)

    first_line = out.splitlines()[0]
    assert "3 pages" in first_line
    assert "imported 1, updated 1, unchanged 1, skipped 1, failed 0, conflicts 0" in first_line
    assert f"skipped: {tmp_path / 'README.md'}: README file" in out


def test_failures_are_reported_with_file_and_line_and_exit_status_1(tmp_path):
    (tmp_path / "good.json").write_bytes(record_bytes(small_record("Good")))
    (tmp_path / "bad.json").write_bytes(b'{"title": "Bad",\n "year": 1999,\n oops}')
    (tmp_path / "long.json").write_bytes(record_bytes(small_record("Long", crew=crew(1, prefix="x" * 400))))

    with pytest.raises(CommandError) as raised:
        run(tmp_path)

    assert raised.value.returncode == 1
    assert Title.objects.get().title == "Good"
    assert SourcePage.objects.count() == 1


def test_failure_lines_in_the_report(tmp_path, capsys):
    (tmp_path / "bad.json").write_bytes(b'{"title": "Bad",\n "year": 1999,\n oops}')
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_pages", str(tmp_path), stdout=out, stderr=err)
    report = out.getvalue()
    assert "failed 1" in report
    assert f"failed: {tmp_path / 'bad.json'}:3: not a valid JSON record" in report


def test_dry_run_writes_nothing(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))
    out, _ = run("--dry-run", tmp_path)
    assert out.startswith("dry run (nothing written): 1 pages")
    assert "imported 1" in out
    assert Title.objects.count() == 0 and SourcePage.objects.count() == 0


def test_captured_at_option(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One")))
    run("--captured-at", "2009-05-01", tmp_path)
    assert SourcePage.objects.get().captured_at.isoformat() == "2009-05-01T00:00:00+00:00"
    with pytest.raises(CommandError, match="not an ISO date"):
        run("--captured-at", "May 2009", tmp_path)


def test_progress_log_line_without_a_terminal(tmp_path, monkeypatch):
    import catalogue.management.commands.import_pages as command

    monkeypatch.setattr(command, "LOG_EVERY", 2)
    for name in ("One", "Two", "Three"):
        (tmp_path / f"{name}.json").write_bytes(record_bytes(small_record(name)))
    _, err = run(tmp_path)
    assert err.splitlines()[0].startswith("2 pages (")


def test_samples_folder_skips_readme(tmp_path):
    """`make run` imports samples/: README.md is skipped, not failed."""
    folder = tmp_path / "samples"
    folder.mkdir()
    shutil.copy(SAMPLES / "README.md", folder / "README.md")
    (folder / "page.json").write_bytes(record_bytes(small_record("One")))
    out, _ = run(folder)
    assert "imported 1, updated 0, unchanged 0, skipped 1, failed 0" in out


def test_reparse_command_reimports_what_changed(tmp_path):
    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One", plot="Plot.")))
    run(tmp_path)
    out = io.StringIO()
    call_command("reparse", stdout=out)
    assert "changed 0, unchanged 1" in out.getvalue()

    # As if an older parser had produced another record: reparse brings the current one back.
    source = SourcePage.objects.get()
    source.record = {**source.record, "plot": "Old parser's plot."}
    source.save()
    Title.objects.update(plot="Old parser's plot.")
    out = io.StringIO()
    call_command("reparse", "--title", "one-2000", stdout=out)
    assert "changed 1, unchanged 0" in out.getvalue()
    assert Title.objects.get().plot == "Plot."
    assert SourcePage.objects.get().reparsed_at is not None


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_with_share_of_the_input_and_pages_per_second_on_a_terminal(tmp_path):
    data = record_bytes(small_record("One"))
    (tmp_path / "a.json").write_bytes(data)
    err = _Terminal()
    call_command("import_pages", str(tmp_path), stdout=io.StringIO(), stderr=err)
    from catalogue.management.commands.import_pages import _size

    # The record is about 1,000 bytes: the size is printed in the command's own units.
    assert f"\r1 pages (100% of {_size(len(data))}), " in err.getvalue()
    assert " pages/s, 0 failed" in err.getvalue()


def test_conflicts_in_the_report(tmp_path):
    from django.utils import timezone

    from catalogue.models import Credit

    (tmp_path / "a.json").write_bytes(record_bytes(small_record("One", crew=crew(1))))
    run(tmp_path / "a.json")
    Credit.objects.update(job="edited job", edited_at=timezone.now())
    (tmp_path / "b.json").write_bytes(record_bytes(small_record("One", crew=crew(1), plot="New.")))

    out, _ = run("--captured-at", "2030-01-01", tmp_path / "b.json")

    assert "updated 1" in out and "conflicts 1" in out
    credit = Credit.objects.get()
    assert (
        f"conflict: {tmp_path / 'b.json'}: Credit {credit.pk} (Crew Person 1 – edited job): job kept 'edited job', page says 'painter'"
        in out
    )


def test_reparse_brings_an_episode_page_read_by_an_older_parser_up_to_date(tmp_path):
    """The real episode page an older parser titled with its series' name."""
    from catalogue.parsing import PARSER_VERSION
    from tests.conftest import TEST_PAGES

    page = TEST_PAGES / "html" / "real" / "the_walking_dead_guts_2010_episode_combined_2014.html"
    shutil.copy(page, tmp_path / page.name)
    run(tmp_path)
    title = Title.objects.get()
    assert (title.title, title.season, title.episode) == ("Guts", 1, 2)
    # As the parser before version 2 stored it: the series' name as the episode's title.
    source = SourcePage.objects.get()
    source.record = {**source.record, "title": "The Walking Dead"}
    source.parser_version = "1"
    source.save()
    Title.objects.update(title="The Walking Dead")

    out = io.StringIO()
    call_command("reparse", stdout=out)

    assert "changed 1, unchanged 0, failed 0" in out.getvalue()
    title = Title.objects.get()
    assert title.title == "Guts"
    source = SourcePage.objects.get()
    assert source.record["series"]["title"] == "The Walking Dead"
    assert source.parser_version == PARSER_VERSION
