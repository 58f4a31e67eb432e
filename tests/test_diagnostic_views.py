"""The diagnostic page, its JSON API, the rate limit and the history, as each reader sees them."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.content.typography import french_spacing
from guides.models import Customer, DiagnosticLog, Domain, Offer, Subscription
from guides.views import rate_limit
from tests.dns.zones import LONG_DOMAIN

pytestmark = pytest.mark.django_db
CHECK_IDS = ["domain", "mx", "spf", "dmarc", "autoconfig", "offer", "maintenance"]


@pytest.fixture
def owner(django_user_model):
    user = django_user_model.objects.create_user("marie", password="x")
    customer = Customer.objects.create(user=user, name="Boulangerie Martin")
    domain = Domain.objects.create(
        name="antivirus.test", customer=customer, registration_expires_on=datetime.date(2099, 1, 1)
    )
    Subscription.objects.create(
        domain=domain,
        offer=Offer.objects.get(slug="mxplan-5"),
        started_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2099, 1, 1),
    )
    return user


def offer_block(html):
    return re.search(r'<li class="check[^"]*" id="check-offer">.*?</li>', html, re.S)[0]


def api(client, domain, **headers):
    return client.get("/diagnostic/api/", {"domain": domain}, **headers)


def test_empty_page(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/fr/diagnostic/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="diagnostic-domain">' in html
    assert 'href="/fr/diagnostic/"' in html  # the main menu links here now
    assert "État du service e-mail" in html
    assert 'id="report-title"' not in html


def test_report_page_works_without_javascript(client, dns_settings, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/fr/diagnostic/", {"domain": "contact@antivirus.test"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Résultat pour antivirus.test" in html
    assert "de l&#x27;adresse e-mail saisie" in html
    for check_id in CHECK_IDS:
        assert f'id="check-{check_id}"' in html
    assert 'name="refresh" value="1"' in html
    assert 'href="/fr/diagnostic/?domain=antivirus.test"' in html
    assert french_spacing("Vos e-mails fonctionnent-ils depuis le webmail ?") in html
    assert 'href="https://web-cloud.status-ovhcloud.com/"' in html
    assert 'href="/fr/guides/k/change-password/"' in html
    assert "antivirus.test. IN MX 1 mx0.mail.ovh.net." in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_htmx_gets_the_part_to_swap(client, dns_settings):
    response = client.get(
        "/fr/diagnostic/", {"domain": "café.test"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="diagnostic"')
    assert "<html" not in html
    assert "Résultat pour café.test" in html
    assert "HX-Request" in response["Vary"]


def test_bad_input_is_explained_next_to_the_field(client, dns_settings, dns_server):
    asked = len(dns_server.log)
    response = client.get("/fr/diagnostic/", {"domain": "ex ample.fr"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="diagnostic-domain-help diagnostic-domain-error"' in html
    assert 'id="diagnostic-domain-error">Un nom de domaine ne contient pas d&#x27;espace.' in html
    assert 'value="ex ample.fr"' in html
    assert len(dns_server.log) == asked
    assert not DiagnosticLog.objects.exists()


def test_check_again_bypasses_the_cache(client, dns_settings, dns_server):
    client.get("/fr/diagnostic/", {"domain": "antispam.test"})
    asked = len(dns_server.asked("antispam.test.", "MX"))
    cached = client.get("/fr/diagnostic/", {"domain": "antispam.test"}).content.decode()
    assert "Ce résultat a moins d'une minute." in cached
    assert len(dns_server.asked("antispam.test.", "MX")) == asked
    client.get("/fr/diagnostic/", {"domain": "antispam.test", "refresh": "1"})
    assert len(dns_server.asked("antispam.test.", "MX")) == asked + 1


def test_checks_that_could_not_be_done_are_listed(client, dns_settings):
    html = client.get("/fr/diagnostic/", {"domain": "slowdmarc.test"}).content.decode()
    assert "Ces vérifications n'ont pas pu être faites" in html
    assert "<ul><li>DMARC (que faire des e-mails usurpant votre domaine)</li></ul>" in html


def test_api_document(client, dns_settings):
    response = api(client, "café.test")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = json.loads(response.content)
    assert {"domain", "display_domain", "status", "checked_at", "mx", "checks"} <= set(document)
    assert (document["domain"], document["display_domain"]) == ("xn--caf-dma.test", "café.test")
    assert document["status"] in {"ok", "warning", "error", "unknown"}
    assert datetime.datetime.fromisoformat(document["checked_at"]).tzinfo is not None
    assert document["mx"]["protection"] == "antispam_antivirus"
    assert document["mx"]["records"][0] | {"flags": []} == {
        "preference": 1,
        "exchange": "mx3.ovh.net",
        "flags": [],
    }
    assert [check["id"] for check in document["checks"]] == CHECK_IDS
    for check in document["checks"]:
        assert {"id", "status", "title", "detail", "found", "expected"} <= set(check)
        assert check["status"] in {"ok", "info", "blocked", "warning", "error", "unknown"}
        assert isinstance(check["found"], list) and isinstance(check["expected"], list)
    assert "café.test" in response.content.decode()  # not \u-escaped


@pytest.mark.parametrize("query", [{}, {"domain": ""}, {"domain": "192.0.2.1"}])
def test_api_bad_input(client, query):
    response = client.get("/diagnostic/api/", query)
    assert response.status_code == 400
    assert list(json.loads(response.content)) == ["error"]


def test_api_language(client, dns_settings):
    assert json.loads(api(client, "antivirus.test").content)["language"] == "fr"
    by_header = api(client, "antivirus.test", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert json.loads(by_header.content)["language"] == "en"
    assert by_header["Content-Language"] == "en"
    by_query = client.get("/diagnostic/api/", {"domain": "antivirus.test", "lang": "en"})
    assert json.loads(by_query.content)["language"] == "en"


def test_rate_limit(client, dns_settings, monkeypatch):
    monkeypatch.setattr("guides.views.rate_limit.time.time", lambda: 1_800_000_030.0)  # one window
    dns_settings.OVHPORTAL_DIAGNOSTIC_RATE = 2
    here = {"REMOTE_ADDR": "192.0.2.200"}
    for _hit in range(2):
        assert api(client, "antivirus.test", **here).status_code == 200
    refused = api(client, "antivirus.test", **here)
    assert refused.status_code == 429
    seconds = int(refused["Retry-After"])
    assert 1 <= seconds <= 60
    assert json.loads(refused.content)["retry_after"] == seconds
    assert f"réessayez dans {seconds} seconde" in json.loads(refused.content)["error"]
    page = client.get("/fr/diagnostic/", {"domain": "antivirus.test"}, **here)
    assert page.status_code == 429
    assert "réessayez dans" in page.content.decode()
    assert 'value="antivirus.test"' in page.content.decode()
    other_client = api(client, "antivirus.test", REMOTE_ADDR="192.0.2.77")
    assert other_client.status_code == 200


def test_rate_limit_windows_and_addresses(rf, settings):
    decisions = [rate_limit.hit(scope="t", client="a", limit=2, now=120.0) for _ in range(3)]
    assert [decision.allowed for decision in decisions] == [True, True, False]
    assert decisions[-1].retry_after == 60
    assert rate_limit.hit(scope="t", client="a", limit=2, now=180.5).allowed
    request = rf.get("/", REMOTE_ADDR="2001:db8:1:2:3:4:5:6")
    assert rate_limit.client_address(request) == "2001:db8:1:2::"
    proxied = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.5")
    assert rate_limit.client_address(proxied) == "10.0.0.1"
    settings.OVHPORTAL_TRUSTED_PROXIES = 1
    assert rate_limit.client_address(proxied) == "203.0.113.5"


def test_a_refused_client_costs_no_more_cache_writes(monkeypatch):
    """Knocking again within the window is refused from memory: a flood writes nothing."""
    writes = []
    counted = rate_limit.count_up
    monkeypatch.setattr(
        rate_limit, "count_up", lambda key, **kw: writes.append(key) or counted(key, **kw)
    )
    decisions = [rate_limit.hit(scope="t", client="b", limit=2, now=240.0) for _ in range(10)]
    assert [decision.allowed for decision in decisions] == [True, True] + [False] * 8
    assert len(writes) == 3
    assert rate_limit.hit(scope="t", client="b", limit=2, now=300.0).allowed
    assert rate_limit.hit(scope="t", client="c", limit=2, now=300.0).allowed


def test_an_ipv4_mapped_address_counts_as_the_ipv4_client(rf, client, dns_settings):
    """::ffff:203.0.113.7 and 203.0.113.7 are one client: one limit, not two."""
    mapped = rf.get("/", REMOTE_ADDR="::ffff:203.0.113.7")
    assert rate_limit.client_address(mapped) == "203.0.113.7"
    dns_settings.OVHPORTAL_DIAGNOSTIC_RATE = 1
    first = client.get("/diagnostic/api/", {"domain": "antispam.test"}, REMOTE_ADDR="203.0.113.7")
    again = client.get(
        "/diagnostic/api/", {"domain": "antispam.test"}, REMOTE_ADDR="::ffff:203.0.113.7"
    )
    assert (first.status_code, again.status_code) == (200, 429)


def test_anonymous_cannot_tell_a_customer_domain(client, dns_settings, owner):
    pages, apis, counts = [], [], []
    for name in ("antivirus.test", "antispam.test"):
        with CaptureQueriesContext(connection) as queries:
            document = json.loads(api(client, name).content)
        counts.append(len(queries))
        apis.append(next(check for check in document["checks"] if check["id"] == "offer"))
        html = client.get("/fr/diagnostic/", {"domain": name}).content.decode()
        pages.append(offer_block(html).replace(name, "DOMAIN"))
    assert apis[0] == apis[1]
    assert apis[0]["status"] == "unknown"
    assert "Connectez-vous pour voir l'état de votre offre e-mail." in apis[0]["detail"]
    assert pages[0] == pages[1]
    assert counts[0] == counts[1]


def test_owner_and_staff_see_the_offer(client, dns_settings, owner, django_user_model):
    client.force_login(owner)
    html = offer_block(client.get("/fr/diagnostic/", {"domain": "antivirus.test"}).content.decode())
    assert french_spacing("Offre : MX Plan 5, en service") in html
    assert "Se connecter" not in html
    page = client.get("/fr/diagnostic/", {"domain": "antispam.test"})
    stranger = offer_block(page.content.decode())
    assert "pas rattaché à votre compte" in stranger
    client.force_login(django_user_model.objects.create_user("agent", is_staff=True))
    document = json.loads(api(client, "antivirus.test").content)
    offer = next(check for check in document["checks"] if check["id"] == "offer")
    assert offer["status"] == "ok"
    assert offer["found"][0].startswith(french_spacing("Offre : MX Plan 5"))


def test_history(client, dns_settings, owner, django_user_model, django_assert_max_num_queries):
    assert client.get("/fr/diagnostic/history/").url.startswith("/fr/accounts/login/")
    client.force_login(owner)
    client.get("/fr/diagnostic/", {"domain": "antivirus.test"})
    client.logout()
    api(client, "secret-domain.test")
    client.force_login(owner)
    with django_assert_max_num_queries(6):
        mine = client.get("/fr/diagnostic/history/").content.decode()
    assert "antivirus.test" in mine
    assert "secret-domain.test" not in mine
    client.force_login(django_user_model.objects.create_user("agent", is_staff=True))
    everything = client.get("/fr/diagnostic/history/").content.decode()
    assert "antivirus.test" in everything and "secret-domain.test" in everything
    assert "marie" in everything and "anonyme" in everything


def test_page_in_english(client, dns_settings):
    response = client.get("/en/diagnostic/", {"domain": "antivirus.test"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_a_domain_too_long_for_some_questions_gets_a_report_not_a_500(client, dns_settings):
    """Valid, but _autodiscover._tcp.<domain> would pass DNS's 255 octets."""
    response = client.get("/diagnostic/api/", {"domain": LONG_DOMAIN})
    assert response.status_code == 200
    [autoconfig] = [check for check in response.json()["checks"] if check["id"] == "autoconfig"]
    assert "dépasse" in autoconfig["detail"] or "dépassent" in autoconfig["detail"]


def test_every_support_role_sees_the_whole_history(client, dns_settings, owner, contributor):
    """A member of a staff role without the admin flag is support staff too: the offer of any
    customer and every report, as the README's table says."""
    assert not contributor.is_staff
    client.force_login(owner)
    client.get("/fr/diagnostic/", {"domain": "antivirus.test"})
    client.force_login(contributor)
    assert "antivirus.test" in client.get("/fr/diagnostic/history/").content.decode()


def test_a_report_unfolds_only_what_needs_attention(client, dns_settings):
    from guides.models import CheckStatus

    html = client.get("/fr/diagnostic/", {"domain": "mixed.test"}).content.decode()
    opened = re.findall(r'id="check-(\w+)">\s*<details class="check-details" open>', html)
    folded = re.findall(r'id="check-(\w+)">\s*<details class="check-details">', html)
    assert "mx" in opened and "domain" in folded
    assert [status.value for status in CheckStatus if status.needs_attention] == [
        "unknown",
        "warning",
        "error",
    ]


def test_values_to_paste_are_code_apart_from_the_sentences_around_them(client, dns_settings):
    html = client.get("/fr/diagnostic/", {"domain": "mixed.test"}).content.decode()
    fix_first = html[html.index('class="fix-first"') : html.index('class="report-meta"')]
    terms = (
        '<span class="term">v=DMARC1;</span><span class="gap"> </span>'
        '<span class="term">p=none;</span><span class="gap"> </span>'
    )
    address = "rua=mailto:postmaster@<wbr>mixed.<wbr>test"
    assert f'{terms}<span class="term">{address}</span></code></span></li>' in fix_first
    assert '<span class="term glued">_dmarc.<wbr>mixed.<wbr>test</span>' in fix_first
    dmarc = html[html.index('id="check-dmarc"') :]
    advice = dmarc[dmarc.index('<p class="advice">') :].split("</p>")[0]
    assert f'<span class="term glued">{address}</span></code>.</span> Votre zone DNS' in advice
