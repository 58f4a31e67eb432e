"""Just enough of SPF (RFC 7208) to tell whether a domain lets OVH's servers send its mail."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from guides.diagnostics.resolver import Lookup, Outcome

# OVH's recommended record is `v=spf1 include:mx.ovh.com ~all`; mx.ovh.com lists its senders.
OVH_INCLUDE = "mx.ovh.com"
RECOMMENDED = f"v=spf1 include:{OVH_INCLUDE} ~all"
# RFC 7208 §4.6.4: at most ten DNS-querying terms; we follow no more names than that.
MAX_LOOKUPS = 10

TARGET = re.compile(r"[+\-~?]?include:(?P<include>\S+)|redirect=(?P<redirect>\S+)")
ALL = re.compile(r"(?P<qualifier>[+\-~?]?)all")


@dataclass(frozen=True)
class SpfRecord:
    text: str
    targets: tuple[str, ...]
    all_qualifier: str | None

    @property
    def allows_everyone(self) -> bool:
        return self.all_qualifier in ("", "+")


def spf_records(texts: Iterable[str]) -> list[str]:
    """The TXT strings that are SPF records (already joined when split)."""
    return [text for text in texts if re.match(r"v=spf1(\s|$)", text, re.IGNORECASE)]


def parse_spf(text: str) -> SpfRecord:
    targets = []
    all_qualifier = None
    for term in text.split()[1:]:
        if match := TARGET.fullmatch(term.lower()):
            target = (match["include"] or match["redirect"]).rstrip(".")
            if "%" not in target:
                targets.append(target)
        elif match := ALL.fullmatch(term.lower()):
            all_qualifier = match["qualifier"]
    return SpfRecord(text=text, targets=tuple(targets), all_qualifier=all_qualifier)


def targets_of(lookup: Lookup | None) -> list[str]:
    """The names the (first) SPF record of this TXT lookup includes or redirects to."""
    if lookup is None or lookup.outcome is not Outcome.ANSWER:
        return []
    records = spf_records(lookup.records)
    return list(parse_spf(records[0]).targets) if records else []


def reaches_ovh(*, record: SpfRecord, lookup_of: Callable[[str], Lookup | None]) -> bool | None:
    """Whether `record` authorises OVH's senders, directly or through includes; None when an
    include that could lead there could not be read."""
    seen: set[str] = set()
    pending = list(record.targets)
    unreadable = False
    while pending:
        name = pending.pop(0)
        if name in seen:
            continue
        seen.add(name)
        if name == OVH_INCLUDE:
            return True
        lookup = lookup_of(name)
        if lookup is None or lookup.failed:
            unreadable = True
            continue
        pending.extend(targets_of(lookup))
    return None if unreadable else False
