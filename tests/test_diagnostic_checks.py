"""Each check against the test DNS server's zones: the MX classification, SPF, DMARC,
autoconfig and the domain; the overall status; the cache."""

import pytest

from guides.content.typography import french_spacing
from guides.diagnostics.checks.findings import CheckId, Viewer
from guides.diagnostics.report import diagnose
from guides.models import CheckStatus, DiagnosticLog, MxHost, Protection, ReportSource
from guides.models.domain_names import parse_domain

pytestmark = pytest.mark.django_db


def report_for(name, *, viewer=None, refresh=False):
    return diagnose(
        domain=parse_domain(name),
        viewer=viewer or Viewer(),
        source=ReportSource.COMMAND,
        config_host="aide.example.net",
        refresh=refresh,
    )


def check(report, check_id):
    return next(check for check in report.checks if check.id == check_id)


@pytest.mark.parametrize(
    ("name", "protection", "status"),
    [
        ("antivirus.test", "antispam_antivirus", "ok"),
        ("antispam.test", "antispam", "ok"),
        ("noprotection.test", "none", "ok"),
        ("mixed.test", "mixed", "warning"),
        ("partial.test", "partial", "error"),
        ("foreign.test", "foreign", "error"),
        ("missing.test", "implicit", "error"),  # no MX, an A record: mail goes to the web server
        ("noaddress.test", "missing", "error"),
        ("absent.test", "missing", "blocked"),  # the domain does not exist: the root cause
        ("nullmx.test", "null", "error"),
        ("servfail.test", "unknown", "unknown"),
        ("refused.test", "unknown", "unknown"),
        ("drop.test", "unknown", "unknown"),
        ("cname-mx.test", "antispam_antivirus", "warning"),
        ("ip-mx.test", "partial", "error"),
        ("café.test", "antispam_antivirus", "ok"),
    ],
)
def test_mx_classification(dns_settings, name, protection, status):
    report = report_for(name)
    assert report.mx.protection == protection
    assert check(report, CheckId.MX).status == status
    assert report.to_json()["mx"]["protection"] == protection


def test_mx_lookup_failure_is_never_reported_as_missing(dns_settings):
    mx = check(report_for("servfail.test"), CheckId.MX)
    assert "SERVFAIL" in mx.detail
    assert "aucun enregistrement" not in mx.detail
    assert mx.found == ()


def test_mx_hosts_that_are_aliases_or_addresses_are_flagged(dns_settings):
    alias = report_for("cname-mx.test").mx.records[0]
    assert (alias.exchange, alias.alias, [flag.value for flag in alias.flags]) == (
        "mail.cname-mx.test",
        "mx3.ovh.net",
        ["cname", "legacy"],
    )
    address = report_for("ip-mx.test")
    assert [record.flags for record in address.mx.records][1] == ("ip_address",)
    assert "adresse IP" in check(address, CheckId.MX).detail


def test_legacy_hosts_are_flagged_without_an_alarm(dns_settings):
    report = report_for("antispam.test")
    assert all("legacy" in record.flags for record in report.mx.records)
    mx = check(report, CheckId.MX)
    assert mx.status == CheckStatus.OK
    assert "1 mx1.ovh.net (nom historique, toujours accepté)" in mx.found
    assert "noms historiques des serveurs MX" in mx.detail
    assert mx.expected[0] == "1 mx0.mail.ovh.net"


def test_mx0_ovh_net_is_named_historical_and_the_current_hosts_proposed(dns_settings):
    mx = check(report_for("noprotection.test"), CheckId.MX)
    assert french_spacing("mx0.ovh.net : un nom historique") in mx.detail
    assert "serveurs actuels ci-dessous" in mx.action
    assert mx.expected == (
        "1 mx0.mail.ovh.net",
        "5 mx1.mail.ovh.net",
        "50 mx2.mail.ovh.net",
        "100 mx3.mail.ovh.net",
        "200 mx4.mail.ovh.net",
    )


def test_the_mx_table_is_the_reference(dns_settings):
    assert report_for("foreign.test").mx.protection == "foreign"
    MxHost.objects.create(host="mx.other-provider.test", protection=Protection.ANTISPAM)
    assert report_for("foreign.test", refresh=True).mx.protection == "antispam"


def test_zone_file_records_are_the_current_hosts_only(dns_settings):
    mx = report_for("café.test").to_json()["mx"]
    assert set(mx["expected"]) == {"antispam_antivirus"}
    assert mx["expected"]["antispam_antivirus"] == [
        "xn--caf-dma.test. IN MX 1 mx0.mail.ovh.net.",
        "xn--caf-dma.test. IN MX 5 mx1.mail.ovh.net.",
        "xn--caf-dma.test. IN MX 50 mx2.mail.ovh.net.",
        "xn--caf-dma.test. IN MX 100 mx3.mail.ovh.net.",
        "xn--caf-dma.test. IN MX 200 mx4.mail.ovh.net.",
    ]
    assert mx["records"] == [
        {"preference": 1, "exchange": "mx3.ovh.net", "flags": ["legacy"]},
        {"preference": 5, "exchange": "mx4.ovh.net", "flags": ["legacy"]},
    ]


def test_domain_check_says_where_to_fix(dns_settings):
    at_ovh = check(report_for("antivirus.test"), CheckId.DOMAIN)
    assert at_ovh.status == CheckStatus.OK
    assert at_ovh.found == ("dns200.anycast.me", "ns200.anycast.me")
    assert "espace client OVHcloud, rubrique Noms de domaine" in at_ovh.detail
    elsewhere = report_for("foreign.test")
    assert "ns1.other-dns.test" in check(elsewhere, CheckId.DOMAIN).detail
    assert "ns1.other-dns.test" in check(elsewhere, CheckId.MX).advice
    assert "quelques heures" in check(elsewhere, CheckId.MX).advice
    assert "espace client OVHcloud, rubrique" in check(report_for("mixed.test"), CheckId.MX).advice


def test_a_domain_that_does_not_exist(dns_settings):
    domain = check(report_for("absent.test"), CheckId.DOMAIN)
    assert domain.status == CheckStatus.ERROR
    assert "n'existe pas ou a expiré" in domain.detail


@pytest.mark.parametrize(
    ("name", "problem", "term"),
    [
        ("spf-overlimit.test", "too_many_lookups", "include:_s10.lim.test"),
        ("spf-eleventh.test", "too_many_lookups", "include:mx.ovh.com"),
        ("spf-typo.test", "unknown_mechanism", "inlcude:mx.ovh.com"),
        ("spf-glued.test", "missing_space", "include:mx.ovh.cominclude:_spf.other-provider.test"),
        ("spf-loop.test", "loop", "include:spf-loop.test"),
    ],
)
def test_a_broken_spf_is_an_error_naming_the_term_never_ok(dns_settings, name, problem, term):
    """Receivers treat these records as a permanent error: no "OK", no "try again later"."""
    report = report_for(name)
    spf = check(report, CheckId.SPF)
    assert spf.status == CheckStatus.ERROR
    assert spf.data["problem"] == problem
    assert spf.data["term"] == term
    assert term in spf.detail
    assert "permerror" in spf.detail or "autres expéditeurs" in spf.detail
    assert report.headline.startswith("Votre SPF est invalide")
    assert "include:mx.ovh.com" in spf.data["corrected_record"]
    assert report.fix_first[0].id == CheckId.SPF


def test_a_redirect_beside_all_is_ignored_and_said(dns_settings):
    spf = check(report_for("spf-redirect.test"), CheckId.SPF)
    assert spf.status == CheckStatus.WARNING
    assert "redirection est ignorée" in spf.detail


@pytest.mark.parametrize(
    ("name", "status", "words"),
    [
        ("antivirus.test", "ok", "autorise les serveurs sortants d'OVHcloud"),
        ("split.test", "ok", "autorise"),
        ("nested.test", "ok", "autorise"),
        ("big.test", "ok", "autorise"),
        ("noprotection.test", "warning", "pas d'enregistrement SPF"),
        ("twospf.test", "error", "2 enregistrements SPF"),
        ("plusall.test", "error", "+all"),
        # An include of a name with no SPF record is a permanent error (RFC 7208 §5.2).
        ("nospf-ovh.test", "error", "n'a pas d'enregistrement SPF"),
        ("foreign.test", "error", "n'autorise pas"),
        ("spfdrop.test", "unknown", "pas pu lire"),
        ("refused.test", "unknown", "REFUSED"),
    ],
)
def test_spf(dns_settings, name, status, words):
    spf = check(report_for(name), CheckId.SPF)
    assert spf.status == status
    assert words in spf.detail
    if spf.data.get("ovh_result", "pass") == "pass" or status == "unknown":
        if name != "refused.test":
            assert spf.expected == ("v=spf1 include:mx.ovh.com ~all",)
    else:
        # A broken record gets its own corrected version, which authorises OVH.
        assert spf.expected == (spf.data["corrected_record"],)
        assert "include:mx.ovh.com" in spf.data["corrected_record"]


@pytest.mark.parametrize(
    ("name", "status", "words"),
    [
        ("antivirus.test", "ok", "vont en spam"),
        ("antispam.test", "ok", "surveillance seulement"),
        ("split.test", "ok", "sont refusés"),
        ("noprotection.test", "warning", "pas d'enregistrement DMARC"),
        ("nospf-ovh.test", "error", french_spacing("« p=bogus »")),
        ("dmarc-pct.test", "warning", "pct doit être un nombre de 0 à 100"),
        ("dmarc-https.test", "warning", "mailto:adresse@domaine"),
        ("dmarc-semicolon.test", "error", french_spacing("il manque le « ; » après v=DMARC1")),
        ("dmarc-external.test", "warning", "n'a pas publié son accord"),
        ("dmarc-agreed.test", "ok", "vont en spam"),
        ("dmarc-nomx.test", "warning", "ce domaine n'a pas d'enregistrement MX"),
        ("shop.antivirus.test", "ok", "c'est celui de antivirus.test qui s'applique"),
        ("dmarc-wild.test", "ok", "nom générique (*)"),
        ("slowdmarc.test", "unknown", "pas répondu à temps"),
    ],
)
def test_dmarc(dns_settings, name, status, words):
    dmarc = check(report_for(name), CheckId.DMARC)
    assert dmarc.status == status
    assert words in dmarc.detail


def test_dmarc_advice_never_lowers_the_policy_in_force(dns_settings):
    """A subdomain covered by its organisational domain's p=quarantine is told nothing to add;
    a broken p=reject keeps p=reject in the record to paste."""
    covered = check(report_for("shop.antivirus.test"), CheckId.DMARC)
    assert covered.data["inherited"] is True
    assert covered.data["policy"] == "quarantine"
    assert covered.expected == ()
    assert "p=none" not in " ".join(covered.expected) + covered.advice
    broken = check(report_for("dmarc-semicolon.test"), CheckId.DMARC)
    assert broken.data["suggested_record"] == "v=DMARC1; p=reject"
    assert not any("p=none" in line for line in broken.expected)
    lost = check(report_for("dmarc-external.test"), CheckId.DMARC)
    assert (
        'dmarc-external.test._report._dmarc.other-provider.test. IN TXT "v=DMARC1"' in lost.expected
    )


def test_checks_that_could_not_be_done_are_named(dns_settings):
    report = report_for("slowdmarc.test", viewer=Viewer.operator())
    assert [item.id for item in report.not_done] == ["dmarc"]
    assert report.status == CheckStatus.UNKNOWN
    assert report.to_json()["not_done"] == ["dmarc"]


def test_autoconfig_is_informative(dns_settings):
    found = check(report_for("antivirus.test"), CheckId.AUTOCONFIG)
    assert found.status == CheckStatus.INFO  # five of the seven names: never green
    assert "autoconfig.antivirus.test → mailconfig.ovh.net" in found.found
    assert "_imaps._tcp.antivirus.test SRV 0 0 993 ssl0.ovh.net" in found.found
    assert "autoconfig.antivirus.test. IN CNAME aide.example.net." in found.expected
    nothing = check(report_for("noprotection.test"), CheckId.AUTOCONFIG)
    assert (nothing.status, nothing.found) == (CheckStatus.INFO, ())


def test_names_that_exist_only_through_a_wildcard_are_not_counted(dns_settings):
    autoconfig = check(report_for("dmarc-wild.test"), CheckId.AUTOCONFIG)
    assert autoconfig.found == ()
    assert autoconfig.status == CheckStatus.INFO


def test_unknown_ranks_below_warning():
    ok, unknown, warning, error = (
        CheckStatus.OK,
        CheckStatus.UNKNOWN,
        CheckStatus.WARNING,
        CheckStatus.ERROR,
    )
    assert CheckStatus.worst([]) == ok
    assert CheckStatus.worst([ok, unknown]) == unknown
    assert CheckStatus.worst([unknown, warning, ok]) == warning
    assert CheckStatus.worst([warning, error, unknown]) == error


def test_overall_status_is_the_worst_check(dns_settings):
    assert report_for("mixed.test").status == CheckStatus.WARNING  # mixed MX, no SPF, no DMARC
    assert report_for("partial.test").status == CheckStatus.ERROR
    # Everything checked is fine; the offer is only information (not a customer's domain),
    # and does not taint the verdict.
    assert report_for("antispam.test", viewer=Viewer.operator()).status == CheckStatus.OK


def test_dns_part_is_cached_for_a_minute_and_check_again_bypasses_it(dns_settings, dns_server):
    asked = len(dns_server.asked("antispam.test.", "MX"))
    assert not report_for("antispam.test").cached
    assert report_for("antispam.test").cached
    assert len(dns_server.asked("antispam.test.", "MX")) == asked + 1
    assert not report_for("antispam.test", refresh=True).cached
    assert len(dns_server.asked("antispam.test.", "MX")) == asked + 2


def test_incomplete_lookups_are_kept_only_a_few_seconds(dns_settings, monkeypatch):
    """A domain whose servers fail is not asked again at once (each time would hold a worker),
    but is asked again seconds later, not a minute later like a complete answer. (A real
    second of waiting: the cache's own clock decides, locally and on Redis.)"""
    import time

    from guides.diagnostics import report

    monkeypatch.setattr(report, "INCOMPLETE_CACHE_SECONDS", 1)
    report_for("refused.test")
    report_for("antispam.test")
    assert report_for("refused.test").cached
    time.sleep(1.2)
    assert not report_for("refused.test").cached
    assert report_for("antispam.test").cached


def test_each_report_is_logged(dns_settings, django_user_model):
    user = django_user_model.objects.create_user("marie")
    report_for("café.test", viewer=Viewer.of(user))
    log = DiagnosticLog.objects.get()
    assert (log.domain, log.display_domain, log.user, log.source) == (
        "xn--caf-dma.test",
        "café.test",
        user,
        ReportSource.COMMAND,
    )
    assert log.status == CheckStatus.WARNING  # café.test has no DMARC record
