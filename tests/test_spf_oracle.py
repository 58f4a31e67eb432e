"""pyspf as the oracle: each SPF case, served by the test DNS server, is evaluated by
guides.diagnostics.spf_evaluation (fed in rounds through DnsClient) and by pyspf (dnspython
pointed at the same server); both must give the result written beside the case."""

import dns.resolver
import pytest
import spf

from guides.diagnostics.resolver import DnsClient, run
from guides.diagnostics.spf_evaluation import SpfResult, evaluate
from tests.dns.server import DnsServer
from tests.dns.spf_zones import (
    GOOGLE_IP,
    OTHER_IP,
    OTHER_IP6,
    OVH_IP,
    OVH_IP6,
    SPF_BEHAVIOURS,
    SPF_ZONES,
)

# pyspf calls dnspython's deprecated dns.resolver.query().
pytestmark = pytest.mark.filterwarnings("ignore:please use dns.resolver.resolve:DeprecationWarning")

DEADLINE = 1.0
ROUNDS = 30

CASES = [
    ("ovh.spf.test", OVH_IP, "pass"),
    ("ovh.spf.test", OTHER_IP, "fail"),
    ("ovh.spf.test", OVH_IP6, "pass"),
    ("softovh.spf.test", OTHER_IP, "softfail"),
    ("ovh-first.spf.test", OVH_IP, "pass"),  # matched before the limit is reached
    ("ovh-first.spf.test", OTHER_IP, "permerror"),  # 11 includes
    ("ovh-eleventh.spf.test", OVH_IP, "permerror"),
    ("loop-a.spf.test", OTHER_IP, "permerror"),
    ("self.spf.test", OTHER_IP, "permerror"),
    ("redirect-loop.spf.test", OTHER_IP, "permerror"),
    ("void3.spf.test", OVH_IP, "permerror"),
    ("void2.spf.test", OVH_IP, "pass"),
    ("include-nospf.spf.test", OVH_IP, "pass"),
    ("include-nospf.spf.test", OTHER_IP, "permerror"),
    ("include-nx.spf.test", OVH_IP, "permerror"),
    ("bad-ip4.spf.test", OVH_IP, "permerror"),
    ("bad-cidr.spf.test", OVH_IP, "permerror"),
    ("typo.spf.test", OVH_IP, "permerror"),
    ("split.spf.test", OVH_IP, "permerror"),
    ("split-a.spf.test", OVH_IP, "permerror"),
    ("split-ok.spf.test", OTHER_IP, "pass"),
    ("redirect-all.spf.test", OVH_IP, "pass"),
    ("redirect-all.spf.test", OTHER_IP, "fail"),  # the redirect is ignored beside "all"
    ("redirect-ovh.spf.test", OVH_IP, "pass"),
    ("redirect-ovh.spf.test", OTHER_IP, "softfail"),
    ("redirect-nospf.spf.test", OVH_IP, "permerror"),
    ("redirect-twice.spf.test", OVH_IP, "permerror"),
    ("two.spf.test", OVH_IP, "permerror"),
    ("norecord.spf.test", OVH_IP, "none"),
    ("nothing-here.spf.test", OVH_IP, "none"),
    ("spf10.spf.test", OVH_IP, "none"),
    ("plusall.spf.test", OTHER_IP, "pass"),
    ("neutral.spf.test", OTHER_IP, "neutral"),
    ("empty.spf.test", OVH_IP, "neutral"),
    ("nested1.spf.test", OVH_IP, "pass"),
    ("nested1.spf.test", GOOGLE_IP, "pass"),
    ("nested1.spf.test", OTHER_IP, "fail"),
    ("a.spf.test", OTHER_IP, "pass"),
    ("a.spf.test", OVH_IP, "fail"),
    ("a-cidr.spf.test", OTHER_IP, "pass"),
    ("a-cidr.spf.test", OVH_IP, "fail"),
    ("a6-cidr.spf.test", OTHER_IP6, "pass"),
    ("a6-cidr.spf.test", "2001:db8:2::1", "fail"),
    ("mx.spf.test", OTHER_IP, "pass"),
    ("mx.spf.test", OVH_IP, "fail"),
    ("mx-cidr.spf.test", "203.0.113.200", "pass"),
    ("mx-cidr.spf.test", OVH_IP, "fail"),
    ("manymx.spf.test", OVH_IP, "permerror"),
    ("exists.spf.test", OTHER_IP, "pass"),
    ("exists.spf.test", OVH_IP, "fail"),
    ("exists-d.spf.test", OTHER_IP, "pass"),
    ("rev.spf.test", OTHER_IP, "pass"),
    ("rev.spf.test", OVH_IP, "softfail"),
    ("macro-d.spf.test", OVH_IP, "pass"),
    ("macro-d.spf.test", OTHER_IP, "fail"),
    ("macro-d2.spf.test", OTHER_IP, "pass"),
    ("ip6.spf.test", OTHER_IP6, "pass"),
    ("ip6.spf.test", "2001:db8:2::9", "fail"),
    ("unknown-mod.spf.test", OVH_IP, "pass"),
    ("exp.spf.test", OTHER_IP, "fail"),
    ("timeout.spf.test", OVH_IP, "temperror"),
    ("timeout.spf.test", "198.51.100.1", "pass"),  # matched before the silent name
    ("servfail-inc.spf.test", OVH_IP, "temperror"),
    ("servfail-a.spf.test", OTHER_IP, "temperror"),
    ("servfail-a.spf.test", OVH_IP, "pass"),
    ("case.spf.test", OVH_IP, "pass"),
    ("case.spf.test", OTHER_IP, "pass"),
    ("case.spf.test", GOOGLE_IP, "fail"),
    ("spaces.spf.test", OVH_IP, "pass"),
    ("senders.spf.test", OVH_IP, "pass"),
    ("senders.spf.test", GOOGLE_IP, "pass"),
    ("senders.spf.test", OTHER_IP, "pass"),
    ("senders.spf.test", "192.0.2.1", "fail"),
    ("senders-no-ovh.spf.test", OVH_IP, "fail"),
    ("senders-no-ovh.spf.test", GOOGLE_IP, "pass"),
    ("fail-first.spf.test", OTHER_IP, "fail"),
    ("fail-first.spf.test", GOOGLE_IP, "pass"),
    ("ptr.spf.test", OTHER_IP, "pass"),
    ("ptr.spf.test", GOOGLE_IP, "fail"),
    ("all-arg.spf.test", OVH_IP, "permerror"),
    ("include-bare.spf.test", OVH_IP, "permerror"),
    ("single-label.spf.test", OVH_IP, "permerror"),
]


@pytest.fixture(scope="module")
def spf_dns():
    server = DnsServer(SPF_ZONES, behaviours=SPF_BEHAVIOURS).start()
    yield server
    server.stop()


@pytest.fixture
def pyspf_resolver(spf_dns, monkeypatch):
    """dnspython's default resolver (the one pyspf uses) asks the test server only."""
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = spf_dns.port
    resolver.timeout = DEADLINE / 2
    resolver.lifetime = DEADLINE
    resolver.cache = None
    monkeypatch.setattr(dns.resolver, "default_resolver", resolver)
    return resolver


def ours(server: DnsServer, *, domain: str, ip: str) -> str:
    """Evaluate, ask what is needed (each round with a fresh deadline), evaluate again."""
    answers = {}
    for _round in range(ROUNDS):
        evaluation = evaluate(domain=domain, ip=ip, lookup_of=lambda n, t: answers.get((n, t)))
        if evaluation.result is not None:
            return evaluation.result.value
        assert evaluation.needs and not set(evaluation.needs) & set(answers)
        client = DnsClient(
            nameservers=[server.address], deadline=DEADLINE, attempt_timeout=DEADLINE / 2
        )
        for lookup in run(client.lookup_many(evaluation.needs)):
            answers[(lookup.name, lookup.rdtype)] = lookup
    raise AssertionError(f"no result after {ROUNDS} rounds")


def theirs(*, domain: str, ip: str) -> str:
    result, _code, _explanation = spf.query(
        i=ip, s=f"postmaster@{domain}", h=domain, timeout=DEADLINE
    ).check()
    return result


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert {expected for *_case, expected in CASES} == {r.value for r in SpfResult}


@pytest.mark.parametrize(("domain", "ip", "expected"), CASES)
def test_pyspf_agrees(spf_dns, pyspf_resolver, domain, ip, expected):
    assert (ours(spf_dns, domain=domain, ip=ip), theirs(domain=domain, ip=ip)) == (
        expected,
        expected,
    )
