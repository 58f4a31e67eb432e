"""Per-client rate limits kept in the shared cache (Redis in production), so every app
server counts the same hits. A fixed window: simple, and `retry_after` is exact.

A client refused in a window stays refused until it ends: each process remembers that, so
a client that keeps knocking costs no cache write (a flood costs no more than one hit)."""

import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings

from guides.counters import count_up

WINDOW_SECONDS = 60
# The windows this process has seen refused, by key; emptied when a new window begins.
_refused: set[str] = set()
_refused_window = 0


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int


def hit(*, scope: str, client: str, limit: int, now: float | None = None) -> Decision:
    """Count one hit of `client` in `scope`; refused past `limit` hits in the current minute."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS) * WINDOW_SECONDS
    key = f"ratelimit:{scope}:{client}:{window}:{limit}"
    retry_after = max(1, math.ceil(window + WINDOW_SECONDS - now))
    global _refused_window
    if window != _refused_window:
        _refused.clear()
        _refused_window = window
    if key in _refused:
        return Decision(allowed=False, retry_after=retry_after)
    allowed = count_up(key, timeout=WINDOW_SECONDS + 5) <= limit
    if not allowed:
        _refused.add(key)
    return Decision(allowed=allowed, retry_after=retry_after)


def forget_refusals() -> None:
    """Forget the refusals this process remembers (the shared counts were cleared)."""
    _refused.clear()


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the one the trusted proxies saw; an IPv6
    client counts as its /64, which one household or server usually holds whole, and an
    IPv4-mapped one (::ffff:a.b.c.d) as its IPv4 address."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.OVHPORTAL_TRUSTED_PROXIES
    if proxies:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if parsed.version == 6 and parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)  # ::ffff:a.b.c.d is the IPv4 client a.b.c.d
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def sign_in_address(request) -> str | None:
    """The client address django-axes records for sign-in attempts: the same as the rate
    limits', or None when the request has none (a session opened by code, not a browser)."""
    address = client_address(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address
