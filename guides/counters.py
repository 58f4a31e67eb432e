"""Counters in the shared cache (Redis, or the disk cache on one machine), which every app
server and worker process counts in."""

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


def count_up(key: str, *, timeout: int) -> int:
    """Add one to the counter `key` (created for `timeout` seconds); its new value.

    On Redis, one INCR (Django's `incr` asks EXISTS first: two round trips). Elsewhere,
    incrementing first makes the usual case one atomic cache write; only a counter's first
    hit, or one the cache evicted, pays for creating it."""
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        name = cache.make_and_validate_key(key)
        client = cache._cache.get_client(name, write=True)
        value = client.incr(name)
        if value == 1:
            client.expire(name, timeout)
        return value
    try:
        return cache.incr(key)
    except ValueError:
        if cache.add(key, 1, timeout=timeout):
            return 1
        return cache.incr(key)
