"""MX Plan's generations: the values the migration loads (each a fact of OVHcloud's current
documentation, checked by value), and what the pages, the wizard and the diagnostic make of
them when the customer's generation is known."""

import datetime

import pytest

from guides.catalogue.generations import customer_generation
from guides.content.placeholders import Prose, catalogue_values, expand
from guides.content.value_marks import breakable
from guides.diagnostics.checks.findings import Viewer
from guides.diagnostics.checks.offer import offer_check
from guides.models import (
    AlternativeHost,
    Customer,
    Domain,
    GenerationKind,
    Limit,
    LimitKind,
    Offer,
    OfferGeneration,
    Subscription,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 15)


def generation(kind: GenerationKind) -> OfferGeneration:
    return OfferGeneration.objects.get(kind=kind)


def test_each_generation_has_its_webmail_features_and_sources():
    historical, new, zimbra = (generation(kind) for kind in GenerationKind)
    assert [g.webmail_name for g in (historical, new, zimbra)] == [
        "Roundcube",
        "Outlook Web App (OWA)",
        "Zimbra",
    ]
    for row in (historical, new, zimbra):
        assert row.webmail_link("fr") == "https://www.ovhcloud.com/fr/mail/"
        assert row.webmail_link("en") == "https://www.ovhcloud.com/en-gb/mail/"
        assert "DOC:" in row.sources
    # The [SPAM] tag and delegation are the historical version's; aliases, server rules and
    # 14 days of deleted-items recovery the new version's.
    assert historical.spam_tag and historical.delegation and not historical.aliases
    assert new.deleted_items_days == 14 and new.aliases and new.server_rules
    assert not new.spam_tag and not new.delegation and new.security_policy
    assert historical.deleted_items_days is None
    assert "Abonnement" in historical.recognise and "Référence serveur" in new.recognise
    assert "Changer le mot de passe" in historical.password_path
    assert "…" in new.password_path and "Modifier" in new.password_path


def test_the_other_server_names_are_in_the_catalogue():
    hosts = {(row.region, row.protocol, row.host) for row in AlternativeHost.objects.all()}
    assert hosts == {
        ("europe", "imap", "imap.mail.ovh.net"),
        ("europe", "pop3", "pop.mail.ovh.net"),
        ("europe", "smtp", "smtp.mail.ovh.net"),
        ("americas_apac", "imap", "imap.mail.ovh.ca"),
        ("americas_apac", "pop3", "pop.mail.ovh.ca"),
        ("americas_apac", "smtp", "smtp.mail.ovh.ca"),
    }


def test_todays_offers_above_mx_plan_replace_exchange_2013_with_their_quotas():
    assert not Offer.objects.filter(slug="exchange-2013").exists()
    quotas = {
        limit.offer.slug: limit.value
        for limit in Limit.objects.filter(kind=LimitKind.QUOTA_MAX).exclude(offer=None)
    }
    assert quotas == {
        "email-pro": 10000,
        "zimbra-starter": 15000,
        "hosted-exchange": 50000,
        "zimbra-pro": 50000,
    }


@pytest.mark.parametrize(
    ("language", "url"),
    [("fr", "https://www.ovhcloud.com/fr/mail/"), ("en", "https://www.ovhcloud.com/en-gb/mail/")],
)
def test_public_pages_link_the_https_webmail_of_their_language(client, language, url):
    assert catalogue_values(language=language)["webmail_url"] == url
    assert catalogue_values(language=language)["historical_webmail_address"] == (
        "http://webmail.ovh.net/"
    )
    html = client.get(f"/{language}/guides/k/webmail/", follow=True).content.decode()
    assert f'<a href="{url}" rel="noopener">{breakable(value=url)}</a>' in html


def test_addresses_become_links_and_wizard_words_prose():
    values = {"webmail_url": "https://example.test/mail/", "email": Prose("your address")}
    html = expand("<p>Open {{ webmail_url }}; type <code>{{ email }}</code></p>", values)
    assert html == (
        '<p>Open <a href="https://example.test/mail/" rel="noopener">'
        "https://<wbr>example.<wbr>test/<wbr>mail/</a>; type <em>your address</em></p>"
    )
    assert expand("<code>{{ email }}</code>", {"email": "marie@example.test"}) == (
        '<code><span class="value">marie@example.test</span></code>'
    )


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("marie", password="x")


@pytest.fixture
def subscription(owner):
    customer = Customer.objects.create(user=owner, name="Boulangerie Martin")
    domain = Domain.objects.create(name="example.test", customer=customer)
    return Subscription.objects.create(
        domain=domain,
        offer=Offer.objects.get(slug="mxplan-5"),
        started_on=datetime.date(2020, 1, 1),
        generation=generation(GenerationKind.NEW),
    )


def test_a_customer_generation_is_known_only_to_its_owner(subscription, owner, django_user_model):
    stranger = django_user_model.objects.create_user("paul", password="x")
    assert customer_generation(user_id=owner.pk, domain="example.test").kind == "new"
    assert customer_generation(user_id=stranger.pk, domain="example.test") is None
    assert customer_generation(user_id=None, domain="example.test") is None


def test_the_diagnostic_names_the_owner_webmail(subscription, owner):
    result = offer_check(domain="example.test", viewer=Viewer(user_id=owner.pk), today=TODAY)
    assert (
        "Version\u00a0: MX Plan, nouvelle version, webmail Outlook Web App (OWA) "
        "(https://www.ovhcloud.com/fr/mail/)" in result.found
    )
    assert "which-mx-plan" in [link.key for link in result.links]


def test_the_diagnostic_says_when_the_generation_is_unknown(subscription, owner):
    Subscription.objects.update(generation=None)
    result = offer_check(domain="example.test", viewer=Viewer(user_id=owner.pk), today=TODAY)
    assert any("non renseignée" in line for line in result.found)


def test_the_wizard_names_a_signed_in_customer_webmail(client, subscription, owner):
    data = {"client": "thunderbird", "protocol": "imap", "security": "ssl"}
    data["email"] = "marie@example.test"
    anonymous = client.post("/fr/setup/guide/", data).content.decode()
    assert "Essayez d'abord le webmail," in anonymous
    assert "Outlook Web App" not in anonymous
    client.force_login(owner)
    html = client.post("/fr/setup/guide/", data).content.decode()
    assert "Essayez d'abord votre webmail, Outlook Web App (OWA), à l'adresse" in html


def test_wizard_only_words_are_left_out_of_public_pages():
    html = "<p>Cochée pour SSL{{ wizard }} ; décochée si « aucune »{{ end }}.</p>"
    assert expand(html, {}) == "<p>Cochée pour SSL.</p>"
    assert expand(html, {"wizard": "1"}) == "<p>Cochée pour SSL ; décochée si « aucune ».</p>"


def test_the_public_windows_mail_page_has_no_wizard_condition(client):
    html = client.get("/fr/guides/configurer-windows-mail/").content.decode()
    assert "décochée seulement si" not in html and "{{ wizard }}" not in html
    wizard = client.post(
        "/fr/setup/guide/",
        {"client": "windows-mail", "protocol": "imap", "security": "ssl", "email": "a@b.fr"},
    ).content.decode()
    assert "décochée seulement si elle est" in wizard
