"""The offer check (who may see it, what it says) and the maintenance check."""

import datetime

import pytest
from django.utils import timezone

from guides.content.typography import french_spacing
from guides.diagnostics.checks.findings import Viewer
from guides.diagnostics.checks.maintenance import maintenance_check
from guides.diagnostics.checks.offer import offer_check
from guides.editorial.permissions import Role, assign_role
from guides.models import (
    CheckStatus,
    Customer,
    Domain,
    Maintenance,
    MaintenanceKind,
    MaintenanceStatus,
    Offer,
    Subscription,
    SubscriptionStatus,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 15)


def days(count):
    return TODAY + datetime.timedelta(days=count)


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("marie", password="x")


@pytest.fixture
def domain(owner):
    customer = Customer.objects.create(user=owner, name="Boulangerie Martin")
    return Domain.objects.create(
        name="antivirus.test", customer=customer, registration_expires_on=days(300)
    )


def subscribe(domain, **fields):
    values = {
        "offer": Offer.objects.get(slug="mxplan-5"),
        "status": SubscriptionStatus.OK,
        "started_on": days(-100),
        "expires_on": days(200),
    } | fields
    return Subscription.objects.create(domain=domain, **values)


def test_anonymous_readers_get_the_same_answer_for_any_domain(domain, django_assert_num_queries):
    subscribe(domain)
    with django_assert_num_queries(0):
        customer = offer_check(domain="antivirus.test", viewer=Viewer(), today=TODAY)
        stranger = offer_check(domain="nobody.test", viewer=Viewer(), today=TODAY)
    assert customer == stranger
    assert customer.status == CheckStatus.UNKNOWN
    assert customer.needs_sign_in
    assert "Connectez-vous pour voir l'état de votre offre" in customer.detail
    assert customer.found == ()


def test_other_customers_learn_nothing(domain, django_user_model, django_assert_num_queries):
    subscribe(domain)
    other = django_user_model.objects.create_user("paul")
    Customer.objects.create(user=other, name="Paul")
    viewer = Viewer.of(other)
    with django_assert_num_queries(1):
        customer = offer_check(domain="antivirus.test", viewer=viewer, today=TODAY)
    with django_assert_num_queries(1):
        stranger = offer_check(domain="nobody.test", viewer=viewer, today=TODAY)
    assert customer == stranger
    assert customer.needs_sign_in and "pas rattaché à votre compte" in customer.detail


def test_the_owner_sees_the_offer(domain, owner):
    subscribe(domain)
    result = offer_check(domain="antivirus.test", viewer=Viewer.of(owner), today=TODAY)
    assert result.status == CheckStatus.OK
    assert not result.needs_sign_in
    assert result.found[0].startswith(french_spacing("Offre : MX Plan 5, en service"))
    assert any(french_spacing("Le nom de domaine : jusqu'au") in line for line in result.found)


def test_staff_see_any_domain(domain, django_user_model):
    subscribe(domain, status=SubscriptionStatus.SUSPENDED)
    staff = Viewer.of(django_user_model.objects.create_user("agent", is_staff=True))
    assert offer_check(domain="antivirus.test", viewer=staff, today=TODAY).status == "error"
    unknown = offer_check(domain="nobody.test", viewer=staff, today=TODAY)
    assert (unknown.status, unknown.needs_sign_in) == (CheckStatus.INFO, False)
    assert "aucun client" in unknown.detail


@pytest.mark.parametrize("role", list(Role))
def test_support_staff_of_the_staff_area_see_the_offer(domain, django_user_model, role):
    subscribe(domain, status=SubscriptionStatus.SUSPENDED)
    agent = django_user_model.objects.create_user("agent")
    assign_role(agent, role)
    result = offer_check(domain="antivirus.test", viewer=Viewer.of(agent), today=TODAY)
    assert (result.status, result.needs_sign_in) == ("error", False)


@pytest.mark.parametrize(
    ("fields", "registration", "status", "words"),
    [
        ({}, 300, "ok", "sont actifs"),
        ({"status": SubscriptionStatus.EXPIRED}, 300, "error", "a expiré"),
        ({"status": SubscriptionStatus.SUSPENDED}, 300, "error", "impayée"),
        ({"status": SubscriptionStatus.IN_CREATION}, 300, "warning", "en cours de création"),
        ({"expires_on": days(-2)}, 300, "error", "L'offre e-mail a expiré"),
        ({"expires_on": days(10)}, 300, "warning", "L'offre e-mail expire le"),
        (
            {
                "offer_slug": "perso2014",
                "hosting_slug": "perso2014",
                "hosting_expires_on": days(-10),
            },
            300,
            "error",
            "L'hébergement qui inclut vos e-mails a expiré",
        ),
        ({}, -1, "error", "Le nom de domaine a expiré"),
        ({}, 20, "warning", "Le nom de domaine expire le"),
    ],
)
def test_offer_states(domain, owner, fields, registration, status, words):
    if "offer_slug" in fields:
        fields["offer"] = Offer.objects.get(slug=fields.pop("offer_slug"))
        fields["hosting_plan"] = Offer.objects.get(slug=fields.pop("hosting_slug"))
    subscribe(domain, **fields)
    domain.registration_expires_on = days(registration)
    domain.save()
    result = offer_check(domain="antivirus.test", viewer=Viewer.of(owner), today=TODAY)
    assert result.status == status
    assert words in result.detail


def test_latest_subscription_counts(domain, owner):
    subscribe(
        domain, status=SubscriptionStatus.EXPIRED, started_on=days(-800), expires_on=days(-400)
    )
    subscribe(domain, started_on=days(-399))
    assert offer_check(domain="antivirus.test", viewer=Viewer.of(owner), today=TODAY).status == "ok"


def test_no_subscription_is_a_warning(domain, owner):
    result = offer_check(domain="antivirus.test", viewer=Viewer.of(owner), today=TODAY)
    assert result.status == CheckStatus.WARNING


@pytest.mark.parametrize(
    ("state", "ours"),
    [
        ("ok", SubscriptionStatus.OK),
        ("expired", SubscriptionStatus.EXPIRED),
        ("pendingDebt", SubscriptionStatus.SUSPENDED),
        ("unPaid", SubscriptionStatus.SUSPENDED),
        ("inCreation", SubscriptionStatus.IN_CREATION),
    ],
)
def test_ovh_api_states(state, ours):
    assert SubscriptionStatus.from_api(state) is ours


def test_domain_names_are_stored_in_ascii(domain):
    domain.name = "Café.TEST"
    domain.full_clean()
    assert (domain.name, domain.display_name) == ("xn--caf-dma.test", "café.test")


def maintenance(**fields):
    now = timezone.now()
    values = {
        "title": "Travaux",
        "starts_at": now - datetime.timedelta(hours=1),
        "expected_end": now + datetime.timedelta(hours=1),
        "status": MaintenanceStatus.IN_PROGRESS,
    } | fields
    return Maintenance.objects.create(**values)


@pytest.mark.parametrize(
    ("fields", "status", "listed"),
    [
        ({}, "warning", True),
        ({"kind": MaintenanceKind.INCIDENT, "title": "Panne"}, "error", True),
        ({"status": MaintenanceStatus.PLANNED}, "warning", True),  # planned, already started
        (
            {
                "status": MaintenanceStatus.PLANNED,
                "starts_at": timezone.now() + datetime.timedelta(days=2),
            },
            "ok",
            True,
        ),
        ({"status": MaintenanceStatus.RESOLVED}, "ok", False),
        ({"affects_mail": False}, "ok", False),
    ],
)
def test_maintenance(fields, status, listed):
    maintenance(**fields)
    result = maintenance_check(maintenances=list(Maintenance.objects.open()))
    assert result.status == status
    assert bool(result.found) is listed


def test_maintenance_in_english_uses_the_english_title():
    from django.utils import translation

    maintenance(title="Travaux", title_en="Works")
    with translation.override("en"):
        result = maintenance_check(maintenances=list(Maintenance.objects.open()))
    assert result.found[0].startswith("Works (")
