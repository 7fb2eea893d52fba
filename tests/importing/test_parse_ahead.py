"""Big imports parse ahead in a worker process; the outcome is the same as parsing in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogue.importing import pages as pages_module
from catalogue.importing.pages import _parsed_ahead, paths_import
from catalogue.importing.sources import iter_pages
from catalogue.models import Credit, Person, SourcePage, Title

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAGES = [
    "hiroshima-mon-amour-1959.combined.txt",
    "gaslight-1944.combined-2010.html",
    "die-hard-1988.maindetails-2009.html",
    "seven-samurai-1954.combined-excerpt.txt",
    "the-godfather-1972.combined-excerpt.txt",
]


@pytest.fixture
def batch(tmp_path):
    for number, name in enumerate(PAGES):
        (tmp_path / f"{number}-{name}").write_bytes((SAMPLES / name).read_bytes())
    (tmp_path / "9-binary.txt").write_bytes(b"\x00\x01\x02" * 100)  # refused by the parser
    return tmp_path


def test_the_worker_parses_pages_after_the_threshold(batch, monkeypatch):
    monkeypatch.setattr(pages_module, "PARSE_AHEAD_AFTER", 2)
    seen = []
    for page, future in _parsed_ahead(iter_pages([batch])):  # results read while the worker lives
        seen.append((Path(page.name).name, future.result() if future is not None else None))
    assert [parsed is None for _, parsed in seen] == [True, True, False, False, False, False]
    # The parse ran in the worker: the record came back whole, with its hash.
    name, parsed = seen[2]
    assert name.startswith("2-die-hard")
    assert (parsed.record.title, parsed.record.year) == ("Die Hard", 1988)
    assert json.loads(parsed.record_json)["title"] == "Die Hard" and len(parsed.sha256) == 64
    name, parsed = seen[5]
    assert parsed.record is None and "binary" in parsed.error_message


def counts():
    return (Title.objects.count(), Person.objects.count(), Credit.objects.count(), SourcePage.objects.count())


def test_import_through_the_worker_equals_import_in_process(batch, monkeypatch):
    monkeypatch.setattr(pages_module, "PARSE_AHEAD_AFTER", 0)
    ahead = paths_import([batch])
    ahead_counts = counts()
    ahead_titles = sorted(Title.objects.values_list("title", "year", "rating", "votes"))
    Title.objects.all().delete()
    Credit.objects.all().delete()
    Person.objects.all().delete()
    SourcePage.objects.all().delete()

    monkeypatch.setattr(pages_module, "PARSE_AHEAD_AFTER", 10_000)
    here = paths_import([batch])

    assert counts() == ahead_counts and ahead_counts[0] == 5
    assert sorted(Title.objects.values_list("title", "year", "rating", "votes")) == ahead_titles
    assert (ahead.imported, here.imported) == (5, 5)
    [failure] = ahead.failed
    assert failure.name.endswith("9-binary.txt")
    assert [(f.name, f.reason, f.line) for f in ahead.failed] == [(f.name, f.reason, f.line) for f in here.failed]


def test_a_dead_worker_leaves_the_pages_to_this_process():
    from catalogue.importing.ahead import ParseAheadWorker

    data = (SAMPLES / PAGES[0]).read_bytes()
    worker = ParseAheadWorker()
    first = worker.submit(data, None)
    assert first.result().record.title == "Hiroshima Mon Amour"
    worker._process.kill()
    worker._process.join()
    later = [worker.submit(data, None) for _ in range(3)]
    assert [pending.result() for pending in later] == [None, None, None]  # the caller parses these itself
    worker.close()
