"""The DNS records that let mail clients find the settings for a customer's own domain."""

import re

import pytest

from guides.models import Protocol, Security, ServerEndpoint
from guides.setup.dns_records import autoconfiguration_records, zone_text

pytestmark = pytest.mark.django_db

ZONE_LINE = re.compile(r"^(\S+\.)\s+IN (CNAME|SRV)\s+(.+)$")


def test_records_for_a_domain_from_the_server_endpoints():
    records = autoconfiguration_records(domain="exemple.fr", config_host="aide.exemple.net")
    by_name = {record.name: record for record in records}
    assert [record.subdomain for record in records] == [
        "autoconfig",
        "autodiscover",
        "_autodiscover._tcp",
        "_imaps._tcp",
        "_pop3s._tcp",
        "_submissions._tcp",
        "_submission._tcp",
    ]
    assert by_name["autoconfig.exemple.fr."].value == "aide.exemple.net."
    assert by_name["autodiscover.exemple.fr."].type == "CNAME"
    assert by_name["_autodiscover._tcp.exemple.fr."].value == "0 0 443 aide.exemple.net."
    assert by_name["_imaps._tcp.exemple.fr."].value == "0 1 993 ssl0.ovh.net."
    assert by_name["_pop3s._tcp.exemple.fr."].value == "20 1 995 ssl0.ovh.net."
    assert by_name["_submissions._tcp.exemple.fr."].value == "0 1 465 ssl0.ovh.net."
    assert by_name["_submission._tcp.exemple.fr."].value == "10 1 587 ssl0.ovh.net."


def test_unencrypted_endpoints_are_not_advertised_and_values_follow_the_database():
    ServerEndpoint.objects.filter(protocol=Protocol.IMAP, security=Security.NONE).update(
        security=Security.STARTTLS
    )
    ServerEndpoint.objects.filter(protocol=Protocol.SMTP, security=Security.SSL).update(
        host="smtp.exemple.net", port=10465
    )
    records = autoconfiguration_records(domain="exemple.fr", config_host="aide.exemple.net")
    by_name = {record.name: record for record in records}
    assert by_name["_imap._tcp.exemple.fr."].value == "10 1 143 ssl0.ovh.net."
    assert by_name["_submissions._tcp.exemple.fr."].value == "0 1 10465 smtp.exemple.net."
    assert not any(record.port == 110 for record in records)


def test_the_zone_text_is_one_valid_line_a_record():
    records = autoconfiguration_records(domain="xn--caf-dma.fr", config_host="aide.exemple.net")
    lines = zone_text(domain="xn--caf-dma.fr", records=records).splitlines()
    assert lines[0] == "; xn--caf-dma.fr"
    parsed = [ZONE_LINE.match(line).groups() for line in lines[1:]]
    assert [(name, kind, value) for name, kind, value in parsed] == [
        (record.name, record.type, record.value) for record in records
    ]


def test_the_dns_page_shows_the_records_for_the_domain_typed(client):
    html = client.get("/fr/setup/dns/?domain=Café.fr").content.decode()
    assert "À ajouter dans la zone DNS de café.fr" in html
    assert "_imaps._tcp.xn--caf-dma.fr." in html
    assert 'data-copy="0 1 993 ssl0.ovh.net."' in html
    assert 'value="Café.fr"' in html


def test_a_pasted_address_gives_its_domain(client):
    html = client.get("/fr/setup/dns/?domain=marie@exemple.fr").content.decode()
    assert "autoconfig.exemple.fr." in html


def test_a_wrong_domain_is_explained_next_to_the_field(client):
    html = client.get("/fr/setup/dns/?domain=exemple").content.decode()
    assert '<p class="field-error" id="dns-domain-error">' in html
    assert "n&#x27;est pas un nom de domaine valide" in html
    assert 'aria-invalid="true"' in html
    assert 'value="exemple"' in html
    assert "zone-records" not in html


def test_the_dns_form_is_on_the_mx_guide_and_answers_htmx_with_its_part(client):
    mx = client.get("/fr/guides/enregistrements-mx/").content.decode()
    assert 'id="dns-tool"' in mx
    assert 'hx-get="/fr/setup/dns/"' in mx
    partial = client.get("/fr/setup/dns/?domain=exemple.fr", headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert html.lstrip().startswith('<section id="dns-tool"')
    assert "autoconfig.exemple.fr." in html
    assert "HX-Request" in partial["Vary"]


def test_the_dns_page_takes_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert client.get("/fr/setup/dns/?domain=exemple.fr").status_code == 200


def test_the_records_point_at_the_configured_autoconfig_host(client, settings):
    assert "mailconfig.ovh.net." in client.get("/fr/setup/dns/?domain=exemple.fr").content.decode()
    settings.OVHPORTAL_AUTOCONFIG_HOST = "aide.exemple.net"
    html = client.get("/fr/setup/dns/?domain=exemple.fr").content.decode()
    assert "aide.exemple.net." in html
    assert "mailconfig.ovh.net" not in html
