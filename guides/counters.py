"""Counters in the shared cache (Redis, or the disk cache on one machine), which every app
server and worker process counts in."""

from django.core.cache import cache


def count_up(key: str, *, timeout: int) -> int:
    """Add one to the counter `key` (created for `timeout` seconds); its new value.

    Incrementing first makes the usual case one atomic cache write; only a counter's first
    hit, or one the cache evicted, pays for creating it."""
    try:
        return cache.incr(key)
    except ValueError:
        if cache.add(key, 1, timeout=timeout):
            return 1
        return cache.incr(key)
