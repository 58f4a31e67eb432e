"""Every entry of the shipped reply table is found from a text customers meet, and the
table's matching rules (every field given must match, the most specific entry wins) hold."""

import pytest

from guides.messages.doctor import diagnose_message
from guides.messages.reply_table import shipped_replies
from guides.messages.smtp_reply import find_replies
from guides.models import Actor, KnownReply

# One text for each entry, fictitious hosts and addresses; key -> text.
SAMPLES = {
    "ovh-relay-denied": "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)",
    "relay-access-denied": "554 5.7.1 <bob@example.test>: Relay access denied",
    "auth-required": "530 Authentication required",
    "starttls-required": "530 5.7.0 Must issue a STARTTLS command first",
    "auth-failed": "535 authentication failed",
    "auth-blocked-spam": "535 5.7.1 Authentication failed: account blocked for spam",
    "auth-failed-enhanced": "Le serveur a répondu : 5.7.8 Error: credentials invalid",
    "mailbox-full": "552 5.2.2 Requested mail action aborted: exceeded storage allocation",
    "over-quota-text": "Sorry, the user's mailbox is full",
    "mailbox-full-temporary": "452 4.2.2 The account has reached its storage allocation",
    "rate-limit-421": "421 Too many messages sent, try again in one hour",
    "rate-limit-451": "451 4.7.1 Sending limit exceeded for this account",
    "rate-limit-454": "454 4.7.0 Too many recipients in a short time",
    "ovh-spam-refused": "550 5.7.1 Message considered as spam",
    "virus-detected": "554 5.7.0 Your message was rejected: virus found in attachment",
    "gmail-unauthenticated": (
        "550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender\n"
        "550-5.7.26 and Gmail users, and has been blocked.\n"
        "550 5.7.26 https://support.google.com/mail/answer/81126 - gsmtp"
    ),
    "gmail-spf-required": (
        "550-5.7.27 Your email has been blocked because the sender is unauthenticated.\n"
        "550 5.7.27 Gmail requires all senders to authenticate with SPF. - gsmtp"
    ),
    "gmail-reverse-dns": (
        "550-5.7.25 The IP address sending this message does not have a PTR record setup\n"
        "550 5.7.25 or the PTR does not match. - gsmtp"
    ),
    "gmail-rate": (
        "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail from your domain.\n"
        "421 4.7.28 To protect our users, mail has been temporarily rate limited. - gsmtp"
    ),
    "gmail-unsolicited": (
        "550-5.7.1 Our system has detected that this message is likely unsolicited mail.\n"
        "550 5.7.1 To reduce the amount of spam sent to Gmail, it has been blocked. - gsmtp"
    ),
    "account-disabled": (
        "550 5.2.1 The email account that you tried to reach is disabled. - gsmtp"
    ),
    "no-such-user": "550 5.1.1 <nobody@example.test>: Recipient address rejected",
    "user-unknown-text": "550 <nobody@example.test>... User unknown",
    "orange-invalid-recipient": (
        "550 <nobody@orange.test> Adresse d au moins un destinataire invalide. Invalid recipient."
    ),
    "orange-service-refused": (
        "421 mwinf5c00 ME Service refuse. Veuillez essayer plus tard. Service refused, please "
        "try later. OFR_999 [103]"
    ),
    "domain-not-found": "550 5.1.2 Bad destination system address",
    "host-not-found-text": "Host or domain name not found. Name service error for example.test",
    "sender-domain-unknown": "553 5.1.8 <ann@example.test>: Domain of sender unresolvable",
    "greylisting": "450 4.7.1 <bob@example.test>: Recipient address rejected: Greylisted, see "
    "http://postgrey.example.test/",
    "greylisting-status": "451 4.2.0 Please come back later",
    "dnsbl-listed": "550 Client host [192.0.2.10] blocked using zen.spamhaus.test",
    "dnsbl-554": "554 5.7.1 Service unavailable; client host [192.0.2.10] refused",
    "message-too-big": "554 5.3.4 Message refused by the receiving system",
    "message-too-big-text": "552 Message too large for this server",
    "microsoft-s3150": (
        "550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent. Please contact your "
        "Internet service provider since part of their network is on our block list (S3150)."
    ),
    "microsoft-not-authorized": "550 5.7.1 Delivery not authorized, message refused",
    "microsoft-access-denied": (
        "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
        "[DB5EUR03FT012.eop-EUR03.prod.protection.outlook.test]"
    ),
    "microsoft-ip-denied": "550 5.7.708 Service unavailable. Access denied, traffic not accepted",
    "microsoft-dmarc": "550 5.7.509 Access denied, sending domain example.test does not pass",
    "microsoft-authentication-level": (
        "550 5.7.515 Access denied, sending domain example.test doesn't meet the required "
        "authentication level."
    ),
    "microsoft-spam": "550 5.7.350 Remote server returned message detected as spam",
    "yahoo-deferred": "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred",
    "yahoo-permanently-deferred": "553 5.7.2 [TSS09] All messages from 192.0.2.10 will be "
    "permanently deferred",
    "spf-fail": "550 5.7.23 Message rejected by policy",
    "spf-text": "550 Message rejected: SPF check failed for example.test",
    "dkim-fail": "550 5.7.1 Message rejected: no valid DKIM signature",
    "dmarc-reject": "550 5.7.1 Email rejected per DMARC policy for example.test",
    "delivery-expired": "Délai de remise dépassé pour le message envoyé à bob@example.test",
    "connection-timeout": "451 4.4.1 Connection timed out",
    "expired-status": "Action: delayed\nStatus: 4.4.7",
    "mail-loop": "554 5.4.6 Too many hops",
    "sender-rejected": "550 Sender address rejected: not owned by user",
    "orange-ip-blocked-spam": (
        "550 mwinf0000 ME Adresse IP source bloquee pour incident de spam. Client host "
        "blocked for spamming issues. OFR006_102 [102]"
    ),
    "too-many-connections": (
        "421 mwinf0000 ME Trop de connexions, veuillez verifier votre configuration. "
        "Too many connections, slow down. OFR004_104 [104]"
    ),
    "recipient-archived": (
        "550 5.1.1 Boite du destinataire archivee. Archived recipient. LPN004_420 [420]"
    ),
    "provider-too-big": (
        "Le serveur a répondu : 5.2.0 Taille limite du message atteinte. "
        "Maximum size of the message reached. OFR_514 [514]"
    ),
    "free-spam-detected": "550 spam detected",
    "sfr-spam-block": (
        "450 4.7.1 SFR_IN_101 Service refused due to bad behavior - Too many spam messages"
    ),
    "generic-permanent": "550 Requested action not taken",
    "generic-temporary": "452 Requested action aborted: local error in processing",
}


def test_every_shipped_entry_has_a_sample():
    assert {entry["key"] for entry in shipped_replies()} == set(SAMPLES)
    assert len(SAMPLES) >= 40


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "text"), sorted(SAMPLES.items()))
def test_sample_finds_its_entry(key, text):
    diagnosis = diagnose_message(data=text, language="fr")
    assert diagnosis.advice[0].entry.key == key


@pytest.mark.django_db
def test_the_table_is_in_the_database_in_both_languages():
    assert KnownReply.objects.count() == len(SAMPLES)
    for reply in KnownReply.objects.all():
        assert reply.title_en and reply.explanation_en and reply.action_en, reply.key
        assert reply.actor in Actor.values


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("552 5.2.2 <ann@example.test>: user is over quota", "over-quota-text"),
        ("554 5.7.1 <bob@example.test>: Relay access denied", "relay-access-denied"),
        (
            "550 5.7.1 Message considered as spam - gsmtp likely unsolicited mail",
            "gmail-unsolicited",
        ),
        ("550 5.7.1 Refused", "generic-permanent"),
        ("552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417", "over-quota-text"),
        ("550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]", "sender-rejected"),
        ("550 5.5.0 SPF: 192.0.2.5 is not allowed to send mail. LPN004_401", "spf-text"),
        (
            "550 5.5.0 Service refuse. Veuillez essayer plus tard. LPN007_510",
            "orange-service-refused",
        ),
    ],
)
def test_a_phrase_counts_more_than_codes(text, key):
    assert diagnose_message(data=text, language="fr").advice[0].entry.key == key


@pytest.mark.django_db
def test_english_reader_gets_english_words_and_real_links(client):
    diagnosis = diagnose_message(data=SAMPLES["ovh-relay-denied"], language="en")
    advice = diagnosis.advice[0]
    assert advice.entry.title.startswith("Sending refused")
    assert advice.actor is Actor.YOU
    assert client.get(advice.guide_url).status_code in (200, 302)


@pytest.mark.django_db
def test_every_guide_key_of_the_table_is_a_published_guide(client):
    for reply in KnownReply.objects.exclude(guide_key=""):
        response = client.get(f"/fr/guides/k/{reply.guide_key}/", follow=True)
        assert response.status_code == 200, reply.key


@pytest.mark.django_db
def test_staff_edit_of_the_table_is_what_the_doctor_says():
    KnownReply.objects.filter(key="ovh-relay-denied").update(title="Titre corrigé")
    diagnosis = diagnose_message(data=SAMPLES["ovh-relay-denied"], language="fr")
    assert diagnosis.headline == "Titre corrigé"


@pytest.mark.django_db
def test_diagnostic_link_carries_the_recipients_domain():
    diagnosis = diagnose_message(
        data="550 5.1.2 <bob@example.test>: Recipient address rejected: bad domain",
        language="fr",
    )
    assert diagnosis.advice[0].diagnostic_url == "/fr/diagnostic/?domain=example.test"


@pytest.mark.parametrize(
    ("text", "code", "status"),
    [
        (
            "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)",
            "553",
            "5.7.1",
        ),
        ("Diagnostic-Code: smtp; 550 5.1.1 unknown", "550", "5.1.1"),
        ("said: 452-4.2.2 full\n452 4.2.2 really", "452", "4.2.2"),
        ("I sent 200 e-mails and 250 more", None, None),
        ("Message of 5.10.2024", None, None),
    ],
)
def test_reply_parsing(text, code, status):
    replies = find_replies(text)
    if code is None:
        assert replies == []
    else:
        assert (replies[0].code, replies[0].status) == (code, status)


def test_continued_lines_make_one_reply():
    (reply,) = find_replies(SAMPLES["gmail-unauthenticated"])
    assert reply.text.endswith("- gsmtp")
    assert "550-" in reply.text and "has been blocked" in reply.text
