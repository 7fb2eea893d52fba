"""The "Did You Know?" sections: trivia, goofs, quotes, connections, soundtrack, crazy
credits, alternate versions, FAQ; and recommendations."""

from __future__ import annotations

from django.db import models

from .base import HandEditable, TitleTextRow
from .vocabularies import ConnectionType


class Trivia(TitleTextRow):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="trivia")

    class Meta(TitleTextRow.Meta):
        verbose_name_plural = "trivia"


class Soundtrack(TitleTextRow):
    """A song of the soundtrack listing, as printed (title, then its "Written by…" lines)."""

    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="soundtrack")


class CrazyCredit(TitleTextRow):
    """An item of the page's "Crazy Credits:", as printed (its lines kept)."""

    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="crazy_credits")


class AlternateVersion(TitleTextRow):
    """An item of the page's "Alternate Versions:", as printed (its lines kept)."""

    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="alternate_versions")


class FaqQuestion(TitleTextRow):
    """A question the page's FAQ listed, as printed (its answer was on the FAQ page, never saved)."""

    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="faq_questions")

    class Meta(TitleTextRow.Meta):
        verbose_name = "FAQ question"


class Goof(HandEditable):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="goofs")
    category = models.CharField(max_length=200, blank=True, default="")
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.category}: {self.text[:60]}" if self.category else self.text[:80]


class Quote(HandEditable):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="quotes")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"Quote {self.position} of {self.title_id}"


class QuoteLine(models.Model):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="lines")
    character = models.CharField(max_length=300, blank=True, default="")
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.character}: {self.text[:60]}" if self.character else self.text[:80]


class TitleLink(HandEditable):
    """A link to another title, by its printed title and year, resolved when it is catalogued."""

    title = models.ForeignKey("Title", on_delete=models.CASCADE)
    target_title = models.CharField(max_length=500)
    target_year = models.PositiveSmallIntegerField(null=True, blank=True)
    target_imdb_id = models.CharField(max_length=12, blank=True, default="")
    target = models.ForeignKey("Title", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.target_title} ({self.target_year})" if self.target_year else self.target_title


class Connection(TitleLink):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="connections")
    target = models.ForeignKey(
        "Title", null=True, blank=True, on_delete=models.SET_NULL, related_name="incoming_connections"
    )
    # The label as printed ("Featured in"); unknown labels are kept as they are.
    type = models.CharField(max_length=100, choices=ConnectionType.choices)
    target_note = models.CharField(max_length=100, blank=True, default="")

    class Meta(TitleLink.Meta):
        indexes = [
            models.Index(fields=["target_title", "target_year"], name="connection_target_text"),
            # resolve_incoming finds links by the id of a newly imported title.
            models.Index(fields=["target_imdb_id"], name="connection_target_imdb_id"),
        ]


class Recommendation(TitleLink):
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="recommendations")
    target = models.ForeignKey("Title", null=True, blank=True, on_delete=models.SET_NULL, related_name="recommended_by")
    # Split by the importer from the title's run-together recommendations_text, not printed apart.
    from_text = models.BooleanField(default=False)

    class Meta(TitleLink.Meta):
        indexes = [
            models.Index(fields=["target_title", "target_year"], name="recommendation_target_text"),
            # resolve_incoming finds links by the id of a newly imported title.
            models.Index(fields=["target_imdb_id"], name="recommendation_target_imdb_id"),
        ]


class PendingSplitWord(models.Model):
    """A folded word of a title's recommendations line that is not split yet.

    The importer keeps these so that a newly imported title finds, by an index, the
    lines it may complete, instead of scanning every line's text.
    """

    # Indexed by uniq_pending_split_word, which starts with it.
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="+", db_index=False)
    word = models.CharField(max_length=100)
    # Some catalogued title (or AKA) is a run of the line's words including this one:
    # the line is tried again only when all its words are covered.
    covered = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["title", "word"], name="uniq_pending_split_word")]
        # The lines holding a word, read from the index alone (no table row per entry).
        indexes = [models.Index(fields=["word", "title"], name="pending_word_title")]

    def __str__(self) -> str:
        return self.word
