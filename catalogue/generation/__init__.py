"""Realistic generated title pages for tests and benchmarks: pure Python, no Django.

``generate_page(seed=…, number=…, titles=…)`` gives one page (its record and text);
``iter_pages`` streams a whole catalogue; ``write_pages`` writes it to a folder in
subfolders of at most 1,000 files. Same seed, same bytes. ``full_record`` and
``small_record`` (records.py) are the hand-written records the import tests start from.
"""

from __future__ import annotations

from .output import WriteReport, iter_pages, write_pages
from .pages import GeneratedPage, credit_total, generate_page, generate_record, render_page
from .records import full_record, small_record
from .world import PersonPicker, people_count, person, title_ref

__all__ = [
    "GeneratedPage",
    "PersonPicker",
    "WriteReport",
    "credit_total",
    "full_record",
    "generate_page",
    "generate_record",
    "iter_pages",
    "people_count",
    "person",
    "render_page",
    "small_record",
    "title_ref",
    "write_pages",
]
