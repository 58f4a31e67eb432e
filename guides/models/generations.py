"""MX Plan's generations: the same offer, with a different webmail, features and control-panel
paths depending on when the service was created or migrated; and the other server names
OVHcloud documents beside ssl0.ovh.net."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models.catalogue import Protocol
from guides.models.validators import validate_hostname


class GenerationKind(models.TextChoices):
    HISTORICAL = "historical", _("Version historique")
    NEW = "new", _("Nouvelle version")
    ZIMBRA = "zimbra", _("Webmail Zimbra")


class Feature(models.TextChoices):
    """What a generation may or may not have; each is a boolean field of the same name."""

    SPAM_TAG = "spam_tag", _("Le spam est marqué [SPAM] dans l'objet et reste dans la boîte")
    JUNK_FOLDER = "junk_folder", _("Le spam est rangé dans un dossier à part")
    SERVER_RULES = "server_rules", _("Règles de tri côté serveur, dans le webmail")
    PANEL_FILTERS = "panel_filters", _("Filtres côté serveur, dans l'espace client")
    ALIASES = "aliases", _("Alias d'adresse")
    DELEGATION = "delegation", _("Délégation des comptes à un autre compte OVHcloud")
    SECURITY_POLICY = "security_policy", _("Politique de sécurité des mots de passe (facultative)")


class OfferGenerationQuerySet(models.QuerySet):
    def public(self) -> "OfferGeneration | None":
        """The generation whose webmail address public pages show: the first in order."""
        return self.order_by("order", "pk").first()


class OfferGeneration(models.Model):
    """One generation of MX Plan, as OVHcloud's documentation describes it."""

    kind = models.CharField(
        _("génération"), max_length=12, choices=GenerationKind.choices, unique=True
    )
    name = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100)
    webmail_name = models.CharField(_("nom du webmail"), max_length=60)
    webmail_url = models.URLField(_("adresse du webmail (français)"))
    webmail_url_en = models.URLField(_("adresse du webmail (anglais)"))
    recognise = models.TextField(_("comment la reconnaître (français)"))
    recognise_en = models.TextField(_("comment la reconnaître (anglais)"))
    password_path = models.CharField(_("changer le mot de passe (français)"), max_length=200)
    password_path_en = models.CharField(_("changer le mot de passe (anglais)"), max_length=200)
    deleted_items_days = models.PositiveSmallIntegerField(
        _("jours de récupération des éléments supprimés"),
        null=True,
        blank=True,
        help_text=_("Vide : aucune récupération documentée."),
    )
    spam_tag = models.BooleanField(Feature.SPAM_TAG.label, default=False)
    junk_folder = models.BooleanField(Feature.JUNK_FOLDER.label, default=False)
    server_rules = models.BooleanField(Feature.SERVER_RULES.label, default=False)
    panel_filters = models.BooleanField(Feature.PANEL_FILTERS.label, default=False)
    aliases = models.BooleanField(Feature.ALIASES.label, default=False)
    delegation = models.BooleanField(Feature.DELEGATION.label, default=False)
    security_policy = models.BooleanField(Feature.SECURITY_POLICY.label, default=False)
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("Les pages d'OVHcloud qui établissent ces valeurs.")
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = OfferGenerationQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("génération de MX Plan")
        verbose_name_plural = _("générations de MX Plan")

    def __str__(self) -> str:
        return self.name

    def localised(self, field: str, language: str) -> str:
        """A text field in `language`: its `_en` twin in English when filled."""
        english = getattr(self, f"{field}_en", "") if language == "en" else ""
        return english or getattr(self, field)

    def display_name(self, language: str) -> str:
        return self.localised("name", language)

    def webmail_link(self, language: str) -> str:
        return self.localised("webmail_url", language)

    def features(self) -> list[tuple[str, bool]]:
        """Each feature's label and whether this generation has it, in the choices' order."""
        return [(feature.label, getattr(self, feature.value)) for feature in Feature]


class Region(models.TextChoices):
    EUROPE = "europe", _("Europe")
    AMERICAS_APAC = "americas_apac", _("Amériques et Asie-Pacifique (OVHcloud Canada)")


class AlternativeHost(models.Model):
    """A server name OVHcloud documents beside the main one, for a region."""

    protocol = models.CharField(_("protocole"), max_length=10, choices=Protocol.choices)
    host = models.CharField(_("serveur"), max_length=253, validators=[validate_hostname])
    region = models.CharField(_("région"), max_length=20, choices=Region.choices)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["order", "host"]
        verbose_name = _("autre nom de serveur")
        verbose_name_plural = _("autres noms de serveur")
        constraints = [
            models.UniqueConstraint(fields=["protocol", "host"], name="one_alternative_host"),
        ]

    def __str__(self) -> str:
        return f"{self.get_protocol_display()} {self.host}"
