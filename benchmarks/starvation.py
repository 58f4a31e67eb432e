"""Whether diagnostics that wait on dead name servers starve the portal: the home page's
latency alone, then while the most reports the portal allows wait on a server that never
answers (and a few more, which get "busy"), under gunicorn with sync workers and with the
gthread workers `make run` uses.

    python -m benchmarks.starvation      # part of `make bench`
"""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks import setup_django

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
THREADS = 8
EXTRA_REPORTS = 4  # past the cap: answered "busy" at once
HOME_SAMPLES = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback only)
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except TimeoutError:
        status = 0  # no answer within 30 s
    return status, time.perf_counter() - started


def home_latency(base: str) -> list[float]:
    return [fetch(f"{base}/fr/")[1] for _ in range(HOME_SAMPLES)]


def serve(env: dict, worker_class: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "ovhportal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        worker_class,
        "--threads",
        str(THREADS if worker_class == "gthread" else 1),  # sync with threads is gthread
        "--timeout",
        "60",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            fetch(f"{base}/fr/")
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def measure(env: dict, worker_class: str, reports: int) -> dict:
    server, base = serve(env, worker_class)
    try:
        home_latency(base)  # every worker warmed up
        alone = home_latency(base)
        answers: list[tuple[int, float]] = []
        threads = [
            threading.Thread(
                target=lambda n=n: answers.append(
                    fetch(f"{base}/diagnostic/api/?domain=dead-{n}.test")
                )
            )
            for n in range(reports)
        ]
        for thread in threads:
            thread.start()
        time.sleep(0.3)
        during = home_latency(base)
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait()
    return {
        "alone": alone,
        "during": during,
        "statuses": [status for status, _seconds in answers],
        "waited": max(seconds for _status, seconds in answers),
    }


def main() -> None:
    setup_django()
    from django.conf import settings

    from tests.dns.server import DnsServer
    from tests.dns.zones import ZONES

    cap = min(
        settings.OVHPORTAL_DIAGNOSTICS_IN_FLIGHT,
        settings.OVHPORTAL_DIAGNOSTICS_PER_PROCESS * WORKERS,
    )
    silent = DnsServer(ZONES, behaviours={".": "drop"}).start()
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "DEBUG": "true",
            "OVHPORTAL_TESTING": "",
            "OVHPORTAL_DNS_NAMESERVERS": silent.address,
            "OVHPORTAL_DIAGNOSTIC_RATE": "10000",
        }
        env.pop("REDIS_URL", None)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        # A cache of its own for each run, so no report is served from the other run's.
        rows = [
            (
                worker_class,
                measure(
                    env | {"OVHPORTAL_CACHE_DIR": f"{folder}/cache-{worker_class}"},
                    worker_class,
                    cap + EXTRA_REPORTS,
                ),
            )
            for worker_class in ("sync", "gthread")
        ]
    silent.stop()

    print(
        f"\nHome page while {cap} diagnostics (the cap) wait on a silent DNS server, plus "
        f"{EXTRA_REPORTS} more; gunicorn, {WORKERS} workers, SQLite, the disk cache"
    )
    print(
        "  workers   home alone p50/max     home during p50/max    diagnostic answers"
        " (longest wait)"
    )
    for worker_class, row in rows:
        answers = ", ".join(
            f"{row['statuses'].count(code)}×{code or 'no answer in 30 s'}"
            for code in sorted(set(row["statuses"]))
        )
        print(
            f"  {worker_class:8} {statistics.median(row['alone']) * 1000:7.1f} / "
            f"{max(row['alone']) * 1000:6.1f} ms   "
            f"{statistics.median(row['during']) * 1000:7.1f} / {max(row['during']) * 1000:7.1f} ms"
            f"   {answers} ({row['waited']:.1f} s)"
        )


if __name__ == "__main__":
    main()
