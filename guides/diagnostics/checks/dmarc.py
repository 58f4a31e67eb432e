"""The domain's DMARC policy: what receivers do with mail that spoofs it."""

from django.utils.translation import gettext as _

from guides.diagnostics.checks.findings import CheckId, CheckResult, Zone, finding, not_done
from guides.diagnostics.snapshot import DnsSnapshot, dmarc_name
from guides.models import CheckStatus

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
        return not_done(CheckId.DMARC, title, lookup)
    records = [text for text in lookup.records if text.lower().startswith("v=dmarc")]
    example = f"v=DMARC1; p=none; rua=mailto:postmaster@{snapshot.domain}"
    result = finding(
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
