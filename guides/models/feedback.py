"""What customers tell staff: a yes/no vote per guide, and how often each guide is read."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .content import Guide


class VoteQuerySet(models.QuerySet):
    def with_comment(self) -> "VoteQuerySet":
        return self.exclude(comment="")


class Vote(models.Model):
    """One visitor's answer to "Was this helpful?". The visitor and the address are kept only
    as keyed hashes: enough to refuse a second vote, nothing that identifies anyone."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="votes")
    helpful = models.BooleanField(_("utile"))
    comment = models.TextField(_("commentaire"), blank=True)
    visitor = models.CharField(_("visiteur (empreinte)"), max_length=64)
    ip_hash = models.CharField(_("adresse IP (empreinte)"), max_length=64, blank=True)
    created = models.DateTimeField(_("date"), default=timezone.now, db_index=True)

    objects = VoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("avis")
        verbose_name_plural = _("avis")
        constraints = [
            models.UniqueConstraint(fields=["guide", "visitor"], name="one_vote_per_visitor"),
        ]

    def __str__(self) -> str:
        return f"{self.guide} : {'oui' if self.helpful else 'non'}"


class GuideView(models.Model):
    """How many times a guide page was shown on a day (one row a guide a day)."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField(_("jour"))
    count = models.PositiveIntegerField(_("vues"), default=0)

    class Meta:
        verbose_name = _("consultations")
        verbose_name_plural = _("consultations")
        constraints = [
            models.UniqueConstraint(fields=["guide", "day"], name="one_view_row_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.guide} {self.day}: {self.count}"
