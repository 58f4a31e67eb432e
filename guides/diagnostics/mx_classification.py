"""MX records classified with the MX host table: which protection level the domain's mail
gets, or why it does not reach OVH; and the current records to set."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _

from guides.diagnostics.resolver import Lookup, Outcome
from guides.diagnostics.snapshot import DnsSnapshot
from guides.models import CheckStatus, MxHost, Protection
from guides.models.domain_names import is_ip_address


class MxProtection(StrEnum):
    """The classification of a domain's MX records; names are the JSON API's."""

    NONE = Protection.NONE.value
    ANTISPAM = Protection.ANTISPAM.value
    ANTISPAM_ANTIVIRUS = Protection.ANTISPAM_ANTIVIRUS.value
    MIXED = "mixed"
    PARTIAL = "partial"
    FOREIGN = "foreign"
    MISSING = "missing"
    # No MX, but the domain has an address: senders deliver there (RFC 5321 §5.1).
    IMPLICIT = "implicit"
    NULL = "null"
    UNKNOWN = "unknown"

    @property
    def status(self) -> CheckStatus:
        if self in (MxProtection.NONE, MxProtection.ANTISPAM, MxProtection.ANTISPAM_ANTIVIRUS):
            return CheckStatus.OK
        if self is MxProtection.MIXED:
            return CheckStatus.WARNING
        if self is MxProtection.UNKNOWN:
            return CheckStatus.UNKNOWN
        return CheckStatus.ERROR


class MxFlag(StrEnum):
    CNAME = "cname"
    IP_ADDRESS = "ip_address"
    NO_ADDRESS = "no_address"
    LEGACY = "legacy"


@dataclass(frozen=True)
class MxRecord:
    preference: int
    exchange: str
    host: MxHost | None = None
    alias: str = ""
    flags: tuple[MxFlag, ...] = ()

    def describe(self) -> str:
        notes = {
            MxFlag.CNAME: _("alias de %(target)s") % {"target": self.alias},
            MxFlag.IP_ADDRESS: _("adresse IP"),
            MxFlag.NO_ADDRESS: _("sans adresse IP"),
            MxFlag.LEGACY: _("nom historique, toujours accepté"),
        }
        text = f"{self.preference} {self.exchange}"
        return f"{text} ({', '.join(notes[flag] for flag in self.flags)})" if self.flags else text


@dataclass(frozen=True)
class MxSummary:
    domain: str
    protection: MxProtection
    records: tuple[MxRecord, ...]
    lookup: Lookup | None
    choices: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)

    def zone_lines(self, level: str) -> list[str]:
        """The zone-file records to set for one protection level."""
        return [
            f"{self.domain}. IN MX {priority} {host}." for priority, host in self.choices[level]
        ]

    def snippets(self) -> list[tuple[str, str]]:
        """Each protection level's name and zone-file text, for the page."""
        return [
            (Protection(level).label, "\n".join(self.zone_lines(level))) for level in self.choices
        ]

    def recommended(self) -> str:
        """The level to show as expected: the one in place, else the best."""
        if self.protection.value in self.choices:
            return self.protection.value
        return Protection.ANTISPAM_ANTIVIRUS.value

    def to_json(self) -> dict:
        return {
            "protection": self.protection.value,
            "records": [
                {
                    "preference": record.preference,
                    "exchange": record.exchange,
                    "flags": [flag.value for flag in record.flags],
                }
                for record in self.records
            ],
            "expected": {level: self.zone_lines(level) for level in self.choices},
        }


def protection_choices(hosts: Iterable[MxHost]) -> dict[str, tuple[tuple[int, str], ...]]:
    """For each protection level, the MX records to set: its current hosts only. The historical
    names (mx0.ovh.net…) are recognised when found, never proposed: OVHcloud no longer
    documents them, nor any priority for them."""
    choices = {}
    for level in Protection:
        chosen = [host for host in hosts if host.protection == level and not host.legacy]
        if chosen:
            choices[level.value] = tuple(sorted((host.priority, host.host) for host in chosen))
    return choices


def classify_mx(*, snapshot: DnsSnapshot, hosts: Iterable[MxHost]) -> MxSummary:
    hosts = list(hosts)
    table = {host.host: host for host in hosts}
    lookup = snapshot.get(snapshot.domain, "MX")

    def summary(protection: MxProtection, records: tuple[MxRecord, ...] = ()) -> MxSummary:
        return MxSummary(
            domain=snapshot.domain,
            protection=protection,
            records=records,
            lookup=lookup,
            choices=protection_choices(hosts),
        )

    if lookup is None or lookup.failed:
        return summary(MxProtection.UNKNOWN)
    if lookup.outcome is not Outcome.ANSWER:
        addresses = [snapshot.get(snapshot.domain, rdtype) for rdtype in ("A", "AAAA")]
        if any(found is not None and found.outcome is Outcome.ANSWER for found in addresses):
            return summary(MxProtection.IMPLICIT)
        return summary(MxProtection.MISSING)
    records = tuple(
        _mx_record(preference, exchange, snapshot, table) for preference, exchange in lookup.records
    )
    if [record.exchange for record in records] == ["."]:
        return summary(MxProtection.NULL, records)
    known = [record.host for record in records if record.host is not None]
    if not known:
        return summary(MxProtection.FOREIGN, records)
    if len(known) < len(records):
        return summary(MxProtection.PARTIAL, records)
    levels = {host.protection for host in known}
    if len(levels) > 1:
        return summary(MxProtection.MIXED, records)
    return summary(MxProtection(levels.pop()), records)


def _mx_record(preference: int, exchange: str, snapshot: DnsSnapshot, table: dict) -> MxRecord:
    if exchange == "." or is_ip_address(exchange):
        flags = (MxFlag.IP_ADDRESS,) if exchange != "." else ()
        return MxRecord(preference, exchange, flags=flags)
    addresses = [snapshot.get(exchange, rdtype) for rdtype in ("A", "AAAA")]
    alias = next((lookup.alias for lookup in addresses if lookup and lookup.alias), "")
    host = table.get(alias or exchange)
    flags = []
    if alias:
        flags.append(MxFlag.CNAME)
    if all(
        lookup is not None and lookup.outcome in (Outcome.NXDOMAIN, Outcome.NODATA)
        for lookup in addresses
    ):
        flags.append(MxFlag.NO_ADDRESS)
    if host is not None and host.legacy:
        flags.append(MxFlag.LEGACY)
    return MxRecord(preference, exchange, host=host, alias=alias, flags=tuple(flags))
