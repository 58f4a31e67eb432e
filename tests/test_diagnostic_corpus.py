"""Every zone of the test DNS server with the verdict each check must give, asserted through the
JSON API and through `manage.py diagnose --json` (the page renders the same report).

Long on purpose: one table, read in one place against tests/dns/zones.py, where each zone's
comment says why.
"""

import json
from io import StringIO

import dns.resolver
import pytest
import spf
from django.core.management import call_command

pytestmark = pytest.mark.django_db

CHECKS = ("domain", "mx", "spf", "dmarc", "autoconfig")
OK, INFO, WARN, ERR, UNK, BLOCKED = "ok", "info", "warning", "error", "unknown", "blocked"

# zone: (overall, domain, mx, spf, dmarc, autoconfig). "overall" leaves the offer aside (no
# customer owns these domains) and the maintenance list (empty in tests).
EXPECTED = {
    "antivirus.test": (OK, OK, OK, OK, OK, INFO),
    "antispam.test": (OK, OK, OK, OK, OK, INFO),
    "split.test": (OK, OK, OK, OK, OK, INFO),
    "café.test": (WARN, OK, OK, OK, WARN, INFO),
    "noprotection.test": (WARN, OK, OK, WARN, WARN, INFO),
    "mixed.test": (WARN, OK, WARN, WARN, WARN, INFO),
    "partial.test": (ERR, OK, ERR, WARN, WARN, INFO),
    "foreign.test": (ERR, OK, ERR, ERR, WARN, INFO),
    "missing.test": (ERR, OK, ERR, WARN, WARN, INFO),
    "noaddress.test": (ERR, OK, ERR, WARN, WARN, INFO),
    "nullmx.test": (ERR, OK, ERR, WARN, WARN, INFO),
    "cname-mx.test": (WARN, OK, WARN, WARN, WARN, INFO),
    "ip-mx.test": (ERR, OK, ERR, WARN, WARN, INFO),
    "absent.test": (ERR, ERR, BLOCKED, BLOCKED, BLOCKED, BLOCKED),
    "big.test": (WARN, OK, OK, OK, WARN, INFO),
    "nested.test": (WARN, OK, OK, OK, WARN, INFO),
    "twospf.test": (ERR, OK, OK, ERR, WARN, INFO),
    "plusall.test": (ERR, OK, OK, ERR, WARN, INFO),
    "nospf-ovh.test": (ERR, OK, OK, ERR, ERR, INFO),
    "spfdrop.test": (WARN, OK, OK, UNK, WARN, INFO),
    "spf-overlimit.test": (ERR, OK, OK, ERR, WARN, INFO),
    "spf-eleventh.test": (ERR, OK, OK, ERR, WARN, INFO),
    "spf-typo.test": (ERR, OK, OK, ERR, WARN, INFO),
    "spf-glued.test": (ERR, OK, OK, ERR, WARN, INFO),
    "spf-loop.test": (ERR, OK, OK, ERR, WARN, INFO),
    "spf-redirect.test": (WARN, OK, OK, WARN, WARN, INFO),
    "spf-other.test": (WARN, OK, OK, WARN, WARN, INFO),
    "spf-fail.test": (ERR, OK, OK, ERR, WARN, INFO),
    "spf-void.test": (ERR, OK, OK, ERR, WARN, INFO),
    "spf-redirect-ovh.test": (WARN, OK, OK, OK, WARN, INFO),
    "dmarc-pct.test": (WARN, OK, OK, OK, WARN, INFO),
    "dmarc-https.test": (WARN, OK, OK, OK, WARN, INFO),
    "dmarc-semicolon.test": (ERR, OK, OK, OK, ERR, INFO),
    "dmarc-external.test": (WARN, OK, OK, OK, WARN, INFO),
    "dmarc-agreed.test": (OK, OK, OK, OK, OK, INFO),
    "dmarc-nomx.test": (WARN, OK, OK, OK, WARN, INFO),
    "dmarc-wild.test": (OK, OK, OK, OK, OK, INFO),
    "shop.antivirus.test": (ERR, OK, ERR, WARN, OK, INFO),
    "slowdmarc.test": (UNK, OK, OK, OK, UNK, INFO),
    "servfail.test": (UNK, UNK, UNK, UNK, UNK, UNK),
    "refused.test": (UNK, UNK, UNK, UNK, UNK, UNK),
    "drop.test": (UNK, UNK, UNK, UNK, UNK, UNK),
}


def verdicts(document: dict) -> tuple[str, ...]:
    statuses = {check["id"]: check["status"] for check in document["checks"]}
    return (document["status"], *(statuses[check] for check in CHECKS))


def test_the_corpus_covers_at_least_forty_zones():
    assert len(EXPECTED) >= 40


@pytest.mark.parametrize(("domain", "expected"), EXPECTED.items(), ids=list(EXPECTED))
def test_the_api_gives_each_zone_its_verdicts(client, dns_settings, domain, expected):
    document = client.get("/diagnostic/api/", {"domain": domain}).json()
    assert verdicts(document) == expected
    if expected[0] in (ERR, WARN):
        assert document["fix_first"] and document["headline"]


@pytest.mark.parametrize(("domain", "expected"), EXPECTED.items(), ids=list(EXPECTED))
def test_the_command_gives_each_zone_its_verdicts(dns_settings, domain, expected):
    out = StringIO()
    call_command("diagnose", domain, "--json", stdout=out)
    assert verdicts(json.loads(out.getvalue())) == expected


# pyspf, the reference implementation, evaluated for the same OVH sender on the same zones.
OVH_SENDER = "192.0.2.65"  # the first address of mx.ovh.com's ip4 network in tests/dns/zones.py
SPF_ZONES = [name for name, expected in EXPECTED.items() if expected[3] != UNK] + ["spfdrop.test"]


@pytest.fixture
def pyspf_asks_the_test_server(dns_server, monkeypatch):
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = dns_server.port
    resolver.timeout = resolver.lifetime = 1.0
    resolver.cache = None
    monkeypatch.setattr(dns.resolver, "default_resolver", resolver)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("domain", SPF_ZONES)
def test_pyspf_gets_the_same_result_for_ovhs_sender(
    client, dns_settings, pyspf_asks_the_test_server, domain
):
    document = client.get("/diagnostic/api/", {"domain": domain}).json()
    [check] = [check for check in document["checks"] if check["id"] == "spf"]
    result, _explanation = spf.check2(i=OVH_SENDER, s=f"postmaster@{domain}", h=domain)
    assert check.get("data", {}).get("ovh_result", "none") == result
