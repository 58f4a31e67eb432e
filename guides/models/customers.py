"""Customers, their domains and what they subscribed to, kept by staff in the admin.

The diagnostic reads them to say whether a domain's e-mail offer is active (F-DIA-1): mail
bundled with a hosting plan stops when the hosting expires, and the domain must be active too.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models.domain_names import DomainInputError, display_name, parse_domain
from guides.models.generations import OfferGeneration
from guides.models.offers import Offer, OfferKind


class Customer(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte de connexion"),
        on_delete=models.CASCADE,
        related_name="customer",
    )
    name = models.CharField(_("nom"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self) -> str:
        return self.name


class DomainQuerySet(models.QuerySet):
    def owned_by(self, user_id: int) -> "DomainQuerySet":
        return self.filter(customer__user_id=user_id)

    def with_subscriptions(self) -> "DomainQuerySet":
        return self.prefetch_related(
            models.Prefetch(
                "subscriptions",
                queryset=Subscription.objects.select_related("offer", "hosting_plan", "generation"),
            )
        )


class Domain(models.Model):
    name = models.CharField(
        _("nom de domaine"),
        max_length=253,
        unique=True,
        help_text=_("Saisi tel quel (café.fr ou xn--caf-dma.fr) ; enregistré en ASCII."),
    )
    customer = models.ForeignKey(
        Customer, verbose_name=_("client"), on_delete=models.CASCADE, related_name="domains"
    )
    registration_expires_on = models.DateField(
        _("fin d'enregistrement du domaine"), null=True, blank=True
    )

    objects = DomainQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("nom de domaine")
        verbose_name_plural = _("noms de domaine")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return display_name(self.name)

    def clean(self) -> None:
        try:
            self.name = parse_domain(self.name).ascii
        except DomainInputError as error:
            raise ValidationError({"name": error.message}) from None

    def current_subscription(self) -> "Subscription | None":
        """The latest subscription (from prefetched rows when there are any)."""
        subscriptions = sorted(
            self.subscriptions.all(), key=lambda row: (row.started_on, row.pk), reverse=True
        )
        return subscriptions[0] if subscriptions else None


class SubscriptionStatus(models.TextChoices):
    """The offer's state, with OVH's API names mapped onto ours by `from_api`."""

    OK = "ok", _("en service")
    EXPIRED = "expired", _("expirée")
    SUSPENDED = "suspended", _("suspendue (impayé)")
    IN_CREATION = "in_creation", _("en cours de création")

    @classmethod
    def from_api(cls, state: str) -> "SubscriptionStatus":
        """OVH's service states: ok, expired, inCreation, pendingDebt and unPaid."""
        return {
            "ok": cls.OK,
            "expired": cls.EXPIRED,
            "inCreation": cls.IN_CREATION,
            "pendingDebt": cls.SUSPENDED,
            "unPaid": cls.SUSPENDED,
        }[state]

    @property
    def delivers_mail(self) -> bool:
        return self is SubscriptionStatus.OK


class Subscription(models.Model):
    domain = models.ForeignKey(
        Domain,
        verbose_name=_("nom de domaine"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    offer = models.ForeignKey(
        Offer,
        verbose_name=_("offre e-mail"),
        on_delete=models.PROTECT,
        related_name="subscriptions",
    )
    status = models.CharField(
        _("état"), max_length=12, choices=SubscriptionStatus.choices, default=SubscriptionStatus.OK
    )
    started_on = models.DateField(_("début"), default=datetime.date.today)
    expires_on = models.DateField(_("fin"), null=True, blank=True)
    hosting_plan = models.ForeignKey(
        Offer,
        verbose_name=_("hébergement associé"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bundled_subscriptions",
        limit_choices_to={"kind": OfferKind.HOSTING},
        help_text=_(
            "L'hébergement web qui inclut ces e-mails : s'il expire, les e-mails s'arrêtent."
        ),
    )
    hosting_expires_on = models.DateField(_("fin de l'hébergement"), null=True, blank=True)
    generation = models.ForeignKey(
        OfferGeneration,
        verbose_name=_("génération de MX Plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subscriptions",
        help_text=_("Vide : inconnue. Les guides, l'assistant et le diagnostic s'en servent."),
    )

    class Meta:
        ordering = ["domain", "-started_on"]
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")

    def __str__(self) -> str:
        return f"{self.domain} · {self.offer}"

    def clean(self) -> None:
        if self.hosting_expires_on and not self.hosting_plan_id:
            raise ValidationError(
                {"hosting_expires_on": _("Choisissez d'abord l'hébergement associé.")}
            )
        if self.expires_on and self.expires_on < self.started_on:
            raise ValidationError({"expires_on": _("La fin ne peut pas précéder le début.")})
