"""What customers tell staff: "Was this helpful?" votes and page views.

A visitor is recognised by a random token in a signed cookie; only keyed hashes of it and of
the IP address are stored. One vote per visitor per guide (a database constraint), and the
shared rate limit per address (guides.views.rate_limit, applied by the view) stops floods.
"""

import secrets
from dataclasses import dataclass, field

from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from guides.models import Guide, GuideView, Vote

VISITOR_COOKIE = "portal_visitor"
VISITOR_SALT = (
    "guides.feedback.visitor"  # the salts keep their first names: changing one forgets every vote
)
VISITOR_MAX_AGE = 365 * 24 * 3600
REMEMBERED_VOTES = 200  # guides a cookie remembers, so it stays small
COMMENT_MAX_LENGTH = 1000
VOTE_RATE = 10  # votes an address may send a minute (the view applies the limit)


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


def record_view(*, guide: Guide) -> None:
    """Count one view of the guide today, in a single statement (an upsert)."""
    table = connection.ops.quote_name(GuideView._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (guide_id, day, count) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (guide_id, day) DO UPDATE SET count = {table}.count + 1",
            [guide.pk, timezone.localdate()],
        )
