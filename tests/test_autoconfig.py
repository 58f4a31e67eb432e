"""Thunderbird's autoconfig file (clientConfig 1.1) at its two addresses."""

import xml.etree.ElementTree as ET

import pytest

from guides.models import Protocol, Security, ServerEndpoint
from guides.setup.autoconfig import ADDRESS_PLACEHOLDER, client_config

pytestmark = pytest.mark.django_db

PATHS = ["/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml"]


def servers(root, tag):
    return [
        {child.tag: child.text for child in element} | {"type": element.get("type")}
        for element in root.iter(tag)
    ]


@pytest.mark.parametrize("path", PATHS)
def test_with_an_address(client, path):
    response = client.get(path, {"emailaddress": "marie@exemple.fr"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = ET.fromstring(response.content)
    assert root.tag == "clientConfig"
    assert root.get("version") == "1.1"
    provider = root.find("emailProvider")
    assert provider.get("id") == "exemple.fr"
    assert provider.findtext("domain") == "exemple.fr"
    incoming = servers(root, "incomingServer")
    assert [(server["type"], server["port"], server["socketType"]) for server in incoming] == [
        ("imap", "993", "SSL"),
        ("pop3", "995", "SSL"),
    ]
    outgoing = servers(root, "outgoingServer")
    assert [(server["port"], server["socketType"]) for server in outgoing] == [
        ("465", "SSL"),
        ("587", "STARTTLS"),
    ]
    for server in incoming + outgoing:
        assert server["hostname"] == "ssl0.ovh.net"
        assert server["username"] == "marie@exemple.fr"
        assert server["authentication"] == "password-cleartext"


def test_the_documentation_links_to_the_thunderbird_guide_in_each_language(client):
    root = ET.fromstring(client.get(PATHS[0]).content)
    links = {
        element.find("descr").get("lang"): element.get("url")
        for element in root.iter("documentation")
    }
    assert links == {
        "en": "http://testserver/en/guides/set-up-thunderbird/",
        "fr": "http://testserver/fr/guides/configurer-thunderbird/",
    }
    assert client.get(links["fr"].removeprefix("http://testserver")).status_code == 200


@pytest.mark.parametrize("path", PATHS)
def test_without_an_address_the_client_fills_it_in(client, settings, path):
    settings.ALLOWED_HOSTS = ["autoconfig.exemple.fr", "exemple.fr"]
    for host in ("autoconfig.exemple.fr", "exemple.fr"):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", "")
        root = ET.fromstring(response.content)
        assert root.find("emailProvider").get("id") == "exemple.fr"
        usernames = {element.text for element in root.iter("username")}
        assert usernames == {ADDRESS_PLACEHOLDER}


def test_an_internationalised_address_is_given_in_ascii(client):
    root = ET.fromstring(client.get(PATHS[0], {"emailaddress": "jean@café.fr"}).content)
    assert root.find("emailProvider").get("id") == "xn--caf-dma.fr"
    assert {element.text for element in root.iter("username")} == {"jean@xn--caf-dma.fr"}


def test_a_malformed_address_is_refused_with_a_reason(client):
    response = client.get(PATHS[0], {"emailaddress": "pas une adresse"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "une seule adresse" in response.content.decode()


def test_the_file_follows_the_database(client):
    ServerEndpoint.objects.filter(protocol=Protocol.SMTP, security=Security.SSL).update(
        host="smtp.exemple.net", port=10465
    )
    root = ET.fromstring(client.get(PATHS[0]).content)
    first = servers(root, "outgoingServer")[0]
    assert (first["hostname"], first["port"]) == ("smtp.exemple.net", "10465")


def test_unencrypted_endpoints_are_left_out():
    endpoints = [
        ServerEndpoint(
            protocol=Protocol.IMAP, host="imap.exemple.net", port=143, security=Security.NONE
        ),
        ServerEndpoint(
            protocol=Protocol.IMAP, host="imap.exemple.net", port=143, security=Security.STARTTLS
        ),
        ServerEndpoint(
            protocol=Protocol.SMTP, host="smtp.exemple.net", port=25, security=Security.NONE
        ),
    ]
    root = ET.fromstring(client_config(domain="exemple.net", address=None, endpoints=endpoints))
    assert [server["socketType"] for server in servers(root, "incomingServer")] == ["STARTTLS"]
    assert servers(root, "outgoingServer") == []


def test_the_file_takes_few_queries(client, django_assert_max_num_queries):
    client.get(PATHS[0])
    with django_assert_max_num_queries(2):
        client.get(PATHS[0], {"emailaddress": "marie@exemple.fr"})
