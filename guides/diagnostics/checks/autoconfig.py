"""The names that let mail programs set themselves up (informative, never an error)."""

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from guides.diagnostics.checks.findings import CheckId, CheckResult, GuideLink
from guides.diagnostics.resolver import Lookup, Outcome
from guides.diagnostics.snapshot import DnsSnapshot, wildcard_probe
from guides.models import CheckStatus
from guides.setup.dns_records import DnsRecord


def autoconfig_question(record: DnsRecord) -> tuple[str, str]:
    """What to ask DNS about one record: A for a CNAME, which shows an alias or addresses."""
    return (record.name.rstrip("."), "A" if record.type == "CNAME" else record.type)


def autoconfig_check(*, snapshot: DnsSnapshot, records: Sequence[DnsRecord]) -> CheckResult:
    """Informative: the setup issue's names let mail apps set themselves up; never an error."""
    title = _("Configuration automatique des logiciels de messagerie")
    lookups = [snapshot.get(*autoconfig_question(record)) for record in records]
    wildcard = snapshot.get(wildcard_probe(snapshot.domain), "A")
    found = tuple(
        _describe_autoconfig(lookup)
        for lookup in lookups
        if lookup is not None
        and (lookup.outcome is Outcome.ANSWER or lookup.alias)
        and not _through_wildcard(lookup, wildcard)
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
    too_long = [lookup for lookup in lookups if lookup and lookup.outcome is Outcome.TOO_LONG]
    if too_long:
        detail += " " + ngettext(
            "%(count)d de ces noms dépasse la longueur permise par le DNS : il ne peut pas "
            "exister pour un domaine aussi long.",
            "%(count)d de ces noms dépassent la longueur permise par le DNS : ils ne peuvent pas "
            "exister pour un domaine aussi long.",
            len(too_long),
        ) % {"count": len(too_long)}
    return CheckResult(
        id=CheckId.AUTOCONFIG,
        # Optional: green only when every name is in place, information otherwise.
        status=CheckStatus.OK if len(found) == len(records) else CheckStatus.INFO,
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


def _through_wildcard(lookup: Lookup, wildcard: Lookup | None) -> bool:
    """The name answers exactly what a name nobody published answers: the zone's `*`."""
    return (
        wildcard is not None
        and wildcard.outcome is Outcome.ANSWER
        and lookup.rdtype == wildcard.rdtype
        and (lookup.records, lookup.alias) == (wildcard.records, wildcard.alias)
    )


def _describe_autoconfig(lookup: Lookup) -> str:
    if lookup.rdtype == "SRV":
        values = (" ".join(map(str, record)) for record in lookup.records)
        return " ".join([lookup.name, "SRV", *values])
    return f"{lookup.name} → {lookup.alias or ', '.join(lookup.records)}"
