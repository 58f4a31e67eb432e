"""The doctor's page (plain form and htmx), its JSON API and `explain_message`: the same
answer three ways, nothing kept, clear messages for bad input, never a 500."""

import io
import json
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from guides.content.typography import french_spacing
from guides.models import KnownReply
from tests.messages.corpus import SAMPLES, sample

pytestmark = pytest.mark.django_db
RELAY = "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)"


def post(client, **data):
    return client.post("/fr/messages/", data)


def test_the_page_says_nothing_is_kept_and_is_not_cached(client):
    response = client.get("/fr/messages/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "rien n'est enregistré, ni journalisé, ni mis en cache" in response.content.decode()


def test_plain_form_answers_on_the_same_page_with_csrf():
    client = Client(enforce_csrf_checks=True)
    page = client.get("/fr/messages/")
    token = page.cookies["csrftoken"].value
    response = client.post("/fr/messages/", {"text": RELAY, "csrfmiddlewaretoken": token})
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "<html" in html
    assert "l&#x27;authentification SMTP n&#x27;est pas activée" in html
    assert french_spacing("Qui doit agir :") in html and "Vous." in html
    assert 'href="/fr/guides/k/account-settings/"' in html


def test_a_post_without_csrf_token_is_refused():
    response = Client(enforce_csrf_checks=True).post("/fr/messages/", {"text": RELAY})
    assert response.status_code == 403


def test_htmx_gets_the_answer_only(client):
    response = client.post("/fr/messages/", {"text": RELAY}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="answer"')
    assert "Envoi refusé" in html
    assert response["Cache-Control"] == "private, no-store"


def test_an_uploaded_eml_is_read(client):
    upload = SimpleUploadedFile("bounce.eml", sample("dsn-postfix-user-unknown.eml"))
    response = client.post("/en/messages/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The message was not delivered to 1 recipient." in html
    assert "bob@example.test" in html
    assert "Votre devis du 2 novembre" in html
    assert "Recipient's server:</span> <code>mx.example.test</code>" in html


def test_an_upload_over_the_limit_gets_a_clear_message_and_no_temporary_file(
    client, settings, tmp_path
):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1000
    upload = SimpleUploadedFile("big.eml", b"Subject: x\n\n" + b"a" * 1_100_000)
    response = client.post("/fr/messages/", {"file": upload})
    assert response.status_code == 413
    assert "Le texte dépasse 1 Mo" in response.content.decode()
    assert list(tmp_path.iterdir()) == []


def test_pasted_text_over_the_limit(client):
    response = post(client, text="a" * 1_000_001)
    assert response.status_code == 413
    assert "Le texte dépasse 1 Mo" in response.content.decode()


def test_a_body_beyond_what_django_reads_is_still_answered(client):
    response = post(client, text="a" * 2_600_000)
    assert response.status_code == 413


@pytest.mark.parametrize("text", ["", "bonjour, ça ne marche pas", "\x00\xff garbage"])
def test_unreadable_input_gets_a_message_where_it_was_typed(client, text):
    response = post(client, text=text)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="doctor-error"' in html and 'aria-invalid="true"' in html


def test_rate_limited_like_the_diagnostic(client, settings):
    settings.OVHPORTAL_DIAGNOSTIC_RATE = 2
    assert [post(client, text=RELAY).status_code for _ in range(3)] == [200, 200, 429]
    response = post(client, text=RELAY)
    assert int(response["Retry-After"]) >= 1
    assert "Trop d&#x27;analyses" in response.content.decode()


def test_nothing_pasted_reaches_a_log(client, caplog):
    caplog.set_level(logging.DEBUG)
    post(client, text=sample("broken-mime.eml").decode())
    client.post("/messages/api/", RELAY, content_type="text/plain")
    assert "mail.example.test" not in caplog.text
    assert "relayed thru" not in caplog.text


def test_api_plain_text_and_json(client):
    response = client.post("/messages/api/?lang=en", RELAY, content_type="text/plain")
    document = response.json()
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Language"] == "en"
    assert document["kind"] == "reply"
    assert document["advice"][0]["known"] == "ovh-relay-denied"
    assert document["advice"][0]["who_must_act"] == "you"
    assert document["advice"][0]["guide_url"] == "/en/guides/k/account-settings/"
    as_json = client.post(
        "/messages/api/", json.dumps({"text": RELAY}), content_type="application/json"
    )
    assert as_json.json()["advice"][0]["known"] == "ovh-relay-denied"


def test_api_errors(client):
    assert client.post("/messages/api/", "", content_type="text/plain").status_code == 400
    broken = client.post("/messages/api/", "{not json", content_type="application/json")
    assert broken.status_code == 400 and "error" in broken.json()
    assert client.get("/messages/api/").status_code == 405


def test_api_the_bounce_and_headers_documents(client):
    bounce = client.post(
        "/messages/api/", sample("dsn-mixed-failed-and-delayed.eml"), content_type="message/rfc822"
    ).json()
    assert [item["action"] for item in bounce["bounce"]["recipients"]] == ["failed", "delayed"]
    headers = client.post(
        "/messages/api/", sample("headers-long-delay.eml"), content_type="message/rfc822"
    ).json()
    assert [hop["slowest"] for hop in headers["headers"]["hops"]] == [False, True, False]


def test_the_command_prints_the_same_answer(tmp_path):
    out = io.StringIO()
    call_command("explain_message", str(SAMPLES / "qmail-failure.eml"), "--json", stdout=out)
    document = json.loads(out.getvalue())
    assert document["bounce"]["recipients"][0]["address"] == "leo@example.test"
    text = io.StringIO()
    call_command("explain_message", str(SAMPLES / "qmail-failure.eml"), stdout=text)
    assert "leo@example.test" in text.getvalue()


def test_the_command_reads_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(RELAY.encode())))
    out = io.StringIO()
    call_command("explain_message", "-", "--language", "en", stdout=out)
    assert "Sending refused" in out.getvalue()


@pytest.mark.parametrize("path", ["/no/such/file.eml", "."])
def test_the_command_exits_2_on_unreadable_input(path):
    with pytest.raises(CommandError) as raised:
        call_command("explain_message", path)
    assert raised.value.returncode == 2


def test_the_command_exits_2_on_text_it_cannot_explain(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("bonjour")
    with pytest.raises(CommandError) as raised:
        call_command("explain_message", str(path))
    assert raised.value.returncode == 2


def test_linked_from_the_navigation_home_and_diagnostic(client):
    for page in ("/fr/", "/fr/diagnostic/"):
        assert 'href="/fr/messages/"' in client.get(page).content.decode(), page


def test_staff_edit_the_table_in_the_admin(admin_client):
    reply = KnownReply.objects.get(key="ovh-relay-denied")
    assert admin_client.get("/admin/guides/knownreply/?q=relayed").status_code == 200
    page = admin_client.get(f"/admin/guides/knownreply/{reply.pk}/change/")
    assert page.status_code == 200
    assert "relayed thru this mta" in page.content.decode()
