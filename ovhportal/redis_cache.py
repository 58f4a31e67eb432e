"""Django's Redis cache, with the few keys every request reads kept in the worker's memory and
forgotten the moment Redis says one of them changed.

Every public page reads the page cache's version and the next scheduled publication before
it can answer: with the page itself in the worker's memory, that read was the one round trip
to Redis left on a cache hit, about half of its time. Keys whose name starts with
`KEPT_PREFIX` are instead read once and kept, and a connection of the worker's own asks Redis
to be told of every change to them (client-side caching: `CLIENT TRACKING ... BCAST`, RESP3,
Redis 6 or newer). Redis queues that notice before it answers the write that caused it, so
once the writer has been told "OK" the notice is already in this worker's socket; each read
of a kept key first takes what the socket holds (a non-blocking poll, no round trip). An
expiry or an eviction sends a notice too, and a value is kept `kept_seconds` at most anyway.

Whenever the watching connection is not there (starting, broken, a Redis without tracking,
a forked worker), kept keys are read from Redis as any other; it is tried again at most once
a `kept_seconds`."""

import logging
import os
import threading
from time import monotonic

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

KEPT_PREFIX = "stamp:"
logger = logging.getLogger(__name__)
_ABSENT = object()


class ChangeWatch:
    """A connection on which Redis tells this process that a key under `prefix` changed."""

    def __init__(self, *, url: str, prefix: str):
        self.url = url
        self.prefix = prefix
        self._client: redis.Redis | None = None
        self._pid = 0

    def open(self) -> bool:
        """Watching from now on (False: Redis refused or is out of reach)."""
        self.close()
        try:
            client = redis.Redis.from_url(self.url, protocol=3, single_connection_client=True)
            client.execute_command("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", self.prefix)
        except (redis.RedisError, OSError) as error:
            logger.warning("Kept cache keys are read from Redis each time: %s", error)
            return False
        self._client, self._pid = client, os.getpid()
        return True

    @property
    def is_open(self) -> bool:
        # A forked worker must not read its parent's socket.
        return self._client is not None and self._pid == os.getpid()

    def changed(self) -> bool:
        """Whether a notice came since the last call (True also when the connection broke,
        which closes it: nothing can be trusted until it is opened again)."""
        connection = self._client.connection
        came = False
        try:
            while connection.can_read(timeout=0):
                connection.read_response(push_request=True)
                came = True
        except (redis.RedisError, OSError):
            self.close()
            return True
        return came

    def close(self) -> None:
        if self._client is not None and self._pid == os.getpid():
            self._client.close()
        self._client = None


class KeptKeysClient(RedisCacheClient):
    """Django's Redis client; reads of keys under `kept_prefix` are answered from memory
    while the watch says nothing changed."""

    def __init__(self, servers, *, kept_prefix: str, kept_seconds: float = 1.0, **options):
        super().__init__(servers, **options)
        self._watch = ChangeWatch(url=servers[0], prefix=kept_prefix)
        self._kept_prefix = kept_prefix
        self._kept_seconds = kept_seconds
        self._kept: dict[str, object] = {}
        self._kept_since = 0.0
        self._next_open = 0.0
        self._generation = 0
        self._lock = threading.Lock()

    def get(self, key, default):
        if not key.startswith(self._kept_prefix):
            return super().get(key, default)
        return self.get_many([key]).get(key, default)

    def get_many(self, keys):
        kept_keys = [key for key in keys if key.startswith(self._kept_prefix)]
        if not kept_keys:
            return super().get_many(keys)
        values = self._kept_values(kept_keys)
        others = [key for key in keys if key not in values]
        found = super().get_many(others) if others else {}
        found.update((key, value) for key, value in values.items() if value is not _ABSENT)
        return found

    def _kept_values(self, keys: list[str]) -> dict[str, object]:
        """Each key's value (_ABSENT if it has none), from memory where it can be."""
        with self._lock:
            watching = self._watching()
            if watching and all(key in self._kept for key in keys):
                return {key: self._kept[key] for key in keys}
            generation = self._generation
        # On the primary: the notices come from there.
        raw = self.get_client(write=True).mget(keys)
        values = {
            key: _ABSENT if value is None else self._serializer.loads(value)
            for key, value in zip(keys, raw, strict=True)
        }
        with self._lock:
            # A notice that came during the read may be about a write made after it.
            if watching and self._watching() and self._generation == generation:
                if not self._kept:
                    self._kept_since = monotonic()
                self._kept.update(values)
        return values

    def _watching(self) -> bool:
        """Whether what is kept can be trusted; forgets it when it cannot (call with the lock)."""
        now = monotonic()
        if not self._watch.is_open:
            self._forget()
            if now < self._next_open:
                return False
            self._next_open = now + self._kept_seconds
            return self._watch.open()
        if self._watch.changed() or (self._kept and now - self._kept_since > self._kept_seconds):
            self._forget()
        return self._watch.is_open

    def _forget(self) -> None:
        self._kept.clear()
        self._generation += 1


class KeptKeysRedisCache(RedisCache):
    """Django's RedisCache with KeptKeysClient: OPTIONS may set `kept_seconds` (1 s)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptKeysClient
        self._options = {**self._options, "kept_prefix": self.make_key(KEPT_PREFIX)}
