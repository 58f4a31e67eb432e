"""SPF's check_host() (RFC 7208 §4) for one sender IP, over DNS answers the caller already has.

Long on purpose: the record grammar (§12), macros (§7), the mechanisms (§5), the limits (§4.6.4)
and the proposed correction belong together, and splitting them would only scatter one RFC.

Nothing here asks DNS: `evaluate` reads answers through `lookup_of`, and when it reaches a
question without an answer it stops and says which questions it needs, so that the caller can
ask them concurrently (in rounds) and evaluate again from scratch. pyspf is the tests' oracle;
where RFC 7208 and pyspf differ in corners (see the tests), the RFC is followed.
"""

import difflib
import ipaddress
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from guides.diagnostics.resolver import Lookup

MAX_LOOKUPS = 10
MAX_VOID_LOOKUPS = 2
MAX_NAMES = 10  # MX exchanges, or PTR names, looked up per term
MAX_DOMAIN = 253

MECHANISMS = ("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists")
DNS_MECHANISMS = ("include", "a", "mx", "ptr", "exists")
QUALIFIERS = {"+": "pass", "-": "fail", "~": "softfail", "?": "neutral"}

_VERSION = re.compile(r"v=spf1(?: |$)", re.IGNORECASE)
_MODIFIER = re.compile(r"([a-z][a-z0-9_\-.]*)=(.*)", re.IGNORECASE | re.DOTALL)
_DUAL_CIDR = re.compile(r"//(0|[1-9]\d*)$")
_CIDR = re.compile(r"/(0|[1-9]\d*)$")
_QNUM = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)"
_IP4 = re.compile(rf"{_QNUM}(?:\.{_QNUM}){{3}}")
_TOPLABEL = r"(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])"
_DOMAIN_END = re.compile(rf"(?:\.{_TOPLABEL}\.?|%\{{[^}}]*\}}|%[%_-])$", re.IGNORECASE)
_MACRO = re.compile(r"%(?:\{([^}]*)\}|([%_-]))")
_MACRO_BODY = re.compile(r"([slodiphcrtv])(\d*)(r?)([.\-+,/_=]*)", re.IGNORECASE)
_LITERAL = re.compile(r"[\x21-\x7e]*")


class SpfResult(StrEnum):
    PASS = "pass"  # noqa: S105 (an SPF result, not a password)
    FAIL = "fail"
    SOFTFAIL = "softfail"
    NEUTRAL = "neutral"
    NONE = "none"
    PERMERROR = "permerror"
    TEMPERROR = "temperror"


class SpfProblem(StrEnum):
    """Why a permerror or temperror, or a fault the page should name even when it passes."""

    MULTIPLE_RECORDS = "multiple_records"
    SYNTAX = "syntax"
    UNKNOWN_MECHANISM = "unknown_mechanism"
    MISSING_SPACE = "missing_space"  # two terms glued, as by TXT strings joined without a space
    TOO_MANY_LOOKUPS = "too_many_lookups"
    TOO_MANY_VOID_LOOKUPS = "too_many_void_lookups"
    TOO_MANY_MX_OR_PTR_NAMES = "too_many_mx_or_ptr_names"
    LOOP = "loop"
    INCLUDE_WITHOUT_RECORD = "include_without_record"
    REDIRECT_WITHOUT_RECORD = "redirect_without_record"
    REDIRECT_IGNORED = "redirect_ignored"
    DUPLICATE_MODIFIER = "duplicate_modifier"
    DNS_FAILURE = "dns_failure"


@dataclass(frozen=True)
class SpfEvaluation:
    result: SpfResult | None  # None while answers are still needed
    needs: tuple[tuple[str, str], ...] = ()
    problem: SpfProblem | None = None
    term: str = ""
    record: str = ""
    lookups: int = 0
    void_lookups: int = 0
    redirect_ignored: bool = False


@dataclass(frozen=True)
class SpfFault:
    """One fault of a record read alone: what is wrong, and the exact term."""

    problem: SpfProblem
    term: str


@dataclass(frozen=True)
class _Mechanism:
    term: str
    qualifier: SpfResult
    name: str
    domain_spec: str = ""  # "" for the current domain (a, mx, ptr)
    network: str = ""  # ip4, ip6
    cidr4: int = 32
    cidr6: int = 128


@dataclass
class _Record:
    mechanisms: list[_Mechanism] = field(default_factory=list)
    redirect: tuple[str, str] | None = None  # (term, domain-spec)
    faults: list[SpfFault] = field(default_factory=list)


class _Stop(Exception):
    def __init__(self, result: SpfResult, problem: SpfProblem | None, term: str = "") -> None:
        super().__init__(result, problem, term)
        self.result, self.problem, self.term = result, problem, term


class _Need(Exception):
    def __init__(self, questions: tuple[tuple[str, str], ...]) -> None:
        super().__init__(questions)
        self.questions = questions


# --- Reading a record -----------------------------------------------------------------------


def is_spf_record(text: str) -> bool:
    """§4.5: "v=spf1" then a space or the end, in any case."""
    return bool(_VERSION.match(text))


def record_problems(*, text: str) -> list[SpfFault]:
    """Every fault of one record read alone, in order, so the page can say what is wrong with
    the customer's record whatever its result for one IP."""
    if not is_spf_record(text):
        return [SpfFault(SpfProblem.SYNTAX, text.split(" ", 1)[0])]
    record = _parse(text)
    glued = {term for term in text.split(" ")[1:] if _glued(term)}
    faults = [
        SpfFault(SpfProblem.MISSING_SPACE, term) for term in text.split(" ")[1:] if term in glued
    ]
    faults += [fault for fault in record.faults if fault.term not in glued]
    counted = [m.term for m in record.mechanisms if m.name in DNS_MECHANISMS]
    if record.redirect and not _has_all(record):
        counted.append(record.redirect[0])
    if len(counted) > MAX_LOOKUPS:
        faults.append(SpfFault(SpfProblem.TOO_MANY_LOOKUPS, counted[MAX_LOOKUPS]))
    return faults


def _has_all(record: _Record) -> bool:
    return any(m.name == "all" for m in record.mechanisms)


def _parse(text: str) -> _Record:
    """The terms of a record (its version already checked), with every fault found."""
    record = _Record()
    seen: set[str] = set()
    for term in text.split(" ")[1:]:
        if not term:
            continue
        if modifier := _MODIFIER.fullmatch(term):
            name, value = modifier.group(1).lower(), modifier.group(2)
            if name in ("redirect", "exp"):
                if name in seen:
                    record.faults.append(SpfFault(SpfProblem.DUPLICATE_MODIFIER, term))
                    continue
                seen.add(name)
                if not _valid_domain_spec(value):
                    record.faults.append(SpfFault(SpfProblem.SYNTAX, term))
                elif name == "redirect":
                    record.redirect = (term, value)
            elif not _valid_macro_string(value):
                record.faults.append(SpfFault(SpfProblem.SYNTAX, term))
            continue
        mechanism = _mechanism(term)
        if isinstance(mechanism, SpfFault):
            record.faults.append(mechanism)
        else:
            record.mechanisms.append(mechanism)
    if record.redirect and _has_all(record):
        record.faults.append(SpfFault(SpfProblem.REDIRECT_IGNORED, record.redirect[0]))
    return record


def _mechanism(term: str) -> _Mechanism | SpfFault:
    """One directive (§5, §12), or why it is not one."""
    qualifier = SpfResult.PASS
    body = term
    if body[:1] in QUALIFIERS:
        qualifier, body = SpfResult(QUALIFIERS[body[0]]), body[1:]
    cidr4: int | None = None
    cidr6: int | None = None
    if found := _DUAL_CIDR.search(body):
        cidr6, body = int(found.group(1)), body[: found.start()]
    if found := _CIDR.search(body):
        cidr4, body = int(found.group(1)), body[: found.start()]
    name, colon, argument = body.partition(":")
    name = name.lower()
    syntax = SpfFault(SpfProblem.SYNTAX, term)
    if name not in MECHANISMS:
        return SpfFault(SpfProblem.UNKNOWN_MECHANISM, term)
    if colon and not argument and name != "all":
        return syntax
    match name:
        case "all":
            if colon or cidr4 is not None or cidr6 is not None:
                return syntax
            return _Mechanism(term, qualifier, name)
        case "ip4":
            if cidr6 is not None or not _IP4.fullmatch(argument) or (cidr4 or 0) > 32:
                return syntax
            return _Mechanism(term, qualifier, name, network=argument, cidr4=_or(cidr4, 32))
        case "ip6":
            if cidr6 is not None or not _valid_ip6(argument) or (cidr4 or 0) > 128:
                return syntax
            return _Mechanism(term, qualifier, name, network=argument, cidr6=_or(cidr4, 128))
        case "a" | "mx":
            if (cidr4 or 0) > 32 or (cidr6 or 0) > 128:
                return syntax
            if argument and not _valid_domain_spec(argument):
                return syntax
            return _Mechanism(term, qualifier, name, argument, "", _or(cidr4, 32), _or(cidr6, 128))
        case _:  # include, exists (a domain-spec required), ptr (optional)
            if cidr4 is not None or cidr6 is not None:
                return syntax
            if (name != "ptr" and not argument) or (argument and not _valid_domain_spec(argument)):
                return syntax
            return _Mechanism(term, qualifier, name, argument)


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _valid_ip6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return "%" not in text


def _valid_macro_string(text: str, *, explanation: bool = False) -> bool:
    """§7.1: visible characters, and every "%" starts a valid macro (c, r, t only in exp)."""
    if not _LITERAL.fullmatch(text):
        return False
    rest = _MACRO.sub("", text)
    if "%" in rest:
        return False
    for body, _escape in _MACRO.findall(text):
        if not _escape:
            macro = _MACRO_BODY.fullmatch(body)
            if not macro or macro.group(2).startswith("0"):
                return False
            if macro.group(1).lower() in "crt" and not explanation:
                return False
    return True


def _valid_domain_spec(text: str) -> bool:
    """§7.1: a macro-string ending with "." and a top label, or with a macro."""
    return bool(text) and _valid_macro_string(text) and bool(_DOMAIN_END.search(text))


# --- Evaluating -----------------------------------------------------------------------------


@dataclass
class _State:
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address
    sender: str
    helo: str
    lookup_of: Callable[[str, str], Lookup | None]
    lookups: int = 0
    void_lookups: int = 0
    record: str = ""
    redirect_term: str = ""

    @property
    def address_type(self) -> str:
        return "A" if self.ip.version == 4 else "AAAA"


def evaluate(
    *,
    domain: str,
    ip: str,
    lookup_of: Callable[[str, str], Lookup | None],
    sender: str = "",
    helo: str = "",
) -> SpfEvaluation:
    """check_host(ip, domain, sender) as far as the answers at hand allow: the result, or the
    questions to ask before evaluating again."""
    address = ipaddress.ip_address(ip)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    domain = domain.rstrip(".").lower()
    state = _State(address, sender or f"postmaster@{domain}", helo or domain, lookup_of)
    problem, term = None, ""
    try:
        result = _check_host(state, domain=domain, chain=(domain,))
        if state.redirect_term:
            problem, term = SpfProblem.REDIRECT_IGNORED, state.redirect_term
    except _Need as need:
        return SpfEvaluation(
            None, need.questions, None, "", state.record, state.lookups, state.void_lookups
        )
    except _Stop as stop:
        result, problem, term = stop.result, stop.problem, stop.term
    return SpfEvaluation(
        result,
        (),
        problem,
        term,
        state.record,
        state.lookups,
        state.void_lookups,
        bool(state.redirect_term),
    )


def _check_host(state: _State, *, domain: str, chain: tuple[str, ...]) -> SpfResult:
    text = _spf_record(state, domain=domain, term="")
    if text is None:
        return SpfResult.NONE
    if len(chain) == 1:
        state.record = text
    return _evaluate_record(state, text=text, domain=domain, chain=chain)


def _spf_record(state: _State, *, domain: str, term: str) -> str | None:
    """§4.5: the one record of `domain`; None when it has none."""
    records = [t for t in _answer(state, name=domain, rdtype="TXT", term=term) if is_spf_record(t)]
    if len(records) > 1:
        raise _Stop(SpfResult.PERMERROR, SpfProblem.MULTIPLE_RECORDS, term)
    return records[0] if records else None


def _answer(state: _State, *, name: str, rdtype: str, term: str) -> tuple:
    """The records of one question, counting void lookups (§4.6.4); a name that cannot be a
    DNS name has none and is not asked (as pyspf does)."""
    name = name.rstrip(".").lower()
    if not name or any(not 0 < len(label) < 64 for label in name.split(".")):
        return ()
    lookup = state.lookup_of(name, rdtype)
    if lookup is None:
        raise _Need(((name, rdtype),))
    if lookup.failed:
        raise _Stop(SpfResult.TEMPERROR, SpfProblem.DNS_FAILURE, term)
    if not lookup.records:
        state.void_lookups += 1
        if state.void_lookups > MAX_VOID_LOOKUPS:
            raise _Stop(SpfResult.PERMERROR, SpfProblem.TOO_MANY_VOID_LOOKUPS, term)
    return lookup.records


def _answers(state: _State, *, names: list[str], rdtype: str, term: str) -> list[tuple]:
    """The records of several names, in order; all the missing ones are needed at once."""
    missing = tuple(
        (name, rdtype) for name in names if state.lookup_of(name, rdtype) is None and name
    )
    try:
        return [_answer(state, name=name, rdtype=rdtype, term=term) for name in names]
    except _Need:
        raise _Need(missing) from None


def _evaluate_record(state: _State, *, text: str, domain: str, chain: tuple[str, ...]) -> SpfResult:
    if not text.isascii():
        raise _Stop(SpfResult.PERMERROR, SpfProblem.SYNTAX, text)
    record = _parse(text)
    for fault in record.faults:
        if fault.problem is not SpfProblem.REDIRECT_IGNORED:
            raise _Stop(SpfResult.PERMERROR, fault.problem, fault.term)
    if record.redirect and _has_all(record) and len(chain) == 1:
        state.redirect_term = record.redirect[0]
    for mechanism in record.mechanisms:
        if _matches(state, mechanism=mechanism, domain=domain, chain=chain):
            return mechanism.qualifier
    if record.redirect is None or _has_all(record):
        return SpfResult.NEUTRAL
    term, spec = record.redirect
    _count_lookup(state, term)
    target = _expand(state, spec=spec, domain=domain)
    if target in chain:
        raise _Stop(SpfResult.PERMERROR, SpfProblem.LOOP, term)
    target_text = _spf_record(state, domain=target, term=term)
    if target_text is None:
        raise _Stop(SpfResult.PERMERROR, SpfProblem.REDIRECT_WITHOUT_RECORD, term)
    return _evaluate_record(state, text=target_text, domain=target, chain=(*chain, target))


def _count_lookup(state: _State, term: str) -> None:
    state.lookups += 1
    if state.lookups > MAX_LOOKUPS:
        raise _Stop(SpfResult.PERMERROR, SpfProblem.TOO_MANY_LOOKUPS, term)


def _matches(state: _State, *, mechanism: _Mechanism, domain: str, chain: tuple[str, ...]) -> bool:
    term, name = mechanism.term, mechanism.name
    if name == "all":
        return True
    if name in ("ip4", "ip6"):
        if (name == "ip4") != (state.ip.version == 4):
            return False
        return _in_network(
            state, [mechanism.network], mechanism.cidr4 if name == "ip4" else mechanism.cidr6
        )
    _count_lookup(state, term)
    target = (
        _expand(state, spec=mechanism.domain_spec, domain=domain)
        if (mechanism.domain_spec)
        else domain
    )
    cidr = mechanism.cidr4 if state.ip.version == 4 else mechanism.cidr6
    match name:
        case "include":
            if target in chain:
                raise _Stop(SpfResult.PERMERROR, SpfProblem.LOOP, term)
            text = _spf_record(state, domain=target, term=term)
            if text is None:
                raise _Stop(SpfResult.PERMERROR, SpfProblem.INCLUDE_WITHOUT_RECORD, term)
            result = _evaluate_record(state, text=text, domain=target, chain=(*chain, target))
            return result is SpfResult.PASS
        case "a":
            addresses = _answer(state, name=target, rdtype=state.address_type, term=term)
            return _in_network(state, list(addresses), cidr)
        case "mx":
            exchanges = _answer(state, name=target, rdtype="MX", term=term)
            if len(exchanges) > MAX_NAMES:
                raise _Stop(SpfResult.PERMERROR, SpfProblem.TOO_MANY_MX_OR_PTR_NAMES, term)
            hosts = [host for _preference, host in sorted(exchanges) if host != "."]
            answers = _answers(state, names=hosts, rdtype=state.address_type, term=term)
            return _in_network(state, [a for records in answers for a in records], cidr)
        case "exists":
            return bool(_answer(state, name=target, rdtype="A", term=term))
        case _:  # ptr (§5.5), done as pyspf does: at most 10 names, each validated.
            names = list(_answer(state, name=_reverse_name(state.ip), rdtype="PTR", term=term))
            names = names[:MAX_NAMES]
            answers = _answers(state, names=names, rdtype=state.address_type, term=term)
            validated = [
                n
                for n, records in zip(names, answers, strict=True)
                if _in_network(state, list(records), state.ip.max_prefixlen)
            ]
            return any(n == target or n.endswith(f".{target}") for n in validated)


def _in_network(state: _State, addresses: list[str], prefix: int) -> bool:
    for address in addresses:
        try:
            network = ipaddress.ip_network(f"{address}/{prefix}", strict=False)
        except ValueError:
            continue
        if state.ip in network:
            return True
    return False


def _reverse_name(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    return ip.reverse_pointer.lower()


# --- Macros (§7) ------------------------------------------------------------------------------


def _expand(state: _State, *, spec: str, domain: str) -> str:
    """A domain-spec with its macros expanded, without its final dot, at most 253 characters."""
    local, _at, sender_domain = state.sender.rpartition("@")
    values = {
        "s": state.sender,
        "l": local or "postmaster",
        "o": sender_domain,
        "d": domain,
        "i": _ip_macro(state.ip),
        "p": "unknown",  # no validated PTR name is sought: RFC 7208 §7.3 allows "unknown"
        "h": state.helo,
        "v": "in-addr" if state.ip.version == 4 else "ip6",
    }

    def expand_one(found: re.Match) -> str:
        body, escape = found.groups()
        if escape:
            return {"%": "%", "_": " ", "-": "%20"}[escape]
        letter, digits, reverse, delimiters = _MACRO_BODY.fullmatch(body).groups()
        parts = re.split(f"[{re.escape(delimiters or '.')}]", values[letter.lower()])
        if reverse:
            parts.reverse()
        if digits:
            parts = parts[-int(digits) :]
        value = ".".join(parts)
        return urllib.parse.quote(value, safe="~") if letter.isupper() else value

    expanded = _MACRO.sub(expand_one, spec).rstrip(".").lower()
    while len(expanded) > MAX_DOMAIN and "." in expanded:
        expanded = expanded.split(".", 1)[1]
    return expanded


def _ip_macro(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """%{i}: dotted quad, or (§7.3) the 32 nibbles of an IPv6 address separated by dots."""
    if ip.version == 4:
        return str(ip)
    return ".".join(ip.exploded.replace(":", "").upper())


# --- A record to paste ------------------------------------------------------------------------

_GLUE = re.compile(
    r"(?<=[a-z0-9.])(?=[+\-~?]?(?:include|exists|ip4|ip6|ptr|mx|a):|(?:redirect|exp)="
    r"|[+\-~?]all$)",
    re.IGNORECASE,
)
_KNOWN_TYPOS = {"ip": "ip4", "ipv4": "ip4", "ipv6": "ip6", "prt": "ptr", "all.": "all"}


def _term_fault(term: str) -> SpfFault | None:
    faults = [
        f for f in _parse(f"v=spf1 {term}").faults if f.problem is not SpfProblem.REDIRECT_IGNORED
    ]
    return faults[0] if faults else None


def _unglue(term: str) -> list[str]:
    """ "include:mx.ovh.cominclude:x" → the two terms it was before TXT strings were joined."""
    cuts = [m.start() for m in _GLUE.finditer(term) if m.start() > 0]
    # A cut inside a name ("...a:") is only taken where the name before it is a whole term.
    parts, start = [], 0
    for cut in cuts:
        if _term_fault(term[start:cut]) is None or term[start:cut].lower().startswith("v=spf1"):
            parts.append(term[start:cut])
            start = cut
    parts.append(term[start:])
    return parts


def _fix_typo(term: str) -> str:
    qualifier = term[0] if term[:1] in QUALIFIERS else ""
    body = term[len(qualifier) :]
    name, colon, rest = body.partition(":")
    lower = name.lower()
    fixed = _KNOWN_TYPOS.get(lower)
    if fixed is None and len(lower) >= 4:
        close = difflib.get_close_matches(lower, MECHANISMS, n=1, cutoff=0.7)
        fixed = close[0] if close else None
    return f"{qualifier}{fixed}{colon}{rest}" if fixed else term


def _glued(term: str) -> bool:
    """Two or more valid terms written without the space between them."""
    if term.lstrip("+-~?").lower().startswith("ip6:"):
        return False
    parts = _unglue(term)
    return len(parts) > 1 and all(_term_fault(part) is None for part in parts)


def corrected_record(*, text: str, include: str = "mx.ovh.com") -> str:
    """A valid record to paste that authorises `include` and keeps the customer's other
    senders: glued terms split, misspelt mechanisms corrected, invalid terms dropped, a redirect
    beside "all" turned into an include, the "all" last."""
    words = [w for w in text.strip().split() if w]
    if words and words[0].lower().startswith("v=spf1") and len(words[0]) > 6:
        words[0:1] = ["v=spf1", words[0][6:]]
    if words and words[0].lower() == "v=spf1":
        words = words[1:]
    terms: list[str] = []
    for word in words:
        for part in _unglue(word) if _glued(word) or _term_fault(word) else [word]:
            terms.append(part if _term_fault(part) is None else _fix_typo(part))
    mechanisms: list[str] = []
    modifiers: list[str] = []
    redirect: str | None = None
    final_all: str | None = None
    seen: set[str] = set()
    for term in terms:
        if _term_fault(term) is not None:
            continue
        if modifier := _MODIFIER.fullmatch(term):
            name = modifier.group(1).lower()
            if name in seen and name in ("redirect", "exp"):
                continue
            seen.add(name)
            if name == "redirect":
                redirect = modifier.group(2)
            else:
                modifiers.append(term)
        elif term.lstrip("+-~?").lower() == "all":
            final_all = final_all or term
        elif term.lower() not in (m.lower() for m in mechanisms):
            mechanisms.append(term)
    had_mechanisms = bool(mechanisms)
    if redirect is not None and final_all is not None:
        # Beside "all" a redirect is ignored (§6.1): what it meant to allow becomes an include.
        mechanisms.append(f"include:{redirect}")
        redirect = None
    wanted = {f"include:{include.lower()}", f"+include:{include.lower()}"}
    authorised = any(m.lower() in wanted for m in mechanisms) or (
        redirect is not None and redirect.lower() == include.lower()
    )
    if not authorised:
        mechanisms.append(f"include:{include}")
    if final_all is None and redirect is None and not had_mechanisms:
        final_all = "~all"
    tail = [final_all] if final_all else []
    if redirect is not None:
        tail.append(f"redirect={redirect}")
    return " ".join(["v=spf1", *mechanisms, *tail, *modifiers])
