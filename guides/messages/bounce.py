"""Bounces (delivery status notifications): the standard RFC 3464 report read with the
`email` package, and the MTAs' own formats (Postfix, Exim, qmail, Sendmail, Exchange…)
through flufl.bounce's detectors; each recipient failed or only delayed, with its reply."""

import logging
import re
from dataclasses import dataclass, field
from email import message_from_string
from email.message import Message

from flufl.bounce import all_failures

from guides.messages.message_text import body_text, header_text, iter_parts
from guides.messages.smtp_reply import SmtpReply, find_replies, from_parts

# flufl.bounce logs each detector, and tracebacks on broken input: nothing pasted may reach a log.
logging.getLogger("flufl.bounce").disabled = True

MAX_RECIPIENTS = 50
BOUNCE_SUBJECT = re.compile(
    r"undeliver|returned mail|mail delivery (?:failed|failure|delayed|system)|delivery status"
    r"|delivery (?:failure|notification|has failed)|failure notice|non remis|non distribuable"
    r"|échec de (?:la )?remise|délai de remise|delayed mail|warning: could not send"
    r"|message (?:not delivered|non délivré)|impossible de remettre",
    re.IGNORECASE,
)
DAEMON = re.compile(r"mailer-daemon|postmaster|mail delivery (?:subsystem|system)", re.IGNORECASE)
REMOTE = re.compile(
    r"(?:host|remote server|remote host|server|hôte|serveur)\s+"
    r"\[?([a-z0-9][a-z0-9.-]{2,252}\.[a-z]{2,})\]?",
    re.IGNORECASE,
)
SUBJECT_LINE = re.compile(r"^\s*(?:Subject|Objet)\s*:\s*(.{1,300})$", re.IGNORECASE | re.MULTILINE)
QUOTED_RECIPIENT = re.compile(r"^\s*<([^<>@\s]{1,64}@[^<>@\s]{1,253})>:", re.MULTILINE)
DATE_LINE = re.compile(r"^\s*(?:Date|Envoyé)\s*:\s*(.{1,100})$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Recipient:
    address: str
    delayed: bool
    status: str = ""
    remote_mta: str = ""
    reply: SmtpReply | None = None

    def to_json(self) -> dict:
        return {
            "address": self.address,
            "action": "delayed" if self.delayed else "failed",
            "status": self.status,
            "remote_mta": self.remote_mta,
            "reply": self.reply.to_json() if self.reply else None,
        }


@dataclass(frozen=True)
class Bounce:
    form: str
    recipients: list[Recipient] = field(default_factory=list)
    reporting_mta: str = ""
    original_subject: str = ""
    original_date: str = ""
    replies: list[SmtpReply] = field(default_factory=list)

    @property
    def failed(self) -> list[Recipient]:
        return [recipient for recipient in self.recipients if not recipient.delayed]

    @property
    def delayed(self) -> list[Recipient]:
        return [recipient for recipient in self.recipients if recipient.delayed]

    def to_json(self) -> dict:
        return {
            "format": self.form,
            "reporting_mta": self.reporting_mta,
            "recipients": [recipient.to_json() for recipient in self.recipients],
            "original_subject": self.original_subject,
            "original_date": self.original_date,
        }


def field_value(block: Message, name: str) -> str:
    """A DSN field without its type ("rfc822; a@example.com" → "a@example.com")."""
    value = header_text(block.get(name, ""))
    return value.split(";", 1)[1].strip() if ";" in value else value


def looks_like_bounce(message: Message) -> bool:
    if message.get_content_type() == "multipart/report":
        return True
    subject = header_text(message.get("Subject", ""))
    sender = header_text(message.get("From", "")) + header_text(message.get("Return-Path", ""))
    return bool(BOUNCE_SUBJECT.search(subject)) or (
        bool(DAEMON.search(sender))
        and not message.get("Auto-Submitted", "").startswith("auto-replied")
    )


def original_of(message: Message, text: str) -> tuple[str, str]:
    """The bounced message's subject and date: from the attached message or headers, else from
    the lines a bounce quotes."""
    for part in iter_parts(message):
        kind = part.get_content_type()
        if kind == "message/rfc822" and isinstance(part.get_payload(), list) and part.get_payload():
            inner = part.get_payload()[0]
            return header_text(inner.get("Subject", "")), header_text(inner.get("Date", ""))
        if kind == "text/rfc822-headers":
            payload = part.get_payload()
            inner = message_from_string(payload if isinstance(payload, str) else "")
            return header_text(inner.get("Subject", "")), header_text(inner.get("Date", ""))
    subject, date = SUBJECT_LINE.search(text), DATE_LINE.search(text)
    return (
        subject.group(1).strip() if subject else "",
        date.group(1).strip() if date else "",
    )


def dsn_recipients(message: Message) -> tuple[str, list[Recipient]]:
    reporting, recipients = "", []
    for part in iter_parts(message):
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        if not isinstance(blocks, list):
            continue
        for index, block in enumerate(blocks[: MAX_RECIPIENTS + 1]):
            if not isinstance(block, Message):
                continue
            if index == 0 and "Reporting-MTA" in block:
                reporting = field_value(block, "Reporting-MTA")
            address = field_value(block, "Final-Recipient") or field_value(
                block, "Original-Recipient"
            )
            if not address or "@" not in address:
                continue
            action = field_value(block, "Action").lower()
            if action not in ("failed", "delayed"):
                continue
            status = field_value(block, "Status")
            diagnostic = field_value(block, "Diagnostic-Code")
            recipients.append(
                Recipient(
                    address=address.strip("<>"),
                    delayed=action == "delayed",
                    status=status,
                    remote_mta=field_value(block, "Remote-MTA"),
                    reply=from_parts(status=status, text=diagnostic) if diagnostic else None,
                )
            )
    return reporting, recipients


def detected_recipients(message: Message, text: str, replies: list[SmtpReply]) -> list[Recipient]:
    """flufl.bounce's recipients, each with the reply written after its address in the text."""
    try:
        temporary, permanent = all_failures(message)
    except Exception:
        return []
    recipients = []
    for delayed, addresses in ((False, permanent), (True, temporary - permanent)):
        for raw in sorted(addresses)[:MAX_RECIPIENTS]:
            address = raw.decode("ascii", errors="replace")
            reply = reply_after(text, address) or (replies[0] if replies else None)
            recipients.append(
                Recipient(
                    address=address,
                    delayed=delayed,
                    status=reply.status if reply else "",
                    reply=reply,
                    remote_mta=remote_after(text, address),
                )
            )
    return recipients


def quoted_recipients(text: str) -> list[Recipient]:
    """Recipients a text bounce writes as "<address>: host … said: 550 …" (Postfix, qmail),
    for the bounces no detector of flufl.bounce recognises."""
    recipients = []
    for address in list(dict.fromkeys(QUOTED_RECIPIENT.findall(text)))[:MAX_RECIPIENTS]:
        reply = reply_after(text, address)
        recipients.append(
            Recipient(
                address=address,
                delayed=bool(reply and reply.temporary),
                status=reply.status if reply else "",
                reply=reply,
                remote_mta=remote_after(text, address),
            )
        )
    return recipients


def reply_after(text: str, address: str) -> SmtpReply | None:
    position = text.lower().find(address.lower())
    if position < 0:
        return None
    found = find_replies(text[position : position + 3000])
    return found[0] if found else None


def remote_after(text: str, address: str) -> str:
    position = max(0, text.lower().find(address.lower()))
    found = REMOTE.search(text[position : position + 3000])
    return found.group(1).lower() if found else ""


def read_bounce(message: Message) -> Bounce | None:
    """The bounce the message is, or None when it is none (an auto-reply is none)."""
    text = body_text(message)
    replies = find_replies(text)
    reporting, recipients = dsn_recipients(message)
    form = "dsn" if recipients else ""
    if not recipients:
        recipients = detected_recipients(message, text, replies)
        form = "mta" if recipients else ""
    if not recipients and not looks_like_bounce(message):
        return None
    if not recipients:
        recipients = quoted_recipients(text)
    subject, date = original_of(message, text)
    return Bounce(
        form=form or "text",
        recipients=recipients,
        reporting_mta=reporting,
        original_subject=subject,
        original_date=date,
        replies=replies,
    )
