"""SMTP replies found in free text: the reply code (RFC 5321), the enhanced status code
(RFC 3463) and the server's words, however the mail program or the bounce wrapped them."""

import re
from dataclasses import dataclass

MAX_REPLIES = 50
MAX_LINE = 2000
MAX_CONTINUED = 40

# A reply code starts a line or follows a separator ("said:", "smtp;", "(", quotes...).
REPLY = re.compile(r"(?:^|(?<=[\s:;(\[\"'»]))([45][0-5]\d)([ -]|$)")
STATUS = re.compile(r"(?<![\w.])#?([245])\.(\d{1,3})\.(\d{1,3})(?![\w.])")
CONTINUED = re.compile(r"^\s*([45][0-5]\d)[ -](?:#?[245]\.\d{1,3}\.\d{1,3}\s+)?")


@dataclass(frozen=True)
class SmtpReply:
    code: str
    status: str
    text: str

    @property
    def permanent(self) -> bool:
        return (self.code or self.status).startswith("5")

    @property
    def temporary(self) -> bool:
        return (self.code or self.status).startswith("4")

    def to_json(self) -> dict:
        return {"code": self.code, "status": self.status, "text": self.text}


def find_status(text: str) -> str:
    """The first RFC 3463 enhanced status code of the text, or ""."""
    found = STATUS.search(text[: MAX_LINE * 4])
    return ".".join(found.groups()) if found else ""


def from_parts(*, code: str = "", status: str = "", text: str) -> SmtpReply:
    """A reply from a DSN's separate fields (Status, Diagnostic-Code)."""
    text = " ".join(text.split())
    found = REPLY.search(text)
    if not code and found:
        code = found.group(1)
    return SmtpReply(code=code, status=status or find_status(text), text=text)


def find_replies(text: str) -> list[SmtpReply]:
    """Every reply in the text, in order; lines the server continued ("550-…", or indented
    lines that a bounce wrapped) join their reply."""
    replies: list[SmtpReply] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines) and len(replies) < MAX_REPLIES:
        line = lines[index][:MAX_LINE]
        found = REPLY.search(line)
        index += 1
        if not found:
            continue
        code, separator = found.group(1), found.group(2)
        parts = [line[found.start(1) :].strip()]
        while index < len(lines) and len(parts) < MAX_CONTINUED:
            following = lines[index][:MAX_LINE]
            continued = CONTINUED.match(following)
            if separator == "-" and continued and continued.group(1) == code:
                parts.append(following[continued.end() :].strip())
                separator = following[continued.start(1) + 3 : continued.start(1) + 4]
            elif (
                following[:1] in (" ", "\t")
                and following.strip()
                and not REPLY.match(following.strip())
            ):
                parts.append(following.strip())
            else:
                break
            index += 1
        joined = " ".join(part for part in parts if part)
        replies.append(SmtpReply(code=code, status=find_status(joined), text=joined))
    return replies
