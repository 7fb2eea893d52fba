"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEST_PAGES = Path(__file__).resolve().parent / "pages"


def pytest_collection_modifyitems(items):
    """Mark the real-browser tests and run them last (see tests/browser/conftest.py)."""
    browser_items = []
    for item in items:
        if "/tests/browser/" in item.path.as_posix():
            item.add_marker(pytest.mark.browser)
            browser_items.append(item)
    items[:] = [item for item in items if item not in browser_items] + browser_items


@pytest.fixture
def sample_bytes():
    """Read a bundled real sample page (samples/) by file name."""

    def read(name: str) -> bytes:
        return (SAMPLES / name).read_bytes()

    return read


@pytest.fixture
def test_page_bytes():
    """Read a page written for the tests (tests/pages/) by file name."""

    def read(name: str) -> bytes:
        return (TEST_PAGES / name).read_bytes()

    return read
