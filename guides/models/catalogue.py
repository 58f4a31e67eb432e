"""What a mail client needs to know: the servers, and the clients we document."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models.validators import port_validators, validate_hostname


class Protocol(models.TextChoices):
    IMAP = "imap", "IMAP"
    POP3 = "pop3", "POP"
    SMTP = "smtp", "SMTP"
    WEBMAIL = "webmail", "Webmail"

    @property
    def is_incoming(self) -> bool:
        return self in (Protocol.IMAP, Protocol.POP3)


class Security(models.TextChoices):
    SSL = "ssl", _("SSL/TLS")
    STARTTLS = "starttls", _("STARTTLS")
    NONE = "none", _("Aucune")

    @property
    def encrypted(self) -> bool:
        return self is not Security.NONE

    @property
    def thunderbird_socket_type(self) -> str:
        return {"ssl": "SSL", "starttls": "STARTTLS", "none": "plain"}[self.value]


class ServerEndpointQuerySet(models.QuerySet):
    def for_protocol(self, protocol: Protocol) -> "ServerEndpointQuerySet":
        return self.filter(protocol=protocol)


class ServerEndpoint(models.Model):
    """One server a client talks to. Every page, wizard and file takes its values from here."""

    protocol = models.CharField(_("protocole"), max_length=10, choices=Protocol.choices)
    host = models.CharField(_("serveur"), max_length=253, validators=[validate_hostname])
    port = models.PositiveIntegerField(_("port"), validators=port_validators)
    security = models.CharField(_("sécurité"), max_length=10, choices=Security.choices)
    auth_required = models.BooleanField(_("authentification obligatoire"), default=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = ServerEndpointQuerySet.as_manager()

    class Meta:
        ordering = ["protocol", "order", "port"]
        verbose_name = _("serveur")
        verbose_name_plural = _("serveurs")
        constraints = [
            models.UniqueConstraint(
                fields=["protocol", "security"], name="one_endpoint_per_protocol_and_security"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_protocol_display()} {self.host}:{self.port} ({self.get_security_display()})"
        )

    def clean(self) -> None:
        """A mail server always asks for the password: the hoster's servers do, and a mail
        program set up without authentication cannot send or read anything."""
        if self.protocol != Protocol.WEBMAIL and not self.auth_required:
            raise ValidationError(
                {"auth_required": _("Un serveur de messagerie demande toujours le mot de passe.")}
            )

    @property
    def url(self) -> str:
        scheme = "https" if self.security != Security.NONE else "http"
        default_port = 443 if scheme == "https" else 80
        port = "" if self.port == default_port else f":{self.port}"
        return f"{scheme}://{self.host}{port}/"


class Platform(models.TextChoices):
    WINDOWS = "windows", "Windows"
    APPLE = "apple", "Apple"
    OUTLOOK = "outlook", "Outlook"
    OTHER = "other", _("Autres")


class MailClientQuerySet(models.QuerySet):
    def current(self) -> "MailClientQuerySet":
        return self.filter(legacy=False)


class MailClient(models.Model):
    slug = models.SlugField(_("identifiant"), unique=True)
    name = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100, blank=True)
    platform = models.CharField(_("plateforme"), max_length=10, choices=Platform.choices)
    version = models.CharField(_("version (français)"), max_length=100, blank=True)
    version_en = models.CharField(_("version (anglais)"), max_length=100, blank=True)
    legacy = models.BooleanField(
        _("ancienne version"),
        default=False,
        help_text=_("Plus maintenue par son éditeur ; le guide reste, marqué comme tel."),
    )
    user_agent = models.CharField(
        _("motif du navigateur"),
        max_length=200,
        blank=True,
        help_text=_("Expression régulière sur l'en-tête User-Agent, pour proposer ce client."),
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = MailClientQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("logiciel de messagerie")
        verbose_name_plural = _("logiciels de messagerie")

    def __str__(self) -> str:
        return self.name

    def display_name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name

    def display_version(self, language: str) -> str:
        return self.version_en if language == "en" and self.version_en else self.version
