"""DMARC (RFC 7489) read the way receivers read it: one record, policy discovery, report rights.

Long on purpose: the record's grammar (§6.3, §6.4), discovery with its fallback to the
organisational domain (§6.6.3), the authorisation of external report destinations (§7.1) and the
advice that follows from them only make sense together, and the diagnostic's check should not
have to know any of it.

Pure: no Django, no network. DNS answers come from `lookup_of(name)`, which returns None for a
question not asked yet; `discover` then lists it in `needs`, so the caller asks those in one
concurrent round and calls again, until `needs` is empty.

Severity is exact about what receivers do. ERROR: receivers ignore the whole record (no
v=DMARC1 first, a duplicate tag, an invalid p or sp without a usable rua, several records).
WARNING: receivers drop one value and use the default (or act as p=none, §6.6.3 step 6), or
lose reports. NOTE: harmless, worth saying.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from publicsuffixlist import PublicSuffixList

from guides.diagnostics.resolver import Lookup, Outcome

POLICIES = ("none", "quarantine", "reject")
KNOWN_TAGS = ("v", "p", "sp", "pct", "adkim", "aspf", "fo", "rf", "ri", "rua", "ruf")
WSP = " \t"
# §6.6.3 discovery keeps the TXT strings that start with a v=DMARC1 tag (ABNF: *WSP around "=");
# the prefix is matched without case so that "v=dmarc1" is reported rather than overlooked.
SELECTOR = re.compile(r"v[ \t]*=[ \t]*dmarc1", re.IGNORECASE)
# §6.4 dmarc-uri for mailto: the address, an optional ?query, and an optional "!" size limit.
MAILTO = re.compile(
    r"mailto:(?P<local>[^@\s!?]+)@(?P<domain>[A-Za-z0-9.-]+?)\.?(?:\?[^!\s]*)?(?:!\d+[kmgt]?)?",
    re.IGNORECASE,
)
HOST = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9-]{1,63})+")
SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class Fault(StrEnum):
    VERSION_NOT_FIRST = "version_not_first"  # error: not a DMARC record for receivers
    VERSION_INVALID = "version_invalid"  # error: v= must be exactly DMARC1
    VERSION_SEPARATOR_MISSING = "version_separator_missing"  # error: "v=DMARC1 p=none"
    DUPLICATE_TAG = "duplicate_tag"  # error: DKIM tag-list rule (RFC 6376 §3.2)
    POLICY_MISSING = "policy_missing"  # error, or warning when rua rescues it (p=none)
    POLICY_INVALID = "policy_invalid"  # error, or warning when rua rescues it (p=none)
    SUBDOMAIN_POLICY_INVALID = "subdomain_policy_invalid"  # idem (§6.6.3 step 6)
    POLICY_NOT_SECOND = "policy_not_second"  # note: §6.4 lists p right after v
    MALFORMED_TAG = "malformed_tag"  # warning: a segment without "=": ignored
    UNKNOWN_TAG = "unknown_tag"  # note: ignored (§6.3)
    PCT_INVALID = "pct_invalid"  # warning: 100 is used
    ALIGNMENT_INVALID = "alignment_invalid"  # warning: adkim/aspf default to r
    FO_INVALID = "fo_invalid"  # warning: 0 is used
    RF_INVALID = "rf_invalid"  # warning: afrf is used
    RI_INVALID = "ri_invalid"  # warning: 86400 is used
    URI_NOT_MAILTO = "uri_not_mailto"  # warning: receivers only promise mailto (§6.2)
    URI_WITHOUT_SCHEME = "uri_without_scheme"  # warning: "rua=a@b.test", no mailto:
    URI_INVALID = "uri_invalid"  # warning: a mailto: whose address or size is wrong
    MULTIPLE_RECORDS = "multiple_records"  # error: receivers apply none (§6.6.3 step 5)
    DESTINATION_NOT_AUTHORISED = "destination_not_authorised"  # warning: its reports are lost
    DESTINATION_NOT_CHECKED = "destination_not_checked"  # note: its lookup failed
    WILDCARD_RECORD = "wildcard_record"  # note: the answer comes from a wildcard


@dataclass(frozen=True)
class Problem:
    """One fault: `tag` is the tag as written (trimmed), `part` the piece at fault in it."""

    fault: Fault
    severity: Severity
    tag: str
    part: str = ""


@dataclass(frozen=True)
class DmarcRecord:
    """What receivers take from one record. `policy` and `subdomain_policy` are None when they
    ignore it; `declared_policy` is the valid p as written even then (for advice); `kept` are
    the known, valid tags (first occurrence, values normalised) a corrected record keeps;
    `tag_texts` each tag's first text as written."""

    text: str
    policy: str | None
    subdomain_policy: str | None
    policy_defaulted: bool
    pct: int
    adkim: str
    aspf: str
    rua: tuple[str, ...]
    ruf: tuple[str, ...]
    problems: tuple[Problem, ...]
    declared_policy: str | None
    kept: tuple[tuple[str, str], ...]
    tag_texts: tuple[tuple[str, str], ...]
    had_rua: bool

    @property
    def applies(self) -> bool:
        return self.policy is not None


class DmarcState(StrEnum):
    PENDING = "pending"  # a policy question is still in `needs`
    NOT_CHECKED = "not_checked"  # a policy lookup failed: nothing can be said
    NO_RECORD = "no_record"  # neither the domain nor its organisational domain has one
    MULTIPLE = "multiple"  # several records at the deciding name: none applies
    IGNORED = "ignored"  # one record, which receivers ignore (see its errors)
    APPLIED = "applied"  # a policy is in force for the domain


@dataclass(frozen=True)
class Destination:
    """One rua/ruf address (`tag` is "rua" or "ruf"). `authorisation_name` is "" inside the
    organisational domain (no check needed); `authorised` is None while unknown (not asked yet,
    or the lookup failed)."""

    tag: str
    address: str
    authorisation_name: str
    authorised: bool | None


@dataclass(frozen=True)
class DmarcDiscovery:
    """`record_name` is where the deciding record(s) sit ("" when none), `inherited` whether
    that is the organisational domain's; `policy` is the one in force for `domain`;
    `org_policy` is what the organisational domain's record would give `domain` (advice only)."""

    domain: str
    org_domain: str
    state: DmarcState
    record_name: str = ""
    inherited: bool = False
    record: DmarcRecord | None = None
    policy: str | None = None
    org_policy: str | None = None
    from_wildcard: bool = False
    failed_lookup: Lookup | None = None
    problems: tuple[Problem, ...] = ()
    destinations: tuple[Destination, ...] = ()
    needs: tuple[tuple[str, str], ...] = ()
    records: tuple[str, ...] = ()

    @property
    def fix_name(self) -> str:
        """Where a corrected record goes."""
        return self.record_name or dmarc_name(domain=self.domain)


def dmarc_name(*, domain: str) -> str:
    return f"_dmarc.{_normal(domain)}"


def authorisation_name(*, domain: str, destination: str) -> str:
    """§7.1: the TXT that lets `destination` receive `domain`'s reports."""
    return f"{_normal(domain)}._report._dmarc.{_normal(destination)}"


@cache
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def organisational_domain(*, domain: str) -> str:
    """§3.2: one label under the longest public suffix (the PSL's default rule `*` makes an
    unknown TLD such as .test a suffix); a public suffix itself is its own."""
    name = _normal(domain)
    return _psl().privatesuffix(name, accept_unknown=True) or name


def dmarc_texts(*, texts: tuple[str, ...] | list[str]) -> list[str]:
    """The TXT strings receivers keep at a _dmarc name (§6.6.3 steps 2 and 4)."""
    return [text for text in texts if SELECTOR.match(text)]


def parse_record(*, text: str) -> DmarcRecord:
    """One record, as receivers apply it, with every fault found."""
    problems: list[Problem] = []
    segments = [segment.strip(WSP) for segment in text.split(";")]
    if not re.match(r"v[ \t]*=", text, re.IGNORECASE):
        first = next((segment for segment in segments if segment), text)
        problems.append(Problem(Fault.VERSION_NOT_FIRST, Severity.ERROR, first))
    tags: list[tuple[str, str, str]] = []  # (name, value, text as written)
    for index, segment in enumerate(segments):
        if not segment:
            continue
        name, equals, value = segment.partition("=")
        name, value = name.strip(WSP).lower(), value.strip(WSP)
        if not equals or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            problems.append(Problem(Fault.MALFORMED_TAG, Severity.WARNING, segment))
            continue
        if index == 0 and name == "v":
            value, rest = _split_version(value)
            if rest:
                problems.append(Problem(Fault.VERSION_SEPARATOR_MISSING, Severity.ERROR, segment))
                tags.append((name, value, segment))
                rest_name, _equals, rest_value = rest.partition("=")
                tags.append((rest_name.strip(WSP).lower(), rest_value.strip(WSP), segment))
                continue
        tags.append((name, value, segment))
    return _interpret(text=text, tags=tags, problems=problems)


def _split_version(value: str) -> tuple[str, str]:
    """("DMARC1", "p=none") for "DMARC1 p=none": the ";" after v=DMARC1 forgotten."""
    match = re.fullmatch(r"(dmarc1)[ \t,:]+([a-z]+[ \t]*=.*)", value, re.IGNORECASE)
    return (match[1], match[2]) if match else (value, "")


def _interpret(
    *, text: str, tags: list[tuple[str, str, str]], problems: list[Problem]
) -> DmarcRecord:
    seen: dict[str, str] = {}
    for name, value, written in tags:
        if name in seen:
            problems.append(Problem(Fault.DUPLICATE_TAG, Severity.ERROR, written, name))
        elif name in KNOWN_TAGS:
            seen[name] = value
        else:
            problems.append(Problem(Fault.UNKNOWN_TAG, Severity.NOTE, written, name))
    written_of: dict[str, str] = {}
    for name, _value, written in tags:
        written_of.setdefault(name, written)
    version = seen.get("v")
    if version is not None and version != "DMARC1":
        problems.append(Problem(Fault.VERSION_INVALID, Severity.ERROR, written_of["v"], version))

    kept: list[tuple[str, str]] = []
    values: dict[str, str] = {}

    def keep(name: str, value: str) -> None:
        kept.append((name, value))
        values[name] = value

    def bad(fault: Fault, name: str, part: str = "") -> None:
        problems.append(Problem(fault, Severity.WARNING, written_of[name], part))

    uris: dict[str, tuple[str, ...]] = {"rua": (), "ruf": ()}
    for name, value in seen.items():
        lowered = value.lower()
        if name in ("p", "sp"):
            if lowered in POLICIES:
                keep(name, lowered)
        elif name == "pct":
            if re.fullmatch(r"\d{1,3}", value) and int(value) <= 100:
                keep(name, str(int(value)))
            else:
                bad(Fault.PCT_INVALID, name)
        elif name in ("adkim", "aspf"):
            if lowered in ("r", "s"):
                keep(name, lowered)
            else:
                bad(Fault.ALIGNMENT_INVALID, name)
        elif name == "fo":
            options = [option.strip(WSP) for option in lowered.split(":")]
            if all(option in ("0", "1", "d", "s") for option in options):
                keep(name, ":".join(options))
            else:
                bad(Fault.FO_INVALID, name)
        elif name == "rf":
            formats = [item.strip(WSP) for item in lowered.split(":")]
            if "afrf" in formats and all(re.fullmatch(r"[a-z0-9-]+", f) for f in formats):
                keep(name, ":".join(formats))
            else:
                bad(Fault.RF_INVALID, name)
        elif name == "ri":
            if re.fullmatch(r"\d+", value):
                keep(name, str(int(value)))
            else:
                bad(Fault.RI_INVALID, name)
        elif name in ("rua", "ruf"):
            good = _report_uris(value=value, on_fault=lambda fault, uri, n=name: bad(fault, n, uri))
            uris[name] = tuple(address for _uri, address in good)
            if good:
                keep(name, ",".join(uri for uri, _address in good))
    return _policy(
        text=text,
        seen=seen,
        values=values,
        kept=kept,
        uris=uris,
        written_of=written_of,
        p_second=[name for name, _value, _written in tags[:2]] == ["v", "p"],
        problems=problems,
    )


def _report_uris(*, value: str, on_fault: Callable[[Fault, str], None]) -> list[tuple[str, str]]:
    """The usable (uri, address) pairs of a rua/ruf value; the others reported."""
    good = []
    for uri in (item.strip(WSP) for item in value.split(",")):
        if not uri:
            continue
        match = MAILTO.fullmatch(uri)
        if match and HOST.fullmatch(match["domain"].lower()):
            good.append((uri, f"{match['local']}@{match['domain'].lower()}"))
        elif uri.lower().startswith("mailto:"):
            on_fault(Fault.URI_INVALID, uri)
        elif SCHEME.match(uri):
            on_fault(Fault.URI_NOT_MAILTO, uri)
        else:
            on_fault(Fault.URI_WITHOUT_SCHEME, uri)
    return good


def _policy(
    *,
    text: str,
    seen: dict[str, str],
    values: dict[str, str],
    kept: list[tuple[str, str]],
    uris: dict[str, tuple[str, ...]],
    written_of: dict[str, str],
    p_second: bool,
    problems: list[Problem],
) -> DmarcRecord:
    """§6.6.3 step 6: an invalid or missing p, or an invalid sp, makes receivers ignore the
    record, unless rua holds a usable (mailto) URI: then they act as if it said p=none."""
    rescued = bool(uris["rua"])
    severity = Severity.WARNING if rescued else Severity.ERROR
    written = written_of
    if "p" not in seen:
        problems.append(Problem(Fault.POLICY_MISSING, severity, ""))
    elif "p" not in values:
        problems.append(Problem(Fault.POLICY_INVALID, severity, written["p"], seen["p"]))
    elif not p_second:
        problems.append(Problem(Fault.POLICY_NOT_SECOND, Severity.NOTE, written["p"]))
    if "sp" in seen and "sp" not in values:
        problems.append(Problem(Fault.SUBDOMAIN_POLICY_INVALID, severity, written["sp"]))
    policy_faults = {Fault.POLICY_MISSING, Fault.POLICY_INVALID, Fault.SUBDOMAIN_POLICY_INVALID}
    defaulted = any(p.fault in policy_faults for p in problems)
    ignored = any(p.severity is Severity.ERROR for p in problems)
    policy = None if ignored else "none" if defaulted else values["p"]
    subdomain_policy = None if ignored else "none" if defaulted else values.get("sp", values["p"])
    return DmarcRecord(
        text=text,
        policy=policy,
        subdomain_policy=subdomain_policy,
        policy_defaulted=defaulted and not ignored,
        pct=int(values.get("pct", "100")),
        adkim=values.get("adkim", "r"),
        aspf=values.get("aspf", "r"),
        rua=uris["rua"],
        ruf=uris["ruf"],
        problems=tuple(problems),
        declared_policy=values.get("p"),
        kept=tuple(kept),
        tag_texts=tuple(written_of.items()),
        had_rua="rua" in seen,
    )


def discover(
    *,
    domain: str,
    lookup_of: Callable[[str], Lookup | None],
    wildcard_probe: str = "",
) -> DmarcDiscovery:
    """The policy receivers apply to mail from `domain` (§6.6.3), resumable through `needs`.

    `_dmarc.<domain>` and, for a subdomain, `_dmarc.<organisational domain>` are asked in the
    same first round (one round saved, one question perhaps wasted); the report destinations'
    authorisations in the next. A failed lookup gives NOT_CHECKED, never NO_RECORD.

    Wildcards: receivers apply a synthesised answer like any other, but the fix is elsewhere.
    Pass `wildcard_probe`, a random-label sibling of `_dmarc.<domain>` (for example
    f"{secrets.token_hex(8)}.{domain}"): when it carries the same DMARC record, the record comes
    from a wildcard (`from_wildcard`, and a WILDCARD_RECORD note)."""
    domain = _normal(domain)
    org = organisational_domain(domain=domain)
    own_name, org_name = dmarc_name(domain=domain), dmarc_name(domain=org)
    questions = [own_name] + ([org_name] if org != domain else []) + [_normal(wildcard_probe)]
    answers = {name: lookup_of(name) for name in questions if name}
    needs = [(name, "TXT") for name, lookup in answers.items() if lookup is None]
    org_policy = None
    if org != domain and (org_lookup := answers[org_name]) and not org_lookup.failed:
        org_texts = dmarc_texts(texts=_texts(org_lookup))
        if len(org_texts) == 1:
            org_policy = parse_record(text=org_texts[0]).subdomain_policy
    base = {"domain": domain, "org_domain": org, "org_policy": org_policy}

    own = answers[own_name]
    if own is None:
        return DmarcDiscovery(**base, state=DmarcState.PENDING, needs=tuple(needs))
    if own.failed:
        return DmarcDiscovery(**base, state=DmarcState.NOT_CHECKED, failed_lookup=own)
    texts, name, inherited = dmarc_texts(texts=_texts(own)), own_name, False
    near_misses = [] if texts else _near_misses(_texts(own))
    if not texts and org != domain:
        org_lookup = answers[org_name]
        if org_lookup is None:
            return DmarcDiscovery(**base, state=DmarcState.PENDING, needs=tuple(needs))
        if org_lookup.failed:
            return DmarcDiscovery(**base, state=DmarcState.NOT_CHECKED, failed_lookup=org_lookup)
        texts, name, inherited = dmarc_texts(texts=_texts(org_lookup)), org_name, True
    found = {"record_name": name if texts else "", "inherited": inherited, "records": tuple(texts)}
    if not texts:
        return DmarcDiscovery(**base, state=DmarcState.NO_RECORD, problems=tuple(near_misses))
    if len(texts) > 1:
        problem = Problem(Fault.MULTIPLE_RECORDS, Severity.ERROR, " | ".join(texts))
        return DmarcDiscovery(**base, **found, state=DmarcState.MULTIPLE, problems=(problem,))

    record = parse_record(text=texts[0])
    problems = list(near_misses) + list(record.problems)
    from_wildcard = False
    if not inherited and wildcard_probe:
        probe = answers[_normal(wildcard_probe)]
        from_wildcard = probe is not None and dmarc_texts(texts=_texts(probe)) == texts
        if from_wildcard:
            problems.append(Problem(Fault.WILDCARD_RECORD, Severity.NOTE, texts[0]))
    policy_domain = org if inherited else domain
    destinations = _destinations(record=record, domain=policy_domain, lookup_of=lookup_of)
    written = dict(record.tag_texts)
    for destination in destinations:
        lookup = (
            lookup_of(destination.authorisation_name) if destination.authorisation_name else None
        )
        if destination.authorised is False:
            fault, severity = Fault.DESTINATION_NOT_AUTHORISED, Severity.WARNING
        elif destination.authorised is None and lookup is None:
            needs.append((destination.authorisation_name, "TXT"))
            continue
        elif destination.authorised is None:
            fault, severity = Fault.DESTINATION_NOT_CHECKED, Severity.NOTE
        else:
            continue
        problems.append(Problem(fault, severity, written[destination.tag], destination.address))
    policy = record.subdomain_policy if inherited else record.policy
    return DmarcDiscovery(
        **base,
        **found,
        state=DmarcState.APPLIED if record.applies else DmarcState.IGNORED,
        record=record,
        policy=policy,
        from_wildcard=from_wildcard,
        problems=tuple(problems),
        destinations=tuple(destinations),
        needs=tuple(dict.fromkeys(needs)),
    )


def _destinations(
    *, record: DmarcRecord, domain: str, lookup_of: Callable[[str], Lookup | None]
) -> list[Destination]:
    """§7.1: an address outside `domain`'s organisational domain receives its reports only
    when `<domain>._report._dmarc.<destination>` holds a TXT starting with v=DMARC1."""
    org = organisational_domain(domain=domain)
    result = []
    for tag, addresses in (("rua", record.rua), ("ruf", record.ruf)):
        for address in dict.fromkeys(addresses):
            host = address.rpartition("@")[2]
            if organisational_domain(domain=host) == org:
                result.append(Destination(tag, address, "", True))
                continue
            name = authorisation_name(domain=domain, destination=host)
            lookup = lookup_of(name)
            authorised = None
            if lookup is not None and not lookup.failed:
                authorised = any(text.lower().startswith("v=dmarc1") for text in _texts(lookup))
            result.append(Destination(tag, address, name, authorised))
    return result


def report_mail_questions(*, discovery: DmarcDiscovery) -> list[tuple[str, str]]:
    """The MX question of each report address's domain: a domain that receives no mail
    receives no reports either."""
    hosts = dict.fromkeys(
        destination.address.rpartition("@")[2] for destination in discovery.destinations
    )
    return [(host, "MX") for host in hosts]


def _near_misses(texts: tuple[str, ...]) -> list[Problem]:
    """TXT strings that look meant as DMARC but that receivers discard (v=DMARC1 not first)."""
    return [
        Problem(Fault.VERSION_NOT_FIRST, Severity.ERROR, text)
        for text in texts
        if re.search(r"v[ \t]*=[ \t]*dmarc1", text, re.IGNORECASE)
    ]


def suggested_record(*, domain: str, discovery: DmarcDiscovery) -> str:
    """The record to paste at `discovery.fix_name`, or "" when there is nothing to paste: the
    answer is unknown (pending, lookup failed), or the organisational domain's working record
    already covers `domain`. Never lowers a policy in force: a faulty record keeps its p (or,
    when p is unusable, the one the organisational domain would give), a working one is
    returned unchanged."""
    domain = _normal(domain)
    state = discovery.state
    if state in (DmarcState.PENDING, DmarcState.NOT_CHECKED):
        return ""
    if state is DmarcState.NO_RECORD:
        meant = [p.tag for p in discovery.problems if p.fault is Fault.VERSION_NOT_FIRST]
        if meant:  # a record receivers discard: its policy is still what the customer meant
            return _corrected(record=parse_record(text=meant[0]), discovery=discovery)
        return f"v=DMARC1; p=none; rua=mailto:postmaster@{domain}"
    if state is DmarcState.MULTIPLE:
        records = [parse_record(text=text) for text in discovery.records]
        strongest = max(records, key=lambda r: POLICIES.index(r.declared_policy or "none"))
        return _corrected(record=strongest, discovery=discovery)
    record = discovery.record
    assert record is not None
    if discovery.inherited and record.applies:
        return ""
    if not any(p.severity is not Severity.NOTE for p in record.problems):
        return record.text
    return _corrected(record=record, discovery=discovery)


def _corrected(*, record: DmarcRecord, discovery: DmarcDiscovery) -> str:
    """The record with its faults removed: valid tags kept in their order, p right after v."""
    owner = discovery.fix_name.removeprefix("_dmarc.")
    fallback = None if discovery.inherited else discovery.org_policy
    policy = record.declared_policy or fallback or "none"
    tags = [("v", "DMARC1"), ("p", policy)]
    tags += [(name, value) for name, value in record.kept if name not in ("v", "p")]
    if record.had_rua and not record.rua:
        tags.append(("rua", f"mailto:postmaster@{owner}"))
    return "; ".join(f"{name}={value}" for name, value in tags)


def _texts(lookup: Lookup) -> tuple[str, ...]:
    if lookup.outcome is not Outcome.ANSWER:
        return ()
    return tuple(text for text in lookup.records if isinstance(text, str))


def _normal(name: str) -> str:
    return name.strip().rstrip(".").lower()
