"""Who did what in the staff area, and when: every staff action leaves a line here."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Guide créé")
    SAVE = "save", _("Brouillon enregistré")
    SUBMIT = "submit", _("Proposé à la relecture")
    PUBLISH = "publish", _("Publié")
    SCHEDULE = "schedule", _("Publication programmée")
    UNSCHEDULE = "unschedule", _("Programmation annulée")
    RESTORE = "restore", _("Révision rétablie")
    CONFLICT = "conflict", _("Enregistrement refusé (conflit)")
    REVIEWED = "reviewed", _("Relecture faite")
    UNPUBLISH = "unpublish", _("Dépublié")
    RETIRE = "retire", _("Retiré")
    ARCHIVE = "archive", _("Archivé")
    REQUEST_CHANGES = "request_changes", _("Modifications demandées")
    REJECT = "reject", _("Proposition refusée")
    IMAGE = "image", _("Image envoyée")
    IMPORT = "import", _("Importé")
    DELETE = "delete", _("Supprimé")
    ROLE = "role", _("Rôle attribué")


class AuditLog(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("qui"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(
        _("nom"), max_length=150, blank=True, help_text=_("Gardé si le compte est supprimé.")
    )
    action = models.CharField(_("quoi"), max_length=20, choices=AuditAction.choices)
    created = models.DateTimeField(_("quand"), default=timezone.now, db_index=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=40, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("objet"), max_length=200, blank=True)
    detail = models.CharField(_("détail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal des actions")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor_name or '-'}: {self.action}"
