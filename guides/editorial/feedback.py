"""What customers tell staff: "Was this helpful?" votes and page views.

Views are counted in the shared cache and written in batches (a page view is no database
write); what a crash of the cache loses is at most the last minute's views of each guide.

A visitor is recognised by a random token in a signed cookie; only keyed hashes of it and of
the IP address are stored. One vote per visitor per guide (a database constraint), and the
shared rate limit per address (guides.views.rate_limit, applied by the view) stops floods.
"""

import datetime
import re
import secrets
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from guides.counters import count_up
from guides.models import Guide, GuideView, Vote

VISITOR_COOKIE = "portal_visitor"
# The salts keep their first names: changing one would forget every stored vote.
VISITOR_SALT = "guides.feedback.visitor"
VISITOR_MAX_AGE = 365 * 24 * 3600
REMEMBERED_VOTES = 200  # guides a cookie remembers, so it stays small
COMMENT_MAX_LENGTH = 1000
VIEW_SALT = "guides.feedback.view"
RELOAD_SECONDS = 30 * 60
ROBOT = re.compile(
    r"bot|crawl|spider|slurp|headless|lighthouse|preview|monitor|curl|wget|python|java/|"
    r"go-http|httpclient|okhttp|libwww|scrapy|facebookexternalhit",
    re.IGNORECASE,
)
VOTE_RATE = 10  # votes an address may send a minute (the view applies the limit)
# Page views wait in the cache, written at most every FLUSH_SECONDS per guide, or sooner past
# FLUSH_THRESHOLD; a pending count lives two days, so yesterday's can still be flushed.
FLUSH_SECONDS = 60
FLUSH_THRESHOLD = 100
PENDING_SECONDS = 2 * 24 * 3600
FLUSH_LOCK_SECONDS = 10


@dataclass
class Visitor:
    token: str
    voted: list[int] = field(default_factory=list)

    def has_voted(self, guide: Guide) -> bool:
        return guide.pk in self.voted

    @property
    def fingerprint(self) -> str:
        return salted_hmac(VISITOR_SALT, self.token, algorithm="sha256").hexdigest()

    def cookie_value(self) -> str:
        return signing.dumps(
            {"t": self.token, "v": self.voted[-REMEMBERED_VOTES:]}, salt=VISITOR_SALT, compress=True
        )


def visitor_from_cookie(value: str | None) -> Visitor:
    """The visitor a signed cookie names; a new one when it is missing or was tampered with."""
    if value:
        try:
            data = signing.loads(value, salt=VISITOR_SALT, max_age=VISITOR_MAX_AGE)
            return Visitor(token=str(data["t"]), voted=[int(pk) for pk in data["v"]])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            pass
    return Visitor(token=secrets.token_urlsafe(18))


def address_fingerprint(address: str) -> str:
    return salted_hmac("guides.feedback.address", address, algorithm="sha256").hexdigest()


def cast_vote(*, guide: Guide, visitor: Visitor, address: str, helpful: bool, comment: str) -> Vote:
    """Record the visitor's vote; a second vote on the same guide keeps the first."""
    ip_hash = address_fingerprint(address)
    try:
        with transaction.atomic():
            vote = Vote.objects.create(
                guide=guide,
                helpful=helpful,
                comment=comment[:COMMENT_MAX_LENGTH] if not helpful else "",
                visitor=visitor.fingerprint,
                ip_hash=ip_hash,
            )
    except IntegrityError:
        vote = Vote.objects.get(guide=guide, visitor=visitor.fingerprint)
    if guide.pk not in visitor.voted:
        visitor.voted.append(guide.pk)
    return vote


def counts_as_view(*, guide_pk: int, user_agent: str, address: str, staff: bool) -> bool:
    """Whether a page view is a reader's: not the team's, not a robot's (by its user agent;
    none at all is a script), and not a reload of a page the same address and browser saw in
    the last half hour (remembered as a keyed hash in the shared cache)."""
    if staff or not user_agent or ROBOT.search(user_agent):
        return False
    digest = salted_hmac(VIEW_SALT, f"{guide_pk}|{address}|{user_agent}", algorithm="sha256")
    return cache.add(f"views:seen:{digest.hexdigest()[:32]}", 1, timeout=RELOAD_SECONDS)


def record_view(*, guide_id: int, today: datetime.date | None = None) -> None:
    """Count one view of the guide: an atomic increment in the shared cache, written to the
    database at most once a minute per guide (or every FLUSH_THRESHOLD views), so a page view
    costs no database write, and usually one cache write and one read."""
    day = today or timezone.localdate()
    pending = count_up(_pending_key(guide_id, day), timeout=PENDING_SECONDS)
    flushed = f"views:flushed:{guide_id}"
    if pending >= FLUSH_THRESHOLD or (
        cache.get(flushed) is None and cache.add(flushed, 1, timeout=FLUSH_SECONDS)
    ):
        _flush(guide_id, day)


def flush_views(*, guide_ids: Iterable[int], days: Iterable[datetime.date]) -> int:
    """Write the views counted in the cache for these guides and days; how many were
    written."""
    days = list(days)
    return sum(_flush(guide_id, day) for guide_id in guide_ids for day in days)


def flush_recent_views() -> int:
    """Every guide's views of today and yesterday still in the cache: what the dashboard
    writes before it counts, and `manage.py flush_view_counts`."""
    today = timezone.localdate()
    return flush_views(
        guide_ids=Guide.objects.values_list("pk", flat=True),
        days=(today - datetime.timedelta(days=1), today),
    )


def _flush(guide_id: int, day: datetime.date) -> int:
    """Move the pending count to the database: add what was read, then take exactly that
    much off the counter, so views counted meanwhile stay pending, none is lost."""
    key = _pending_key(guide_id, day)
    lock = f"{key}:flushing"
    if not cache.add(lock, 1, timeout=FLUSH_LOCK_SECONDS):
        return 0  # another request or server is writing this count right now
    try:
        pending = cache.get(key) or 0
        if pending <= 0:
            return 0
        table = connection.ops.quote_name(GuideView._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (guide_id, day, count) VALUES (%s, %s, %s) "  # noqa: S608
                f"ON CONFLICT (guide_id, day) DO UPDATE SET count = {table}.count + %s",
                [guide_id, day, pending, pending],
            )
        with suppress(ValueError):  # the counter expired meanwhile: nothing is left to keep
            cache.decr(key, pending)
        return pending
    finally:
        cache.delete(lock)


def _pending_key(guide_id: int, day: datetime.date) -> str:
    return f"views:pending:{guide_id}:{day.isoformat()}"
