"""A message's headers read together: the hops of its Received chain, its authentication
verdicts, its passage through OVH's servers and the spam filters' signals, and from these the
likely reasons it went to spam, most likely first."""

from dataclasses import dataclass, field
from email.message import Message

from django.utils.translation import gettext as _

from guides.messages.authentication import Verdict, read_received_spf, read_results
from guides.messages.message_text import header_text
from guides.messages.received import Hop, timeline
from guides.messages.spam_headers import SpamReading, read_spam_headers
from guides.models import Protection

MAX_HEADERS = 500
OVH_SUFFIXES = (".mail.ovh.net", ".mail-out.ovh.net", ".ovh.net")


@dataclass(frozen=True)
class OvhStop:
    host: str
    role: str

    def to_json(self) -> dict:
        return {"host": self.host, "role": self.role}


@dataclass(frozen=True)
class HeaderReading:
    hops: list[Hop] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    ovh: list[OvhStop] = field(default_factory=list)
    spam: SpamReading = field(default_factory=SpamReading)
    reasons: list[str] = field(default_factory=list)
    subject: str = ""

    @property
    def slowest(self) -> Hop | None:
        return next((hop for hop in self.hops if hop.slowest), None)

    def to_json(self) -> dict:
        return {
            "subject": self.subject,
            "hops": [hop.to_json() for hop in self.hops],
            "authentication": [verdict.to_json() for verdict in self.verdicts],
            "ovh_servers": [stop.to_json() for stop in self.ovh],
            "spam_signals": [signal.to_json() for signal in self.spam.signals],
            "spamcause": (
                {"encrypted": self.spam.spamcause.encrypted, "decoded": self.spam.spamcause.text}
                if self.spam.spamcause
                else None
            ),
            "went_to_spam": self.spam.went_to_spam,
            "likely_reasons": self.reasons,
        }


def ovh_stops(hops: list[Hop], mx_hosts: dict[str, str]) -> list[OvhStop]:
    stops: dict[str, OvhStop] = {}
    for hop in hops:
        for host in hop.hosts:
            if host in stops:
                continue
            if host in mx_hosts:
                stops[host] = OvhStop(
                    host,
                    _("serveur MX d'OVHcloud : %(protection)s")
                    % {"protection": Protection(mx_hosts[host]).label},
                )
            elif host == "ssl0.ovh.net":
                stops[host] = OvhStop(host, _("serveur sortant d'OVHcloud (vos messages envoyés)"))
            elif host.endswith(OVH_SUFFIXES):
                stops[host] = OvhStop(host, _("serveur de messagerie d'OVHcloud"))
    return list(stops.values())


def likely_reasons(verdicts: list[Verdict], spam: SpamReading) -> list[str]:
    """Why the message was probably judged spam, most likely first."""
    reasons = []
    failed = {verdict.method for verdict in verdicts if verdict.failed}
    passed = {verdict.method for verdict in verdicts if verdict.result == "pass"}
    if "dmarc" in failed:
        reasons.append(_("DMARC en échec : le domaine de l'expéditeur n'est pas authentifié."))
    if "spf" in failed:
        reasons.append(_("SPF en échec : le serveur expéditeur n'est pas autorisé par le domaine."))
    if "dkim" in failed:
        reasons.append(_("Signature DKIM invalide."))
    elif verdicts and "dkim" not in passed:
        reasons.append(_("Aucune signature DKIM."))
    if spam.spamcause and spam.spamcause.decoded:
        reasons.extend(
            _("Règle de l'anti-spam d'OVHcloud : %(rule)s (%(score)+d).")
            % {"rule": name, "score": score}
            for name, score in spam.spamcause.rules()[:3]
            if score > 0
        )
    reasons.extend(
        signal.meaning for signal in spam.signals if signal.spam and signal.value.startswith("CAT:")
    )
    if spam.went_to_spam and not reasons:
        reasons.append(
            _("Le contenu du message a été jugé suspect ; le filtre ne dit pas pourquoi.")
        )
    return reasons


def read_headers(message: Message, *, mx_hosts: dict[str, str]) -> HeaderReading:
    items = [(str(name), str(value)) for name, value in message.items()[:MAX_HEADERS]]
    received = [value for name, value in items if name.lower() == "received"]
    results = [
        value
        for name, value in items
        if name.lower() in ("authentication-results", "arc-authentication-results")
    ]
    hops = timeline(received)
    verdicts = read_results(results)
    if not any(verdict.method == "spf" for verdict in verdicts):
        verdicts += read_received_spf(
            [value for name, value in items if name.lower() == "received-spf"]
        )
    spam = read_spam_headers(items)
    reasons = likely_reasons(verdicts, spam) if spam.went_to_spam else []
    return HeaderReading(
        hops=hops,
        verdicts=verdicts,
        ovh=ovh_stops(hops, mx_hosts),
        spam=spam,
        reasons=reasons,
        subject=header_text(message.get("Subject", "")),
    )
