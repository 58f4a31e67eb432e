"""The Apple configuration profile: a plist Apple's devices accept, with no password inside."""

import logging
import plistlib

import pytest
from django.test import Client

from guides.models import Protocol, Security, ServerEndpoint

pytestmark = pytest.mark.django_db

URL = "/setup/profile.mobileconfig"
TOP_LEVEL_KEYS = {
    "PayloadType",
    "PayloadVersion",
    "PayloadIdentifier",
    "PayloadUUID",
    "PayloadDisplayName",
    "PayloadContent",
}
ACCOUNT_KEYS = {
    "PayloadType",
    "PayloadVersion",
    "PayloadIdentifier",
    "PayloadUUID",
    "EmailAccountType",
    "EmailAddress",
    "IncomingMailServerHostName",
    "IncomingMailServerPortNumber",
    "IncomingMailServerUseSSL",
    "IncomingMailServerAuthentication",
    "IncomingMailServerUsername",
    "OutgoingMailServerHostName",
    "OutgoingMailServerPortNumber",
    "OutgoingMailServerUseSSL",
    "OutgoingMailServerAuthentication",
    "OutgoingMailServerUsername",
    "OutgoingPasswordSameAsIncomingPassword",
}


def download(client, **params):
    response = client.get(URL, {"email": "marie@exemple.fr", **params})
    assert response.status_code == 200
    return response, plistlib.loads(response.content)


def test_the_profile_has_what_apple_requires(client):
    response, profile = download(client)
    assert response["Content-Type"] == "application/x-apple-aspen-config"
    assert profile.keys() >= TOP_LEVEL_KEYS
    assert profile["PayloadType"] == "Configuration"
    assert profile["PayloadVersion"] == 1
    [account] = profile["PayloadContent"]
    assert account.keys() >= ACCOUNT_KEYS
    assert account["PayloadType"] == "com.apple.mail.managed"
    assert account["EmailAccountType"] == "EmailTypeIMAP"
    assert account["EmailAddress"] == "marie@exemple.fr"
    assert account["IncomingMailServerHostName"] == "ssl0.ovh.net"
    assert account["IncomingMailServerPortNumber"] == 993
    assert account["IncomingMailServerUseSSL"] is True
    assert account["IncomingMailServerAuthentication"] == "EmailAuthPassword"
    assert account["IncomingMailServerUsername"] == "marie@exemple.fr"
    assert account["OutgoingMailServerPortNumber"] == 465
    assert account["OutgoingMailServerAuthentication"] == "EmailAuthPassword"
    assert not any(
        "Password" in key and key != "OutgoingPasswordSameAsIncomingPassword" for key in account
    )


def test_the_download_is_private_and_its_name_generic(client):
    response, _profile = download(client)
    assert response["Content-Disposition"] == 'attachment; filename="email.mobileconfig"'
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_downloading_again_gives_the_same_identifiers_so_the_profile_is_replaced(client):
    _response, first = download(client)
    _response, again = download(client, protocol="pop")
    _response, other = download(client, email="paul@exemple.fr")
    for key in ("PayloadIdentifier", "PayloadUUID"):
        assert first[key] == again[key]
        assert first["PayloadContent"][0][key] == again["PayloadContent"][0][key]
        assert first[key] != other[key]
    assert first["PayloadUUID"] != first["PayloadContent"][0]["PayloadUUID"]


def test_pop_and_no_encryption_follow_the_database(client):
    ServerEndpoint.objects.filter(protocol=Protocol.POP3, security=Security.NONE).update(port=10110)
    _response, profile = download(client, protocol="pop", security="none")
    [account] = profile["PayloadContent"]
    assert account["EmailAccountType"] == "EmailTypePOP"
    assert account["IncomingMailServerPortNumber"] == 10110
    assert account["IncomingMailServerUseSSL"] is False
    assert account["OutgoingMailServerPortNumber"] == 587


def test_the_wizard_posts_the_address_with_its_csrf_token():
    client = Client(enforce_csrf_checks=True)
    page = client.get("/fr/setup/?client=apple-mail-ios&protocol=imap&security=ssl")
    token = page.cookies["csrftoken"].value
    fields = {
        "email": "Marie@Café.fr",
        "display_name": "Marie",
        "protocol": "imap",
        "security": "ssl",
    }
    assert client.post(URL, fields).status_code == 403
    response = client.post(URL, {**fields, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    [account] = plistlib.loads(response.content)["PayloadContent"]
    assert account["EmailAddress"] == "Marie@xn--caf-dma.fr"
    assert account["EmailAccountName"] == "Marie"
    assert account["EmailAccountDescription"] == "Marie@café.fr"


def test_a_wrong_address_gets_a_reason_and_is_not_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.get(URL, {"email": "marie.dupont@"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Il manque le domaine" in response.content.decode()
    assert "marie.dupont" not in caplog.text
    assert client.get(URL).status_code == 400
