"""Requests a second and latency of the portal's public pages beside a bare Django "hello"
view (benchmarks/hello: `startproject`'s middleware), in one run, served the same way:
gunicorn with 2 sync workers, DEBUG off, loaded by wrk (Debian's package) with 16
connections. Then the server time of a page that misses the page cache (the first view
after an edit), with the page cache off and one connection.

SQLite with the disk cache always; PostgreSQL with Redis too when DATABASE_URL and REDIS_URL
are set (a database of its own beside the one DATABASE_URL names, dropped afterwards).

    python -m benchmarks.throughput     # part of `make bench`
    BENCH_SECONDS=10 make bench         # seconds of load a page (default 5)
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from benchmarks.starvation import ROOT, free_port

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = 16
WORKERS = 2
BARE = "bare Django hello view"
PAGES = {
    "home /fr/": "/fr/",
    "guide: account settings": "/fr/guides/parametres-des-comptes/",
    "client list": "/fr/clients/",
    "FAQ": "/fr/faq/",
    "search, repeated": "/fr/search/?q=mot+de+passe",
}
GOAL = "hits: ≥ 50 % of the bare view's requests/s, p99 ≤ 2 × its p99; a miss under 10 ms"


@dataclass(frozen=True)
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float


def wrk(url: str, *, connections: int, seconds: int) -> Load:
    """wrk's figures for `url` (two threads at most, `connections` kept open)."""
    output = subprocess.run(  # noqa: S603 (loopback URL built here)
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx or 3xx responses" in output or "Socket errors" in output:
        raise SystemExit(f"{url} answered with errors under load:\n{output}")
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50_ms=_milliseconds(re.search(r"50%\s+([\d.]+\w+)", output)[1]),
        p99_ms=_milliseconds(re.search(r"99%\s+([\d.]+\w+)", output)[1]),
    )


def _milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


@contextlib.contextmanager
def gunicorn(application: str, env: dict) -> Iterator[str]:
    """`application` served on a free loopback port; its base URL."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            application,
            f"--bind=127.0.0.1:{port}",
            f"--workers={WORKERS}",
            "--worker-class=sync",
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base, server)
        yield base
    finally:
        server.terminate()
        server.wait()


def _wait_for(base: str, server: subprocess.Popen) -> None:
    for _attempt in range(200):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped at start (see its log by running it by hand)")
        try:
            with urllib.request.urlopen(base + "/", timeout=5):  # noqa: S310 (loopback)
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not answer")


def portal_env(*, database_url: str, redis_url: str, cache_dir: str, page_cache: bool) -> dict:
    env = os.environ | {
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "OVHPORTAL_HTTPS": "false",
        "OVHPORTAL_TESTING": "",
        "OVHPORTAL_CACHE_DIR": cache_dir,
        "OVHPORTAL_PAGE_CACHE_SECONDS": "300" if page_cache else "0",
        "LOG_LEVEL": "WARNING",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["CACHE_KEY_PREFIX"] = f"bench-{os.getpid()}"
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env: dict, *arguments: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments, "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


@contextlib.contextmanager
def postgres_database(url: str) -> Iterator[str]:
    """A database of its own on the server `url` names; its URL, dropped afterwards."""
    import psycopg

    parts = urlsplit(url)
    name = f"bench_throughput_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path="/" + name))
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def measure(*, label: str, database_url: str, redis_url: str) -> list[tuple]:
    """One line per page: the cache hits under load, and a miss alone."""
    with tempfile.TemporaryDirectory() as folder:
        env = portal_env(
            database_url=database_url,
            redis_url=redis_url,
            cache_dir=f"{folder}/cache",
            page_cache=True,
        )
        manage(env, "migrate")
        with gunicorn("benchmarks.hello.wsgi", os.environ | {"LOG_LEVEL": "WARNING"}) as base:
            wrk(base + "/", connections=CONNECTIONS, seconds=1)  # warm up
            bare = wrk(base + "/", connections=CONNECTIONS, seconds=SECONDS)
        hits = {}
        with gunicorn("ovhportal.wsgi", env) as base:
            for page, path in PAGES.items():
                wrk(base + path, connections=CONNECTIONS, seconds=1)
                hits[page] = wrk(base + path, connections=CONNECTIONS, seconds=SECONDS)
        misses = {}
        with gunicorn("ovhportal.wsgi", env | {"OVHPORTAL_PAGE_CACHE_SECONDS": "0"}) as base:
            for page, path in PAGES.items():
                wrk(base + path, connections=1, seconds=1)
                misses[page] = wrk(base + path, connections=1, seconds=SECONDS)
    rows = [(label, BARE, bare, None)]
    rows += [(label, page, hits[page], misses[page]) for page in PAGES]
    return rows


def print_table(rows: list[tuple]) -> None:
    print(
        f"\n{'set-up':<22} {'page':<26} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'% bare':>7} {'p99/bare':>8} {'miss p50':>9} {'miss p99':>9}"
    )
    bare = None
    for label, page, hit, miss in rows:
        if page == BARE:
            bare = hit
        share = hit.requests_per_second / bare.requests_per_second * 100
        ratio = hit.p99_ms / bare.p99_ms
        misses = f"{miss.p50_ms:>9.1f} {miss.p99_ms:>9.1f}" if miss else f"{'':>9} {'':>9}"
        print(
            f"{label:<22} {page:<26} {hit.requests_per_second:>7.0f} {hit.p50_ms:>7.1f} "
            f"{hit.p99_ms:>7.1f} {share:>6.0f}% {ratio:>8.1f} {misses}"
        )


def main() -> None:
    if shutil.which("wrk") is None:
        print("\nThroughput: skipped, wrk is not installed (apt-get install wrk).")
        return
    manage(
        portal_env(database_url="sqlite://:memory:", redis_url="", cache_dir="", page_cache=True),
        "collectstatic",
    )
    with tempfile.TemporaryDirectory() as folder:
        rows = measure(
            label="SQLite, disk cache",
            database_url=f"sqlite:///{folder}/bench.sqlite3",
            redis_url="",
        )
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if database_url.startswith("postgres") and redis_url:
        with postgres_database(database_url) as url:
            rows += measure(label="PostgreSQL + Redis", database_url=url, redis_url=redis_url)
    print(
        f"\nThroughput: gunicorn {WORKERS} sync workers, DEBUG off, wrk {CONNECTIONS} "
        f"connections × {SECONDS} s a page (cache hits); a miss: page cache off, 1 connection. "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs (wrk shares them)."
    )
    print_table(rows)
    print(f"Goal: {GOAL}.")


if __name__ == "__main__":
    main()
