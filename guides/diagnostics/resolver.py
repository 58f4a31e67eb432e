"""DNS lookups for the diagnostic, with dnspython's asyncio resolver.

Every lookup of a round is sent at once; each attempt waits `attempt_timeout` seconds before
trying again (or the next name server), and nothing runs past the report's deadline. Answers are
never cached here (the portal caches whole reports, briefly), names are always asked fully
qualified so no search domain is appended, and a truncated UDP answer is asked again over TCP.
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


class DnsClient:
    """Asks the configured name servers (the system's when none is given), with one deadline
    for everything asked through this client, counted from its creation."""

    def __init__(
        self,
        *,
        nameservers: Sequence[str] = (),
        deadline: float,
        attempt_timeout: float = ATTEMPT_TIMEOUT,
    ) -> None:
        self._resolver = _resolver(nameservers)
        self._resolver.cache = None
        self._resolver.timeout = attempt_timeout
        self._resolver.use_edns(0, 0, EDNS_PAYLOAD)
        self._ends = time.monotonic() + deadline

    async def lookup(self, name: str, rdtype: str) -> Lookup:
        remaining = self._ends - time.monotonic()
        if remaining <= 0:
            return Lookup(name, rdtype, Outcome.TIMEOUT)
        qname = dns.name.from_text(name.rstrip(".") + ".")
        try:
            async with asyncio.timeout(remaining):
                answer = await self._resolver.resolve(
                    qname, rdtype, raise_on_no_answer=False, lifetime=remaining, search=False
                )
        except (TimeoutError, dns.exception.Timeout):
            return Lookup(name, rdtype, Outcome.TIMEOUT)
        except dns.resolver.NXDOMAIN:
            return Lookup(name, rdtype, Outcome.NXDOMAIN)
        except dns.resolver.NoNameservers as error:
            return Lookup(name, rdtype, _outcome_of(error.kwargs.get("errors", [])))
        except dns.exception.DNSException:
            return Lookup(name, rdtype, Outcome.ERROR)
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


def _resolver(nameservers: Sequence[str]) -> dns.asyncresolver.Resolver:
    """A resolver asking `nameservers`, or the system's; with neither, every lookup fails
    (and is reported as not done) rather than the page."""
    if nameservers:
        resolver = dns.asyncresolver.Resolver(configure=False)
        resolver.nameservers = [parse_nameserver(entry) for entry in nameservers]
        return resolver
    try:
        return dns.asyncresolver.Resolver()
    except dns.resolver.NoResolverConfiguration:
        return dns.asyncresolver.Resolver(configure=False)


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
