"""The page generator: deterministic, realistic sizes and people, text in the samples' layout."""

from __future__ import annotations

import collections
import io
import hashlib
import os
import statistics
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from catalogue.generation import credit_total, generate_page, iter_pages, person, write_pages
from catalogue.generation.vocabulary import CERTIFICATES
from catalogue.parsing.record import DEPARTMENT_KEYS, TitleRecord

ROOT = Path(__file__).resolve().parents[2]


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.txt"))
    }


def test_same_seed_writes_byte_identical_files_and_another_seed_does_not(tmp_path):
    first = write_pages(tmp_path / "a", seed=3, titles=40)
    write_pages(tmp_path / "b", seed=3, titles=40)
    write_pages(tmp_path / "c", seed=4, titles=40)

    a, b, c = _digests(tmp_path / "a"), _digests(tmp_path / "b"), _digests(tmp_path / "c")
    assert first.pages == 40 and len(a) == 40
    assert a == b
    assert sum(1 for name in a if a[name] != c.get(name)) == 40


def test_output_does_not_depend_on_python_hash_randomisation(tmp_path):
    script = (
        "import hashlib, sys; from catalogue.generation import iter_pages; "
        "h = hashlib.sha256(); [h.update(p.text.encode()) for p in iter_pages(seed=9, titles=60)]; "
        "print(h.hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        result = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_pages_go_into_folders_of_at_most_a_thousand(tmp_path):
    report = write_pages(tmp_path, seed=1, titles=2050)

    counts = {folder.name: len(list(folder.iterdir())) for folder in tmp_path.iterdir()}
    assert report.folders == 3
    assert counts == {"0000": 1000, "0001": 1000, "0002": 50}


def test_credit_counts_are_long_tailed_between_5_and_2000():
    sizes = [credit_total(7, number) for number in range(20_000)]

    assert min(sizes) >= 5 and max(sizes) <= 2000
    assert 20 <= statistics.median(sizes) <= 60
    assert sum(20 <= size <= 150 for size in sizes) / len(sizes) > 0.6
    assert sum(size > 300 for size in sizes) >= 20  # the big productions
    assert sum(size > 1000 for size in sizes) >= 1


def test_a_page_has_exactly_its_planned_number_of_credits_in_known_departments():
    for number in range(30):
        page = generate_page(seed=2, number=number, titles=500)
        assert page.credit_count == credit_total(2, number)
        assert {row.department_label for row in page.record.crew} <= set(DEPARTMENT_KEYS)
        assert [row.order for row in page.record.cast] == list(range(1, len(page.record.cast) + 1))


def test_people_are_shared_across_titles_with_a_long_tail():
    appearances = collections.Counter()
    # The first 600 pages of a 20,000-title catalogue (100,000 people).
    for page in iter_pages(seed=1, titles=20_000, stop=600):
        names = {row.name for row in page.record.crew} | {row.name for row in page.record.cast}
        appearances.update(names)

    counts = sorted(appearances.values(), reverse=True)
    assert counts[0] >= 15  # the busiest people are in a few percent of the titles
    assert sum(1 for count in counts if count == 1) > len(counts) / 4  # and many appear once


def test_person_names_are_unique_and_come_in_many_scripts():
    names = [person(number)[0] for number in range(120_000)]

    assert len(set(names)) == len(names)
    scripts = {
        "accented": any("É" in name or "ü" in name or "ø" in name for name in names[:2000]),
        "japanese": any("CJK" in unicodedata.name(name[0], "") for name in names[:2000]),
        "cyrillic": any("CYRILLIC" in unicodedata.name(name[0], "") for name in names[:2000]),
        "greek": any("GREEK" in unicodedata.name(name[0], "") for name in names[:2000]),
    }
    assert scripts == {"accented": True, "japanese": True, "cyrillic": True, "greek": True}


def test_catalogue_has_series_episodes_reviews_and_links_to_its_own_titles():
    pages = list(iter_pages(seed=11, titles=400))
    records: list[TitleRecord] = [page.record for page in pages]
    known = {(record.title, record.year) for record in records}

    kinds = collections.Counter(record.kind for record in records)
    assert kinds["movie"] > 300 and kinds["tv_series"] >= 3 and kinds["tv_episode"] >= 3
    for record in records:
        if record.kind == "tv_episode":
            assert (record.series.title, record.series.year) in known
        assert all((c.title, c.year) in known for c in record.connections)
        assert 0 <= len(record.reviews) <= 20
    recommended = [pair for page in pages for pair in page.recommended]
    assert recommended and all(pair in known for pair in recommended)
    assert max(len(record.reviews) for record in records) >= 5
    countries = {c.country for record in records for c in record.certificates}
    assert len(countries) >= 35 and countries <= {country for country, _, _ in CERTIFICATES}


def test_page_text_uses_the_samples_layout():
    page = next(
        page
        for page in iter_pages(seed=1, titles=300)
        if page.record.kind == "movie"
        and page.record.reviews
        and page.record.certificates
        and page.record.recommendation_count
        and page.record.cast
    )
    record, lines = page.record, page.text.split("\n")

    assert lines[0] == f"IMDb > {record.title} ({record.year})"
    assert f"{record.rating.value:.1f}/10 \xa0\xa0{record.rating.votes:,} votes\xa0»" in lines
    assert "  (in credits order) (verified as complete)" in lines
    first = record.cast[0]
    assert f"{first.name} ... {first.character}" in lines[lines.index("Cast") + 4]
    cert = record.certificates[0]
    assert lines[lines.index("Certification:") + 1].startswith(f"{cert.country}:{cert.rating}")
    review = record.reviews[0]
    assert f"{review.helpful} out of {review.helpful_total} people found the following review useful." in lines
    assert "Was the above review useful to you?" in lines
    recommends = lines.index("If you enjoyed this title, our database also recommends:")
    assert lines[recommends + 1] == " ".join(["-"] * record.recommendation_count)
    assert lines[recommends + 2] == record.recommendations_text


def test_generate_pages_command_writes_the_pages_and_refuses_zero(tmp_path):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("generate_pages", str(tmp_path / "pages"), titles=5, seed=2, stdout=out, stderr=io.StringIO())

    assert sorted(path.name for path in (tmp_path / "pages" / "0000").iterdir())[:1] == [
        f"0000000-{generate_page(seed=2, number=0, titles=5).path.split('-', 1)[1]}"
    ]
    assert len(list((tmp_path / "pages").rglob("*.txt"))) == 5
    assert "Wrote 5 pages" in out.getvalue()
    with pytest.raises(CommandError, match="--titles must be at least 1"):
        call_command("generate_pages", str(tmp_path / "none"), titles=0)
