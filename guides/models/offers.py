"""What the customer bought: offers, their limits, and the MX hosts that deliver their mail."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models.validators import validate_hostname


class OfferKind(models.TextChoices):
    HOSTING = "hosting", _("Comptes inclus dans un hébergement")
    MXPLAN = "mxplan", _("MX Plan (e-mail seul)")
    EXCHANGE = "exchange", _("Offre supérieure (Email Pro, Exchange, Zimbra)")


class Offer(models.Model):
    slug = models.SlugField(_("identifiant"), unique=True)
    name = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=OfferKind.choices)
    accounts = models.PositiveIntegerField(
        _("comptes e-mail"), default=0, help_text=_("Sans compter l'adresse postmaster@.")
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["order", "kind", "accounts"]
        verbose_name = _("offre")
        verbose_name_plural = _("offres")

    def __str__(self) -> str:
        return self.name

    def display_name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name

    @property
    def includes_postmaster(self) -> bool:
        return self.kind == OfferKind.MXPLAN


class Unit(models.TextChoices):
    COUNT = "count", _("nombre")
    MEGABYTES = "mb", _("mégaoctets")
    CHARACTERS = "chars", _("caractères")
    FLAG = "flag", _("oui (1) / non (0)")


class LimitKind(models.TextChoices):
    """Each limit of the shared offer; the member knows its unit."""

    SEND_PER_HOUR_ACCOUNT = "send_per_hour_account", _("E-mails envoyés par heure et par compte")
    SEND_PER_HOUR_IP = "send_per_hour_ip", _("E-mails envoyés par heure et par adresse IP")
    QUOTA_MIN = "quota_min", _("Quota le plus petit d'une adresse")
    QUOTA_MAX = "quota_max", _("Quota le plus grand d'une adresse")
    ATTACHMENT_WEBMAIL = "attachment_webmail", _("Pièces jointes depuis le webmail")
    ATTACHMENT_CLIENT = "attachment_client", _("Pièces jointes depuis un logiciel de messagerie")
    RECIPIENTS_MAX = "recipients_max", _("Destinataires en copie d'un e-mail")
    PASSWORD_MIN = "password_min", _("Longueur minimale du mot de passe")
    PASSWORD_MAX = "password_max", _("Longueur maximale du mot de passe")
    PASSWORD_ASCII_ONLY = "password_ascii_only", _("Mot de passe sans caractère accentué")

    @property
    def unit(self) -> Unit:
        if self in (LimitKind.QUOTA_MIN, LimitKind.QUOTA_MAX) or self.value.startswith(
            "attachment"
        ):
            return Unit.MEGABYTES
        if self in (LimitKind.PASSWORD_MIN, LimitKind.PASSWORD_MAX):
            return Unit.CHARACTERS
        if self is LimitKind.PASSWORD_ASCII_ONLY:
            return Unit.FLAG
        return Unit.COUNT


class Limit(models.Model):
    """A limit of the shared offer, optionally one offer's own value."""

    kind = models.CharField(_("limite"), max_length=30, choices=LimitKind.choices)
    offer = models.ForeignKey(
        Offer,
        verbose_name=_("offre"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="limits",
        help_text=_("Vide : la limite vaut pour toute l'offre mutualisée."),
    )
    value = models.PositiveIntegerField(_("valeur"))

    class Meta:
        ordering = ["kind"]
        verbose_name = _("limite")
        verbose_name_plural = _("limites")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(offer=None), name="one_shared_limit_per_kind"
            ),
            models.UniqueConstraint(fields=["kind", "offer"], name="one_limit_per_kind_and_offer"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.value}"

    @property
    def unit(self) -> Unit:
        return LimitKind(self.kind).unit


class Protection(models.TextChoices):
    """The filtering an MX host gives; the names are the diagnostic API's."""

    NONE = "none", _("Aucune protection")
    ANTISPAM = "antispam", _("Anti-spam simple")
    ANTISPAM_ANTIVIRUS = "antispam_antivirus", _("Anti-spam et antivirus")

    @property
    def rank(self) -> int:
        return [Protection.NONE, Protection.ANTISPAM, Protection.ANTISPAM_ANTIVIRUS].index(self)


class MxHostQuerySet(models.QuerySet):
    def current(self) -> "MxHostQuerySet":
        return self.filter(legacy=False)


class MxHost(models.Model):
    """One of the hoster's mail exchangers; the diagnostic classifies MX records with this table."""

    host = models.CharField(
        _("serveur MX"), max_length=253, unique=True, validators=[validate_hostname]
    )
    protection = models.CharField(_("protection"), max_length=20, choices=Protection.choices)
    priority = models.PositiveSmallIntegerField(_("priorité conseillée"), default=1)
    legacy = models.BooleanField(
        _("ancien nom"),
        default=False,
        help_text=_("Nom encore accepté mais remplacé par les serveurs actuels."),
    )

    objects = MxHostQuerySet.as_manager()

    class Meta:
        ordering = ["legacy", "priority", "host"]
        verbose_name = _("serveur MX")
        verbose_name_plural = _("serveurs MX")

    def __str__(self) -> str:
        return self.host

    def save(self, *args, **kwargs) -> None:
        self.host = self.host.strip().lower().rstrip(".")
        super().save(*args, **kwargs)
