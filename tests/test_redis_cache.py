"""The Redis cache that keeps the keys every request reads in the worker's memory
(ovhportal.redis_cache): what another server writes is seen on the very next read, and a read
that can be answered from memory makes no round trip. Needs Redis: the PostgreSQL run sets
REDIS_URL."""

import os
import secrets
import threading

import pytest
import redis
from django.core.cache.backends.redis import RedisCache

from ovhportal import redis_cache
from ovhportal.redis_cache import KEPT_PREFIX, KeptKeysRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="the PostgreSQL run checks this on Redis")
STAMP = KEPT_PREFIX + "version"


@pytest.fixture
def prefix():
    return "test-kept-" + secrets.token_hex(4)


@pytest.fixture
def kept(prefix):
    """This worker's cache."""
    return KeptKeysRedisCache(REDIS_URL, {"KEY_PREFIX": prefix})


@pytest.fixture
def other_server(prefix):
    """Another app server's cache (plain Django Redis cache, same keys)."""
    backend = RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    yield backend
    client = backend._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def mget_calls(monkeypatch):
    calls = []
    original = redis.Redis.mget

    def counted(self, keys, *args):
        calls.append(list(keys))
        return original(self, keys, *args)

    monkeypatch.setattr(redis.Redis, "mget", counted)
    return calls


def test_a_kept_key_is_read_from_redis_once_then_from_memory(kept, other_server, mget_calls):
    other_server.set(STAMP, "v1", None)
    assert [kept.get(STAMP) for _ in range(50)] == ["v1"] * 50
    assert len(mget_calls) == 1
    assert kept.get_many([STAMP, KEPT_PREFIX + "absent"]) == {STAMP: "v1"}
    assert kept.get(KEPT_PREFIX + "absent", "default") == "default"
    assert len(mget_calls) == 2  # the absent key once, kept as absent


def test_other_keys_are_read_from_redis_each_time(kept, other_server, mget_calls):
    other_server.set("page", "one", None)
    other_server.set(STAMP, "v1", None)
    assert kept.get_many(["page", STAMP]) == {"page": "one", STAMP: "v1"}
    other_server.set("page", "two", None)
    assert kept.get_many(["page", STAMP]) == {"page": "two", STAMP: "v1"}
    assert kept.get("page") == "two"
    assert mget_calls[-1] == [kept.make_key("page")]


def test_what_another_server_writes_is_seen_on_the_next_read(kept, other_server):
    """Redis sends the notice before it answers the write: no pause is needed."""
    for number in range(300):
        other_server.set(STAMP, number, None)
        assert kept.get(STAMP) == number
        assert kept.get(STAMP) == number
    other_server.delete(STAMP)
    assert kept.get(STAMP) is None
    other_server.add(STAMP, "again", None)
    assert kept.get(STAMP) == "again"
    other_server.clear()
    assert kept.get(STAMP) is None


def test_a_write_made_while_reading_is_not_lost(kept, other_server):
    """Readers in threads while another server writes: the read after the last write sees it."""
    other_server.set(STAMP, 0, None)
    done = threading.Event()

    def read():
        while not done.is_set():
            kept.get(STAMP)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    try:
        for number in range(1, 200):
            other_server.set(STAMP, number, None)
            assert kept.get(STAMP) == number
    finally:
        done.set()
        for reader in readers:
            reader.join()


def test_a_broken_watch_is_not_trusted_and_opens_again(kept, other_server, mget_calls):
    other_server.set(STAMP, "before", None)
    assert kept.get(STAMP) == "before"
    watch = kept._cache._watch
    first_id = watch._client.client_id()
    other_server._cache.get_client(write=True).client_kill_filter(_id=first_id)
    other_server.set(STAMP, "while broken", None)  # its notice is lost with the connection
    assert kept.get(STAMP) == "while broken"
    kept._cache._next_open = 0  # the retry's pause is over
    assert kept.get(STAMP) == "while broken"
    assert watch.is_open
    assert watch._client.client_id() != first_id
    calls = len(mget_calls)
    assert kept.get(STAMP) == "while broken"
    assert len(mget_calls) == calls  # kept again


def test_a_forked_worker_opens_its_own_watch(kept, other_server):
    other_server.set(STAMP, "v1", None)
    assert kept.get(STAMP) == "v1"
    watch = kept._cache._watch
    first_id = watch._client.client_id()
    watch._pid = -1  # as a child process sees its parent's connection
    assert not watch.is_open
    kept._cache._next_open = 0
    other_server.set(STAMP, "v2", None)
    assert kept.get(STAMP) == "v2"
    assert watch.is_open
    assert watch._client.client_id() != first_id


def test_a_kept_value_is_read_again_after_kept_seconds(kept, other_server, mget_calls, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(redis_cache, "monotonic", lambda: clock[0])
    other_server.set(STAMP, "v1", None)
    kept.get(STAMP)
    kept.get(STAMP)
    assert len(mget_calls) == 1
    clock[0] += 1.5
    kept.get(STAMP)
    assert len(mget_calls) == 2


def test_without_tracking_every_read_goes_to_redis(kept, other_server, mget_calls, monkeypatch):
    """A Redis that refuses CLIENT TRACKING (too old, or an ACL): correct, only slower."""
    monkeypatch.setattr(redis_cache.ChangeWatch, "open", lambda self: False)
    other_server.set(STAMP, "v1", None)
    assert kept.get(STAMP) == "v1"
    kept._cache._next_open = 0
    assert kept.get(STAMP) == "v1"
    assert len(mget_calls) == 2
