"""People: one row per person, named exactly as printed."""

from __future__ import annotations

from django.db import connections, models
from django.db.models import Q
from django.urls import reverse

from catalogue import search_index
from catalogue.text import fold
from catalogue.wordsearch import WordQuery

from .indexes import TrigramIndex


class PersonQuerySet(models.QuerySet):
    def matching_name(self, query: str) -> PersonQuerySet:
        """Accent- and case-insensitive name search ("eliane marcus" finds Éliane Marcus).

        Through the trigram index (catalogue/search_index.py) for three characters or more.
        """
        folded = fold(query)
        if search_index.uses_index(self.db, folded) and connections[self.db].vendor == "sqlite":
            return self.filter(pk__in=search_index.person_ids(self.db, folded))
        # PostgreSQL's planner serves this LIKE from the pg_trgm index by itself.
        return self.filter(name_folded__contains=folded)

    def matching_words(self, query: WordQuery) -> PersonQuerySet:
        """Candidates for the search box's word rule (catalogue/wordsearch.py), from the indexes.

        Names containing every word of three letters or more (trigram index); a query of
        shorter words only: names starting with it (the folded name's index).
        """
        if query.is_short:
            start = query.text
            return self.filter(name_folded__gte=start, name_folded__lt=start + "\U0010ffff")
        queryset = self
        for word, _year in query.indexed_words():
            if search_index.uses_index(self.db, word) and connections[self.db].vendor == "sqlite":
                queryset = queryset.filter(pk__in=search_index.person_ids(self.db, word))
            else:
                queryset = queryset.filter(name_folded__contains=word)
        return queryset

    def matching_name_plain(self, query: str) -> PersonQuerySet:
        """The same rows as ``matching_name`` by a plain ``LIKE`` scan: the reference for tests and bench."""
        return self.filter(name_folded__contains=fold(query))


class Person(models.Model):
    # "John Smith (II)" is kept as printed: the page's own disambiguation.
    name = models.CharField(max_length=300)
    name_folded = models.CharField(max_length=300, editable=False, db_index=True)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    imdb_id = models.CharField("IMDb id", max_length=12, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["name"], name="person_name"),
            TrigramIndex("name_folded", name="catalogue_person_name_trgm"),  # PostgreSQL (migration 0003)
        ]
        constraints = [
            # Text pages carry no ids: there the name is the identity.
            models.UniqueConstraint(
                fields=["name"], condition=Q(imdb_id__isnull=True), name="uniq_person_name_without_id"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def fold_names(self) -> None:
        """Set the folded column search reads; ``save()`` does, and bulk writes call it."""
        self.name_folded = fold(self.name)

    def save(self, *args, **kwargs) -> None:
        self.fold_names()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("catalogue:person", kwargs={"slug": self.slug})


class PersonRedirect(models.Model):
    """The slug of a person merged into another, so old links keep working."""

    old_slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person.slug}"
