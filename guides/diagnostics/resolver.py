"""DNS lookups for the diagnostic, with dnspython's asyncio resolver.

Every lookup of a round is sent at once; each attempt waits `attempt_timeout` seconds before
trying the next name server (a dead one is then set aside), and nothing runs past the report's
deadline. Answers are never cached here (the portal caches whole reports, briefly), names are
always asked fully qualified so no search domain is appended, and a truncated UDP answer is
asked again over TCP.
A lookup that could not be done (timeout, SERVFAIL, REFUSED) is kept apart from one that found
nothing (NXDOMAIN: no such name; NODATA: the name exists without records of that type).
"""

import asyncio
import ipaddress
import time
from collections.abc import Coroutine, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import dns.asyncresolver
import dns.exception
import dns.message
import dns.name
import dns.nameserver
import dns.rcode
import dns.rdata
import dns.rdatatype
import dns.resolver

ATTEMPT_TIMEOUT = 2.0
EDNS_PAYLOAD = 1232


class Outcome(StrEnum):
    ANSWER = "answer"
    NODATA = "nodata"
    NXDOMAIN = "nxdomain"
    TIMEOUT = "timeout"
    SERVFAIL = "servfail"
    REFUSED = "refused"
    ERROR = "error"
    # Over DNS's 255 octets (a long domain under _autodiscover._tcp.): cannot exist, not asked.
    TOO_LONG = "too_long"

    @property
    def failed(self) -> bool:
        """The lookup could not be done: nothing can be said about the records."""
        return self in (Outcome.TIMEOUT, Outcome.SERVFAIL, Outcome.REFUSED, Outcome.ERROR)


@dataclass(frozen=True)
class Lookup:
    """One question and what DNS said. `records` hold text for most types, (preference,
    exchange) for MX and (priority, weight, port, target) for SRV; host names carry no final
    dot and the root is "."; `alias` is the canonical name when `name` is a CNAME."""

    name: str
    rdtype: str
    outcome: Outcome
    records: tuple = ()
    alias: str = ""

    @property
    def failed(self) -> bool:
        return self.outcome.failed


def parse_nameserver(entry: str) -> dns.nameserver.Do53Nameserver:
    """'192.0.2.53', '192.0.2.53:5353', '2001:db8::53' or '[2001:db8::53]:5353'."""
    entry = entry.strip()
    host, port = entry, 53
    if entry.startswith("["):
        host, _bracket, rest = entry[1:].partition("]")
        if rest.startswith(":"):
            port = int(rest[1:])
    elif entry.count(":") == 1:
        host, _colon, port_text = entry.partition(":")
        port = int(port_text)
    ipaddress.ip_address(host)
    return dns.nameserver.Do53Nameserver(host, port)


# A name server that timed out is set aside by every client of this process for this long, as
# mature resolvers do: the next reports ask the others first instead of waiting for it again.
REST_SECONDS = 30.0
_resting_until: dict[str, float] = {}
# What to report when servers refused to answer: the most telling outcome first.
REFUSAL_ORDER = (Outcome.SERVFAIL, Outcome.REFUSED, Outcome.ERROR)


def forget_resting_servers() -> None:
    """Ask every server again in the configured order (tests start from a clean slate)."""
    _resting_until.clear()


class DnsClient:
    """Asks the configured name servers (the system's when none is given), with one deadline
    for everything asked through this client, counted from its creation.

    Each attempt waits `attempt_timeout` seconds for one server. A server that timed out is
    asked last for the rest of this client's lookups (and, for REST_SECONDS, by the next
    clients); SERVFAIL or REFUSED from one server moves on to the next, as resolvers do."""

    def __init__(
        self,
        *,
        nameservers: Sequence[str] = (),
        deadline: float,
        attempt_timeout: float = ATTEMPT_TIMEOUT,
    ) -> None:
        self._servers = {
            _server_key(server): _single_server_resolver(server, attempt_timeout)
            for server in _nameservers(nameservers)
        }
        self._attempt_timeout = attempt_timeout
        self._timed_out: set[str] = set()
        self._ends = time.monotonic() + deadline

    def _order(self) -> list[str]:
        """Servers that answered (or were not asked yet) first, in the configured order."""
        now = time.monotonic()
        return sorted(
            self._servers,
            key=lambda key: key in self._timed_out or _resting_until.get(key, 0) > now,
        )

    async def lookup(self, name: str, rdtype: str) -> Lookup:
        try:
            qname = dns.name.from_text(name.rstrip(".") + ".")
        except dns.name.NameTooLong:
            return Lookup(name, rdtype, Outcome.TOO_LONG)
        if not self._servers:
            return Lookup(name, rdtype, Outcome.ERROR)
        refusals: list[Outcome] = []
        # Every server in turn; only when all of them timed out, again while time remains.
        while not refusals and self._remaining() > 0:
            for key in self._order():
                if (remaining := self._remaining()) <= 0:
                    break
                outcome = await self._ask(key, qname, rdtype, min(remaining, self._attempt_timeout))
                if isinstance(outcome, Lookup):
                    self._timed_out.discard(key)
                    _resting_until.pop(key, None)
                    return outcome
                if outcome is Outcome.TIMEOUT:
                    self._timed_out.add(key)
                    _resting_until[key] = time.monotonic() + REST_SECONDS
                else:
                    refusals.append(outcome)
        if not refusals:
            return Lookup(name, rdtype, Outcome.TIMEOUT)
        return Lookup(name, rdtype, min(refusals, key=REFUSAL_ORDER.index))

    def _remaining(self) -> float:
        return self._ends - time.monotonic()

    async def _ask(
        self, key: str, qname: dns.name.Name, rdtype: str, lifetime: float
    ) -> Lookup | Outcome:
        """One server's answer, or why it gave none."""
        name = _host(qname)
        try:
            async with asyncio.timeout(lifetime):
                answer = await self._servers[key].resolve(
                    qname, rdtype, raise_on_no_answer=False, lifetime=lifetime, search=False
                )
        except (TimeoutError, dns.exception.Timeout):
            return Outcome.TIMEOUT
        except dns.resolver.NXDOMAIN:
            return Lookup(name, rdtype, Outcome.NXDOMAIN)
        except dns.resolver.NoNameservers as error:
            return _outcome_of(error.kwargs.get("errors", []))
        except dns.exception.DNSException:
            return Outcome.ERROR
        alias = _host(answer.canonical_name) if answer.canonical_name != qname else ""
        if answer.rrset is None:
            return Lookup(name, rdtype, Outcome.NODATA, alias=alias)
        records = tuple(sorted(_value(rdata) for rdata in answer.rrset))
        return Lookup(name, rdtype, Outcome.ANSWER, records, alias)

    async def lookup_many(self, questions: Iterable[tuple[str, str]]) -> list[Lookup]:
        """Every question at once."""
        return list(
            await asyncio.gather(*(self.lookup(name, rdtype) for name, rdtype in questions))
        )


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run `coroutine` from synchronous code (views, commands); in a thread of its own when
    this thread already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _nameservers(entries: Sequence[str]) -> list[dns.nameserver.Nameserver]:
    """The configured servers, or the system's; with neither, every lookup fails (and is
    reported as not done) rather than the page."""
    if entries:
        return [parse_nameserver(entry) for entry in entries]
    try:
        return list(dns.asyncresolver.Resolver().nameservers)
    except dns.resolver.NoResolverConfiguration:
        return []


def _server_key(server: dns.nameserver.Nameserver) -> str:
    return f"{server.address}:{server.port}" if hasattr(server, "port") else str(server)


def _single_server_resolver(
    server: dns.nameserver.Nameserver, attempt_timeout: float
) -> dns.asyncresolver.Resolver:
    """A resolver that asks one server: the client chooses the order itself. Answers are
    never cached here (the portal caches whole reports, briefly)."""
    resolver = dns.asyncresolver.Resolver(configure=False)
    resolver.nameservers = [server]
    resolver.cache = None
    resolver.timeout = attempt_timeout
    resolver.retry_servfail = False
    resolver.use_edns(0, 0, EDNS_PAYLOAD)
    return resolver


def _outcome_of(errors: list) -> Outcome:
    """Why every name server failed: SERVFAIL or REFUSED when one said so."""
    said = {
        dns.rcode.to_text(response.rcode())
        for *_detail, response in errors
        if isinstance(response, dns.message.Message)
    }
    if "SERVFAIL" in said:
        return Outcome.SERVFAIL
    if "REFUSED" in said:
        return Outcome.REFUSED
    return Outcome.ERROR


def _host(name: dns.name.Name) -> str:
    return "." if name == dns.name.root else name.to_text(omit_final_dot=True).lower()


def _value(rdata: dns.rdata.Rdata) -> str | tuple:
    match rdata.rdtype:
        case dns.rdatatype.MX:
            return (rdata.preference, _host(rdata.exchange))
        case dns.rdatatype.SRV:
            return (rdata.priority, rdata.weight, rdata.port, _host(rdata.target))
        case dns.rdatatype.TXT:
            return b"".join(rdata.strings).decode("utf-8", "replace")
        case dns.rdatatype.NS | dns.rdatatype.CNAME | dns.rdatatype.PTR:
            return _host(rdata.target)
        case _:
            return rdata.to_text()
