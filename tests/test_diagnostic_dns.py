"""The resolver against the test DNS server: every fault kept apart, TCP after truncation,
no caching, every lookup of a round in flight at once, and the deadline."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from guides.diagnostics.resolver import DnsClient, Outcome, parse_nameserver, run
from guides.diagnostics.snapshot import take_snapshot, zone_names
from tests.dns.server import DnsServer
from tests.dns.zones import BEHAVIOURS, ZONES


def lookups(server, *questions, deadline=1.0):
    client = DnsClient(nameservers=[server.address], deadline=deadline)
    return run(client.lookup_many(questions))


@pytest.mark.parametrize(
    ("name", "outcome"),
    [
        ("antivirus.test", Outcome.ANSWER),
        ("missing.test", Outcome.NODATA),
        ("absent.test", Outcome.NXDOMAIN),
        ("servfail.test", Outcome.SERVFAIL),
        ("refused.test", Outcome.REFUSED),
        ("drop.test", Outcome.TIMEOUT),
    ],
)
def test_each_fault_is_its_own_outcome(dns_server, name, outcome):
    [lookup] = lookups(dns_server, (name, "MX"))
    assert lookup.outcome is outcome
    assert lookup.failed is (outcome in (Outcome.SERVFAIL, Outcome.REFUSED, Outcome.TIMEOUT))


def test_answer_too_big_for_udp_is_asked_again_over_tcp(dns_server):
    [lookup] = lookups(dns_server, ("big.test", "TXT"))
    assert lookup.outcome is Outcome.ANSWER
    assert len(lookup.records) == 11
    assert "v=spf1 include:mx.ovh.com -all" in lookup.records
    assert dns_server.asked("big.test.", "TXT")[-2:] == ["udp", "tcp"]


def test_split_txt_strings_are_joined(dns_server):
    spf, dmarc = lookups(dns_server, ("split.test", "TXT"), ("_dmarc.split.test", "TXT"))
    assert spf.records == ("v=spf1 include:mx.ovh.com ~all",)
    assert dmarc.records == ("v=DMARC1; p=reject",)


def test_internationalised_name_is_asked_in_punycode(dns_server):
    [lookup] = lookups(dns_server, ("xn--caf-dma.test", "MX"))
    assert lookup.records == ((1, "mx3.ovh.net"), (5, "mx4.ovh.net"))
    assert dns_server.asked("xn--caf-dma.test.", "MX")


def test_cname_is_reported_as_an_alias(dns_server):
    [lookup] = lookups(dns_server, ("mail.cname-mx.test", "A"))
    assert (lookup.outcome, lookup.alias, lookup.records) == (
        Outcome.ANSWER,
        "mx3.ovh.net",
        ("192.0.2.13",),
    )


def test_null_mx_and_srv_records_are_parsed(dns_server):
    mx, srv = lookups(dns_server, ("nullmx.test", "MX"), ("_imaps._tcp.antivirus.test", "SRV"))
    assert mx.records == ((0, "."),)
    assert srv.records == ((0, 0, 993, "ssl0.ovh.net"),)


def test_answers_are_never_cached(dns_server):
    before = len(dns_server.asked("antispam.test.", "MX"))
    lookups(dns_server, ("antispam.test", "MX"))
    lookups(dns_server, ("antispam.test", "MX"))
    assert len(dns_server.asked("antispam.test.", "MX")) == before + 2


def test_next_name_server_is_asked_when_one_refuses(dns_server):
    refusing = DnsServer(ZONES, behaviours={".": "refused"}).start()
    try:
        client = DnsClient(nameservers=[refusing.address, dns_server.address], deadline=1.0)
        [lookup] = run(client.lookup_many([("antivirus.test", "MX")]))
    finally:
        refusing.stop()
    assert lookup.outcome is Outcome.ANSWER
    assert refusing.asked("antivirus.test.", "MX") == ["udp"]


@pytest.fixture
def slow_server():
    server = DnsServer(ZONES, behaviours=BEHAVIOURS, delay=0.3).start()
    yield server
    server.stop()


def test_every_lookup_of_a_round_is_in_flight_at_once(slow_server):
    extra = [("autoconfig.nested.test", "A"), ("_imaps._tcp.nested.test", "SRV")]
    snapshot = take_snapshot(
        domain="nested.test", nameservers=[slow_server.address], deadline=5.0, extra=extra
    )
    assert snapshot.complete
    # Round one: NS, MX, TXT, _dmarc TXT and the two extra names, all waiting together.
    assert slow_server.peak_in_flight >= 6
    # Later rounds follow what round one found: the MX hosts and two nested SPF includes.
    assert snapshot.get("mx3.ovh.net", "A").records == ("192.0.2.13",)
    assert snapshot.get("_spf2.nested.test", "TXT").outcome is Outcome.ANSWER
    # OVH's own record is read in round one: the evaluation needs one of its senders.
    assert slow_server.asked("mx.ovh.com.", "TXT") == ["udp"]


def test_nothing_is_asked_past_the_deadline(dns_server):
    snapshot = take_snapshot(domain="drop.test", nameservers=[dns_server.address], deadline=0.5)
    assert not snapshot.complete
    outcomes = {
        lookup.outcome for lookup in snapshot.lookups.values() if lookup.name.endswith("drop.test")
    }
    assert outcomes == {Outcome.TIMEOUT}
    assert snapshot.get("drop.test", "MX").failed


def test_lookups_run_from_code_that_already_has_an_event_loop(dns_server):
    async def inside_a_loop():
        return lookups(dns_server, ("antivirus.test", "NS"))

    with ThreadPoolExecutor(max_workers=1) as fresh_thread:
        [lookup] = fresh_thread.submit(asyncio.run, inside_a_loop()).result()
    assert lookup.records == ("dns200.anycast.me", "ns200.anycast.me")


def test_a_name_below_the_zone_finds_its_parents_name_servers():
    assert zone_names("a.b.exemple.fr") == ["a.b.exemple.fr", "b.exemple.fr", "exemple.fr"]
    assert zone_names("exemple.fr") == ["exemple.fr"]


@pytest.mark.parametrize(
    ("entry", "address", "port"),
    [
        ("192.0.2.53", "192.0.2.53", 53),
        (" 192.0.2.53:5353 ", "192.0.2.53", 5353),
        ("2001:db8::53", "2001:db8::53", 53),
        ("[2001:db8::53]:5353", "2001:db8::53", 5353),
    ],
)
def test_name_server_setting_entries(entry, address, port):
    nameserver = parse_nameserver(entry)
    assert (nameserver.address, nameserver.port) == (address, port)


def test_name_server_setting_rejects_a_host_name():
    with pytest.raises(ValueError):
        parse_nameserver("dns.example.net")


def test_a_dead_server_is_set_aside_for_the_rest_of_the_report_and_the_next(dns_server):
    """Two servers configured, the first dead: only round one waits for it; later rounds and
    the next report ask the live one first, so a three-round report completes in time."""
    dead = DnsServer(ZONES, behaviours={".": "drop"}).start()
    try:
        nameservers = [dead.address, dns_server.address]
        snapshot = take_snapshot(
            domain="nested.test", nameservers=nameservers, deadline=3.0, attempt_timeout=0.5
        )
        assert snapshot.complete
        asked_first = {name for name, _type, _transport in dead.log}
        assert "_spf2.nested.test." not in asked_first  # a later round's name
        assert snapshot.get("_spf2.nested.test", "TXT").outcome is Outcome.ANSWER
        before = len(dead.log)
        again = take_snapshot(
            domain="antivirus.test", nameservers=nameservers, deadline=3.0, attempt_timeout=0.5
        )
        assert again.complete
        assert len(dead.log) == before
    finally:
        dead.stop()


def test_servers_that_all_time_out_are_asked_again_while_time_remains(dns_server):
    dead = DnsServer(ZONES, behaviours={".": "drop"}).start()
    try:
        client = DnsClient(nameservers=[dead.address], deadline=1.0, attempt_timeout=0.3)
        [lookup] = run(client.lookup_many([("antivirus.test", "MX")]))
        assert lookup.outcome is Outcome.TIMEOUT
        assert len(dead.asked("antivirus.test.", "MX")) >= 3
    finally:
        dead.stop()
