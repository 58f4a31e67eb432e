"""Works and incidents on the mail platform, filled in by staff and shown publicly (F-DIA-4)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MaintenanceKind(models.TextChoices):
    WORKS = "works", _("travaux")
    INCIDENT = "incident", _("incident")


class MaintenanceStatus(models.TextChoices):
    PLANNED = "planned", _("prévu")
    IN_PROGRESS = "in_progress", _("en cours")
    RESOLVED = "resolved", _("terminé")


class MaintenanceQuerySet(models.QuerySet):
    def open(self) -> "MaintenanceQuerySet":
        """What the public status list shows: everything not finished."""
        return self.exclude(status=MaintenanceStatus.RESOLVED).order_by("starts_at")

    def affecting_mail(self) -> "MaintenanceQuerySet":
        return self.filter(affects_mail=True)


class Maintenance(models.Model):
    title = models.CharField(_("titre (français)"), max_length=200)
    title_en = models.CharField(_("titre (anglais)"), max_length=200, blank=True)
    description = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)
    kind = models.CharField(
        _("type"), max_length=10, choices=MaintenanceKind.choices, default=MaintenanceKind.WORKS
    )
    status = models.CharField(
        _("état"),
        max_length=12,
        choices=MaintenanceStatus.choices,
        default=MaintenanceStatus.PLANNED,
    )
    starts_at = models.DateTimeField(_("début"))
    expected_end = models.DateTimeField(_("fin prévue"), null=True, blank=True)
    affects_mail = models.BooleanField(
        _("touche les e-mails"),
        default=True,
        help_text=_("Cochez si l'envoi, la réception ou le webmail peuvent être gênés."),
    )

    objects = MaintenanceQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("maintenance ou incident")
        verbose_name_plural = _("maintenances et incidents")
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def display_title(self, language: str) -> str:
        return self.title_en if language == "en" and self.title_en else self.title

    def display_description(self, language: str) -> str:
        return self.description_en if language == "en" and self.description_en else self.description

    @property
    def in_progress(self) -> bool:
        """Marked in progress, or planned and already started (not yet marked resolved)."""
        return self.status == MaintenanceStatus.IN_PROGRESS or (
            self.status == MaintenanceStatus.PLANNED and self.starts_at <= timezone.now()
        )
