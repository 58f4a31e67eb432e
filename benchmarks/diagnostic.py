"""How long a diagnostic page takes against DNS servers that are slow or silent, through
Django's test client, with the test suite's DNS server on 127.0.0.1.

- Every answer delayed by 200 ms: a report should take about its longest chain of dependent
  lookups (the domain's records, then the MX hosts and SPF includes they name, then nested
  includes: four rounds at most, about 0.8 s), not the sum of its lookups.
- No answer at all: the page should come back within the deadline (OVHPORTAL_DNS_TIMEOUT,
  5 s unless set) plus half a second, and name the checks that could not be done.
- The first of two name servers dead: only the first round waits for it (one attempt,
  OVHPORTAL_DNS_ATTEMPT_TIMEOUT); a full report, three-round SPF included, is complete well
  within the deadline.

    make bench                       # or: python -m benchmarks.diagnostic
"""

import time
from dataclasses import dataclass

from benchmarks import setup_django, temporary_database

DELAY = 0.2
# nested.test: MX → MX host addresses, and SPF → include → nested include (three rounds).
DOMAINS = ["nested.test", "antivirus.test"]


@dataclass(frozen=True)
class Timing:
    domain: str
    seconds: float
    lookups: int
    not_done: list[str]


def measure(client, server, domain: str) -> Timing:
    from django.urls import reverse

    before = len(server.log)
    started = time.perf_counter()
    response = client.get(reverse("diagnostic_api"), {"domain": domain, "refresh": "1"})
    seconds = time.perf_counter() - started
    assert response.status_code == 200, response.content
    not_done = [
        check["id"]
        for check in response.json()["checks"]
        if check["status"] == "unknown" and check["id"] != "offer"
    ]
    return Timing(domain, seconds, len(server.log) - before, not_done)


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    from guides.diagnostics.resolver import forget_resting_servers
    from tests.dns.server import DnsServer
    from tests.dns.zones import BEHAVIOURS, ZONES

    deadline = settings.OVHPORTAL_DNS_TIMEOUT
    with temporary_database():
        client = Client(SERVER_NAME="localhost")
        slow = DnsServer(ZONES, behaviours=BEHAVIOURS, delay=DELAY).start()
        silent = DnsServer(ZONES, behaviours={".": "drop"}).start()
        fast = DnsServer(ZONES, behaviours=BEHAVIOURS).start()
        try:
            with override_settings(
                OVHPORTAL_DNS_NAMESERVERS=[slow.address], OVHPORTAL_DIAGNOSTIC_RATE=1000
            ):
                slow_timings = [measure(client, slow, domain) for domain in DOMAINS]
            with override_settings(
                OVHPORTAL_DNS_NAMESERVERS=[silent.address], OVHPORTAL_DIAGNOSTIC_RATE=1000
            ):
                silent_timing = measure(client, silent, "antivirus.test")
            forget_resting_servers()
            with override_settings(
                OVHPORTAL_DNS_NAMESERVERS=[silent.address, fast.address],
                OVHPORTAL_DIAGNOSTIC_RATE=1000,
            ):
                failover_timing = measure(client, fast, "nested.test")
        finally:
            fast.stop()
            slow.stop()
            silent.stop()

    print("\nDiagnostic report (GET /diagnostic/api/), local DNS server on 127.0.0.1")
    print(f"  every answer delayed by {DELAY * 1000:.0f} ms (target: 4 rounds at most, 0.8 s):")
    for timing in slow_timings:
        print(
            f"    {timing.domain:16} {timing.seconds:5.2f} s for {timing.lookups} lookups"
            f" (one after another: {timing.lookups * DELAY:.1f} s)"
        )
    print(f"  no answer at all, deadline {deadline:.1f} s (target: under {deadline + 0.5:.1f} s):")
    print(
        f"    {silent_timing.domain:16} {silent_timing.seconds:5.2f} s"
        f" (deadline + {silent_timing.seconds - deadline:.2f} s);"
        f" could not be done: {', '.join(silent_timing.not_done)}"
    )
    attempt = settings.OVHPORTAL_DNS_ATTEMPT_TIMEOUT
    print(f"  first name server dead, second healthy (target: about {attempt:.1f} s, one attempt):")
    print(
        f"    {failover_timing.domain:16} {failover_timing.seconds:5.2f} s;"
        f" could not be done: {', '.join(failover_timing.not_done) or 'nothing'}"
    )


if __name__ == "__main__":
    main()
