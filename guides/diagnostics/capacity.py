"""How many reports may wait on DNS at once, in this process and across every app server, so
that domains whose name servers never answer cannot hold every worker thread of the portal.

A report takes a slot before it asks DNS and gives it back when done (a cached snapshot takes
none). In this process the slots are a semaphore; across servers they are keys added to the
shared cache (Redis), each with a lifetime a little past the deadline, so a crashed process
cannot keep one."""

import math
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache

SLOT_KEY = "diagnostic:slot:{index}"
_semaphores: dict[int, threading.BoundedSemaphore] = {}
_semaphores_lock = threading.Lock()


class Busy(Exception):
    """Every slot is taken: try again in `retry_after` seconds (a report's deadline)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


@contextmanager
def report_slot(*, per_process: int, across_servers: int, hold_seconds: float) -> Iterator[None]:
    """Hold one slot while the block runs; raise Busy when none is free."""
    retry_after = max(1, math.ceil(hold_seconds))
    semaphore = _semaphore(per_process)
    if not semaphore.acquire(blocking=False):
        raise Busy(retry_after)
    try:
        key = _shared_slot(across_servers, lifetime=retry_after + 5)
        if key is None:
            raise Busy(retry_after)
        try:
            yield
        finally:
            cache.delete(key)
    finally:
        semaphore.release()


def _semaphore(size: int) -> threading.BoundedSemaphore:
    with _semaphores_lock:
        return _semaphores.setdefault(size, threading.BoundedSemaphore(size))


def _shared_slot(count: int, *, lifetime: int) -> str | None:
    """The first free slot's key, now ours (cache.add is atomic on Redis), or None."""
    token = secrets.token_hex(8)
    for index in range(count):
        key = SLOT_KEY.format(index=index)
        if cache.add(key, token, timeout=lifetime):
            return key
    return None
