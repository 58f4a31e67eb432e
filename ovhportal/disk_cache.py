"""The disk cache one machine without Redis shares between its worker processes."""

from diskcache import DjangoCache


class KeptOpenDiskCache(DjangoCache):
    """diskcache's Django backend, with its SQLite connections kept open between requests.

    Django closes every cache when a request ends; for diskcache that means opening each
    shard's SQLite file again (and setting its pragmas) on the next request, about a
    millisecond a shard, which was most of the time of a page served from the cache. A
    connection belongs to one thread and is safe to keep for the life of the worker."""

    def close(self, **kwargs) -> None:
        """Left open on purpose (see the class); the worker's exit closes it."""
