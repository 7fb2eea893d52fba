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
    )

    class Meta:
        abstract = True

    @property
    def is_hand_edited(self) -> bool:
        return self.edited_at is not None
