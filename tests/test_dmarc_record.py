"""The DMARC reader (guides/diagnostics/dmarc_record.py), with DNS answers from a dict."""

import pytest

from guides.diagnostics.dmarc_record import (
    DmarcState,
    Fault,
    Severity,
    discover,
    organisational_domain,
    parse_record,
    suggested_record,
)
from guides.diagnostics.resolver import Lookup, Outcome


def faults(text: str) -> dict[Fault, tuple[Severity, str, str]]:
    return {p.fault: (p.severity, p.tag, p.part) for p in parse_record(text=text).problems}


def dns(answers: dict[str, object]):
    """A `lookup_of` over a dict: a list of TXT strings, an Outcome, or absent (not asked)."""

    def lookup_of(name: str) -> Lookup | None:
        if name not in answers:
            return None
        value = answers[name]
        if isinstance(value, Outcome):
            return Lookup(name, "TXT", value)
        return Lookup(name, "TXT", Outcome.ANSWER if value else Outcome.NODATA, tuple(value))

    return lookup_of


def test_a_good_record_is_read_with_its_values():
    record = parse_record(
        text="v=DMARC1 ;p = Reject; sp=quarantine; pct=50; adkim=s; aspf=r; "
        "rua=mailto:a@b.test!10m , mailto:c@d.test; ruf=mailto:f@b.test; fo=0:d; rf=afrf; ri=3600;"
    )
    assert record.problems == ()
    assert (record.policy, record.subdomain_policy, record.pct) == ("reject", "quarantine", 50)
    assert (record.adkim, record.aspf) == ("s", "r")
    assert record.rua == ("a@b.test", "c@d.test")
    assert record.ruf == ("f@b.test",)


@pytest.mark.parametrize(
    ("text", "fault", "severity", "tag"),
    [
        ("v=DMARC1; p=reject; pct=150", Fault.PCT_INVALID, Severity.WARNING, "pct=150"),
        ("v=DMARC1; p=none; adkim=x", Fault.ALIGNMENT_INVALID, Severity.WARNING, "adkim=x"),
        ("v=DMARC1; p=none; fo=0:2", Fault.FO_INVALID, Severity.WARNING, "fo=0:2"),
        ("v=DMARC1; p=none; rf=iodef", Fault.RF_INVALID, Severity.WARNING, "rf=iodef"),
        ("v=DMARC1; p=none; ri=daily", Fault.RI_INVALID, Severity.WARNING, "ri=daily"),
        ("v=DMARC1; p=none; foo=bar", Fault.UNKNOWN_TAG, Severity.NOTE, "foo=bar"),
        ("v=DMARC1; p=none; junk", Fault.MALFORMED_TAG, Severity.WARNING, "junk"),
        ("v=DMARC1 p=none", Fault.VERSION_SEPARATOR_MISSING, Severity.ERROR, "v=DMARC1 p=none"),
        ("v=dmarc1; p=none", Fault.VERSION_INVALID, Severity.ERROR, "v=dmarc1"),
        ("p=none; v=DMARC1", Fault.VERSION_NOT_FIRST, Severity.ERROR, "p=none"),
        ("v=DMARC1; p=none; p=reject", Fault.DUPLICATE_TAG, Severity.ERROR, "p=reject"),
        ("v=DMARC1; p=bogus", Fault.POLICY_INVALID, Severity.ERROR, "p=bogus"),
        ("v=DMARC1; rua=mailto:a@b.test", Fault.POLICY_MISSING, Severity.WARNING, ""),
        ("v=DMARC1; pct=10", Fault.POLICY_MISSING, Severity.ERROR, ""),
        ("v=DMARC1; p=reject; sp=all", Fault.SUBDOMAIN_POLICY_INVALID, Severity.ERROR, "sp=all"),
        ("v=DMARC1; sp=none; p=reject", Fault.POLICY_NOT_SECOND, Severity.NOTE, "p=reject"),
    ],
)
def test_each_fault_is_named_with_its_severity_and_tag(text, fault, severity, tag):
    severity_found, tag_found, _part = faults(text)[fault]
    assert (severity_found, tag_found) == (severity, tag)


def test_an_error_makes_receivers_ignore_the_record_and_a_warning_does_not():
    assert parse_record(text="v=DMARC1 p=reject").policy is None
    assert parse_record(text="v=DMARC1; p=none; p=reject").policy is None
    kept = parse_record(text="v=DMARC1; p=reject; pct=150; adkim=x")
    assert (kept.policy, kept.pct, kept.adkim) == ("reject", 100, "r")


def test_the_missing_separator_is_not_mistaken_for_a_missing_version():
    found = faults("v=DMARC1 p=none; rua=mailto:a@b.test")
    assert Fault.VERSION_SEPARATOR_MISSING in found
    assert Fault.VERSION_NOT_FIRST not in found
    assert Fault.VERSION_INVALID not in found
    assert parse_record(text="v=DMARC1 p=quarantine").declared_policy == "quarantine"


def test_leading_space_means_v_is_not_first():
    assert Fault.VERSION_NOT_FIRST in faults(" v=DMARC1; p=none")


def test_an_invalid_policy_with_a_usable_rua_acts_as_p_none():
    rescued = parse_record(text="v=DMARC1; p=bogus; rua=mailto:a@b.test")
    assert (rescued.policy, rescued.policy_defaulted) == ("none", True)
    assert faults("v=DMARC1; p=bogus; rua=mailto:a@b.test")[Fault.POLICY_INVALID][0] == (
        Severity.WARNING
    )
    # An https rua is not usable: nothing rescues the record.
    assert parse_record(text="v=DMARC1; p=bogus; rua=https://r.test/").policy is None
    assert parse_record(text="v=DMARC1; p=reject; sp=all").policy is None
    assert parse_record(text="v=DMARC1; p=reject; sp=all; rua=mailto:a@b.test").policy == "none"


@pytest.mark.parametrize(
    ("uri", "fault"),
    [
        ("https://reports.test/dmarc", Fault.URI_NOT_MAILTO),
        ("a@b.test", Fault.URI_WITHOUT_SCHEME),
        ("mailto:a@b.test!10x", Fault.URI_INVALID),
        ("mailto:nobody", Fault.URI_INVALID),
    ],
)
def test_a_bad_report_uri_is_dropped_and_named(uri, fault):
    record = parse_record(text=f"v=DMARC1; p=none; rua=mailto:ok@b.test,{uri}")
    assert record.rua == ("ok@b.test",)
    assert faults(f"v=DMARC1; p=none; rua=mailto:ok@b.test,{uri}")[fault][2] == uri


@pytest.mark.parametrize("suffix", ["!10m", "!500", "!1T", ""])
def test_a_size_suffix_is_valid(suffix):
    record = parse_record(text=f"v=DMARC1; p=none; rua=mailto:a@b.test{suffix}")
    assert (record.rua, record.problems) == (("a@b.test",), ())


@pytest.mark.parametrize(
    ("domain", "org"),
    [
        ("shop.example.test", "example.test"),
        ("example.test", "example.test"),
        ("a.b.example.co.uk", "example.co.uk"),
        ("Mail.Example.COM.", "example.com"),
        ("co.uk", "co.uk"),
    ],
)
def test_the_organisational_domain_comes_from_the_shipped_list(domain, org):
    assert organisational_domain(domain=domain) == org


def test_the_domain_own_record_decides():
    found = discover(
        domain="example.test",
        lookup_of=dns({"_dmarc.example.test": ["v=spf1 -all", "v=DMARC1; p=quarantine"]}),
    )
    assert (found.state, found.policy, found.inherited) == (DmarcState.APPLIED, "quarantine", False)
    assert found.record_name == "_dmarc.example.test"
    assert found.needs == ()


@pytest.mark.parametrize(
    ("org_record", "policy"),
    [("v=DMARC1; p=reject; sp=quarantine", "quarantine"), ("v=DMARC1; p=reject", "reject")],
)
def test_a_subdomain_without_record_takes_its_organisational_domain_policy(org_record, policy):
    found = discover(
        domain="shop.example.test",
        lookup_of=dns({"_dmarc.shop.example.test": [], "_dmarc.example.test": [org_record]}),
    )
    assert (found.state, found.policy, found.inherited) == (DmarcState.APPLIED, policy, True)
    assert found.record_name == "_dmarc.example.test"


def test_a_broken_subdomain_record_stops_the_fallback():
    found = discover(
        domain="shop.example.test",
        lookup_of=dns(
            {
                "_dmarc.shop.example.test": ["v=DMARC1; p=bogus"],
                "_dmarc.example.test": ["v=DMARC1; p=reject"],
            }
        ),
    )
    assert (found.state, found.policy, found.org_policy) == (DmarcState.IGNORED, None, "reject")


def test_several_records_mean_none_applies():
    found = discover(
        domain="example.test",
        lookup_of=dns({"_dmarc.example.test": ["v=DMARC1; p=none", "v=DMARC1; p=reject"]}),
    )
    assert (found.state, found.policy) == (DmarcState.MULTIPLE, None)
    assert [(p.fault, p.severity) for p in found.problems] == [
        (Fault.MULTIPLE_RECORDS, Severity.ERROR)
    ]


def test_no_record_anywhere():
    found = discover(
        domain="shop.example.test",
        lookup_of=dns({"_dmarc.shop.example.test": Outcome.NXDOMAIN, "_dmarc.example.test": []}),
    )
    assert (found.state, found.record_name) == (DmarcState.NO_RECORD, "")


def test_a_record_that_does_not_start_with_v_is_discarded_but_reported():
    found = discover(
        domain="example.test", lookup_of=dns({"_dmarc.example.test": ["p=reject; v=DMARC1"]})
    )
    assert found.state is DmarcState.NO_RECORD
    assert [p.fault for p in found.problems] == [Fault.VERSION_NOT_FIRST]


@pytest.mark.parametrize(
    "answers",
    [
        {"_dmarc.shop.example.test": Outcome.SERVFAIL, "_dmarc.example.test": []},
        {"_dmarc.shop.example.test": [], "_dmarc.example.test": Outcome.TIMEOUT},
    ],
)
def test_a_failed_lookup_is_not_checked_never_missing(answers):
    found = discover(domain="shop.example.test", lookup_of=dns(answers))
    assert found.state is DmarcState.NOT_CHECKED
    assert found.failed_lookup is not None and found.failed_lookup.failed
    assert suggested_record(domain="shop.example.test", discovery=found) == ""


def test_the_needs_protocol_resumes_round_by_round():
    answers: dict[str, object] = {}
    found = discover(domain="shop.example.test", lookup_of=dns(answers))
    assert found.state is DmarcState.PENDING
    assert set(found.needs) == {("_dmarc.shop.example.test", "TXT"), ("_dmarc.example.test", "TXT")}

    answers["_dmarc.shop.example.test"] = []
    answers["_dmarc.example.test"] = ["v=DMARC1; p=reject; rua=mailto:d@reports.example"]
    found = discover(domain="shop.example.test", lookup_of=dns(answers))
    assert (found.state, found.policy) == (DmarcState.APPLIED, "reject")
    # The record came from the organisational domain: the authorisation is for it.
    assert found.needs == (("example.test._report._dmarc.reports.example", "TXT"),)
    assert found.destinations[0].authorised is None

    answers["example.test._report._dmarc.reports.example"] = ["v=DMARC1"]
    found = discover(domain="shop.example.test", lookup_of=dns(answers))
    assert found.needs == ()
    assert found.destinations[0].authorised is True
    assert found.problems == ()


def destination_case(authorisation: object, rua: str = "mailto:d@reports.example"):
    answers = {"_dmarc.example.test": [f"v=DMARC1; p=none; rua={rua}"]}
    if authorisation is not None:
        answers["example.test._report._dmarc.reports.example"] = authorisation
    return discover(domain="example.test", lookup_of=dns(answers))


def test_an_unauthorised_external_destination_loses_its_reports():
    for authorisation in ([], ["v=spf1 -all"], Outcome.NXDOMAIN):
        found = destination_case(authorisation)
        assert found.destinations[0].authorised is False
        assert [(p.fault, p.severity, p.part) for p in found.problems] == [
            (Fault.DESTINATION_NOT_AUTHORISED, Severity.WARNING, "d@reports.example")
        ]


def test_an_authorised_external_destination_is_fine():
    found = destination_case(["v=DMARC1;"])
    assert (found.destinations[0].authorised, found.problems) == (True, ())


def test_an_unreadable_authorisation_is_not_called_unauthorised():
    found = destination_case(Outcome.SERVFAIL)
    assert found.destinations[0].authorised is None
    assert [p.fault for p in found.problems] == [Fault.DESTINATION_NOT_CHECKED]


def test_a_destination_inside_the_organisational_domain_needs_no_check():
    found = destination_case(None, rua="mailto:dmarc@reports.example.test")
    assert found.needs == ()
    assert found.destinations[0].authorisation_name == ""
    assert found.destinations[0].authorised is True


def test_a_wildcard_answer_is_recognised_by_a_random_sibling():
    record = "v=DMARC1; p=none"
    found = discover(
        domain="example.test",
        lookup_of=dns({"_dmarc.example.test": [record], "x7q2k9.example.test": [record]}),
        wildcard_probe="x7q2k9.example.test",
    )
    assert found.from_wildcard is True
    assert Fault.WILDCARD_RECORD in [p.fault for p in found.problems]
    explicit = discover(
        domain="example.test",
        lookup_of=dns({"_dmarc.example.test": [record], "x7q2k9.example.test": []}),
        wildcard_probe="x7q2k9.example.test",
    )
    assert explicit.from_wildcard is False


def suggestion(domain: str, answers: dict[str, object]) -> str:
    return suggested_record(
        domain=domain, discovery=discover(domain=domain, lookup_of=dns(answers))
    )


def test_a_domain_without_policy_is_offered_p_none():
    assert suggestion("example.test", {"_dmarc.example.test": []}) == (
        "v=DMARC1; p=none; rua=mailto:postmaster@example.test"
    )


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ("v=DMARC1 p=reject", "v=DMARC1; p=reject"),
        ("p=quarantine; v=DMARC1", "v=DMARC1; p=quarantine"),
        (
            "v=DMARC1; p=reject; pct=150; rua=mailto:a@example.test",
            "v=DMARC1; p=reject; rua=mailto:a@example.test",
        ),
        ("v=DMARC1; p=reject; p=none", "v=DMARC1; p=reject"),
        (
            "v=DMARC1; p=reject; rua=https://r.test/",
            "v=DMARC1; p=reject; rua=mailto:postmaster@example.test",
        ),
        (
            "v=DMARC1; sp=reject; p=quarantine; adkim=S; pct=x",
            "v=DMARC1; p=quarantine; sp=reject; adkim=s",
        ),
    ],
)
def test_a_faulty_record_is_fixed_keeping_its_policy(record, expected):
    assert suggestion("example.test", {"_dmarc.example.test": [record]}) == expected


@pytest.mark.parametrize(
    "record", ["v=DMARC1; p=reject; rua=mailto:a@example.test", "v=DMARC1; sp=none; p=reject; x=y"]
)
def test_a_working_record_is_expected_as_it_is(record):
    """Notes alone (unknown tag, p not second) change nothing receivers do."""
    assert suggestion("example.test", {"_dmarc.example.test": [record]}) == record


def test_several_records_keep_the_strongest_policy():
    answers = {"_dmarc.example.test": ["v=DMARC1; p=none", "v=DMARC1; p=reject"]}
    assert suggestion("example.test", answers) == "v=DMARC1; p=reject"


def test_a_covered_subdomain_needs_no_record():
    answers = {"_dmarc.shop.example.test": [], "_dmarc.example.test": ["v=DMARC1; p=reject"]}
    assert suggestion("shop.example.test", answers) == ""


def test_a_broken_subdomain_record_is_fixed_with_the_inherited_policy_not_none():
    answers = {
        "_dmarc.shop.example.test": ["v=DMARC1; p=bogus"],
        "_dmarc.example.test": ["v=DMARC1; p=reject; sp=quarantine"],
    }
    assert suggestion("shop.example.test", answers) == "v=DMARC1; p=quarantine"


def test_a_broken_organisational_record_is_fixed_where_it_is():
    answers = {"_dmarc.shop.example.test": [], "_dmarc.example.test": ["v=DMARC1 p=reject"]}
    found = discover(domain="shop.example.test", lookup_of=dns(answers))
    assert (found.state, found.fix_name) == (DmarcState.IGNORED, "_dmarc.example.test")
    assert suggested_record(domain="shop.example.test", discovery=found) == "v=DMARC1; p=reject"
