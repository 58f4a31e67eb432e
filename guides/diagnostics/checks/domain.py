"""Whether the domain exists, and which name servers keep its zone."""

from functools import partial

from django.utils.translation import gettext as _

from guides.diagnostics.checks.findings import CheckId, CheckResult, Zone, checklist_link, not_done
from guides.diagnostics.resolver import Outcome
from guides.diagnostics.snapshot import DnsSnapshot
from guides.models import CheckStatus


def domain_check(*, snapshot: DnsSnapshot, zone: Zone) -> CheckResult:
    title = _("Nom de domaine")
    lookup = snapshot.get(snapshot.domain, "NS")
    if lookup is None or lookup.failed:
        return not_done(CheckId.DOMAIN, title, lookup)
    result = partial(
        CheckResult,
        id=CheckId.DOMAIN,
        title=title,
        links=(checklist_link(),),
        values=zone.nameservers,
    )
    if lookup.outcome is Outcome.NXDOMAIN:
        return result(
            status=CheckStatus.ERROR,
            detail=_(
                "Ce domaine n'existe pas ou a expiré : le DNS ne le connaît pas, donc aucun e-mail "
                "ne peut lui être envoyé."
            ),
            expected=(_("Un nom de domaine enregistré et actif"),),
            advice=_(
                "Vérifiez l'orthographe du domaine. Si c'est bien le vôtre, vérifiez sa date "
                "d'expiration dans votre espace client OVHcloud (ou chez le bureau "
                "d'enregistrement du domaine) et renouvelez-le."
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
                "Vérifiez la configuration DNS du domaine dans votre espace client OVHcloud ou "
                "chez votre fournisseur DNS."
            ),
        )
    return result(
        status=CheckStatus.OK,
        detail=" ".join([_("Le domaine existe."), zone.where()]),
        found=zone.nameservers,
    )
