"""The reference data refuses values no mail client could use."""

import pytest
from django.core.exceptions import ValidationError

from guides.catalogue.accounts import account_settings
from guides.models import MailClient, MxHost, Protocol, Security, ServerEndpoint

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("port", [0, 65536])
def test_endpoint_port_must_be_between_1_and_65535(port):
    endpoint = ServerEndpoint(
        protocol=Protocol.IMAP, host="ssl0.ovh.net", port=port, security=Security.STARTTLS
    )
    with pytest.raises(ValidationError) as error:
        endpoint.full_clean()
    assert "port" in error.value.message_dict


@pytest.mark.parametrize(
    "host", ["ssl0", "ssl0..ovh.net", "-bad.ovh.net", "ssl0.ovh.net.", "a b.net", "1.2.3.4"]
)
def test_endpoint_host_must_be_a_host_name(host):
    endpoint = ServerEndpoint(
        protocol=Protocol.POP3, host=host, port=1995, security=Security.STARTTLS
    )
    with pytest.raises(ValidationError) as error:
        endpoint.full_clean(validate_constraints=False)
    assert "host" in error.value.message_dict


def test_client_slugs_are_unique():
    with pytest.raises(ValidationError):
        MailClient(slug="thunderbird", name="Thunderbird bis", platform="other").full_clean()


def test_mx_hosts_are_stored_lower_case_without_trailing_dot():
    host = MxHost.objects.create(host="MX9.Example.NET.", protection="none")
    assert host.host == "mx9.example.net"


def test_seeded_catalogue_matches_the_guide():
    imap = account_settings(email="a@b.fr", protocol=Protocol.IMAP, encrypted=True)
    pop = account_settings(email="a@b.fr", protocol=Protocol.POP3, encrypted=False)
    assert (imap.incoming.host, imap.incoming.port, imap.outgoing.port) == (
        "ssl0.ovh.net",
        993,
        465,
    )
    assert (pop.incoming.port, pop.outgoing.port) == (110, 587)
    assert MxHost.objects.get(host="mx0.ovh.net").protection == "none"
    assert {h.host for h in MxHost.objects.filter(protection="antispam")} == {
        "mx1.ovh.net",
        "mx2.ovh.net",
    }


def test_a_mail_server_without_authentication_is_refused():
    """Thunderbird drops a server whose autoconfig says <authentication>none: never write one."""
    endpoint = ServerEndpoint(
        protocol=Protocol.IMAP, host="ssl0.ovh.net", port=993, security=Security.SSL
    )
    endpoint.auth_required = False
    with pytest.raises(ValidationError) as refused:
        endpoint.full_clean(validate_unique=False, validate_constraints=False)
    assert "auth_required" in refused.value.message_dict
    webmail = ServerEndpoint(
        protocol=Protocol.WEBMAIL, host="mail.ovh.net", port=443, security=Security.SSL
    )
    webmail.auth_required = False
    webmail.full_clean(validate_unique=False, validate_constraints=False)


def test_the_autoconfig_file_never_says_no_authentication():
    from guides.setup.autoconfig import client_config

    endpoints = list(ServerEndpoint.objects.all())
    for endpoint in endpoints:
        endpoint.auth_required = False
    body = client_config(domain="exemple.fr", address=None, endpoints=endpoints, documentation=[])
    assert b"<authentication>none</authentication>" not in body
    assert b"<authentication>password-cleartext</authentication>" in body
