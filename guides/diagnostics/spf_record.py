"""OVH's side of SPF: the include it asks customers for, and an address its record authorises,
so that the diagnostic can compute the result one of OVH's sending servers would get."""

import ipaddress
from collections.abc import Callable, Iterable

from guides.diagnostics.resolver import Lookup, Outcome
from guides.diagnostics.spf_evaluation import MAX_LOOKUPS, is_spf_record

# OVH's recommended record is `v=spf1 include:mx.ovh.com ~all`; mx.ovh.com lists its senders.
OVH_INCLUDE = "mx.ovh.com"
RECOMMENDED = f"v=spf1 include:{OVH_INCLUDE} ~all"

# An address no record lists (RFC 6666's discard prefix): evaluating for it walks the whole
# record, so limits passed after OVH's include still show (they hit the customer's other senders).
NOBODY = "100::1"

Questions = tuple[tuple[str, str], ...]


def spf_records(texts: Iterable[str]) -> list[str]:
    """The TXT strings that are SPF records (already joined when split)."""
    return [text for text in texts if is_spf_record(text)]


def ovh_sender_address(*, lookup_of: Callable[[str, str], Lookup | None]) -> tuple[str, Questions]:
    """The first address of the first ip4/ip6 network that OVH's record (mx.ovh.com, followed
    through its includes) authorises: one of OVH's sending servers. ("", questions) while a
    record is still to be read; ("", ()) when none can be found."""
    name = OVH_INCLUDE
    for _level in range(MAX_LOOKUPS):
        lookup = lookup_of(name, "TXT")
        if lookup is None:
            return "", ((name, "TXT"),)
        records = spf_records(lookup.records) if lookup.outcome is Outcome.ANSWER else []
        if len(records) != 1:
            return "", ()
        terms = [term.lower() for term in records[0].split()[1:]]
        for term in terms:
            kind, _colon, value = term.lstrip("+").partition(":")
            if kind in ("ip4", "ip6") and value:
                try:
                    network = ipaddress.ip_network(value, strict=False)
                except ValueError:
                    continue
                return str(next(iter(network.hosts()), network.network_address)), ()
        targets = [
            term.split(":", 1)[1] if term.startswith("include:") else term.split("=", 1)[1]
            for term in terms
            if term.lstrip("+").startswith("include:") or term.startswith("redirect=")
        ]
        if not targets:
            return "", ()
        name = targets[0].lstrip("+").rstrip(".")
    return "", ()
