"""User reviews."""

from __future__ import annotations

from django.db import models

from .base import HandEditable


class ReviewQuerySet(models.QuerySet):
    def most_helpful(self) -> ReviewQuerySet:
        return self.order_by(models.F("helpful").desc(nulls_last=True), "-date", "id")

    def newest(self) -> ReviewQuerySet:
        return self.order_by(models.F("date").desc(nulls_last=True), "id")


class Review(HandEditable):
    # Indexed by uniq_review_per_title and review_title_helpful, which start with it.
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="reviews", db_index=False)
    summary = models.CharField("review title", max_length=500, blank=True, default="")
    date = models.DateField(null=True, blank=True)
    author = models.CharField(max_length=300, blank=True, default="")
    author_imdb_id = models.CharField(max_length=16, blank=True, default="")
    location = models.CharField(max_length=300, blank=True, default="")
    helpful = models.PositiveIntegerField(null=True, blank=True)
    helpful_total = models.PositiveIntegerField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    spoiler = models.BooleanField(default=False)
    text = models.TextField(blank=True, default="")
    # Identity across imports: the same review from several pages is one row.
    fingerprint = models.CharField(max_length=64, editable=False)
    position = models.PositiveIntegerField(default=0)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["title", "fingerprint"], name="uniq_review_per_title"),
        ]
        indexes = [
            models.Index(fields=["title", "-helpful"], name="review_title_helpful"),
            models.Index(fields=["title", "-date"], name="review_title_date"),
        ]

    def __str__(self) -> str:
        return self.summary or f"Review by {self.author}"
