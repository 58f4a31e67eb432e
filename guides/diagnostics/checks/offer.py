"""The customer's offer, hosting and domain registration: active, expiring or ended."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from guides.diagnostics.checks.findings import (
    CheckId,
    CheckResult,
    GuideLink,
    Viewer,
    checklist_link,
)
from guides.models import CheckStatus, Domain, OfferGeneration, SubscriptionStatus

# An expiry this close is worth a warning.
EXPIRY_WARNING_DAYS = 30


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
            status=CheckStatus.INFO,
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
            "domaine a expiré : vous voyez ces dates dans votre espace client OVHcloud."
        ),
        links=(checklist_link(),),
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
        found.append(_generation_found(subscription.generation, language))
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
            "Renouvelez ou réglez ce qui est indiqué dans votre espace client OVHcloud, rubrique "
            "Facturation."
        )
        if status is not CheckStatus.OK
        else "",
        links=(
            GuideLink("mx-plan", _("L'offre MX Plan")),
            GuideLink("which-mx-plan", _("Quelle version de MX Plan ai-je ?")),
        ),
    )


def _generation_found(generation: OfferGeneration | None, language: str) -> str:
    """Which MX Plan the customer has, and so which webmail and which guides apply."""
    if generation is None:
        return _("Version de MX Plan : non renseignée (voyez comment la reconnaître)")
    return _("Version : %(generation)s, webmail %(webmail)s (%(url)s)") % {
        "generation": generation.display_name(language),
        "webmail": generation.webmail_name,
        "url": generation.webmail_link(language),
    }


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
