"""The statuses of the diagnostic, and the history of the reports it produced."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models.domain_names import display_name


class CheckStatus(models.TextChoices):
    """A finding's status, from best to worst. `info` says something without judging;
    `blocked` cannot be judged because of another finding (the root cause); `unknown` (the
    lookup could not be done) ranks below `warning`."""

    OK = "ok", _("Correct")
    INFO = "info", _("Pour information")
    BLOCKED = "blocked", _("Dépend d'un autre point")
    UNKNOWN = "unknown", _("Non vérifié")
    WARNING = "warning", _("À surveiller")
    ERROR = "error", _("Problème")

    @property
    def rank(self) -> int:
        return list(CheckStatus).index(self)

    @property
    def needs_attention(self) -> bool:
        """Shown unfolded in a report: what could not be checked, and worse."""
        return self.rank >= CheckStatus.UNKNOWN.rank

    @classmethod
    def worst(cls, statuses: Iterable["CheckStatus"]) -> "CheckStatus":
        return max(statuses, key=lambda status: status.rank, default=cls.OK)


class ReportSource(models.TextChoices):
    PAGE = "page", _("page")
    API = "api", _("API")
    COMMAND = "command", _("commande")


class DiagnosticLogQuerySet(models.QuerySet):
    def visible_to(self, user, *, support_staff: bool) -> "DiagnosticLogQuerySet":
        """Support staff see every report; a customer only the ones they ran."""
        if support_staff:
            return self
        return self.filter(user=user)


class DiagnosticLog(models.Model):
    created = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="diagnostic_logs",
    )
    domain = models.CharField(_("nom de domaine"), max_length=253, db_index=True)
    status = models.CharField(_("résultat"), max_length=10, choices=CheckStatus.choices)
    source = models.CharField(_("origine"), max_length=10, choices=ReportSource.choices)

    objects = DiagnosticLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("diagnostic effectué")
        verbose_name_plural = _("diagnostics effectués")

    def __str__(self) -> str:
        return f"{self.domain} ({self.status})"

    @property
    def display_domain(self) -> str:
        return display_name(self.domain)
