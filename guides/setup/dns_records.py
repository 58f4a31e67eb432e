"""The DNS records a customer adds to their own domain so mail clients set themselves up.

- `autoconfig` and `autodiscover` names (Thunderbird, Outlook) pointing at the host that serves
  the configuration files, and `_autodiscover._tcp` for Outlook when those names cannot carry
  a certificate;
- RFC 6186 SRV records for each encrypted server endpoint, implicit TLS first as RFC 8314 asks
  (`_imaps`, `_pop3s`, `_submissions`; `_imap`, `_pop3`, `_submission` for STARTTLS).

The diagnostic imports `autoconfiguration_records` to know which names to look up and what
they should hold.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from guides.models import Protocol, Security, ServerEndpoint

# (service label, priority): IMAP before POP, implicit TLS before STARTTLS (RFC 6186 §3.4).
SRV_SERVICES = {
    (Protocol.IMAP, Security.SSL): ("_imaps._tcp", 0),
    (Protocol.IMAP, Security.STARTTLS): ("_imap._tcp", 10),
    (Protocol.POP3, Security.SSL): ("_pop3s._tcp", 20),
    (Protocol.POP3, Security.STARTTLS): ("_pop3._tcp", 30),
    (Protocol.SMTP, Security.SSL): ("_submissions._tcp", 0),
    (Protocol.SMTP, Security.STARTTLS): ("_submission._tcp", 10),
}
AUTODISCOVER_SRV = "_autodiscover._tcp"
HTTPS_PORT = 443


@dataclass(frozen=True)
class DnsRecord:
    """One record; names in ASCII (punycode), fully qualified with the trailing dot."""

    subdomain: str
    name: str
    type: str
    target: str
    priority: int | None = None
    weight: int | None = None
    port: int | None = None

    @property
    def value(self) -> str:
        """The record data as a zone file (and most DNS control panels) write it."""
        if self.type == "SRV":
            return f"{self.priority} {self.weight} {self.port} {self.target}"
        return self.target


def fqdn(name: str) -> str:
    return name.rstrip(".") + "."


def autoconfiguration_records(
    *, domain: str, config_host: str, endpoints: Iterable[ServerEndpoint] | None = None
) -> list[DnsRecord]:
    """The records for `domain` (ASCII form). `config_host` serves the autoconfig and
    Autodiscover files (settings.OVHPORTAL_AUTOCONFIG_HOST); endpoints default to the database's."""
    endpoints = list(ServerEndpoint.objects.all()) if endpoints is None else list(endpoints)
    records = [
        DnsRecord(
            subdomain=label, name=fqdn(f"{label}.{domain}"), type="CNAME", target=fqdn(config_host)
        )
        for label in ("autoconfig", "autodiscover")
    ]
    records.append(
        DnsRecord(
            subdomain=AUTODISCOVER_SRV,
            name=fqdn(f"{AUTODISCOVER_SRV}.{domain}"),
            type="SRV",
            target=fqdn(config_host),
            priority=0,
            weight=0,
            port=HTTPS_PORT,
        )
    )
    kinds = list(SRV_SERVICES)
    offered = sorted(
        (
            endpoint
            for endpoint in endpoints
            if (endpoint.protocol, endpoint.security) in SRV_SERVICES
        ),
        key=lambda endpoint: (kinds.index((endpoint.protocol, endpoint.security)), endpoint.order),
    )
    for endpoint in offered:
        label, priority = SRV_SERVICES[(endpoint.protocol, endpoint.security)]
        records.append(
            DnsRecord(
                subdomain=label,
                name=fqdn(f"{label}.{domain}"),
                type="SRV",
                target=fqdn(endpoint.host),
                priority=priority,
                weight=1,
                port=endpoint.port,
            )
        )
    return records


def zone_text(*, domain: str, records: Iterable[DnsRecord]) -> str:
    """The records as a zone-file snippet, aligned, after a comment naming the domain."""
    records = list(records)
    width = max(len(record.name) for record in records)
    lines = [f"; {domain}"]
    lines += [
        f"{record.name.ljust(width)} IN {record.type.ljust(5)} {record.value}" for record in records
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class ZoneSnippet:
    """What the DNS snippet shows: the domain as typed (Unicode), its records, the zone text."""

    domain: str
    records: list[DnsRecord]
    text: str


def zone_snippet(
    *,
    domain: str,
    ascii_domain: str,
    config_host: str,
    endpoints: Iterable[ServerEndpoint] | None = None,
) -> ZoneSnippet:
    records = autoconfiguration_records(
        domain=ascii_domain, config_host=config_host, endpoints=endpoints
    )
    return ZoneSnippet(
        domain=domain, records=records, text=zone_text(domain=ascii_domain, records=records)
    )
