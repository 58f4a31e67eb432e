"""Counters in the shared cache: on the local cache in the SQLite run, on Redis (one INCR) in
the PostgreSQL one."""

import threading

import pytest
from django.core.cache import cache

from guides.counters import count_up


@pytest.fixture(autouse=True)
def empty_cache():
    cache.delete("counter:test")
    yield
    cache.delete("counter:test")


def test_a_counter_starts_at_one_and_expires():
    assert count_up("counter:test", timeout=60) == 1
    assert count_up("counter:test", timeout=60) == 2
    assert cache.get("counter:test") == 2
    cache.touch("counter:test", 0)  # as if its time had run out
    assert count_up("counter:test", timeout=60) == 1


def test_concurrent_counts_are_all_kept():
    def count():
        for _ in range(50):
            count_up("counter:test", timeout=60)

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get("counter:test") == 400


def test_a_redis_counter_is_created_with_its_lifetime():
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        pytest.skip("the PostgreSQL run checks this on Redis")
    count_up("counter:test", timeout=60)
    name = backend.make_and_validate_key("counter:test")
    assert 0 < backend._cache.get_client(name).ttl(name) <= 60
