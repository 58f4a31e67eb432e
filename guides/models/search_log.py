from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchLog(models.Model):
    """Every search, with how many guides it found, so staff can see what customers miss."""

    query = models.CharField(_("recherche"), max_length=200)
    language = models.CharField(_("langue"), max_length=5)
    results = models.PositiveIntegerField(_("résultats"))
    created = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("recherche")
        verbose_name_plural = _("recherches")
        indexes = [models.Index(fields=["results", "query"])]

    def __str__(self) -> str:
        return f"{self.query} ({self.results})"
