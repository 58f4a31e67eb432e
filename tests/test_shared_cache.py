"""Without Redis, every worker process of one machine shares one cache (on disk), so a limit
of N a minute lets N through in all, not N per worker."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HITS = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ovhportal.settings")
django.setup()
from django.conf import settings
from guides.views import rate_limit
assert settings.CACHES["default"]["BACKEND"] == "ovhportal.disk_cache.KeptOpenDiskCache"
print(sum(
    rate_limit.hit(scope="diagnostic", client="203.0.113.7", limit=10, now=600.0).allowed
    for _ in range(5)
))
"""


def test_workers_share_the_rate_limit(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env |= {"OVHPORTAL_CACHE_DIR": str(tmp_path / "cache"), "OVHPORTAL_TESTING": "1"}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", HITS], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    allowed = [int(worker.communicate(timeout=60)[0]) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    assert sum(allowed) == 10  # 20 hits from four processes, a limit of 10 in all


def test_the_disk_cache_keeps_its_connections_when_a_request_ends(tmp_path):
    """Django closes every cache after each request; reopening each shard's SQLite file
    cost more than serving a cached page."""
    from ovhportal.disk_cache import KeptOpenDiskCache

    disk = KeptOpenDiskCache(str(tmp_path), {})
    disk.set("page", "<html>")
    connections = [shard._con for shard in disk._cache._shards]
    disk.close()
    assert [shard._con for shard in disk._cache._shards] == connections
    assert disk.get("page") == "<html>"
