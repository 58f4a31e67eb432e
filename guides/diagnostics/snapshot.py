"""Every DNS lookup one report needs, asked in as few rounds as the dependencies allow.

Round one asks everything that depends only on the domain; round two the addresses of the MX
hosts and what the SPF evaluation reaches; later rounds only what it reaches next. Unlike the
checks, the snapshot does not depend on the reader's language or account, so it is what gets cached.
"""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from guides.diagnostics import dmarc_record, spf_evaluation, spf_record
from guides.diagnostics.resolver import ATTEMPT_TIMEOUT, DnsClient, Lookup, run
from guides.models.domain_names import is_ip_address

# How many names up from the domain to ask for name servers (for a name below the zone apex).
NS_LEVELS = 4
# Rounds of SPF lookups at most (RFC 7208 allows ten DNS terms, each may need one more round).
SPF_ROUNDS = 24
# DMARC needs two rounds: the policy names, then the report destinations' authorisations.
DMARC_ROUNDS = 3


@dataclass(frozen=True)
class DnsSnapshot:
    domain: str
    checked_at: datetime
    lookups: dict[tuple[str, str], Lookup]

    def get(self, name: str, rdtype: str) -> Lookup | None:
        return self.lookups.get((name, rdtype))

    @property
    def complete(self) -> bool:
        """Every lookup was done (whatever it found): safe to keep for a while."""
        return not any(lookup.failed for lookup in self.lookups.values())


def zone_names(domain: str) -> list[str]:
    """The domain and its parents, closest first, down to two labels."""
    labels = domain.split(".")
    return [".".join(labels[index:]) for index in range(len(labels) - 1)][:NS_LEVELS]


# A name nobody publishes: if it resolves, the zone has a wildcard (*), and names that
# "exist" only through it must not be counted as set up.
WILDCARD_PROBE = "ovhportal-wildcard-probe"


def wildcard_probe(domain: str) -> str:
    return f"{WILDCARD_PROBE}.{domain}"


def mx_exchanges(lookup: Lookup | None) -> list[str]:
    """The MX hosts worth asking for addresses: not the null MX, not an IP address."""
    if lookup is None:
        return []
    return [host for _pref, host in lookup.records if host != "." and not is_ip_address(host)]


async def collect(
    *, domain: str, client: DnsClient, extra: Sequence[tuple[str, str]] = ()
) -> DnsSnapshot:
    """Every lookup for `domain`, plus the `extra` questions (names and types) that depend on
    nothing else, such as the auto-configuration names."""
    lookups: dict[tuple[str, str], Lookup] = {}

    async def ask(questions: list[tuple[str, str]]) -> list[Lookup]:
        answers = await client.lookup_many(questions)
        lookups.update({(lookup.name, lookup.rdtype): lookup for lookup in answers})
        return answers

    async def mx_chain() -> None:
        [mx] = await ask([(domain, "MX")])
        await ask([(host, rdtype) for host in mx_exchanges(mx) for rdtype in ("A", "AAAA")])

    def answered(name: str, rdtype: str) -> Lookup | None:
        return lookups.get((name, rdtype))

    async def spf_chain() -> None:
        """OVH's sender address, then the domain's SPF evaluated for it, each round asking
        only what the evaluation reached (the evaluator says what it still needs)."""
        await ask([(domain, "TXT"), (spf_record.OVH_INCLUDE, "TXT")])
        for _round in range(SPF_ROUNDS):
            sender, needs = spf_record.ovh_sender_address(lookup_of=answered)
            for address in (sender, spf_record.NOBODY) if sender else ():
                evaluation = spf_evaluation.evaluate(domain=domain, ip=address, lookup_of=answered)
                needs += evaluation.needs
            needs = tuple(question for question in dict.fromkeys(needs) if question not in lookups)
            if not needs:
                return
            await ask(list(needs))

    async def dmarc_chain() -> None:
        """The policy's names (the domain's and its organisational domain's, with the wildcard
        probe), then the report destinations' authorisations and mail servers."""
        for _round in range(DMARC_ROUNDS):
            discovery = dmarc_record.discover(
                domain=domain,
                lookup_of=lambda name: answered(name, "TXT"),
                wildcard_probe=wildcard_probe(domain),
            )
            needs = [*discovery.needs, *dmarc_record.report_mail_questions(discovery=discovery)]
            needs = [question for question in needs if question not in lookups]
            if not needs:
                return
            await ask(needs)

    await asyncio.gather(
        mx_chain(),
        spf_chain(),
        dmarc_chain(),
        ask(
            [(name, "NS") for name in zone_names(domain)]
            + [(domain, "A"), (domain, "AAAA"), (wildcard_probe(domain), "A")]
            + list(extra)
        ),
    )
    return DnsSnapshot(domain=domain, checked_at=timezone.now(), lookups=lookups)


def take_snapshot(
    *,
    domain: str,
    nameservers: Sequence[str],
    deadline: float,
    attempt_timeout: float = ATTEMPT_TIMEOUT,
    extra: Sequence[tuple[str, str]] = (),
) -> DnsSnapshot:
    """All the lookups for `domain`, done by `deadline` seconds from now."""
    client = DnsClient(nameservers=nameservers, deadline=deadline, attempt_timeout=attempt_timeout)
    return run(collect(domain=domain, client=client, extra=extra))
