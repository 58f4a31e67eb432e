"""guides.diagnostics.spf_evaluation on answers held in a dict: each problem, the resumable
`needs` protocol, the record read alone and the record proposed to paste."""

import pytest

from guides.diagnostics.resolver import Lookup, Outcome
from guides.diagnostics.spf_evaluation import (
    SpfProblem,
    SpfResult,
    corrected_record,
    evaluate,
    record_problems,
)

OVH = "v=spf1 ip4:192.0.2.64/27 ip6:2001:db8:ffff::/48 ~all"
OVH_IP = "192.0.2.70"
OTHER_IP = "203.0.113.9"


def zone(**txt) -> dict:
    """{(name, rdtype): Lookup}: keyword names with "_" for "." and "__" for "-"."""
    answers = {("mx.ovh.com", "TXT"): Lookup("mx.ovh.com", "TXT", Outcome.ANSWER, (OVH,))}
    for key, records in txt.items():
        name = key.replace("__", "-").replace("_", ".")
        answers[(name, "TXT")] = Lookup(name, "TXT", Outcome.ANSWER, tuple(records))
    return answers


def add(answers: dict, name: str, rdtype: str, *records, outcome=Outcome.ANSWER) -> dict:
    answers[(name, rdtype)] = Lookup(name, rdtype, outcome, tuple(records))
    return answers


def complete(answers: dict, *, domain: str = "example.test", ip: str = OVH_IP):
    """Evaluate; a name the dict lacks is NXDOMAIN (as if asked), until decided."""
    for _round in range(50):
        evaluation = evaluate(domain=domain, ip=ip, lookup_of=lambda n, t: answers.get((n, t)))
        if evaluation.result is not None:
            return evaluation
        for name, rdtype in evaluation.needs:
            answers[(name, rdtype)] = Lookup(name, rdtype, Outcome.NXDOMAIN)
    raise AssertionError("no convergence")


def test_ovh_include_passes_and_others_softfail():
    answers = zone(example_test=["v=spf1 include:mx.ovh.com ~all", "other=text"])
    assert complete(dict(answers)).result is SpfResult.PASS
    other = complete(dict(answers), ip=OTHER_IP)
    assert (other.result, other.problem, other.lookups) == (SpfResult.SOFTFAIL, None, 1)
    assert other.record == "v=spf1 include:mx.ovh.com ~all"


def test_no_record_is_none_and_two_are_a_permerror():
    assert complete(zone(example_test=["hello"])).result is SpfResult.NONE
    assert complete({}).result is SpfResult.NONE
    two = complete(zone(example_test=["v=spf1 -all", "V=SPF1 +all"]))
    assert (two.result, two.problem) == (SpfResult.PERMERROR, SpfProblem.MULTIPLE_RECORDS)
    assert complete(zone(example_test=["v=spf10 +all"])).result is SpfResult.NONE


@pytest.mark.parametrize(
    ("record", "problem", "term"),
    [
        ("v=spf1 ip4:999.1.1.1 include:mx.ovh.com -all", SpfProblem.SYNTAX, "ip4:999.1.1.1"),
        ("v=spf1 include:mx.ovh.com ip4:192.0.2.0/33 -all", SpfProblem.SYNTAX, "ip4:192.0.2.0/33"),
        ("v=spf1 inlcude:mx.ovh.com ~all", SpfProblem.UNKNOWN_MECHANISM, "inlcude:mx.ovh.com"),
        ("v=spf1 ainclude:mx.ovh.com -all", SpfProblem.UNKNOWN_MECHANISM, "ainclude:mx.ovh.com"),
        ("v=spf1 include:localhost -all", SpfProblem.SYNTAX, "include:localhost"),
        ("v=spf1 -all:x", SpfProblem.SYNTAX, "-all:x"),
        ("v=spf1 exists:%{x}.example.test", SpfProblem.SYNTAX, "exists:%{x}.example.test"),
        (
            "v=spf1 include:mx.ovh.com redirect=a.test redirect=b.test",
            SpfProblem.DUPLICATE_MODIFIER,
            "redirect=b.test",
        ),
    ],
)
def test_a_fault_anywhere_is_a_permerror_even_after_a_match(record, problem, term):
    evaluation = complete(zone(example_test=[record]))
    assert (evaluation.result, evaluation.problem, evaluation.term) == (
        SpfResult.PERMERROR,
        problem,
        term,
    )


def test_eleven_lookups_are_a_permerror_but_a_match_before_stops_counting():
    includes = " ".join(f"include:i{n}.test" for n in range(1, 11))
    answers = zone(example_test=[f"v=spf1 include:mx.ovh.com {includes} -all"])
    for n in range(1, 11):
        add(answers, f"i{n}.test", "TXT", f"v=spf1 ip4:198.18.0.{n} -all")
    assert complete(dict(answers)).result is SpfResult.PASS
    over = complete(dict(answers), ip=OTHER_IP)
    assert (over.result, over.problem, over.term) == (
        SpfResult.PERMERROR,
        SpfProblem.TOO_MANY_LOOKUPS,
        "include:i10.test",
    )
    assert over.lookups == 11


def test_lookups_are_counted_across_nested_includes():
    answers = zone(example_test=["v=spf1 include:n1.test include:mx.ovh.com -all"])
    add(answers, "n1.test", "TXT", "v=spf1 " + " ".join(f"a:h{n}.test" for n in range(10)))
    for n in range(10):
        add(answers, f"h{n}.test", "A", "198.18.0.1")
    evaluation = complete(answers)
    assert (evaluation.result, evaluation.problem) == (
        SpfResult.PERMERROR,
        SpfProblem.TOO_MANY_LOOKUPS,
    )
    assert (evaluation.term, evaluation.lookups) == ("a:h9.test", 11)


def test_three_void_lookups_are_a_permerror():
    record = "v=spf1 a:nx1.test mx:nx2.test exists:nx3.test include:mx.ovh.com -all"
    evaluation = complete(zone(example_test=[record]))
    assert (evaluation.result, evaluation.problem, evaluation.term, evaluation.void_lookups) == (
        SpfResult.PERMERROR,
        SpfProblem.TOO_MANY_VOID_LOOKUPS,
        "exists:nx3.test",
        3,
    )
    two = complete(zone(example_test=["v=spf1 a:nx1.test mx:nx2.test include:mx.ovh.com -all"]))
    assert (two.result, two.void_lookups) == (SpfResult.PASS, 2)


def test_more_than_ten_mx_names_are_a_permerror():
    answers = zone(example_test=["v=spf1 mx include:mx.ovh.com -all"])
    add(answers, "example.test", "MX", *[(n, f"m{n}.test") for n in range(11)])
    evaluation = complete(answers)
    assert (evaluation.result, evaluation.problem) == (
        SpfResult.PERMERROR,
        SpfProblem.TOO_MANY_MX_OR_PTR_NAMES,
    )


@pytest.mark.parametrize(
    "answers",
    [
        zone(example_test=["v=spf1 include:b.test -all"], b_test=["v=spf1 include:example.test"]),
        zone(example_test=["v=spf1 redirect=b.test"], b_test=["v=spf1 redirect=example.test"]),
        zone(example_test=["v=spf1 include:example.test -all"]),
    ],
)
def test_a_loop_is_a_permerror(answers):
    evaluation = complete(answers, ip=OTHER_IP)
    assert (evaluation.result, evaluation.problem) == (SpfResult.PERMERROR, SpfProblem.LOOP)


def test_include_and_redirect_without_record():
    include = complete(zone(example_test=["v=spf1 include:mx.ovh.com include:nx.test -all"]))
    assert include.result is SpfResult.PASS
    include = complete(
        zone(example_test=["v=spf1 include:mx.ovh.com include:nx.test -all"]), ip=OTHER_IP
    )
    assert (include.result, include.problem, include.term) == (
        SpfResult.PERMERROR,
        SpfProblem.INCLUDE_WITHOUT_RECORD,
        "include:nx.test",
    )
    redirect = complete(zone(example_test=["v=spf1 redirect=b.test"], b_test=["text"]))
    assert (redirect.result, redirect.problem) == (
        SpfResult.PERMERROR,
        SpfProblem.REDIRECT_WITHOUT_RECORD,
    )


def test_a_redirect_beside_all_is_ignored_and_said():
    answers = zone(example_test=["v=spf1 redirect=b.test -all"], b_test=["v=spf1 +all"])
    evaluation = complete(answers)
    assert (evaluation.result, evaluation.problem, evaluation.redirect_ignored) == (
        SpfResult.FAIL,
        SpfProblem.REDIRECT_IGNORED,
        True,
    )
    alone = complete(zone(example_test=["v=spf1 redirect=mx.ovh.com"]))
    assert (alone.result, alone.redirect_ignored, alone.lookups) == (SpfResult.PASS, False, 1)


@pytest.mark.parametrize("outcome", [Outcome.TIMEOUT, Outcome.SERVFAIL])
def test_a_failed_lookup_is_a_temperror(outcome):
    answers = zone(example_test=["v=spf1 ip4:198.51.100.1 include:b.test -all"])
    add(answers, "b.test", "TXT", outcome=outcome)
    evaluation = complete(answers)
    assert (evaluation.result, evaluation.problem, evaluation.term) == (
        SpfResult.TEMPERROR,
        SpfProblem.DNS_FAILURE,
        "include:b.test",
    )
    assert complete(answers, ip="198.51.100.1").result is SpfResult.PASS


def test_needs_are_asked_in_rounds_with_siblings_and_converge():
    answers = {}
    rounds = []
    for _round in range(10):
        evaluation = evaluate(
            domain="example.test", ip=OTHER_IP, lookup_of=lambda n, t: answers.get((n, t))
        )
        if evaluation.result is not None:
            break
        rounds.append(evaluation.needs)
        for name, rdtype in evaluation.needs:
            served = {
                ("example.test", "TXT"): ("v=spf1 mx/24 -all",),
                ("example.test", "MX"): ((10, "mx1.test"), (20, "mx2.test")),
                ("mx1.test", "A"): ("198.18.0.1",),
                ("mx2.test", "A"): ("203.0.113.77",),
            }[(name, rdtype)]
            add(answers, name, rdtype, *served)
    assert rounds == [
        (("example.test", "TXT"),),
        (("example.test", "MX"),),
        (("mx1.test", "A"), ("mx2.test", "A")),
    ]
    assert (evaluation.result, evaluation.needs, evaluation.lookups) == (SpfResult.PASS, (), 1)


def test_a_mx_and_ip6_with_cidr_lengths():
    answers = zone(example_test=["v=spf1 a/24//64 ip6:2001:db8:1::/48 -all"])
    add(answers, "example.test", "A", "203.0.113.1")
    add(answers, "example.test", "AAAA", "2001:db8:9::1")
    assert complete(dict(answers), ip=OTHER_IP).result is SpfResult.PASS
    assert complete(dict(answers), ip="2001:db8:9::ffff").result is SpfResult.PASS
    assert complete(dict(answers), ip="2001:db8:1:2::1").result is SpfResult.PASS
    assert complete(dict(answers), ip="2001:db8:8::1").result is SpfResult.FAIL
    assert complete(dict(answers), ip="198.18.0.1").result is SpfResult.FAIL


def test_macros_are_expanded():
    answers = zone(example_test=["v=spf1 exists:%{ir}.%{v}.%{l}.%{o}._e.%{d2} -all"])
    add(answers, "9.113.0.203.in-addr.postmaster.example.test._e.example.test", "A", "127.0.0.2")
    assert complete(dict(answers), ip=OTHER_IP).result is SpfResult.PASS
    assert complete(dict(answers), ip=OVH_IP).result is SpfResult.FAIL
    helo = zone(example_test=["v=spf1 exists:%{h}.%{s}.x.test -all"])
    evaluation = evaluate(
        domain="example.test",
        ip=OTHER_IP,
        sender="user@example.test",
        helo="mail.test",
        lookup_of=lambda n, t: helo.get((n, t)),
    )
    assert evaluation.needs == (("mail.test.user@example.test.x.test", "A"),)


def test_unknown_modifiers_are_ignored_and_mechanisms_are_case_insensitive():
    answers = zone(example_test=["V=SPF1 Foo=bar INCLUDE:MX.OVH.COM -ALL"])
    assert complete(answers).result is SpfResult.PASS


def test_record_problems_of_one_record():
    assert record_problems(text="v=spf1 include:mx.ovh.com ~all") == []
    [fault] = record_problems(text="v=spf1 include:mx.ovh.cominclude:x.test ~all")
    assert (fault.problem, fault.term) == (
        SpfProblem.MISSING_SPACE,
        "include:mx.ovh.cominclude:x.test",
    )
    [fault] = record_problems(text="v=spf1 inlcude:mx.ovh.com ~all")
    assert fault.problem is SpfProblem.UNKNOWN_MECHANISM
    [fault] = record_problems(text="v=spf1 include:mx.ovh.com redirect=x.test -all")
    assert (fault.problem, fault.term) == (SpfProblem.REDIRECT_IGNORED, "redirect=x.test")
    eleven = "v=spf1 " + " ".join(f"a:h{n}.test" for n in range(11))
    [fault] = record_problems(text=eleven)
    assert (fault.problem, fault.term) == (SpfProblem.TOO_MANY_LOOKUPS, "a:h10.test")


@pytest.mark.parametrize(
    ("text", "corrected"),
    [
        ("v=spf1 inlcude:mx.ovh.com ~all", "v=spf1 include:mx.ovh.com ~all"),
        (
            "v=spf1 include:mx.ovh.cominclude:_spf.google.com ~all",
            "v=spf1 include:mx.ovh.com include:_spf.google.com ~all",
        ),
        ("v=spf1 include:mx.ovh.com-all", "v=spf1 include:mx.ovh.com -all"),
        ("v=spf1 ip4:999.1.1.1 mx -all", "v=spf1 mx include:mx.ovh.com -all"),
        (
            "v=spf1 include:_spf.google.com redirect=other.test -all",
            "v=spf1 include:_spf.google.com include:other.test include:mx.ovh.com -all",
        ),
        ("v=spf1 redirect=mx.ovh.com", "v=spf1 redirect=mx.ovh.com"),
        ("v=spf1 -all include:x.test", "v=spf1 include:x.test include:mx.ovh.com -all"),
        ("", "v=spf1 include:mx.ovh.com ~all"),
        ("v=spf1 ipv4:198.51.100.7 ~all", "v=spf1 ip4:198.51.100.7 include:mx.ovh.com ~all"),
    ],
)
def test_corrected_record_is_valid_and_authorises_ovh(text, corrected):
    assert corrected_record(text=text) == corrected
    assert [f for f in record_problems(text=corrected) if f.problem] == []
    answers = zone(example_test=[corrected], other_test=["v=spf1 -all"], x_test=["v=spf1 -all"])
    add(answers, "_spf.google.com", "TXT", "v=spf1 ip4:198.51.100.0/24 ~all")
    assert complete(answers).result is SpfResult.PASS
