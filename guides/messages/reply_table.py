"""The table of known replies as values in one language, and how a reply finds its entry:
every field an entry gives must match; a phrase counts most (a server's words say more than
its codes), then the enhanced status, then the code; ties go to the longest phrase, then to
the lowest position. The table itself is read by `tables.reply_entries`."""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from guides.messages.smtp_reply import SmtpReply, find_replies, find_status
from guides.models import Actor

DATA = Path(__file__).parent / "data" / "replies.toml"


@dataclass(frozen=True)
class ReplyEntry:
    key: str
    code: str
    status: str
    phrases: tuple[str, ...]
    actor: Actor
    title: str
    explanation: str
    action: str
    guide_key: str = ""
    diagnose: str = ""
    position: int = 100

    def rank(self, reply: SmtpReply) -> tuple[int, int, int] | None:
        """How well the entry fits the reply (higher is better), or None when it does not."""
        if self.code and not reply.code.startswith(self.code):
            return None
        if self.status and reply.status != self.status:
            return None
        longest = 0
        if self.phrases:
            text = reply.text.lower()
            matched = [phrase for phrase in self.phrases if phrase_pattern(phrase).search(text)]
            if not matched:
                return None
            longest = max(len(phrase) for phrase in matched)
        given = (
            bool(self.code) + len(self.code) // 3 + bool(self.status) * 3 + bool(self.phrases) * 6
        )
        return (given, longest, -self.position)


@cache
def phrase_pattern(phrase: str) -> re.Pattern:
    """The phrase as a whole word or words: "rbl" is not found inside "verbless"."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def best_entry(reply: SmtpReply, entries: tuple[ReplyEntry, ...]) -> ReplyEntry | None:
    ranked = [(rank, entry) for entry in entries if (rank := entry.rank(reply)) is not None]
    return max(ranked, key=lambda pair: pair[0])[1] if ranked else None


def search_entries(
    query: str, entries: tuple[ReplyEntry, ...], *, limit: int = 3
) -> list[ReplyEntry]:
    """The entries a search for an error looks for: "553", "5.7.1", "550 5.7.26", "over
    quota", "relayed thru". The generic entries (a code class alone) are never shown."""
    text = " ".join(query.lower().split())[:300]
    if not text:
        return []
    replies = find_replies(text)
    reply = replies[0] if replies else SmtpReply(code="", status=find_status(text), text=text)
    specific = [entry for entry in entries if entry.status or entry.phrases or len(entry.code) == 3]
    best = best_entry(reply, tuple(specific))
    found = [best] if best else []
    for entry in specific:
        if entry in found:
            continue
        if (
            (reply.code and not reply.status and entry.code == reply.code)
            or (reply.status and entry.status == reply.status)
            or (
                len(text) >= 6 and any(" " in phrase and text in phrase for phrase in entry.phrases)
            )
        ):
            found.append(entry)
    return found[:limit]


def shipped_replies() -> list[dict]:
    """The entries shipped with the portal, as the migration loads them."""
    return tomllib.loads(DATA.read_text(encoding="utf-8"))["reply"]
