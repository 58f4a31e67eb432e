"""What every check returns (a finding), who reads it, and where a DNS fix is made."""

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.urls import reverse
from django.utils.translation import gettext as _

from guides.diagnostics.resolver import Lookup, Outcome
from guides.diagnostics.snapshot import DnsSnapshot, zone_names
from guides.editorial.permissions import is_support_staff
from guides.models import CheckStatus

# OVH's DNS servers for hosted zones: dnsNN.ovh.net, nsNN.ovh.net, or *.anycast.me (Anycast).
OVH_NAMESERVERS = ("dns*.ovh.net", "ns*.ovh.net", "*.anycast.me")


class CheckId(StrEnum):
    DOMAIN = "domain"
    MX = "mx"
    SPF = "spf"
    DMARC = "dmarc"
    AUTOCONFIG = "autoconfig"
    OFFER = "offer"
    MAINTENANCE = "maintenance"


@dataclass(frozen=True)
class GuideLink:
    key: str
    label: str

    @property
    def url(self) -> str:
        return reverse("guides:guide_by_key", kwargs={"key": self.key})


@dataclass(frozen=True)
class CheckResult:
    id: CheckId
    status: CheckStatus
    title: str
    detail: str
    found: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    advice: str = ""
    links: tuple[GuideLink, ...] = ()
    needs_sign_in: bool = False
    # One sentence for the top of the report when this is the worst finding ("" : the detail).
    headline: str = ""
    # Machine-readable facts of this check for the JSON API (such as SPF's exact result).
    data: dict = field(default_factory=dict)
    # What to change, without where and how long (the advice says all three).
    action: str = ""
    # The values its texts quote for the reader to type or paste (DNS names, records, terms):
    # the page shows them as code.
    values: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "id": self.id.value,
            "status": self.status.value,
            "title": self.title,
            "detail": self.detail,
            "found": list(self.found),
            "expected": list(self.expected),
            "advice": self.advice,
            "links": [
                {"key": link.key, "title": link.label, "url": link.url} for link in self.links
            ],
            "headline": self.summary,
            "action": self.first_step,
            **({"data": self.data} if self.data else {}),
        }

    @property
    def summary(self) -> str:
        return self.headline or self.detail

    @property
    def first_step(self) -> str:
        """What the "fix this first" list says to do: the change itself when it is known."""
        return self.action or self.advice

    @property
    def counts(self) -> bool:
        """Whether the finding weighs on the report's verdict: not an offer hidden from this
        reader, not information, not a check that waits on another."""
        return not self.needs_sign_in and self.status not in (
            CheckStatus.INFO,
            CheckStatus.BLOCKED,
        )


@dataclass(frozen=True)
class Viewer:
    """Who reads the report: the offer is shown only to staff and to the domain's owner."""

    user_id: int | None = None
    is_staff: bool = False

    @classmethod
    def of(cls, user) -> "Viewer":
        if not user.is_authenticated:
            return cls()
        # Support staff are the admin's users and the members of the staff area's roles.
        return cls(user_id=user.pk, is_staff=is_support_staff(user))

    @classmethod
    def operator(cls) -> "Viewer":
        """Someone with a shell on the server (the `diagnose` command)."""
        return cls(is_staff=True)


@dataclass(frozen=True)
class Zone:
    """Where the domain's DNS zone is kept, which says where a DNS fix is made (F-MX-3)."""

    nameservers: tuple[str, ...]

    @property
    def at_ovh(self) -> bool:
        return bool(self.nameservers) and all(
            any(fnmatch.fnmatch(host, pattern) for pattern in OVH_NAMESERVERS)
            for host in self.nameservers
        )

    def where(self) -> str:
        if self.at_ovh:
            return _(
                "Votre zone DNS est chez OVHcloud : les modifications se font dans votre espace "
                "client OVHcloud, rubrique Noms de domaine, onglet Zone DNS."
            )
        if self.nameservers:
            return _(
                "Votre zone DNS est gérée par un autre fournisseur qu'OVHcloud (serveurs "
                "%(servers)s) : les modifications se font chez lui ; demandez-les-lui si besoin."
            ) % {"servers": ", ".join(self.nameservers)}
        return _(
            "Faites la modification là où la zone DNS de votre domaine est gérée : dans l'espace "
            "client OVHcloud si elle est chez OVHcloud, sinon chez votre fournisseur DNS."
        )

    def fix(self, what: str) -> str:
        """`what` to change, where, and how long it takes; `what` ends with a full stop even
        when it ends with a value to paste, so the next sentence is not read as part of it."""
        return " ".join(
            [
                what if what.endswith((".", "!", "?", "…")) else what + ".",
                self.where(),
                _(
                    "Une modification DNS peut mettre quelques heures (jusqu'à 24 heures) à être "
                    "visible partout : relancez ensuite le diagnostic."
                ),
            ]
        )


def zone_of(snapshot: DnsSnapshot) -> Zone:
    for name in zone_names(snapshot.domain):
        lookup = snapshot.get(name, "NS")
        if lookup is not None and lookup.outcome is Outcome.ANSWER:
            return Zone(nameservers=lookup.records)
    return Zone(nameservers=())


def checklist_link() -> GuideLink:
    return GuideLink("diagnosis-checklist", _("Mes e-mails ne fonctionnent pas : que vérifier ?"))


def authentication_link() -> GuideLink:
    return GuideLink("email-authentication", _("SPF, DKIM et DMARC pour MX Plan"))


def blocked(check_id: CheckId, title: str, *, because: str) -> CheckResult:
    """A check that cannot be judged while another finding (`because`) stands."""
    return CheckResult(
        id=check_id,
        status=CheckStatus.BLOCKED,
        title=title,
        detail=_("Ce point ne peut pas être vérifié : %(cause)s") % {"cause": because},
    )


def not_done(check_id: CheckId, title: str, lookup: Lookup | None) -> CheckResult:
    reasons = {
        Outcome.TIMEOUT: _("les serveurs DNS n'ont pas répondu à temps"),
        Outcome.SERVFAIL: _("le serveur DNS a répondu par une erreur (SERVFAIL)"),
        Outcome.REFUSED: _("le serveur DNS a refusé de répondre (REFUSED)"),
    }
    outcome = lookup.outcome if lookup is not None else Outcome.TIMEOUT
    return CheckResult(
        id=check_id,
        status=CheckStatus.UNKNOWN,
        title=title,
        detail=_(
            "Cette vérification n'a pas pu être faite : %(reason)s. Cela ne veut pas dire qu'il "
            "manque quelque chose."
        )
        % {"reason": reasons.get(outcome, _("erreur DNS"))},
        advice=_(
            "Relancez le diagnostic dans quelques minutes. Si cela continue, la zone DNS de votre "
            "domaine a peut-être un problème : signalez-le à votre fournisseur DNS."
        ),
    )


def finding(
    check_id: CheckId,
    title: str,
    zone: Zone,
    *,
    found: list[str],
    expected: list[str],
    links: tuple[GuideLink, ...] = (),
    values: tuple[str, ...] = (),
) -> Callable[..., CheckResult]:
    """The results one DNS check can give, which differ in status, detail and what to fix.
    Their texts quote the expected values, the name servers and `values` (and a result's own)."""

    def result(
        status: CheckStatus, detail: str, what: str, more_values: tuple[str, ...] = (), **more
    ) -> CheckResult:
        return CheckResult(
            id=check_id,
            status=status,
            title=title,
            detail=detail,
            found=tuple(found),
            expected=tuple(expected),
            advice=zone.fix(what) if what else "",
            action=what,
            **{"links": links, **more},
            values=(*expected, *zone.nameservers, *values, *more_values),
        )

    return result
