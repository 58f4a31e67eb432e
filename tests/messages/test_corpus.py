"""The doctor on the corpus of bounces, auto-replies and header sets: what it recognises,
which recipients failed or are only delayed, the hops, the verdicts and the spam reasons."""

import pytest

from guides.content.typography import french_spacing
from guides.messages.doctor import Kind, diagnose_message
from guides.messages.spamcause import read_spamcause
from tests.messages.corpus import encode_spamcause, sample

SPAMCAUSE_TEXT = (
    "Vade Retro 01.410.16#116 AS+AV+AP+RT Profile: OVH; Bailout: 300; "
    "@!Fake From (+120); Uri shortener (+80); Recipients (-100);"
)


def explain(name: str, language: str = "fr", **values: str):
    return diagnose_message(data=sample(name, **values), language=language)


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "failed", "delayed", "key", "subject"),
    [
        (
            "dsn-postfix-user-unknown.eml",
            ["bob@example.test"],
            [],
            "user-unknown-text",
            "Votre devis du 2 novembre",
        ),
        (
            "dsn-postfix-delayed.eml",
            [],
            ["carol@slow.example.test"],
            "connection-timeout",
            "Facture 2026-118",
        ),
        ("dsn-ovh-over-quota.eml", ["dan@full.example.test"], [], "over-quota-text", ""),
        (
            "dsn-mixed-failed-and-delayed.eml",
            ["erin@example.test"],
            ["frank@greylist.example.test"],
            "user-unknown-text",
            "",
        ),
        (
            "dsn-gmail-unauthenticated.eml",
            ["hal@gmail.test"],
            [],
            "gmail-unauthenticated",
            "Rendez-vous confirmé",
        ),
        ("microsoft-ndr.eml", ["ivan@contoso.test"], [], "microsoft-access-denied", "Commande 42"),
        ("exim-failed.eml", ["judy@example.test"], [], "over-quota-text", "Planning de la semaine"),
        ("exim-delayed.eml", [], ["kim@slow.example.test"], "greylisting", ""),
        ("qmail-failure.eml", ["leo@example.test"], [], "user-unknown-text", "Inscription"),
        ("sendmail-returned.eml", ["mia@big.example.test"], [], "message-too-big-text", ""),
        ("postfix-plain-text.eml", ["nina@example.test"], [], "dnsbl-listed", ""),
    ],
)
def test_bounces(name, failed, delayed, key, subject):
    diagnosis = explain(name)
    assert diagnosis.kind is Kind.BOUNCE
    assert [recipient.address for recipient in diagnosis.bounce.failed] == failed
    assert [recipient.address for recipient in diagnosis.bounce.delayed] == delayed
    assert diagnosis.advice[0].entry.key == key
    if subject:
        assert diagnosis.bounce.original_subject == subject


def test_a_delay_is_not_called_a_failure():
    diagnosis = explain("dsn-postfix-delayed.eml")
    assert "pas encore un échec" in diagnosis.headline
    assert diagnosis.advice[0].delayed
    assert diagnosis.advice[0].diagnostic_url == "/fr/diagnostic/?domain=slow.example.test"


def test_the_dsn_gives_the_remote_server_and_its_exact_reply():
    recipient = explain("dsn-postfix-user-unknown.eml").bounce.recipients[0]
    assert recipient.remote_mta == "mx.example.test"
    assert recipient.reply.text.startswith("550 5.1.1 <bob@example.test>: Recipient address")


def test_a_french_bounce_without_recipients_is_still_explained():
    diagnosis = explain("exchange-french-expired.eml")
    assert diagnosis.kind is Kind.BOUNCE
    assert diagnosis.advice[0].entry.key == "delivery-expired"


@pytest.mark.parametrize("name", ["auto-reply-absence.eml", "auto-reply-out-of-office.eml"])
def test_auto_replies_are_not_bounces(name):
    diagnosis = explain(name)
    assert diagnosis.kind is Kind.AUTO_REPLY
    assert "pas un échec" in diagnosis.headline


def test_a_bounce_of_a_bounce_reports_the_outer_one():
    diagnosis = explain("nested-bounce.eml")
    assert [recipient.address for recipient in diagnosis.bounce.failed] == [
        "postmaster@other.example.test"
    ]


def test_broken_mime_gets_an_answer():
    diagnosis = explain("broken-mime.eml")
    assert diagnosis.kind is Kind.BOUNCE
    assert diagnosis.bounce.recipients == []


def test_spam_at_ovh_with_a_decoded_spamcause():
    encoded = encode_spamcause(SPAMCAUSE_TEXT)
    diagnosis = explain("headers-ovh-spam.eml", SPAMCAUSE=encoded)
    headers = diagnosis.headers
    assert diagnosis.kind is Kind.HEADERS
    assert headers.spam.went_to_spam
    assert headers.spam.spamcause.text == SPAMCAUSE_TEXT
    assert headers.reasons[0].startswith("DMARC en échec")
    assert any("Fake From (+120)" in reason for reason in headers.reasons)
    assert not any("Recipients" in reason for reason in headers.reasons)
    assert {stop.host for stop in headers.ovh} >= {"mx4.mail.ovh.net", "ex2.mail.ovh.net"}
    assert "Anti-spam et antivirus" in next(
        stop.role for stop in headers.ovh if stop.host == "mx4.mail.ovh.net"
    )


def test_spamcause_decoder_reads_the_prefix_of_real_headers():
    real_prefix = "gggruggvucftvghtrhhoucdtuddrgedutddrudeigdduudeiucetufdoteggodetrfdotffvucfrrhho"
    assert read_spamcause(real_prefix).text.startswith("Vade Retro 01.410.16")
    assert read_spamcause(encode_spamcause("Vade Retro")).text == "Vade Retro"


def test_the_encrypted_spamcause_is_reported_not_decoded():
    diagnosis = explain("headers-ovh-vade1.eml")
    spamcause = diagnosis.headers.spam.spamcause
    assert spamcause.encrypted and not spamcause.decoded
    assert not diagnosis.headers.spam.went_to_spam
    assert [verdict.result for verdict in diagnosis.headers.verdicts] == ["pass"] * 3


def test_authentication_failures_are_the_first_reasons():
    diagnosis = explain("headers-auth-failures.eml")
    assert diagnosis.diagnostic_url == "/fr/diagnostic/?domain=shop.example"
    headers = diagnosis.headers
    results = {verdict.method: verdict.result for verdict in headers.verdicts}
    assert results == {"dkim": "fail", "spf": "fail", "dmarc": "fail"}
    assert headers.spam.went_to_spam
    assert headers.reasons[:3] == [
        french_spacing("DMARC en échec : le domaine de l'expéditeur n'est pas authentifié."),
        french_spacing("SPF en échec : le serveur expéditeur n'est pas autorisé par le domaine."),
        "Signature DKIM invalide.",
    ]
    assert any(stop.host == "ssl0.ovh.net" for stop in headers.ovh)
    assert headers.hops[0].receiver == "ssl0.ovh.net"
    assert headers.hops[1].encrypted


def test_microsoft_spam_headers():
    headers = explain("headers-microsoft-spam.eml", language="en").headers
    values = [signal.value for signal in headers.spam.signals]
    assert values[:3] == ["SFV:SPM", "CAT:SPOOF", "SCL:5"]
    assert headers.spam.went_to_spam
    assert "Aucune signature DKIM." in headers.reasons


def test_the_slowest_hop_is_marked():
    diagnosis = explain("headers-long-delay.eml")
    assert diagnosis.headline == (
        french_spacing(
            "Le message est arrivé avec du retard : 3 h 05 min d'attente avant mx1.mail.ovh.net."
        )
    )
    headers = diagnosis.headers
    slowest = headers.slowest
    assert slowest.receiver == "mx1.mail.ovh.net"
    assert slowest.delay == 3 * 3600 + 5 * 60
    assert [hop.delay for hop in headers.hops] == [None, 11100.0, 10.0]
    assert [hop.delay_text for hop in headers.hops] == ["", "3 h 05 min", "10 s"]


def test_a_clean_message():
    diagnosis = explain("headers-clean.eml")
    assert diagnosis.headline == french_spacing("Le message est arrivé ; voici son parcours.")
    assert diagnosis.headers.reasons == []
    assert diagnosis.diagnostic_url == ""
    assert all(hop.encrypted for hop in diagnosis.headers.hops)


def test_the_corpus_has_forty_samples():
    from tests.messages.corpus import SAMPLES
    from tests.messages.test_reply_table import SAMPLES as REPLIES

    assert len(list(SAMPLES.glob("*.eml"))) + len(REPLIES) >= 40


def test_a_subject_that_only_mentions_an_absence_is_no_auto_reply():
    data = sample("headers-clean.eml").replace(b"Subject: Photos", b"Subject: Photos de l'absence")
    assert diagnose_message(data=data, language="fr").kind is Kind.HEADERS


def test_received_spf_gives_the_spf_verdict_when_nothing_else_does():
    data = sample("headers-long-delay.eml").replace(
        b"From: Tom",
        b"Received-SPF: softfail (example.test: transitioning) client-ip=203.0.113.9;\nFrom: Tom",
    )
    verdicts = diagnose_message(data=data, language="fr").headers.verdicts
    assert [(verdict.method, verdict.result) for verdict in verdicts] == [("spf", "softfail")]
