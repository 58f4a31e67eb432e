"""Hostile or broken input: each gets an answer or a clear message, quickly, never an
exception. The bound is generous for a shared test machine; the doctor takes far less."""

import os
import time

import pytest

from guides.messages.doctor import MAX_INPUT, MessageInputError, diagnose_message

pytestmark = pytest.mark.django_db
SECONDS = 3.0


def timed(data: bytes):
    started = time.perf_counter()
    try:
        result = diagnose_message(data=data, language="fr")
    except MessageInputError as error:
        result = error
    assert time.perf_counter() - started < SECONDS
    return result


def received(index: int) -> bytes:
    return (
        f"Received: from relay{index}.example.test (relay{index}.example.test [192.0.2.1]) "
        f"by relay{index + 1}.example.test with ESMTPS id {index}; "
        f"Mon, 2 Nov 2026 10:{index % 60:02d}:00 +0100\n"
    ).encode()


def test_thousands_of_received_lines():
    data = b"".join(received(index) for index in range(5000)) + b"From: a@example.test\n\n"
    result = timed(data[:MAX_INPUT])
    assert len(result.headers.hops) == 100


def test_an_enormous_header():
    result = timed(b"From: a@example.test\nSubject: " + b"A" * 900_000 + b"\n\nbody")
    assert len(result.headers.subject) <= 4000


def test_an_enormous_folded_received_header():
    data = b"Received: from a.example.test" + b"\n\tby (" * 100_000 + b"\nFrom: a@example.test\n\n"
    timed(data[:MAX_INPUT])


def test_wrong_charsets_and_base64_garbage():
    data = (
        b"From: MAILER-DAEMON@example.test\nTo: ann@example.test\n"
        b"Subject: =?klingon?Q?qapla=27?= =?utf-8?B?////?=\n"
        b"MIME-Version: 1.0\nContent-Type: text/plain; charset=klingon\n"
        b"Content-Transfer-Encoding: base64\n\n" + os.urandom(300_000)
    )
    result = timed(data)
    assert result.kind == "bounce"


def test_binary_garbage_gets_a_clear_message():
    result = timed(bytes(range(256)) * 2000)
    assert isinstance(result, MessageInputError)


@pytest.mark.parametrize("depth", [5, 300])
def test_bounces_of_bounces(depth):
    inner = b"From: a@example.test\nSubject: origin\n\nhello\n"
    for level in range(depth):
        inner = (
            (
                b"From: MAILER-DAEMON@example.test\nSubject: Undelivered Mail Returned to Sender\n"
                b"MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; "
                b'boundary="b%d"\n\n--b%d\nContent-Type: message/delivery-status\n\n'
                b"Reporting-MTA: dns; example.test\n\nFinal-Recipient: rfc822; r%d@example.test\n"
                b"Action: failed\nStatus: 5.1.1\n\n--b%d\nContent-Type: message/rfc822\n\n"
                % (level, level, level, level)
            )
            + inner
            + b"\n--b%d--\n" % level
        )
    result = timed(inner)
    assert [recipient.address for recipient in result.bounce.failed] == [
        f"r{depth - 1}@example.test"
    ]


def test_ten_thousand_recipients_are_cut_short():
    blocks = b"".join(
        b"Final-Recipient: rfc822; r%d@example.test\nAction: failed\nStatus: 5.1.1\n\n" % index
        for index in range(10_000)
    )
    data = (
        b"From: MAILER-DAEMON@example.test\nSubject: Undelivered Mail\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="x"\n\n'
        b"--x\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; example.test\n\n"
        + blocks
        + b"--x--\n"
    )
    result = timed(data[:MAX_INPUT])
    assert len(result.bounce.recipients) <= 50


def test_a_megabyte_of_reply_codes():
    result = timed(b"550 5.7.1 " * 100_000)
    assert result.advice


def test_a_megabyte_of_lines_without_a_code():
    result = timed(b"x\n" * 499_999)
    assert isinstance(result, MessageInputError)


def test_header_injection_is_shown_as_text(client):
    data = (
        "From: MAILER-DAEMON@example.test\nSubject: Undelivered\n\n"
        "<script>alert(1)</script>@evil.test: host mx said: 550 5.1.1 "
        '<img src=x onerror="alert(1)">\r\nBcc: victim@example.test\n'
    )
    html = client.post("/fr/messages/", {"text": data}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x" in html


def test_a_bom_and_windows_line_ends():
    data = "\ufeff553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)\r\n"
    result = timed(data.encode("utf-8"))
    assert result.advice[0].entry.key == "ovh-relay-denied"


def test_a_reply_continued_on_thousands_of_lines_is_cut_short():
    result = timed(b"550-5.7.1 blocked\n" * 50_000 + b"550 5.7.1 end\n")
    assert len(result.advice[0].reply.text) < 40 * 2000
