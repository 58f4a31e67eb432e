"""The message doctor's one entry point, for the page, the JSON API and `explain_message`:
what was pasted (a reply, a bounce, headers, an auto-reply), and what it means. Everything
happens in memory; nothing pasted is stored, logged or cached."""

import re
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from enum import StrEnum
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from guides.messages import tables
from guides.messages.bounce import Bounce, read_bounce
from guides.messages.headers import HeaderReading, read_headers
from guides.messages.message_text import body_text, header_text
from guides.messages.reply_table import ReplyEntry, best_entry
from guides.messages.smtp_reply import SmtpReply, find_replies, find_status
from guides.models import Actor
from guides.models.domain_names import DomainInputError, parse_domain

MAX_INPUT = 1_000_000
HEADER_LINE = re.compile(rb"^[A-Za-z0-9-]{1,76}:[ \t]?\S")
KNOWN_HEADERS = {
    "received",
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "return-path",
    "mime-version",
    "content-type",
    "authentication-results",
    "delivered-to",
    "x-vr-spamcause",
    "reply-to",
}
# The subjects auto-replies start with, when they carry no Auto-Submitted header.
AUTO_REPLY = re.compile(
    r"out of (?:the )?office|absent|absence|automatic reply|réponse automatique"
    r"|auto[- ]?reply|congés",
    re.IGNORECASE,
)
ADDRESS = re.compile(r"[\w.+-]{1,64}@([a-z0-9.-]{1,253}\.[a-z]{2,63})", re.IGNORECASE)


class Kind(StrEnum):
    REPLY = "reply"
    BOUNCE = "bounce"
    HEADERS = "headers"
    AUTO_REPLY = "auto_reply"


class MessageInputError(ValueError):
    """What the customer gave cannot be read; `message` says why, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Advice:
    """One reply with what the table says of it, and where to go next."""

    reply: SmtpReply
    entry: ReplyEntry | None
    guide_url: str = ""
    diagnostic_url: str = ""
    recipient: str = ""
    delayed: bool = False
    remote_server: str = ""

    @property
    def actor(self) -> Actor | None:
        return self.entry.actor if self.entry else None

    def to_json(self) -> dict:
        entry = self.entry
        return {
            "recipient": self.recipient or None,
            "remote_server": self.remote_server or None,
            "delayed": self.delayed,
            "reply": self.reply.to_json(),
            "known": entry.key if entry else None,
            "title": entry.title if entry else None,
            "what_happened": entry.explanation if entry else None,
            "who_must_act": entry.actor.value if entry else None,
            "who_must_act_label": str(entry.actor.label) if entry else None,
            "what_to_do": entry.action if entry else None,
            "guide_url": self.guide_url or None,
            "diagnostic_url": self.diagnostic_url or None,
        }


@dataclass(frozen=True)
class Diagnosis:
    kind: Kind
    headline: str
    advice: list[Advice] = field(default_factory=list)
    bounce: Bounce | None = None
    headers: HeaderReading | None = None
    # The sender's domain to diagnose when its authentication failed.
    diagnostic_url: str = ""

    def to_json(self) -> dict:
        return {
            "kind": self.kind.value,
            "headline": self.headline,
            "advice": [item.to_json() for item in self.advice],
            "bounce": self.bounce.to_json() if self.bounce else None,
            "headers": self.headers.to_json() if self.headers else None,
            "diagnostic_url": self.diagnostic_url or None,
        }


def domain_of(text: str) -> str:
    found = ADDRESS.search(text or "")
    if not found:
        return ""
    try:
        return parse_domain(found.group(1)).ascii
    except DomainInputError:
        return ""


def advise(
    reply: SmtpReply,
    entries: tuple[ReplyEntry, ...],
    *,
    sender: str,
    recipient: str = "",
    delayed: bool = False,
    remote_server: str = "",
) -> Advice:
    entry = best_entry(reply, entries)
    guide_url = diagnostic_url = ""
    if entry and entry.guide_key:
        guide_url = reverse("guides:guide_by_key", kwargs={"key": entry.guide_key})
    if entry and entry.diagnose:
        domain = sender if entry.diagnose == "sender" else domain_of(recipient or reply.text)
        diagnostic_url = reverse("guides:diagnostic")
        if domain:
            diagnostic_url += "?" + urlencode({"domain": domain})
    return Advice(reply, entry, guide_url, diagnostic_url, recipient, delayed, remote_server)


def looks_like_message(data: bytes) -> bool:
    first = data.lstrip()[:1000].split(b"\n", 1)[0]
    return bool(HEADER_LINE.match(first))


def parse_message(data: bytes) -> Message | None:
    """The pasted text as a message when it starts with headers that a message has."""
    if not looks_like_message(data):
        return None
    message = message_from_bytes(data.lstrip(), policy=compat32)
    names = {str(name).lower() for name in message}
    if names & KNOWN_HEADERS and (len(names) >= 2 or "received" in names):
        return message
    return None


def bounce_headline(bounce: Bounce) -> str:
    failed, delayed = len(bounce.failed), len(bounce.delayed)
    if failed:
        return ngettext(
            "Le message n'a pas été remis à %(count)d destinataire.",
            "Le message n'a pas été remis à %(count)d destinataires.",
            failed,
        ) % {"count": failed}
    if delayed:
        return ngettext(
            "Le message est retardé pour %(count)d destinataire : ce n'est pas encore un échec.",
            "Le message est retardé pour %(count)d destinataires : ce n'est pas encore un échec.",
            delayed,
        ) % {"count": delayed}
    return _("C'est un avis de non-remise ; voici ce que dit le serveur.")


def explain_bounce(bounce: Bounce, message: Message, entries: tuple[ReplyEntry, ...]) -> Diagnosis:
    sender = domain_of(header_text(message.get("To", "")))
    advice = [
        advise(
            recipient.reply or SmtpReply(code="", status=recipient.status, text=recipient.status),
            entries,
            sender=sender,
            recipient=recipient.address,
            delayed=recipient.delayed,
            remote_server=recipient.remote_mta,
        )
        for recipient in bounce.recipients
    ]
    replies = bounce.replies[:5] or [text_as_reply(body_text(message))]
    if not advice:
        advice = [advise(reply, entries, sender=sender) for reply in replies]
    return Diagnosis(
        kind=Kind.BOUNCE, headline=bounce_headline(bounce), advice=advice, bounce=bounce
    )


def explain_headers(message: Message, mx_hosts: dict[str, str]) -> Diagnosis:
    reading = read_headers(message, mx_hosts=mx_hosts)
    subject = header_text(message.get("Subject", ""))
    auto_submitted = str(message.get("Auto-Submitted", "")).lower()
    if auto_submitted.startswith("auto-replied") or AUTO_REPLY.match(subject):
        kind = Kind.AUTO_REPLY
        headline = _(
            "C'est une réponse automatique, pas un échec : votre message a bien été remis."
        )
    elif reading.spam.went_to_spam:
        kind, headline = Kind.HEADERS, _("Le message est arrivé, mais il a été classé comme spam.")
    elif reading.slowest:
        kind = Kind.HEADERS
        headline = _(
            "Le message est arrivé avec du retard : %(delay)s d'attente avant %(host)s."
        ) % {"delay": reading.slowest.delay_text, "host": reading.slowest.receiver}
    elif reading.hops:
        kind, headline = Kind.HEADERS, _("Le message est arrivé ; voici son parcours.")
    else:
        kind, headline = Kind.HEADERS, _("Voici ce que disent les en-têtes du message.")
    diagnostic_url = ""
    sender = domain_of(header_text(message.get("From", "")))
    if sender and any(verdict.failed for verdict in reading.verdicts):
        diagnostic_url = reverse("guides:diagnostic") + "?" + urlencode({"domain": sender})
    return Diagnosis(kind=kind, headline=headline, headers=reading, diagnostic_url=diagnostic_url)


def text_as_reply(text: str) -> SmtpReply:
    """A text without a reply code, matched by its status code or by the table's phrases."""
    return SmtpReply(code="", status=find_status(text), text=" ".join(text[:3000].split()))


def explain_text(text: str, entries: tuple[ReplyEntry, ...]) -> Diagnosis:
    replies = find_replies(text)
    if not replies:
        candidate = text_as_reply(text)
        entry = best_entry(candidate, entries)
        if not (candidate.status or (entry and entry.phrases)):
            raise MessageInputError(
                _(
                    "Ce texte ne contient ni code d'erreur SMTP, ni avis de non-remise, "
                    "ni en-têtes "
                    "de message. Collez le message d'erreur complet, ou les en-têtes du message."
                )
            )
        replies = [candidate]
    advice = [advise(reply, entries, sender="") for reply in replies[:10]]
    first = advice[0]
    headline = (
        first.entry.title
        if first.entry
        else _("Réponse du serveur : %(code)s") % {"code": first.reply.code or first.reply.status}
    )
    return Diagnosis(kind=Kind.REPLY, headline=headline, advice=advice)


def explain(*, data: bytes, entries: tuple[ReplyEntry, ...], mx_hosts: dict[str, str]) -> Diagnosis:
    """What the pasted bytes are and mean; MessageInputError when they cannot be read."""
    if len(data) > MAX_INPUT:
        raise MessageInputError(
            _(
                "Le texte dépasse %(limit)d Mo : collez seulement les en-têtes "
                "ou le message d'erreur."
            )
            % {"limit": MAX_INPUT // 1_000_000}
        )
    data = data.removeprefix(b"\xef\xbb\xbf")
    if not data.strip():
        raise MessageInputError(
            _("Collez un message d'erreur, un avis de non-remise ou des en-têtes.")
        )
    message = parse_message(data)
    if message is None:
        return explain_text(data.decode("utf-8", errors="replace"), entries)
    bounce = read_bounce(message)
    if bounce is not None:
        return explain_bounce(bounce, message, entries)
    return explain_headers(message, mx_hosts)


def diagnose_message(*, data: bytes | str, language: str) -> Diagnosis:
    """The doctor with the database's tables, in `language` for the table's words."""
    raw = data.encode("utf-8", errors="replace") if isinstance(data, str) else data
    return explain(
        data=raw, entries=tables.reply_entries(language=language), mx_hosts=tables.mx_protections()
    )
