"""`manage.py diagnose` and `manage.py load_demo`."""

import json
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from guides.content.typography import french_spacing
from guides.models import Customer, DiagnosticLog, Domain, Maintenance, Subscription

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_diagnose_prints_the_report(dns_settings):
    text = run("diagnose", "contact@nullmx.test")
    assert text.startswith("nullmx.test (nullmx.test) · Problème")
    assert "[Problème] Enregistrements MX (réception des e-mails)" in text
    assert french_spacing("    Trouvé : 0 .") in text
    assert "nullmx.test. IN MX 1 mx0.mail.ovh.net." in text
    assert DiagnosticLog.objects.get().source == "command"


def test_diagnose_in_english_has_no_french_label(dns_settings):
    text = run("diagnose", "spf-typo.test", "--language", "en")
    assert "What to do:" in text
    assert "Found:" in text
    assert "Expected:" in text
    assert "Your SPF is invalid: “inlcude:mx.ovh.com” is not an SPF mechanism" in text
    for french in ("Que faire", "Trouvé", "Attendu", " :"):
        assert french not in text


def test_diagnose_keeps_its_exit_codes_on_a_very_long_domain(dns_settings):
    from tests.dns.zones import LONG_DOMAIN

    assert "(" in run("diagnose", LONG_DOMAIN)  # a report, exit status 0
    with pytest.raises(CommandError):
        run("diagnose", LONG_DOMAIN + ".x" * 20)  # over 253 characters: exit status 2


def test_diagnose_json_is_the_api_document(dns_settings):
    document = json.loads(run("diagnose", "café.test", "--json", "--language", "en"))
    assert (document["domain"], document["display_domain"], document["language"]) == (
        "xn--caf-dma.test",
        "café.test",
        "en",
    )
    assert document["mx"]["protection"] == "antispam_antivirus"


def test_diagnose_shows_operators_the_offer(dns_settings, django_user_model):
    customer = Customer.objects.create(
        user=django_user_model.objects.create_user("marie"), name="Marie"
    )
    Domain.objects.create(name="antivirus.test", customer=customer)
    document = json.loads(run("diagnose", "antivirus.test", "--json"))
    offer = next(check for check in document["checks"] if check["id"] == "offer")
    assert "Aucune offre e-mail" in offer["detail"]


def test_diagnose_exit_status(dns_settings):
    run("diagnose", "drop.test")  # nothing answers: still a report, exit status 0
    with pytest.raises(CommandError) as raised:
        run("diagnose", "not a domain")
    assert raised.value.returncode == 2
    assert "espace" in str(raised.value)


def test_load_demo_is_idempotent_and_has_no_accounts_without_debug(settings):
    settings.DEBUG = False
    first = run("load_demo")
    run("load_demo")
    assert "demo-staff" not in first
    assert (Customer.objects.count(), Domain.objects.count()) == (3, 5)
    assert Subscription.objects.count() == 5
    assert Maintenance.objects.count() == 1
    states = set(Subscription.objects.values_list("status", flat=True))
    assert states == {"ok", "suspended", "in_creation", "expired"}
    assert not any(customer.user.has_usable_password() for customer in Customer.objects.all())


def test_load_demo_with_debug_prints_working_accounts(settings, rf):
    sign_in = rf.post("/fr/accounts/login/")  # sign-in throttling needs the request
    settings.DEBUG = True
    run("load_demo")
    output = run("load_demo")
    accounts = dict(
        line.split(": ", 1)[1].split(" / ") for line in output.splitlines() if " / " in line
    )
    assert set(accounts) == {"demo-staff", "demo-client"}
    staff = authenticate(sign_in, username="demo-staff", password=accounts["demo-staff"])
    assert staff is not None and staff.is_staff
    assert staff.has_perm("guides.change_subscription")
    assert staff.has_perm("guides.publish_revision"), "the demo staff member can use the staff area"
    customer = authenticate(sign_in, username="demo-client", password=accounts["demo-client"])
    assert customer.customer.domains.count() == 2
    settings.DEBUG = False
    run("load_demo")
    assert authenticate(sign_in, username="demo-client", password=accounts["demo-client"]) is None
