"""Who else has a guide open in the editor, and since when: each open editor sends a heartbeat
(htmx, every 30 seconds); someone silent for 90 seconds has left.

Kept in the shared cache (Redis or the disk cache), so every worker sees the same people and
nothing is written to the database. Two heartbeats at the same instant may overwrite each
other: the one lost reappears at the next beat, which is good enough for a hint. The 409 on
save stays what protects the text.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache

HEARTBEAT_SECONDS = 30
GONE_AFTER_SECONDS = 90
CACHE_KEY = "editorial:presence:v1:{guide}"


@dataclass(frozen=True)
class Presence:
    name: str
    since: datetime.datetime


def heartbeat(*, guide_pk: int, user, now: datetime.datetime) -> list[Presence]:
    """Note that `user` has the guide open now; the others who have it open, first come first."""
    key = CACHE_KEY.format(guide=guide_pk)
    present = {
        pk: entry
        for pk, entry in (cache.get(key) or {}).items()
        if (now - entry["seen"]).total_seconds() < GONE_AFTER_SECONDS
    }
    since = present.get(user.pk, {}).get("since", now)
    present[user.pk] = {"name": user.get_username(), "since": since, "seen": now}
    cache.set(key, present, GONE_AFTER_SECONDS)
    others = [entry for pk, entry in present.items() if pk != user.pk]
    return [
        Presence(name=entry["name"], since=entry["since"])
        for entry in sorted(others, key=lambda entry: entry["since"])
    ]
