"""One function a check. Each turns what DNS said (a snapshot) or what the database holds into
a finding: a status, what was found against what was expected, and what to do, where, in the
active language. A lookup that could not be done is reported as such, never as "missing".
"""

import datetime
import fnmatch
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from guides.diagnostics import spf
from guides.diagnostics.mx import MxFlag, MxProtection, MxRecord, MxSummary
from guides.diagnostics.resolver import Lookup, Outcome
from guides.diagnostics.snapshot import DnsSnapshot, dmarc_name, zone_names
from guides.dns_records import DnsRecord
from guides.models import (
    CheckStatus,
    Domain,
    Maintenance,
    MaintenanceKind,
    SubscriptionStatus,
)
from guides.permissions import role_of

# OVH's DNS servers for hosted zones: dnsNN.ovh.net, nsNN.ovh.net, or *.anycast.me (Anycast).
OVH_NAMESERVERS = ("dns*.ovh.net", "ns*.ovh.net", "*.anycast.me")
# An expiry this close is worth a warning.
EXPIRY_WARNING_DAYS = 30


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
        }


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
        return cls(user_id=user.pk, is_staff=user.is_staff or role_of(user) is not None)

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
                "Votre zone DNS est chez OVH : les modifications se font dans votre espace "
                "client OVH, rubrique Noms de domaine, onglet Zone DNS."
            )
        if self.nameservers:
            return _(
                "Votre zone DNS est gérée par un autre fournisseur que OVH (serveurs "
                "%(servers)s) : les modifications se font chez lui ; demandez-les-lui si "
                "besoin."
            ) % {"servers": ", ".join(self.nameservers)}
        return _(
            "Faites la modification là où la zone DNS de votre domaine est gérée : dans "
            "l'espace client OVH si elle est chez OVH, sinon chez votre fournisseur DNS."
        )

    def fix(self, what: str) -> str:
        """`what` to change, where, and how long it takes."""
        return " ".join(
            [
                what,
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


def _checklist_link() -> GuideLink:
    return GuideLink("diagnosis-checklist", _("Mes e-mails ne marchent pas : que vérifier ?"))


def _not_done(check_id: CheckId, title: str, lookup: Lookup | None) -> CheckResult:
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
            "Cette vérification n'a pas pu être faite : %(reason)s. Cela ne veut pas dire "
            "qu'il manque quelque chose."
        )
        % {"reason": reasons.get(outcome, _("erreur DNS"))},
        advice=_(
            "Relancez le diagnostic dans quelques minutes. Si cela continue, la zone DNS de "
            "votre domaine a peut-être un problème : signalez-le à votre fournisseur DNS."
        ),
    )


def domain_check(*, snapshot: DnsSnapshot, zone: Zone) -> CheckResult:
    title = _("Nom de domaine")
    lookup = snapshot.get(snapshot.domain, "NS")
    if lookup is None or lookup.failed:
        return _not_done(CheckId.DOMAIN, title, lookup)
    result = partial(CheckResult, id=CheckId.DOMAIN, title=title, links=(_checklist_link(),))
    if lookup.outcome is Outcome.NXDOMAIN:
        return result(
            status=CheckStatus.ERROR,
            detail=_(
                "Ce domaine n'existe pas ou a expiré : le DNS ne le connaît pas, donc aucun "
                "e-mail ne peut lui être envoyé."
            ),
            expected=(_("Un nom de domaine enregistré et actif"),),
            advice=_(
                "Vérifiez l'orthographe du domaine. Si c'est bien le vôtre, vérifiez sa date "
                "d'expiration dans votre espace client OVH (ou chez le bureau d'enregistrement "
                "du domaine) et renouvelez-le."
            ),
        )
    if not zone.nameservers:
        return result(
            status=CheckStatus.WARNING,
            detail=_(
                "Le domaine existe, mais nous ne trouvons pas les serveurs DNS qui le gèrent."
            ),
            expected=(_("Les serveurs DNS du domaine"),),
            advice=_(
                "Vérifiez la configuration DNS du domaine dans votre espace client OVH ou chez "
                "votre fournisseur DNS."
            ),
        )
    return result(
        status=CheckStatus.OK,
        detail=" ".join([_("Le domaine existe."), zone.where()]),
        found=zone.nameservers,
    )


def mx_check(*, summary: MxSummary, zone: Zone) -> CheckResult:
    title = _("Enregistrements MX (réception des e-mails)")
    if summary.protection is MxProtection.UNKNOWN:
        return _not_done(CheckId.MX, title, summary.lookup)
    replace = _(
        "Remplacez vos enregistrements MX par ceux d'OVH ci-dessous, d'un seul niveau de "
        "protection."
    )
    texts = {
        MxProtection.NONE: (
            _("Vos e-mails arrivent bien chez OVH, sans filtre anti-spam ni antivirus."),
            _("Pour filtrer le spam, choisissez un niveau protégé ci-dessous."),
        ),
        MxProtection.ANTISPAM: (
            _("Vos e-mails arrivent bien chez OVH, avec l'anti-spam simple."),
            "",
        ),
        MxProtection.ANTISPAM_ANTIVIRUS: (
            _("Vos e-mails arrivent bien chez OVH, avec l'anti-spam et l'antivirus."),
            "",
        ),
        MxProtection.MIXED: (
            _(
                "Vos enregistrements MX mélangent des serveurs OVH de niveaux de protection "
                "différents : une partie de vos e-mails n'est pas filtrée comme vous le pensez."
            ),
            replace,
        ),
        MxProtection.PARTIAL: (
            _(
                "Une partie de vos enregistrements MX désigne d'autres serveurs que ceux d'OVH : "
                "des e-mails peuvent être livrés ailleurs et ne jamais arriver dans vos boîtes OVH."
            ),
            _("Supprimez les enregistrements MX qui ne sont pas ceux d'OVH.") + " " + replace,
        ),
        MxProtection.FOREIGN: (
            _(
                "Aucun de vos enregistrements MX ne désigne OVH : vos boîtes e-mail chez OVH "
                "ne reçoivent rien."
            ),
            _(
                "Si vos adresses sont chez OVH, remplacez ces enregistrements par ceux d'OVH "
                "ci-dessous. Si vous utilisez une autre messagerie, ce point ne vous concerne pas."
            ),
        ),
        MxProtection.MISSING: (
            _(
                "Votre domaine n'a aucun enregistrement MX : les e-mails envoyés à vos adresses "
                "ne peuvent pas être livrés."
            ),
            _("Ajoutez les enregistrements MX d'OVH ci-dessous."),
        ),
        MxProtection.NULL: (
            _(
                "Votre domaine déclare qu'il ne reçoit aucun e-mail (enregistrement MX nul "
                "« 0 . ») : tous les e-mails envoyés à vos adresses sont refusés."
            ),
            _("Remplacez cet enregistrement par les enregistrements MX d'OVH ci-dessous."),
        ),
    }
    detail, what = texts[summary.protection]
    status = summary.protection.status
    problems = [problem for record in summary.records for problem in _mx_problems(record)]
    if problems:
        status = CheckStatus.worst([status, CheckStatus.WARNING])
        detail = " ".join([detail, *problems])
        what = what or _("Corrigez ces enregistrements MX.")
    return CheckResult(
        id=CheckId.MX,
        status=status,
        title=title,
        detail=detail,
        found=tuple(record.describe() for record in summary.records),
        expected=tuple(
            f"{priority} {host}"
            for priority, host in summary.choices.get(summary.recommended(), ())
        ),
        advice=zone.fix(what) if what else "",
        links=(GuideLink("mx-records", _("Les enregistrements MX")),),
    )


def _mx_problems(record: MxRecord) -> list[str]:
    messages = {
        MxFlag.CNAME: _(
            "« %(host)s » est un alias (CNAME) : un serveur MX doit être un nom d'hôte qui a sa "
            "propre adresse, certains expéditeurs refusent les alias."
        ),
        MxFlag.IP_ADDRESS: _(
            "« %(host)s » est une adresse IP : un enregistrement MX doit désigner un nom d'hôte."
        ),
        MxFlag.NO_ADDRESS: _("« %(host)s » n'a pas d'adresse IP : rien ne peut lui être remis."),
    }
    return [messages[flag] % {"host": record.exchange} for flag in record.flags if flag in messages]


def _finding(
    check_id: CheckId, title: str, zone: Zone, *, found: list[str], expected: list[str]
) -> Callable[[CheckStatus, str, str], CheckResult]:
    """The results one DNS check can give, which differ in status, detail and what to fix."""

    def result(status: CheckStatus, detail: str, what: str) -> CheckResult:
        return CheckResult(
            id=check_id,
            status=status,
            title=title,
            detail=detail,
            found=tuple(found),
            expected=tuple(expected),
            advice=zone.fix(what) if what else "",
        )

    return result


def spf_check(*, snapshot: DnsSnapshot, zone: Zone) -> CheckResult:
    title = _("SPF (serveurs autorisés à envoyer vos e-mails)")
    lookup = snapshot.get(snapshot.domain, "TXT")
    if lookup is None or lookup.failed:
        return _not_done(CheckId.SPF, title, lookup)
    records = spf.spf_records(lookup.records)
    include = f"include:{spf.OVH_INCLUDE}"
    result = _finding(CheckId.SPF, title, zone, found=records, expected=[spf.RECOMMENDED])

    if not records:
        return result(
            CheckStatus.WARNING,
            _(
                "Votre domaine n'a pas d'enregistrement SPF : les destinataires ne peuvent pas "
                "vérifier que vos e-mails viennent bien de vous, et risquent de les classer en "
                "spam."
            ),
            _("Ajoutez cet enregistrement TXT à votre domaine : %(record)s")
            % {"record": spf.RECOMMENDED},
        )
    if len(records) > 1:
        return result(
            CheckStatus.ERROR,
            _(
                "Votre domaine a %(count)d enregistrements SPF : il n'en faut qu'un, sinon aucun "
                "n'est pris en compte."
            )
            % {"count": len(records)},
            _(
                "Fusionnez-les en un seul enregistrement TXT qui commence par v=spf1 et contient "
                "%(include)s."
            )
            % {"include": include},
        )
    record = spf.parse_spf(records[0])
    if record.allows_everyone:
        return result(
            CheckStatus.ERROR,
            _(
                "Votre SPF se termine par « +all » : il autorise n'importe quel serveur à envoyer "
                "des e-mails en votre nom."
            ),
            _("Remplacez « +all » par « ~all »."),
        )
    reaches = spf.reaches_ovh(record=record, lookup_of=lambda name: snapshot.get(name, "TXT"))
    if reaches is None:
        return CheckResult(
            id=CheckId.SPF,
            status=CheckStatus.UNKNOWN,
            title=title,
            detail=_(
                "Votre SPF renvoie à d'autres enregistrements que nous n'avons pas pu lire : "
                "nous ne pouvons pas dire s'il autorise les serveurs d'OVH."
            ),
            found=tuple(records),
            expected=(spf.RECOMMENDED,),
            advice=_("Relancez le diagnostic dans quelques minutes."),
        )
    if not reaches:
        return result(
            CheckStatus.ERROR if record.all_qualifier == "-" else CheckStatus.WARNING,
            _(
                "Votre SPF n'autorise pas les serveurs d'envoi d'OVH (%(include)s) : les e-mails "
                "que vous envoyez par OVH risquent d'être refusés ou classés en spam."
            )
            % {"include": include},
            _(
                "Ajoutez %(include)s à votre enregistrement SPF, avant le « all » final, sans "
                "retirer vos autres expéditeurs."
            )
            % {"include": include},
        )
    if record.all_qualifier == "?":
        return result(
            CheckStatus.WARNING,
            _(
                "Votre SPF autorise OVH mais se termine par « ?all », qui ne protège pas votre "
                "domaine contre l'usurpation."
            ),
            _("Remplacez « ?all » par « ~all »."),
        )
    return result(CheckStatus.OK, _("Votre SPF autorise les serveurs d'envoi d'OVH."), "")


DMARC_POLICIES = ("none", "quarantine", "reject")


def dmarc_tags(text: str) -> list[tuple[str, str]]:
    """The tag=value pairs of a DMARC record, in order."""
    return [
        (name.strip(), value.strip())
        for name, _equals, value in (tag.partition("=") for tag in text.split(";") if tag.strip())
    ]


def dmarc_problem(text: str) -> str:
    """What is wrong with a DMARC record, or "" when it is well formed."""
    pairs = dmarc_tags(text)
    if not pairs or pairs[0] != ("v", "DMARC1"):
        return _("il doit commencer par v=DMARC1")
    policy = dict(pairs).get("p")
    if policy is None:
        return _("la politique (p=) manque")
    if policy.lower() not in DMARC_POLICIES:
        return _("« p=%(policy)s » n'est pas une politique connue (none, quarantine ou reject)") % {
            "policy": policy
        }
    return ""


def dmarc_check(*, snapshot: DnsSnapshot, zone: Zone) -> CheckResult:
    title = _("DMARC (que faire des e-mails usurpant votre domaine)")
    name = dmarc_name(snapshot.domain)
    lookup = snapshot.get(name, "TXT")
    if lookup is None or lookup.failed:
        return _not_done(CheckId.DMARC, title, lookup)
    records = [text for text in lookup.records if text.lower().startswith("v=dmarc")]
    example = f"v=DMARC1; p=none; rua=mailto:postmaster@{snapshot.domain}"
    result = _finding(
        CheckId.DMARC, title, zone, found=records, expected=[f'{name}. IN TXT "{example}"']
    )

    if not records:
        return result(
            CheckStatus.WARNING,
            _(
                "Votre domaine n'a pas d'enregistrement DMARC : les destinataires ne savent pas "
                "quoi faire des e-mails qui usurpent votre adresse."
            ),
            _("Ajoutez un enregistrement TXT au nom %(name)s, par exemple : %(record)s")
            % {"name": name, "record": example},
        )
    if len(records) > 1:
        return result(
            CheckStatus.ERROR,
            _("Votre domaine a plusieurs enregistrements DMARC : aucun n'est pris en compte."),
            _("Gardez-en un seul, au nom %(name)s.") % {"name": name},
        )
    if problem := dmarc_problem(records[0]):
        return result(
            CheckStatus.ERROR,
            _("Votre enregistrement DMARC est mal formé : %(problem)s.") % {"problem": problem},
            _("Corrigez-le, par exemple : %(record)s") % {"record": example},
        )
    policy = dict(dmarc_tags(records[0]))["p"].lower()
    details = {
        "none": _("DMARC est en place, en surveillance seulement (p=none)."),
        "quarantine": _("DMARC est en place : les e-mails usurpant votre domaine vont en spam."),
        "reject": _("DMARC est en place : les e-mails usurpant votre domaine sont refusés."),
    }
    return result(CheckStatus.OK, details[policy], "")


def autoconfig_question(record: DnsRecord) -> tuple[str, str]:
    """What to ask DNS about one record: A for a CNAME, which shows an alias or addresses."""
    return (record.name.rstrip("."), "A" if record.type == "CNAME" else record.type)


def autoconfig_check(*, snapshot: DnsSnapshot, records: Sequence[DnsRecord]) -> CheckResult:
    """Informative: the setup issue's names let mail apps set themselves up; never an error."""
    title = _("Configuration automatique des logiciels de messagerie")
    lookups = [snapshot.get(*autoconfig_question(record)) for record in records]
    found = tuple(
        _describe_autoconfig(lookup)
        for lookup in lookups
        if lookup is not None and (lookup.outcome is Outcome.ANSWER or lookup.alias)
    )
    expected = tuple(f"{record.name} IN {record.type} {record.value}" for record in records)
    links = (GuideLink("configure-client", _("Configurer mes adresses")),)
    if any(lookup is None or lookup.failed for lookup in lookups):
        return CheckResult(
            id=CheckId.AUTOCONFIG,
            status=CheckStatus.UNKNOWN,
            title=title,
            detail=_("Une partie de ces noms n'a pas pu être vérifiée."),
            found=found,
            expected=expected,
            advice=_("Relancez le diagnostic dans quelques minutes."),
            links=links,
        )
    detail = ngettext(
        "%(count)d nom de configuration automatique sur %(total)d est en place.",
        "%(count)d noms de configuration automatique sur %(total)d sont en place.",
        len(found),
    ) % {"count": len(found), "total": len(records)}
    return CheckResult(
        id=CheckId.AUTOCONFIG,
        status=CheckStatus.OK,
        title=title,
        detail=" ".join(
            [
                detail,
                _(
                    "C'est facultatif : ces noms permettent à certains logiciels de messagerie "
                    "de trouver seuls les bons réglages."
                ),
            ]
        ),
        found=found,
        expected=expected,
        links=links,
    )


def _describe_autoconfig(lookup: Lookup) -> str:
    if lookup.rdtype == "SRV":
        values = (" ".join(map(str, record)) for record in lookup.records)
        return " ".join([lookup.name, "SRV", *values])
    return f"{lookup.name} → {lookup.alias or ', '.join(lookup.records)}"


def offer_check(*, domain: str, viewer: Viewer, today: datetime.date) -> CheckResult:
    """The offer's state, for staff and the domain's owner only. Anyone else gets the same
    answer whether or not the domain is a customer's: the anonymous path asks nothing."""
    if not viewer.is_staff and viewer.user_id is None:
        return _offer_hidden(signed_in=False)
    rows = Domain.objects.filter(name=domain)
    if not viewer.is_staff:
        rows = rows.owned_by(viewer.user_id)
    row = rows.with_subscriptions().first()
    if row is None and not viewer.is_staff:
        return _offer_hidden(signed_in=True)
    if row is None:
        return CheckResult(
            id=CheckId.OFFER,
            status=CheckStatus.UNKNOWN,
            title=_("Offre e-mail"),
            detail=_("Ce domaine n'est rattaché à aucun client dans la base du portail."),
        )
    return _offer_state(row, today)


def _offer_expected() -> tuple[str, ...]:
    return (_("Offre e-mail active"), _("Hébergement associé actif"), _("Nom de domaine actif"))


def _offer_hidden(*, signed_in: bool) -> CheckResult:
    if signed_in:
        detail = _(
            "Ce domaine n'est pas rattaché à votre compte : connectez-vous avec le compte client "
            "qui le gère pour voir l'état de son offre."
        )
    else:
        detail = _("Connectez-vous pour voir l'état de votre offre e-mail.")
    return CheckResult(
        id=CheckId.OFFER,
        status=CheckStatus.UNKNOWN,
        title=_("Offre e-mail"),
        detail=detail,
        expected=_offer_expected(),
        advice=_(
            "Vos e-mails s'arrêtent si l'offre e-mail, l'hébergement qui l'inclut ou le nom de "
            "domaine a expiré : vous voyez ces dates dans votre espace client OVH."
        ),
        links=(_checklist_link(),),
        needs_sign_in=True,
    )


def _offer_state(row: Domain, today: datetime.date) -> CheckResult:
    language = get_language()
    subscription = row.current_subscription()
    findings: list[tuple[CheckStatus, str]] = []
    found = []
    if subscription is None:
        findings.append(
            (CheckStatus.WARNING, _("Aucune offre e-mail n'est enregistrée pour ce domaine."))
        )
    else:
        state = SubscriptionStatus(subscription.status)
        found.append(
            _("Offre : %(offer)s, %(state)s, depuis le %(start)s")
            % {
                "offer": subscription.offer.display_name(language),
                "state": state.label,
                "start": date_format(subscription.started_on),
            }
        )
        state_findings = {
            SubscriptionStatus.EXPIRED: (
                CheckStatus.ERROR,
                _("Votre offre e-mail a expiré : vos e-mails sont arrêtés. Renouvelez-la."),
            ),
            SubscriptionStatus.SUSPENDED: (
                CheckStatus.ERROR,
                _(
                    "Votre offre e-mail est suspendue pour une facture impayée : réglez-la pour "
                    "que vos e-mails repartent."
                ),
            ),
            SubscriptionStatus.IN_CREATION: (
                CheckStatus.WARNING,
                _(
                    "Votre offre e-mail est en cours de création : vos adresses marcheront dès "
                    "qu'elle sera prête (en général en quelques heures)."
                ),
            ),
        }
        if state in state_findings:
            findings.append(state_findings[state])
        findings += _expiry(_("L'offre e-mail"), subscription.expires_on, today, found)
        if subscription.hosting_plan is not None:
            found.append(
                _("Hébergement associé : %(plan)s")
                % {"plan": subscription.hosting_plan.display_name(language)}
            )
            findings += _expiry(
                _("L'hébergement qui inclut vos e-mails"),
                subscription.hosting_expires_on,
                today,
                found,
            )
    findings += _expiry(_("Le nom de domaine"), row.registration_expires_on, today, found)
    status = CheckStatus.worst(status for status, _sentence in findings)
    return CheckResult(
        id=CheckId.OFFER,
        status=status,
        title=_("Offre e-mail"),
        detail=" ".join(sentence for _status, sentence in findings)
        or _("Votre offre e-mail, son hébergement et votre nom de domaine sont actifs."),
        found=tuple(found),
        expected=_offer_expected(),
        advice=_(
            "Renouvelez ou réglez ce qui est indiqué dans votre espace client OVH, rubrique "
            "Facturation."
        )
        if status is not CheckStatus.OK
        else "",
        links=(GuideLink("mx-plan", _("L'offre MX Plan")),),
    )


def _expiry(
    what: str, ends: datetime.date | None, today: datetime.date, found: list[str]
) -> list[tuple[CheckStatus, str]]:
    """Note when `what` ends in `found`, and a finding when it has ended or ends soon."""
    if ends is None:
        return []
    values = {"what": what, "date": date_format(ends)}
    found.append(_("%(what)s : jusqu'au %(date)s") % values)
    if ends < today:
        return [(CheckStatus.ERROR, _("%(what)s a expiré le %(date)s.") % values)]
    if ends <= today + datetime.timedelta(days=EXPIRY_WARNING_DAYS):
        sentence = _("%(what)s expire le %(date)s : pensez au renouvellement.") % values
        return [(CheckStatus.WARNING, sentence)]
    return []


def maintenance_check(*, maintenances: Sequence[Maintenance]) -> CheckResult:
    """Works and incidents in progress that affect mail (F-DIA-4)."""
    language = get_language()
    current = [item for item in maintenances if item.affects_mail and item.in_progress]
    upcoming = [item for item in maintenances if item.affects_mail and not item.in_progress]
    found = tuple(_describe_maintenance(item, language) for item in current + upcoming)
    title = _("Travaux et incidents en cours")
    if not current:
        detail = _("Aucun incident ni travaux en cours ne touche les e-mails.")
        if upcoming:
            detail += " " + _("Des travaux sont prévus : voir ci-dessous.")
        return CheckResult(
            id=CheckId.MAINTENANCE, status=CheckStatus.OK, title=title, detail=detail, found=found
        )
    incident = any(item.kind == MaintenanceKind.INCIDENT for item in current)
    return CheckResult(
        id=CheckId.MAINTENANCE,
        status=CheckStatus.ERROR if incident else CheckStatus.WARNING,
        title=title,
        detail=_("Un incident est en cours sur les e-mails.")
        if incident
        else _("Des travaux sont en cours sur les e-mails : le service peut être gêné."),
        found=found,
        advice=_(
            "Si vos e-mails ne marchent pas, c'est peut-être la cause : attendez la fin prévue "
            "avant de changer vos réglages."
        ),
    )


def _describe_maintenance(item: Maintenance, language: str) -> str:
    values = {
        "title": item.display_title(language),
        "start": date_format(timezone.localtime(item.starts_at), "DATETIME_FORMAT"),
    }
    if item.expected_end is None:
        return _("%(title)s (à partir du %(start)s)") % values
    values["end"] = date_format(timezone.localtime(item.expected_end), "DATETIME_FORMAT")
    return _("%(title)s (du %(start)s au %(end)s)") % values
