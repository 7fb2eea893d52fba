"""Release information: AKAs, certificates, release dates, taglines."""

from __future__ import annotations

from django.db import models

from catalogue.text import fold

from .base import HandEditable, TitleTextRow
from .indexes import TrigramIndex


class AlternateTitle(HandEditable):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="akas")
    aka = models.CharField("also known as", max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, db_index=True)
    country = models.CharField(max_length=200, blank=True, default="")
    notes = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = "AKA"
        verbose_name_plural = "AKAs"
        indexes = [TrigramIndex("title_folded", name="catalogue_aka_title_trgm")]  # PostgreSQL (migration 0003)

    def __str__(self) -> str:
        return self.aka

    def save(self, *args, **kwargs) -> None:
        self.title_folded = fold(self.aka)
        super().save(*args, **kwargs)


class CertificateQuerySet(models.QuerySet):
    def countries_with_ratings(self):
        """(country, rating, number of titles) for the certificates index page."""
        return (
            self.values("country", "rating")
            .annotate(titles=models.Count("title", distinct=True))
            .order_by("country", "rating")
        )


class Certificate(HandEditable):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="certificates")
    # As printed: "USA", "UK", "West Germany"; history is data.
    country = models.CharField(max_length=100)
    rating = models.CharField(max_length=100)
    notes = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        indexes = [
            models.Index(fields=["country", "rating"], name="certificate_country_rating"),
            models.Index(fields=["rating"], name="certificate_rating"),
        ]

    def __str__(self) -> str:
        return f"{self.country}:{self.rating}"


class CertificateCount(models.Model):
    """How many titles hold a certificate of ``country``:``rating``; ``rating`` "" is the
    country's titles of any rating. Kept by every write of certificates
    (catalogue/importing/counts.py), so the certificate pages and the home page read it
    instead of counting every certificate."""

    country = models.CharField(max_length=100)
    rating = models.CharField(max_length=100, blank=True, default="")
    # Signed: an upsert adds a change (+n or -n) to a row that may not exist yet.
    title_count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["country", "rating"], name="uniq_certificate_count")]

    def __str__(self) -> str:
        return f"{self.country}:{self.rating or '*'} ({self.title_count})"


class ReleaseDate(HandEditable):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="release_dates")
    date = models.CharField(max_length=10, blank=True, default="", help_text="YYYY-MM-DD, YYYY-MM or YYYY")
    text = models.CharField(max_length=200, blank=True, default="")
    country = models.CharField(max_length=100, blank=True, default="")
    note = models.CharField(max_length=300, blank=True, default="")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.text} ({self.country})" if self.country else self.text


class Tagline(TitleTextRow):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="taglines")
