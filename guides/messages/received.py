"""The Received: chain of a message as a timeline of hops, oldest first: who handed the
message to whom, with which protocol, encrypted or not, and how long each step took."""

import re
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parsedate_to_datetime

MAX_HOPS = 100
MAX_HEADER = 4000
FROM = re.compile(r"\bfrom\s+([^\s;()]+)", re.IGNORECASE)
BY = re.compile(r"\bby\s+([^\s;()]+)", re.IGNORECASE)
WITH = re.compile(r"\bwith\s+([A-Za-z0-9/_.-]+)", re.IGNORECASE)
TLS = re.compile(
    r"\b(?:ESMTPS|ESMTPSA|LMTPS|TLS ?v?1\.[0-3]|TLS1_[0-3]|version=TLS|using TLS)", re.IGNORECASE
)
IP = re.compile(r"\[(?:IPv6:)?([0-9a-fA-F:.]{3,45})\]")


@dataclass(frozen=True)
class Hop:
    sender: str
    receiver: str
    protocol: str
    encrypted: bool
    when: datetime | None
    address: str = ""
    delay: float | None = None
    slowest: bool = False

    @property
    def delay_text(self) -> str:
        """The delay as people read it: "4 s", "12 min 5 s", "3 h 05 min"."""
        if self.delay is None:
            return ""
        seconds = round(self.delay)
        if seconds < 60:
            return f"{seconds} s"
        if seconds < 3600:
            return f"{seconds // 60} min {seconds % 60} s"
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"

    @property
    def hosts(self) -> tuple[str, ...]:
        return tuple(host for host in (self.sender, self.receiver) if host)

    def to_json(self) -> dict:
        return {
            "from": self.sender,
            "by": self.receiver,
            "protocol": self.protocol,
            "tls": self.encrypted,
            "time": self.when.isoformat() if self.when else None,
            "delay_seconds": self.delay,
            "slowest": self.slowest,
        }


def parse_hop(value: str) -> Hop:
    value = " ".join(value[:MAX_HEADER].split())
    clauses, _, date = value.rpartition(";")
    clauses = clauses or value
    when = None
    if date.strip():
        try:
            when = parsedate_to_datetime(date.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            when = None
    if when is not None and when.tzinfo is None:
        when = None  # a date without its zone cannot be compared with the others
    sender, receiver, protocol = FROM.search(clauses), BY.search(clauses), WITH.search(clauses)
    address = IP.search(clauses)
    return Hop(
        sender=sender.group(1).lower().rstrip(".") if sender else "",
        receiver=receiver.group(1).lower().rstrip(".") if receiver else "",
        protocol=protocol.group(1) if protocol else "",
        encrypted=bool(TLS.search(clauses)),
        when=when,
        address=address.group(1) if address else "",
    )


def timeline(values: list[str]) -> list[Hop]:
    """The hops oldest first (headers are added on top), with each hop's delay since the one
    before; the slowest hop is marked when it took more than a minute."""
    hops = [parse_hop(value) for value in reversed(values[:MAX_HOPS])]
    timed: list[Hop] = []
    previous: datetime | None = None
    for hop in hops:
        delay = None
        if hop.when is not None and previous is not None:
            delay = max(0.0, (hop.when - previous).total_seconds())
        if hop.when is not None:
            previous = hop.when
        timed.append(replace(hop, delay=delay))
    delays = [hop.delay for hop in timed if hop.delay is not None]
    if delays and max(delays) > 60:
        slowest = delays.index(max(delays))
        index = [i for i, hop in enumerate(timed) if hop.delay is not None][slowest]
        timed[index] = replace(timed[index], slowest=True)
    return timed
