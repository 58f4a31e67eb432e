"""The table of known SMTP replies the message doctor explains: edited by staff in the admin,
in French and English, loaded once by a migration from guides/messages/data/replies.toml."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Actor(models.TextChoices):
    """Who must act on a reply; the member knows how to say it to the customer."""

    YOU = "you", _("Vous")
    CORRESPONDENT = "correspondent", _("Votre correspondant")
    THEIR_PROVIDER = "their_provider", _("Le fournisseur de messagerie du destinataire")
    OVH_SUPPORT = "ovh_support", _("Le support OVHcloud")
    NOBODY = "nobody", _("Personne : il suffit d'attendre")

    @property
    def sentence(self) -> str:
        return {
            Actor.YOU: _("C'est à vous d'agir."),
            Actor.CORRESPONDENT: _("C'est à votre correspondant d'agir."),
            Actor.THEIR_PROVIDER: _("C'est au fournisseur de messagerie du destinataire d'agir."),
            Actor.OVH_SUPPORT: _("C'est au support OVHcloud d'agir : contactez-le."),
            Actor.NOBODY: _("Personne n'a à agir : le serveur réessaie tout seul."),
        }[self]


class DiagnosticTarget(models.TextChoices):
    """Which domain the diagnostic link of a reply checks, when the doctor knows it."""

    NONE = "", _("Aucun")
    SENDER = "sender", _("Le domaine de l'expéditeur")
    RECIPIENT = "recipient", _("Le domaine du destinataire")


class KnownReplyQuerySet(models.QuerySet):
    def in_matching_order(self) -> "KnownReplyQuerySet":
        return self.order_by("position", "key")


class KnownReply(models.Model):
    """One reply a mail server gives, recognised by its code, its enhanced status code and
    phrases of its text (every field given must match; the most specific entry wins)."""

    key = models.SlugField(_("identifiant"), unique=True)
    code = models.CharField(
        _("code SMTP"),
        max_length=3,
        blank=True,
        help_text=_("Début du code : « 553 », ou « 5 » pour tous les codes 5xx."),
    )
    status = models.CharField(
        _("code étendu"), max_length=12, blank=True, help_text=_("Par exemple 5.7.1 (RFC 3463).")
    )
    phrases = models.TextField(
        _("phrases reconnues"),
        blank=True,
        help_text=_(
            "Une phrase par ligne ; l'une d'elles doit figurer dans le texte (sans casse)."
        ),
    )
    actor = models.CharField(_("qui doit agir"), max_length=20, choices=Actor.choices)
    title = models.CharField(_("titre (français)"), max_length=200)
    title_en = models.CharField(_("titre (anglais)"), max_length=200, blank=True)
    explanation = models.TextField(_("ce qui s'est passé (français)"))
    explanation_en = models.TextField(_("ce qui s'est passé (anglais)"), blank=True)
    action = models.TextField(_("que faire (français)"))
    action_en = models.TextField(_("que faire (anglais)"), blank=True)
    guide_key = models.SlugField(_("guide à lire (clé)"), blank=True)
    diagnose = models.CharField(
        _("diagnostic à proposer"),
        max_length=10,
        blank=True,
        choices=DiagnosticTarget.choices,
        default=DiagnosticTarget.NONE,
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=100)

    objects = KnownReplyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("réponse SMTP connue")
        verbose_name_plural = _("réponses SMTP connues")

    def __str__(self) -> str:
        return " ".join(part for part in (self.code, self.status, self.title) if part)

    def phrase_list(self) -> list[str]:
        return [line.strip().lower() for line in self.phrases.splitlines() if line.strip()]
