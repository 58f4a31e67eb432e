"""Where the domain's mail is delivered: the MX records against OVH's hosts."""

from django.utils.translation import gettext as _

from guides.diagnostics.checks.findings import CheckId, CheckResult, GuideLink, Zone, not_done
from guides.diagnostics.mx_classification import MxFlag, MxProtection, MxRecord, MxSummary
from guides.models import CheckStatus

# The hosts the texts below name.
NAMED_HOSTS = ("mx0.ovh.net", "mx4.ovh.net", "mx0.mail.ovh.net", "mx4.mail.ovh.net")


def mx_check(*, summary: MxSummary, zone: Zone) -> CheckResult:
    title = _("Enregistrements MX (réception des e-mails)")
    if summary.protection is MxProtection.UNKNOWN:
        return not_done(CheckId.MX, title, summary.lookup)
    replace = _(
        "Remplacez vos enregistrements MX par ceux d'OVHcloud ci-dessous, d'un seul niveau de "
        "protection."
    )
    texts = {
        MxProtection.NONE: (
            _(
                "Vos e-mails arrivent bien chez OVHcloud, par mx0.ovh.net : un nom historique qui, "
                "d'après le guide d'OVH de 2014, ne filtrait ni le spam ni les virus."
            ),
            _(
                "Remplacez vos enregistrements MX par les serveurs actuels ci-dessous : ils "
                "filtrent tous le spam et les virus."
            ),
        ),
        MxProtection.ANTISPAM: (
            _("Vos e-mails arrivent bien chez OVHcloud, avec l'anti-spam simple."),
            "",
        ),
        MxProtection.ANTISPAM_ANTIVIRUS: (
            _("Vos e-mails arrivent bien chez OVHcloud, avec l'anti-spam et l'antivirus."),
            "",
        ),
        MxProtection.MIXED: (
            _(
                "Vos enregistrements MX mélangent des serveurs OVHcloud de niveaux de protection "
                "différents : une partie de vos e-mails n'est pas filtrée comme vous le pensez."
            ),
            replace,
        ),
        MxProtection.PARTIAL: (
            _(
                "Une partie de vos enregistrements MX désigne d'autres serveurs que ceux "
                "d'OVHcloud : des e-mails peuvent être livrés ailleurs et ne jamais arriver dans "
                "vos boîtes OVHcloud."
            ),
            _("Supprimez les enregistrements MX qui ne sont pas ceux d'OVHcloud.") + " " + replace,
        ),
        MxProtection.FOREIGN: (
            _(
                "Aucun de vos enregistrements MX ne désigne OVHcloud : vos boîtes e-mail chez "
                "OVHcloud ne reçoivent rien."
            ),
            _(
                "Si vos adresses sont chez OVHcloud, remplacez ces enregistrements par ceux "
                "d'OVHcloud ci-dessous. Si vous utilisez une autre messagerie, ce point ne vous "
                "concerne pas."
            ),
        ),
        MxProtection.MISSING: (
            _(
                "Votre domaine n'a aucun enregistrement MX : les e-mails envoyés à vos adresses ne "
                "peuvent pas être livrés."
            ),
            _("Ajoutez les enregistrements MX d'OVHcloud ci-dessous."),
        ),
        MxProtection.IMPLICIT: (
            _(
                "Votre domaine n'a aucun enregistrement MX, mais il a une adresse IP : les "
                "expéditeurs livrent alors vos e-mails à cette adresse (souvent le serveur de "
                "votre site web), pas à OVHcloud. Vos boîtes e-mail chez OVHcloud ne reçoivent "
                "rien."
            ),
            _("Ajoutez les enregistrements MX d'OVHcloud ci-dessous."),
        ),
        MxProtection.NULL: (
            _(
                "Votre domaine déclare qu'il ne reçoit aucun e-mail (enregistrement MX nul « 0 . "
                "») : tous les e-mails envoyés à vos adresses sont refusés."
            ),
            _("Remplacez cet enregistrement par les enregistrements MX d'OVHcloud ci-dessous."),
        ),
    }
    detail, what = texts[summary.protection]
    status = summary.protection.status
    if any(MxFlag.LEGACY in record.flags for record in summary.records):
        detail = " ".join([detail, _historical_names()])
        what = what or _(
            "Quand vous modifierez votre zone, mettez les serveurs actuels ci-dessous à la place."
        )
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
        action=what,
        links=(GuideLink("mx-records", _("Les enregistrements MX")),),
        values=(*NAMED_HOSTS, *(record.exchange for record in summary.records), *zone.nameservers),
    )


def _historical_names() -> str:
    return _(
        "mx0.ovh.net à mx4.ovh.net sont les noms historiques des serveurs MX d'OVHcloud (guide de "
        "2014) : ils sont toujours acceptés, mais OVHcloud documente aujourd'hui mx0.mail.ovh.net "
        "à mx4.mail.ovh.net."
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
