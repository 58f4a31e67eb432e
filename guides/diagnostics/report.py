"""A whole diagnostic: the DNS snapshot (cached per domain for a minute, shared by everyone),
then the checks, built for each request in the reader's language and with what the reader may
see of the offer. The page, the JSON API and the `diagnose` command all call `diagnose`."""

import datetime
import hashlib
from contextlib import nullcontext
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from guides.diagnostics.capacity import report_slot
from guides.diagnostics.checks.autoconfig import autoconfig_check, autoconfig_question
from guides.diagnostics.checks.dmarc import dmarc_check
from guides.diagnostics.checks.domain import domain_check
from guides.diagnostics.checks.findings import CheckResult, Viewer, blocked, zone_of
from guides.diagnostics.checks.maintenance import maintenance_check
from guides.diagnostics.checks.mx import mx_check
from guides.diagnostics.checks.offer import offer_check
from guides.diagnostics.checks.spf import spf_check
from guides.diagnostics.mx_classification import MxSummary, classify_mx
from guides.diagnostics.snapshot import DnsSnapshot, take_snapshot
from guides.models import CheckStatus, DiagnosticLog, Maintenance, MxHost, ReportSource
from guides.models.domain_names import DomainName
from guides.setup.dns_records import DnsRecord, autoconfiguration_records

CACHE_SECONDS = 60
INCOMPLETE_CACHE_SECONDS = 10
CACHE_VERSION = 1


@dataclass(frozen=True)
class Report:
    domain: DomainName
    checked_at: datetime.datetime
    mx: MxSummary
    checks: tuple[CheckResult, ...]
    cached: bool

    @property
    def status(self) -> CheckStatus:
        """The verdict on what this reader can see: an offer hidden from them, information
        and checks waiting on another finding do not weigh on it."""
        return CheckStatus.worst(check.status for check in self.checks if check.counts)

    @property
    def fix_first(self) -> list[CheckResult]:
        """The problems, worst first; among equals, in the report's order, which puts a root
        cause (the domain, then where mail is delivered) before what depends on it."""
        problems = [
            check
            for check in self.checks
            if check.counts and check.status in (CheckStatus.ERROR, CheckStatus.WARNING)
        ]
        return sorted(problems, key=lambda check: -check.status.rank)

    @property
    def headline(self) -> str:
        """The worst finding in one sentence ("" when there is nothing to fix)."""
        return self.fix_first[0].summary if self.fix_first else ""

    @property
    def not_done(self) -> list[CheckResult]:
        """The checks that could not be done, to say so rather than alarm."""
        return [check for check in self.checks if check.status is CheckStatus.UNKNOWN]

    @property
    def lookups_not_done(self) -> list[CheckResult]:
        """The checks DNS could not answer (not the offer hidden from this reader)."""
        return [check for check in self.not_done if not check.needs_sign_in]

    @property
    def only_offer_hidden(self) -> bool:
        """All that was checked is fine; only the offer needs the reader to sign in."""
        return self.status is CheckStatus.OK and any(check.needs_sign_in for check in self.checks)

    def to_json(self) -> dict:
        return {
            "domain": self.domain.ascii,
            "display_domain": self.domain.display,
            "status": self.status.value,
            "checked_at": self.checked_at.isoformat(),
            "mx": self.mx.to_json(),
            "checks": [check.to_json() for check in self.checks],
            "not_done": [check.id.value for check in self.not_done],
            "headline": self.headline,
            "fix_first": [check.id.value for check in self.fix_first],
            "note": self.domain.note,
            "cached": self.cached,
            "language": get_language(),
        }

    def to_text(self) -> str:
        """The report for a terminal: one block a check."""
        lines = [
            f"{self.domain.display} ({self.domain.ascii}) · {self.status.label} · "
            f"{self.checked_at.isoformat()}"
        ]
        if self.headline:
            lines.append(self.headline)
        if self.domain.note:
            lines.append(self.domain.note)
        labels = ((_("Trouvé :"), "found"), (_("Attendu :"), "expected"))
        for check in self.checks:
            lines += ["", f"[{check.status.label}] {check.title}", f"    {check.detail}"]
            for label, attribute in labels:
                values = getattr(check, attribute)
                if values:
                    lines.append(f"    {label} {' | '.join(values)}")
            if check.advice:
                lines.append(f"    {_('Que faire :')} {check.advice}")
        if self.mx.choices:
            lines += ["", _("Les enregistrements MX à mettre")]
            for label, text in self.mx.snippets():
                heading = _("%(label)s :") % {"label": label}
                lines += [f"  {heading}", *(f"    {line}" for line in text.splitlines())]
        return "\n".join(lines)


def cache_key(domain: str) -> str:
    """Per domain, and per set of name servers asked (they may not agree)."""
    nameservers = ",".join(settings.OVHPORTAL_DNS_NAMESERVERS) or "system"
    # Hashed: a domain of 253 characters would make a key longer than caches accept.
    digest = hashlib.sha256(f"{nameservers}:{domain}".encode()).hexdigest()
    return f"diagnostic:dns:{digest}"


def dns_snapshot(
    *, domain: str, refresh: bool, extra: list[tuple[str, str]], limited: bool = False
) -> tuple[DnsSnapshot, bool]:
    """The domain's DNS snapshot and whether it came from the cache. A complete snapshot is
    kept a minute; an incomplete one (a server that never answers) a few seconds, so that a
    dead domain asked again and again does not hold a worker each time. With `limited`, a
    new snapshot needs a free slot (guides.diagnostics.capacity), else Busy is raised."""
    if not refresh:
        snapshot = cache.get(cache_key(domain), version=CACHE_VERSION)
        if snapshot is not None:
            return snapshot, True
    slot = (
        report_slot(
            per_process=settings.OVHPORTAL_DIAGNOSTICS_PER_PROCESS,
            across_servers=settings.OVHPORTAL_DIAGNOSTICS_IN_FLIGHT,
            hold_seconds=settings.OVHPORTAL_DNS_TIMEOUT,
        )
        if limited
        else nullcontext()
    )
    with slot:
        snapshot = take_snapshot(
            domain=domain,
            nameservers=settings.OVHPORTAL_DNS_NAMESERVERS,
            deadline=settings.OVHPORTAL_DNS_TIMEOUT,
            attempt_timeout=settings.OVHPORTAL_DNS_ATTEMPT_TIMEOUT,
            extra=extra,
        )
    seconds = CACHE_SECONDS if snapshot.complete else INCOMPLETE_CACHE_SECONDS
    cache.set(cache_key(domain), snapshot, seconds, version=CACHE_VERSION)
    return snapshot, False


def build_report(
    *,
    domain: DomainName,
    snapshot: DnsSnapshot,
    viewer: Viewer,
    autoconfig: list[DnsRecord],
    cached: bool = False,
) -> Report:
    """The checks in the active language, from a snapshot and the database."""
    zone = zone_of(snapshot)
    mx = classify_mx(snapshot=snapshot, hosts=MxHost.objects.all())
    domain_result = domain_check(snapshot=snapshot, zone=zone)
    dns_results = [
        mx_check(summary=mx, zone=zone),
        spf_check(snapshot=snapshot, zone=zone),
        dmarc_check(snapshot=snapshot, zone=zone),
        autoconfig_check(snapshot=snapshot, records=autoconfig),
    ]
    if domain_result.status is CheckStatus.ERROR:
        # The root cause: a domain that does not exist has no records to judge.
        dns_results = [
            blocked(check.id, check.title, because=_("le domaine n'existe pas (voir plus haut)."))
            for check in dns_results
        ]
    return Report(
        domain=domain,
        checked_at=snapshot.checked_at,
        mx=mx,
        checks=(
            domain_result,
            *dns_results,
            offer_check(domain=domain.ascii, viewer=viewer, today=timezone.localdate()),
            maintenance_check(maintenances=list(Maintenance.objects.open())),
        ),
        cached=cached,
    )


def diagnose(
    *,
    domain: DomainName,
    viewer: Viewer,
    source: ReportSource,
    config_host: str,
    refresh: bool = False,
    limited: bool = False,
) -> Report:
    """Run (or reuse) the DNS lookups, build the report, and keep it in the history.
    `config_host` serves the auto-configuration files (settings.OVHPORTAL_AUTOCONFIG_HOST);
    `limited` (the page and the API) waits on DNS only in a free slot, else raises Busy."""
    autoconfig = autoconfiguration_records(domain=domain.ascii, config_host=config_host)
    snapshot, cached = dns_snapshot(
        domain=domain.ascii,
        refresh=refresh,
        extra=[autoconfig_question(record) for record in autoconfig],
        limited=limited,
    )
    report = build_report(
        domain=domain, snapshot=snapshot, viewer=viewer, autoconfig=autoconfig, cached=cached
    )
    DiagnosticLog.objects.create(
        user_id=viewer.user_id, domain=domain.ascii, status=report.status, source=source
    )
    return report
