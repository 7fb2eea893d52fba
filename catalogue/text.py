"""Small text helpers shared by the models, the importer and search (no Django models)."""

from __future__ import annotations

import unicodedata

from django.utils.text import slugify


def fold(text: str | None) -> str:
    """Lower-case, accent-free form used for accent- and case-insensitive search.

    "Éliane Marcus" and "eliane MARCUS" fold to the same "eliane marcus".
    """
    if not text:
        return ""
    if text.isascii():  # the common case; NFKD and casefold of ASCII are lower()
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def base_slug(text: str, *, fallback: str) -> str:
    """An ASCII slug for URLs; non-Latin text that slugifies to nothing uses ``fallback``."""
    slug = slugify(fold(text))[:80].strip("-")
    return slug or fallback
