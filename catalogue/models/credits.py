"""Credits: cast and crew rows of a title, by department."""

from __future__ import annotations

from django.db import models

from .base import HandEditable
from .vocabularies import Department


class CreditQuerySet(models.QuerySet):
    def cast(self) -> CreditQuerySet:
        return self.filter(department=Department.CAST)

    def crew(self) -> CreditQuerySet:
        return self.exclude(department=Department.CAST)


class Credit(HandEditable):
    # No single-column indexes: credit_title_dept and credit_person_dept_title start with
    # these columns and serve every lookup by title or person (one index fewer to
    # write per credit, each, on import).
    title = models.ForeignKey("Title", on_delete=models.CASCADE, related_name="credits", db_index=False)
    person = models.ForeignKey("Person", on_delete=models.PROTECT, related_name="credits", db_index=False)
    department = models.CharField(max_length=60, choices=Department.choices)
    # The heading as printed; an unknown heading keeps its own label and key.
    department_label = models.CharField(max_length=200)
    job = models.CharField(max_length=300, blank=True, default="")
    character = models.CharField(max_length=500, blank=True, default="")
    character_imdb_id = models.CharField(max_length=12, blank=True, default="")
    credited_as = models.CharField("credited as", max_length=300, blank=True, default="")
    notes = models.JSONField(default=list, blank=True)
    order = models.PositiveIntegerField(default=0)
    raw_text = models.TextField(blank=True, default="", help_text="The row as the page printed it.")

    objects = CreditQuerySet.as_manager()

    class Meta:
        ordering = ["title", "department", "order"]
        indexes = [
            models.Index(fields=["title", "department", "order"], name="credit_title_dept"),
            # With the title: a person page's stamp (their titles' latest change) reads this index alone.
            # On PostgreSQL it also holds the rest of what the filmography shows (INCLUDE; SQLite has
            # no such indexes and ignores it): 3,000 credits are read from the index, not from as
            # many table pages (21 → 8 ms at 100,000 titles).
            models.Index(
                fields=["person", "department", "title"],
                name="credit_person_dept_title",
                include=["department_label", "job", "credited_as", "character", "order", "notes"],
            ),
            models.Index(fields=["department", "job"], name="credit_dept_job"),
            # The admin's "edited by hand" filter; imported rows (NULL) are not in it.
            models.Index(fields=["edited_at"], condition=models.Q(edited_at__isnull=False), name="credit_edited"),
        ]

    def __str__(self) -> str:
        what = self.character if self.department == Department.CAST else (self.job or self.department_label)
        return f"{self.person} – {what}" if what else str(self.person)
