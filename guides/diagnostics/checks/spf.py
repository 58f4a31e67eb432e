"""Whether the domain's SPF record lets OVH's servers send its mail."""

from django.utils.translation import gettext as _

from guides.diagnostics import spf_record
from guides.diagnostics.checks.findings import CheckId, CheckResult, Zone, finding, not_done
from guides.diagnostics.snapshot import DnsSnapshot
from guides.models import CheckStatus


def spf_check(*, snapshot: DnsSnapshot, zone: Zone) -> CheckResult:
    title = _("SPF (serveurs autorisés à envoyer vos e-mails)")
    lookup = snapshot.get(snapshot.domain, "TXT")
    if lookup is None or lookup.failed:
        return not_done(CheckId.SPF, title, lookup)
    records = spf_record.spf_records(lookup.records)
    include = f"include:{spf_record.OVH_INCLUDE}"
    result = finding(CheckId.SPF, title, zone, found=records, expected=[spf_record.RECOMMENDED])

    if not records:
        return result(
            CheckStatus.WARNING,
            _(
                "Votre domaine n'a pas d'enregistrement SPF : les destinataires ne peuvent pas "
                "vérifier que vos e-mails viennent bien de vous, et risquent de les classer en "
                "spam."
            ),
            _("Ajoutez cet enregistrement TXT à votre domaine : %(record)s")
            % {"record": spf_record.RECOMMENDED},
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
    record = spf_record.parse_spf(records[0])
    if record.allows_everyone:
        return result(
            CheckStatus.ERROR,
            _(
                "Votre SPF se termine par « +all » : il autorise n'importe quel serveur à envoyer "
                "des e-mails en votre nom."
            ),
            _("Remplacez « +all » par « ~all »."),
        )
    reaches = spf_record.reaches_ovh(
        record=record, lookup_of=lambda name: snapshot.get(name, "TXT")
    )
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
            expected=(spf_record.RECOMMENDED,),
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
