from django.conf import settings
from django.db import models


class HandEditable(models.Model):
    """A row staff may correct in the admin; a re-import keeps it and reports the conflict."""

    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        # Almost every row is NULL here: an index would be written for every imported
        # row and read only when a user is deleted.
        db_index=False,
    )

    class Meta:
        abstract = True

    @property
    def is_hand_edited(self) -> bool:
        return self.edited_at is not None


class TitleTextRow(HandEditable):
    """A list item that is text alone (a tagline, a trivia item, a song), in printed order."""

    text = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self) -> str:
        return self.text[:80]
