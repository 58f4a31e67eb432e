"""The reverse proxy asks before getting a certificate for a customer's name (Caddy's
on-demand TLS): yes only for autoconfig.* / autodiscover.* names of customers' domains."""

import pytest

from guides.models import Customer, Domain

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer_domain(django_user_model):
    customer = Customer.objects.create(user=django_user_model.objects.create_user("marie"))
    return Domain.objects.create(customer=customer, name="exemple.fr")


def ask(client, name, address="127.0.0.1"):
    return client.get("/tls/ask/", {"domain": name}, REMOTE_ADDR=address)


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("autoconfig.exemple.fr", 200),
        ("autodiscover.exemple.fr", 200),
        ("AUTOCONFIG.EXEMPLE.FR.", 200),
        ("exemple.fr", 404),  # the customer's own site is not ours to certify
        ("www.exemple.fr", 404),
        ("autoconfig.someone-else.fr", 404),
        ("", 404),
    ],
)
def test_only_customers_configuration_names_get_a_certificate(
    client, customer_domain, name, status
):
    assert ask(client, name).status_code == status


def test_the_configuration_host_gets_one(client, settings):
    settings.OVHPORTAL_AUTOCONFIG_HOST = "mailconfig.example.net"
    assert ask(client, "mailconfig.example.net").status_code == 200


def test_any_domain_when_the_operator_chooses(client, settings):
    settings.OVHPORTAL_TLS_ANY_DOMAIN = True
    assert ask(client, "autoconfig.someone-else.fr").status_code == 200
    assert ask(client, "someone-else.fr").status_code == 404


def test_only_the_proxy_may_ask(client, customer_domain):
    assert ask(client, "autoconfig.exemple.fr", address="203.0.113.7").status_code == 403


def test_the_questions_are_rate_limited(client, settings, customer_domain):
    settings.OVHPORTAL_TLS_ASK_RATE = 2
    statuses = [ask(client, "autoconfig.exemple.fr").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
