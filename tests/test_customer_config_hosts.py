"""The configuration files reach customers' own names with production settings: Thunderbird
asks http://autoconfig.<domain>/…, Outlook autodiscover.<domain>; every other path keeps the
host check and the HTTPS redirect."""

import pytest

pytestmark = pytest.mark.django_db

AUTODISCOVER_REQUEST = b"""<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
  <Request><EMailAddress>marie@exemple.fr</EMailAddress>
  <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
  </Request></Autodiscover>"""


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["aide.example.com"]
    settings.SECURE_SSL_REDIRECT = True
    return settings


def test_thunderbird_gets_the_file_over_plain_http_at_the_customers_name(client, production):
    response = client.get("/mail/config-v1.1.xml", HTTP_HOST="autoconfig.exemple.fr")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<domain>exemple.fr</domain>" in body
    # Links point at the portal's own name, over HTTPS.
    assert "https://aide.example.com/fr/guides/" in body
    assert "autoconfig.exemple.fr" not in body


def test_outlook_posts_to_autodiscover_at_the_customers_name(client, production):
    response = client.post(
        "/Autodiscover/Autodiscover.xml",
        AUTODISCOVER_REQUEST,
        content_type="text/xml",
        HTTP_HOST="autodiscover.exemple.fr",
    )
    assert response.status_code == 200
    assert b"marie@exemple.fr" in response.content
    json = client.get(
        "/autodiscover/autodiscover.json",
        {"Protocol": "AutodiscoverV1"},
        HTTP_HOST="autodiscover.exemple.fr:80",
    )
    assert json.json()["Url"] == "https://aide.example.com/autodiscover/autodiscover.xml"


def test_the_hosters_configuration_host_is_served_too(client, production):
    production.OVHPORTAL_AUTOCONFIG_HOST = "mailconfig.example.net"
    response = client.get(
        "/mail/config-v1.1.xml",
        {"emailaddress": "marie@exemple.fr"},
        HTTP_HOST="mailconfig.example.net",
    )
    assert response.status_code == 200
    assert "<domain>exemple.fr</domain>" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "host"),
    [
        ("/fr/", "autoconfig.exemple.fr"),  # other paths keep the host check
        ("/admin/login/", "autodiscover.exemple.fr"),
        ("/mail/config-v1.1.xml", "evil.example.org"),  # only autoconfig.* / autodiscover.*
        ("/mail/config-v1.1.xml", "autoconfig.bad_name!.fr"),
    ],
)
def test_other_names_and_paths_are_refused(client, production, path, host):
    assert client.get(path, HTTP_HOST=host).status_code == 400


def test_only_the_configuration_paths_skip_the_https_redirect(client, production):
    home = client.get("/fr/", HTTP_HOST="aide.example.com")
    assert (home.status_code, home["Location"]) == (301, "https://aide.example.com/fr/")
    config = client.get(
        "/.well-known/autoconfig/mail/config-v1.1.xml", HTTP_HOST="aide.example.com"
    )
    assert config.status_code == 200
