"""The domain's DMARC policy as receivers find it (RFC 7489, guides.diagnostics.dmarc_record):
its own record or its organisational domain's, every fault with the tag at fault, report
destinations that have not agreed to receive reports, and a record to paste that never lowers
the policy in force."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from guides.diagnostics.checks.findings import (
    CheckId,
    CheckResult,
    Zone,
    authentication_link,
    finding,
    not_done,
)
from guides.diagnostics.dmarc_record import (
    DmarcDiscovery,
    DmarcState,
    Fault,
    Problem,
    Severity,
    discover,
    suggested_record,
)
from guides.diagnostics.resolver import Outcome
from guides.diagnostics.snapshot import DnsSnapshot, wildcard_probe
from guides.models import CheckStatus


def dmarc_discovery(*, snapshot: DnsSnapshot) -> DmarcDiscovery:
    return discover(
        domain=snapshot.domain,
        lookup_of=lambda name: snapshot.get(name, "TXT"),
        wildcard_probe=wildcard_probe(snapshot.domain),
    )


def dmarc_check(*, snapshot: DnsSnapshot, zone: Zone) -> CheckResult:
    title = _("DMARC (que faire des e-mails usurpant votre domaine)")
    discovery = dmarc_discovery(snapshot=snapshot)
    if discovery.state in (DmarcState.PENDING, DmarcState.NOT_CHECKED):
        return not_done(CheckId.DMARC, title, discovery.failed_lookup)
    suggested = suggested_record(domain=snapshot.domain, discovery=discovery)
    found = [f"{discovery.record_name} : {text}" for text in discovery.records]
    expected = [f'{discovery.fix_name}. IN TXT "{suggested}"'] if suggested else []
    expected += [
        f'{destination.authorisation_name}. IN TXT "v=DMARC1"'
        for destination in discovery.destinations
        if destination.authorised is False
    ]
    result = finding(
        CheckId.DMARC,
        title,
        zone,
        found=found,
        expected=expected,
        links=(authentication_link(),),
        values=(
            discovery.fix_name,
            suggested,
            discovery.org_domain,
            *(destination.address for destination in discovery.destinations),
            *(value for problem in discovery.problems for value in (problem.tag, problem.part)),
        ),
    )
    data = {
        "state": discovery.state.value,
        "policy": discovery.policy or "",
        "record_name": discovery.record_name,
        "inherited": discovery.inherited,
        "organisational_domain": discovery.org_domain,
        "problems": [problem.fault.value for problem in discovery.problems],
        "suggested_record": suggested,
    }
    paste = (
        _("Mettez cet enregistrement TXT au nom %(name)s : %(record)s")
        % {"name": discovery.fix_name, "record": suggested}
        if suggested
        else ""
    )
    faults = [problem for problem in discovery.problems if problem.severity is Severity.ERROR]
    warnings = [problem for problem in discovery.problems if problem.severity is Severity.WARNING]
    undeliverable = _undeliverable(discovery=discovery, snapshot=snapshot)

    if discovery.state is DmarcState.NO_RECORD and not faults:
        return result(
            CheckStatus.WARNING,
            _(
                "Votre domaine n'a pas d'enregistrement DMARC : les destinataires ne savent pas "
                "quoi faire des e-mails qui usurpent votre adresse."
            ),
            paste,
            data=data,
        )
    if discovery.state is DmarcState.MULTIPLE:
        return result(
            CheckStatus.ERROR,
            _("Votre domaine a plusieurs enregistrements DMARC : aucun n'est pris en compte."),
            _("Gardez-en un seul.") + " " + paste,
            data=data,
        )
    if faults or discovery.state is not DmarcState.APPLIED:
        sentences = [_sentence(problem) for problem in faults]
        causes = " ".join(sentences[:1] + [capfirst(sentence) for sentence in sentences[1:]])
        return result(
            CheckStatus.ERROR,
            _(
                "Les destinataires ignorent votre enregistrement DMARC, comme s'il n'existait "
                "pas : %(causes)s"
            )
            % {"causes": causes},
            paste,
            headline=_("Votre DMARC est ignoré : %(causes)s") % {"causes": causes},
            data=data,
        )
    detail = _policy_sentence(discovery)
    if discovery.from_wildcard:
        detail += " " + _(
            "Cet enregistrement vient d'un nom générique (*) de votre zone, pas d'un "
            "enregistrement _dmarc à vous : il s'applique quand même."
        )
    if warnings or undeliverable:
        return result(
            CheckStatus.WARNING,
            " ".join(
                [detail, *(capfirst(_sentence(problem)) for problem in warnings), *undeliverable]
            ),
            paste,
            data=data,
        )
    return result(CheckStatus.OK, detail, "", data=data)


def _undeliverable(*, discovery: DmarcDiscovery, snapshot: DnsSnapshot) -> list[str]:
    """Report addresses whose domain cannot receive mail: the reports never arrive."""
    sentences = []
    for destination in discovery.destinations:
        host = destination.address.rpartition("@")[2]
        lookup = snapshot.get(host, "MX")
        if lookup is None or lookup.failed:
            continue
        if lookup.outcome is Outcome.NXDOMAIN:
            reason = _("ce domaine n'existe pas")
        elif lookup.outcome is Outcome.NODATA:
            reason = _("ce domaine n'a pas d'enregistrement MX")
        elif [exchange for _preference, exchange in lookup.records] == ["."]:
            reason = _("ce domaine refuse tout e-mail (MX nul)")
        else:
            continue
        sentences.append(
            _("Les rapports envoyés à « %(address)s » n'arrivent pas : %(reason)s.")
            % {"address": destination.address, "reason": reason}
        )
    return list(dict.fromkeys(sentences))


def _policy_sentence(discovery: DmarcDiscovery) -> str:
    sentences = {
        "none": _("DMARC est en place, en surveillance seulement (p=none)."),
        "quarantine": _("DMARC est en place : les e-mails usurpant votre domaine vont en spam."),
        "reject": _("DMARC est en place : les e-mails usurpant votre domaine sont refusés."),
    }
    sentence = sentences[discovery.policy or "none"]
    if discovery.inherited:
        return " ".join(
            [
                _(
                    "Ce domaine n'a pas d'enregistrement DMARC à lui : c'est celui de "
                    "%(organisation)s qui s'applique, et c'est suffisant."
                )
                % {"organisation": discovery.org_domain},
                sentence,
            ]
        )
    return sentence


def _sentence(problem: Problem) -> str:
    """What is wrong, quoting the tag as the customer wrote it."""
    values = {"tag": problem.tag, "part": problem.part}
    uri = _(
        "« %(part)s » (dans « %(tag)s ») : les rapports ne sont envoyés qu'à une adresse de la "
        "forme mailto:adresse@domaine."
    )
    messages = {
        Fault.VERSION_NOT_FIRST: _("dans « %(tag)s », v=DMARC1 doit être le tout premier élément."),
        Fault.VERSION_INVALID: _("« %(tag)s » : la version doit être exactement v=DMARC1."),
        Fault.VERSION_SEPARATOR_MISSING: _("il manque le « ; » après v=DMARC1 (« %(tag)s »)."),
        Fault.DUPLICATE_TAG: _("« %(tag)s » apparaît deux fois."),
        Fault.POLICY_MISSING: _("la politique (p=) manque."),
        Fault.POLICY_INVALID: _(
            "« %(tag)s » n'est pas une politique connue (none, quarantine ou reject)."
        ),
        Fault.SUBDOMAIN_POLICY_INVALID: _(
            "« %(tag)s » n'est pas une politique connue (none, quarantine ou reject)."
        ),
        Fault.MALFORMED_TAG: _("« %(tag)s » n'est pas de la forme nom=valeur : il est ignoré."),
        Fault.PCT_INVALID: _(
            "« %(tag)s » : pct doit être un nombre de 0 à 100 ; les destinataires appliquent 100."
        ),
        Fault.ALIGNMENT_INVALID: _("« %(tag)s » : la valeur doit être r ou s."),
        Fault.FO_INVALID: _("« %(tag)s » : fo n'accepte que 0, 1, d et s."),
        Fault.RF_INVALID: _("« %(tag)s » : rf n'accepte que afrf."),
        Fault.RI_INVALID: _("« %(tag)s » : ri doit être un nombre de secondes."),
        Fault.URI_NOT_MAILTO: uri,
        Fault.URI_WITHOUT_SCHEME: uri,
        Fault.URI_INVALID: uri,
        Fault.DESTINATION_NOT_AUTHORISED: _(
            "« %(part)s » est dans un autre domaine, qui n'a pas publié son accord pour recevoir "
            "vos rapports : ils sont perdus."
        ),
    }
    return messages.get(problem.fault, _("« %(tag)s » n'est pas valide.")) % values
