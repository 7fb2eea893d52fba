"""Titles and their header and details sections (kind, rating, genres, countries, runtimes, filming locations…)."""

from __future__ import annotations

from django.db import connections, models
from django.db.models import Prefetch
from django.db.models.lookups import In
from django.urls import reverse

from catalogue import search_index
from catalogue.text import fold
from catalogue.wordsearch import WordQuery

from .base import HandEditable, TitleTextRow
from .indexes import PostgreSQLIndex, TrigramIndex
from .vocabularies import TitleKind


class Vocabulary(models.Model):
    """A named value shared by titles (a genre, country, language, colour, sound mix)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True, allow_unicode=True)
    # Its titles, kept by every write of its links (catalogue/importing/counts.py): the
    # browse indexes and the home page read it instead of counting the links.
    title_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Genre(Vocabulary):
    pass


class Country(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name_plural = "countries"


class Language(Vocabulary):
    pass


class Colour(Vocabulary):
    pass


class SoundMix(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name_plural = "sound mixes"


class Keyword(Vocabulary):
    """A plot keyword, named as the page printed it (case kept: records round-trip unchanged)."""


class TitleQuerySet(models.QuerySet):
    def for_title_page(self) -> TitleQuerySet:
        """Everything the title page shows except credits and reviews (selectors.title_page
        fetches those in bounded queries) and the list sections (read in one query of their
        own: selectors.titles, importing.export), in a constant number of queries."""
        from catalogue.sections import VOCABULARY_SECTIONS

        from .didyouknow import Connection, Recommendation

        return self.select_related("series").prefetch_related(
            # Through tables keep the order the page printed the values in.
            *(
                Prefetch(v.related_name, queryset=v.through.objects.select_related(v.field))
                for v in VOCABULARY_SECTIONS
            ),
            "quotes__lines",
            Prefetch("connections", queryset=Connection.objects.select_related("target")),
            Prefetch("recommendations", queryset=Recommendation.objects.select_related("target")),
            Prefetch("title_companies", queryset=_title_companies()),
        )

    def episodes_of(self, series: Title) -> TitleQuerySet:
        """A series' episodes in their order: season, episode number (unnumbered last), year, id
        (as ``selectors.titles.EPISODE_ORDER``, the episode page's previous and next)."""
        return self.filter(series=series).order_by(
            models.F("season").asc(nulls_last=True),
            models.F("episode").asc(nulls_last=True),
            models.F("year").asc(nulls_last=True),
            "id",
        )

    def for_listing(self, *more_fields: str) -> TitleQuerySet:
        """Only the columns a list of titles shows (and ``more_fields``)."""
        return self.only(
            "slug", "imdb_id", "title", "year", "end_year", "kind", "rating", "votes", "original_title", *more_fields
        )

    def top_rated(self, *, min_votes: int = 0) -> TitleQuerySet:
        qs = self.filter(rating__isnull=False)
        if min_votes:
            qs = qs.filter(votes__gte=min_votes)
        return qs.order_by("-rating", models.F("votes").desc(nulls_last=True), "title")

    def recently_imported(self) -> TitleQuerySet:
        return self.order_by("-created_at", "-id")

    def matching_text(self, query: str) -> TitleQuerySet:
        """Titles whose title, original title or an AKA contains the (folded) query.

        SQLite: through the FTS trigram tables for three characters or more; the id is
        compared ``Unindexed``: a broad word matches most titles, and a page of them is
        found faster in the order's index than by fetching every match. PostgreSQL: one
        condition on the trigger-kept ``search_names`` column (catalogue/search_index.py).
        """
        folded = fold(query)
        if connections[self.db].vendor == "postgresql":
            return self.filter(search_index.TitleNamesContain(folded))
        if search_index.uses_index(self.db, folded):
            return self.filter(In(search_index.Unindexed("pk"), search_index.title_ids(folded)))
        return self.matching_text_plain(query)

    def matching_words(self, query: WordQuery) -> TitleQuerySet:
        """Candidates for the search box's word rule (catalogue/wordsearch.py), from the indexes.

        Every word of three letters or more is looked up in the trigram indexes (a title
        whose names contain it, or, for a year-like word, of that year); the caller checks
        the rule on the candidates. A query of shorter words only reads the folded title
        index from the query on (titles starting with it): never a scan of the catalogue.
        """
        if query.is_short:
            start = query.text
            return self.filter(title_folded__gte=start, title_folded__lt=start + "\U0010ffff")
        condition = models.Q()
        for word, year in query.indexed_words():
            contains = _names_contain(self.db, word)
            condition &= contains | models.Q(year=year) if year else contains
        return self.filter(condition)

    def matching_text_plain(self, query: str) -> TitleQuerySet:
        """The same rows as ``matching_text`` by plain ``LIKE`` scans: the reference for tests and bench."""
        folded = fold(query)
        aka_titles = self.model.akas.rel.related_model.objects.filter(title_folded__contains=folded).values("title_id")
        return self.filter(
            models.Q(title_folded__contains=folded)
            | models.Q(original_title_folded__contains=folded)
            | models.Q(pk__in=aka_titles)
        )


def _names_contain(alias: str, folded_word: str) -> models.Q:
    """The condition "one of the title's names contains the word", through the trigram index."""
    if connections[alias].vendor == "postgresql":
        return models.Q(search_index.TitleNamesContain(folded_word))
    if search_index.uses_index(alias, folded_word):
        # ``+id``: the search box reads the candidates with the most votes, walking that index.
        return models.Q(In(search_index.Unindexed("pk"), search_index.title_ids(folded_word)))
    aka_titles = Title.akas.rel.related_model.objects.filter(title_folded__contains=folded_word).values("title_id")
    return (
        models.Q(title_folded__contains=folded_word)
        | models.Q(original_title_folded__contains=folded_word)
        | models.Q(pk__in=aka_titles)
    )


def _title_companies():
    from .companies import TitleCompany

    return TitleCompany.objects.select_related("company").order_by("kind", "position")


class Title(HandEditable):
    imdb_id = models.CharField("IMDb id", max_length=12, unique=True, null=True, blank=True)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    title = models.CharField(max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=TitleKind.choices, default=TitleKind.MOVIE)
    original_title = models.CharField(max_length=500, blank=True, default="")
    original_title_folded = models.CharField(max_length=500, blank=True, default="", editable=False)

    series = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="episodes")
    series_title = models.CharField(max_length=500, blank=True, default="")
    series_year = models.PositiveSmallIntegerField(null=True, blank=True)
    season = models.PositiveSmallIntegerField(null=True, blank=True)
    episode = models.PositiveIntegerField(null=True, blank=True)

    rating = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    rating_best = models.PositiveSmallIntegerField(null=True, blank=True)
    votes = models.PositiveIntegerField(null=True, blank=True)
    popularity_rank = models.PositiveIntegerField(null=True, blank=True)
    popularity_text = models.CharField(max_length=300, blank=True, default="")
    top_rank = models.PositiveIntegerField(null=True, blank=True)

    plot = models.TextField(blank=True, default="")
    news = models.TextField(blank=True, default="")
    aspect_ratio = models.CharField(max_length=100, blank=True, default="")

    awards_text = models.CharField(max_length=500, blank=True, default="")
    oscar_wins = models.PositiveSmallIntegerField(null=True, blank=True)
    oscar_nominations = models.PositiveSmallIntegerField(null=True, blank=True)
    award_wins = models.PositiveIntegerField(null=True, blank=True)
    award_nominations = models.PositiveIntegerField(null=True, blank=True)

    photo_count = models.PositiveIntegerField(null=True, blank=True)
    review_count = models.PositiveIntegerField(null=True, blank=True)
    faq_count = models.PositiveIntegerField(null=True, blank=True)
    cast_complete = models.BooleanField(null=True, blank=True)
    # The cast order from which the old page listed the rest of the cast alphabetically
    # (its "rest of cast listed alphabetically:" line); null when it had no such line.
    cast_alphabetical_from = models.PositiveIntegerField(null=True, blank=True)

    recommendations_text = models.TextField(blank=True, default="")
    recommendation_count = models.PositiveSmallIntegerField(null=True, blank=True)
    # The line waits for its batch's closing split (importing.links.due_lines_split).
    recommendations_due = models.BooleanField(default=False, editable=False)

    # Lists the site shows but never queries by.
    seasons = models.JSONField(default=list, blank=True)
    # The MPAA's reason line as printed ("Rated R for strong war violence."); the rating
    # itself is among the certificates (USA:R).
    mpaa = models.TextField(blank=True, default="")

    genres = models.ManyToManyField(Genre, through="TitleGenre", related_name="titles", blank=True)
    countries = models.ManyToManyField(Country, through="TitleCountry", related_name="titles", blank=True)
    languages = models.ManyToManyField(Language, through="TitleLanguage", related_name="titles", blank=True)
    colours = models.ManyToManyField(Colour, through="TitleColour", related_name="titles", blank=True)
    sound_mixes = models.ManyToManyField(SoundMix, through="TitleSoundMix", related_name="titles", blank=True)
    keywords = models.ManyToManyField(Keyword, through="TitleKeyword", related_name="titles", blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    # The last-change stamp: bumped by every import and admin edit; cache keys use it.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = TitleQuerySet.as_manager()

    class Meta:
        ordering = ["title", "year"]
        indexes = [
            models.Index(fields=["title", "year"], name="title_title_year"),
            # PostgreSQL's trigram indexes (migration 0003; SQLite has FTS5 tables instead).
            # search_names, the column the site searches, is not a model field: its index
            # stays in catalogue/search_index.py.
            TrigramIndex("title_folded", name="catalogue_title_title_trgm"),
            TrigramIndex("original_title_folded", name="catalogue_title_original_trgm"),
            models.Index(fields=["year"], name="title_year"),
            # The search box looks up titles named exactly the query (with title_folded's own index).
            models.Index(fields=["original_title_folded"], name="title_original_folded"),
            models.Index(fields=["kind", "year"], name="title_kind_year"),
            models.Index(fields=["-rating", "-votes"], name="title_rating_votes"),
            models.Index(fields=["-votes"], name="title_votes"),
            # The browse pages' votes and rating orders as PostgreSQL sorts them (NULLs last).
            PostgreSQLIndex(models.F("votes").desc(nulls_last=True), "title", "id", name="title_votes_nulls_last"),
            PostgreSQLIndex(
                models.F("rating").desc(nulls_last=True),
                models.F("votes").desc(nulls_last=True),
                "title",
                "id",
                name="title_rating_nulls_last",
            ),
            # A chart of one kind reads its eligible titles (votes >= m) from here, not from
            # the kind's whole range of (kind, year).
            models.Index(fields=["kind", "-votes"], name="title_kind_votes"),
            # The charts' eligible titles (votes >= m) with what scores and scopes them: the
            # mean and the chart's ids come from the index alone (on PostgreSQL with INCLUDE).
            models.Index(fields=["-votes", "rating", "year", "kind"], name="title_chart", include=["id"]),
            models.Index(fields=["-created_at"], name="title_created"),
            # A person page's stamp looks up the updated_at of each of their titles: from
            # this small index rather than from each title's (wide) row. On PostgreSQL its
            # filmography reads the titles' links from it too (INCLUDE, ignored by SQLite).
            # An episode's series and number are there too, for its row (migration 0021).
            models.Index(
                fields=["id", "updated_at"],
                name="title_id_updated",
                include=["slug", "title", "year", "kind", "series", "series_title", "season", "episode"],
            ),
            # A new series adopts its already imported episodes by series title and year.
            models.Index(fields=["series_title", "series_year"], name="title_series_title_year"),
            # The importer looks for unsplit recommendation lines among these only.
            models.Index(
                fields=["recommendation_count"],
                condition=models.Q(recommendation_count__gt=0),
                name="title_recommendation_lines",
            ),
            # The lines waiting for a batch's closing split: few or none, found without a scan.
            models.Index(fields=["id"], condition=models.Q(recommendations_due=True), name="title_recommendations_due"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def fold_names(self) -> None:
        """Set the folded columns search reads; ``save()`` does, and bulk writes call it."""
        self.title_folded = fold(self.title)
        self.original_title_folded = fold(self.original_title)

    def save(self, *args, **kwargs) -> None:
        self.fold_names()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("catalogue:title", kwargs={"slug": self.slug})


class TitleVocabularyLink(models.Model):
    """Through table keeping the order the page printed the values in."""

    title = models.ForeignKey(Title, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position"]


class TitleGenre(TitleVocabularyLink):
    genre = models.ForeignKey(Genre, on_delete=models.CASCADE)

    class Meta(TitleVocabularyLink.Meta):
        constraints = [models.UniqueConstraint(fields=["title", "genre"], name="uniq_title_genre")]
        # A genre chart joins the genre's links to the eligible titles: from this index
        # alone, not from each link's row.
        indexes = [models.Index(fields=["genre", "title"], name="titlegenre_genre_title")]


class TitleCountry(TitleVocabularyLink):
    country = models.ForeignKey(Country, on_delete=models.CASCADE)

    class Meta(TitleVocabularyLink.Meta):
        constraints = [models.UniqueConstraint(fields=["title", "country"], name="uniq_title_country")]


class TitleLanguage(TitleVocabularyLink):
    language = models.ForeignKey(Language, on_delete=models.CASCADE)

    class Meta(TitleVocabularyLink.Meta):
        constraints = [models.UniqueConstraint(fields=["title", "language"], name="uniq_title_language")]


class TitleColour(TitleVocabularyLink):
    colour = models.ForeignKey(Colour, on_delete=models.CASCADE)

    class Meta(TitleVocabularyLink.Meta):
        constraints = [models.UniqueConstraint(fields=["title", "colour"], name="uniq_title_colour")]


class TitleSoundMix(TitleVocabularyLink):
    sound_mix = models.ForeignKey(SoundMix, on_delete=models.CASCADE)

    class Meta(TitleVocabularyLink.Meta):
        constraints = [models.UniqueConstraint(fields=["title", "sound_mix"], name="uniq_title_sound_mix")]


class TitleKeyword(TitleVocabularyLink):
    keyword = models.ForeignKey(Keyword, on_delete=models.CASCADE)

    class Meta(TitleVocabularyLink.Meta):
        constraints = [models.UniqueConstraint(fields=["title", "keyword"], name="uniq_title_keyword")]


class Runtime(models.Model):
    title = models.ForeignKey(Title, on_delete=models.CASCADE, related_name="runtimes")
    minutes = models.PositiveIntegerField()
    country = models.CharField(max_length=100, blank=True, default="")
    note = models.CharField(max_length=300, blank=True, default="")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.minutes} min"


class FilmingLocation(TitleTextRow):
    """A place of the details' "Filming Locations:" line, as printed."""

    title = models.ForeignKey(Title, on_delete=models.CASCADE, related_name="filming_locations")


class RatingCapture(models.Model):
    """A title's rating and votes as one capture of its page showed them (history)."""

    title = models.ForeignKey(Title, on_delete=models.CASCADE, related_name="rating_history")
    captured_at = models.DateTimeField()
    rating = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    votes = models.PositiveIntegerField(null=True, blank=True)
    source = models.ForeignKey("SourcePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["captured_at"]
        constraints = [
            models.UniqueConstraint(fields=["title", "captured_at"], name="uniq_rating_capture"),
        ]
