"""Companies and their roles on titles."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from .base import HandEditable
from .vocabularies import CompanyKind


class Company(models.Model):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    imdb_id = models.CharField("IMDb id", max_length=12, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        indexes = [models.Index(fields=["name"], name="company_name")]
        constraints = [
            models.UniqueConstraint(
                fields=["name"], condition=models.Q(imdb_id__isnull=True), name="uniq_company_name_without_id"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:company", kwargs={"slug": self.slug})


class TitleCompany(HandEditable):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="title_companies")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="title_companies")
    kind = models.CharField(max_length=20, choices=CompanyKind.choices)
    notes = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position"]
        verbose_name = "company credit"
        indexes = [models.Index(fields=["company", "kind"], name="titlecompany_company_kind")]
