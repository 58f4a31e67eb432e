"""Fixtures: the test DNS server for the whole session, and settings pointing the portal at it
with a short deadline (so "no answer" tests take about a second)."""

import pytest

from tests.dns.server import DnsServer
from tests.dns.zones import BEHAVIOURS, ZONES

TEST_DEADLINE = 1.0


@pytest.fixture(scope="session")
def dns_server():
    server = DnsServer(ZONES, behaviours=BEHAVIOURS).start()
    yield server
    server.stop()


@pytest.fixture
def dns_settings(settings, dns_server):
    """Ask the test server; and no rate limit, unless a test sets one."""
    settings.OVHPORTAL_DNS_NAMESERVERS = [dns_server.address]
    settings.OVHPORTAL_DNS_TIMEOUT = TEST_DEADLINE
    settings.OVHPORTAL_DIAGNOSTIC_RATE = 10_000
    return settings
