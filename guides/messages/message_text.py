"""Reading a pasted message safely: decoded header values and the text of its parts, within
fixed bounds, whatever the charset, the transfer encoding or the MIME structure claim."""

import re
from email.header import decode_header, make_header
from email.message import Message

MAX_PARTS = 60
MAX_TEXT = 200_000
TAG = re.compile(r"<[^<>]{0,2000}>")


def header_text(value: object) -> str:
    """A header value decoded from its encoded words, on one line; the raw text when broken."""
    raw = str(value or "")[:4000]
    try:
        text = str(make_header(decode_header(raw)))
    except (ValueError, LookupError, UnicodeError, AssertionError, TypeError):
        text = raw
    return " ".join(text.split())


def part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError, UnicodeError, AssertionError, TypeError):
        payload = None
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def body_text(message: Message) -> str:
    """The text of the message's text parts (HTML without its tags when there is no plain
    text), not going into attached messages, at most MAX_TEXT characters."""
    plain, html = [], []
    for count, part in enumerate(iter_parts(message)):
        if count >= MAX_PARTS:
            break
        if part.get_content_maintype() != "text" or part.is_multipart():
            continue
        target = html if part.get_content_subtype() == "html" else plain
        target.append(part_text(part)[:MAX_TEXT])
    text = "\n".join(plain) if plain else TAG.sub(" ", "\n".join(html))
    return text[:MAX_TEXT]


def iter_parts(message: Message):
    """The message's parts, depth first, without descending into attached messages."""
    stack = [message]
    seen = 0
    while stack and seen < MAX_PARTS:
        part = stack.pop()
        seen += 1
        yield part
        if part.get_content_type() == "message/rfc822":
            continue
        payload = part.get_payload()
        if isinstance(payload, list):
            stack.extend(reversed([item for item in payload if isinstance(item, Message)]))
