"""`manage.py load_demo`: demo customers, domains and subscriptions in every state, and a
maintenance entry, so the diagnostic's offer check has something to show. Safe to run again
(`make run` does, every time). Only with DEBUG on does it create accounts that can sign in —
a staff member and a customer — with fresh passwords printed here; with DEBUG off, those
accounts (if an earlier run made them) are locked."""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from guides.editorial.permissions import Role, assign_role
from guides.models import (
    Customer,
    Domain,
    Maintenance,
    MaintenanceKind,
    MaintenanceStatus,
    Offer,
    Subscription,
    SubscriptionStatus,
)

STAFF_USERNAME = "demo-staff"
CUSTOMER_USERNAME = "demo-client"
STAFF_MODELS = ["customer", "domain", "subscription", "maintenance"]


@dataclass(frozen=True)
class DemoSubscription:
    """Dates are days from today; the state is written with OVH's API name."""

    offer: str
    api_state: str
    started: int
    expires: int
    hosting_plan: str = ""
    hosting_expires: int | None = None


@dataclass(frozen=True)
class DemoDomain:
    name: str
    registration_expires: int
    subscription: DemoSubscription


DEMO = {
    (CUSTOMER_USERNAME, "Boulangerie Martin"): [
        DemoDomain(
            "boulangerie-martin.example", 320, DemoSubscription("mxplan-5", "ok", -400, 330)
        ),
        DemoDomain(
            "patisserie-martin.example",
            200,
            DemoSubscription("perso2014", "ok", -700, 30, "perso2014", -10),
        ),
    ],
    ("demo-durand", "Cabinet Durand"): [
        DemoDomain(
            "cabinet-durand.example", 15, DemoSubscription("mxplan-25", "pendingDebt", -380, 20)
        ),
    ],
    ("demo-petit", "Atelier Petit"): [
        DemoDomain(
            "atelier-petit.example", 365, DemoSubscription("mxplan-100", "inCreation", 0, 365)
        ),
        DemoDomain(
            "petit-creations.example", 90, DemoSubscription("mxplan-5", "expired", -400, -5)
        ),
    ],
}
MAINTENANCE_TITLE = "Mise à jour des serveurs de messagerie"


class Command(BaseCommand):
    help = "Load demo customers, domains, subscriptions and a maintenance entry (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        today = timezone.localdate()
        offers = {offer.slug: offer for offer in Offer.objects.all()}
        for (username, name), domains in DEMO.items():
            customer = self.customer(username=username, name=name)
            for demo in domains:
                self.domain(customer=customer, demo=demo, offers=offers, today=today)
        self.maintenance()
        if settings.DEBUG:
            self.accounts()
        else:
            for user in get_user_model().objects.filter(
                username__in=[STAFF_USERNAME, CUSTOMER_USERNAME]
            ):
                user.set_unusable_password()
                user.save(update_fields=["password"])
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

    def customer(self, *, username: str, name: str) -> Customer:
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        customer, _created = Customer.objects.update_or_create(user=user, defaults={"name": name})
        return customer

    def domain(self, *, customer: Customer, demo: DemoDomain, offers: dict, today) -> None:
        def day(offset: int | None) -> datetime.date | None:
            return None if offset is None else today + datetime.timedelta(days=offset)

        domain, _created = Domain.objects.update_or_create(
            name=demo.name,
            defaults={
                "customer": customer,
                "registration_expires_on": day(demo.registration_expires),
            },
        )
        plan = demo.subscription
        Subscription.objects.update_or_create(
            domain=domain,
            offer=offers[plan.offer],
            defaults={
                "status": SubscriptionStatus.from_api(plan.api_state),
                "started_on": day(plan.started),
                "expires_on": day(plan.expires),
                "hosting_plan": offers.get(plan.hosting_plan),
                "hosting_expires_on": day(plan.hosting_expires),
            },
        )

    def maintenance(self) -> None:
        starts = (timezone.now() + datetime.timedelta(days=3)).replace(
            hour=22, minute=0, second=0, microsecond=0
        )
        Maintenance.objects.get_or_create(
            title=MAINTENANCE_TITLE,
            defaults={
                "title_en": "Mail servers update",
                "description": (
                    "Les serveurs de messagerie sont mis à jour pendant la nuit : l'envoi et la "
                    "réception peuvent être ralentis pendant une heure."
                ),
                "description_en": (
                    "The mail servers are updated overnight: sending and receiving may be slow "
                    "for an hour."
                ),
                "kind": MaintenanceKind.WORKS,
                "status": MaintenanceStatus.PLANNED,
                "starts_at": starts,
                "expected_end": starts + datetime.timedelta(hours=1),
            },
        )

    def accounts(self) -> None:
        """Give the demo staff member and customer a new password each run, and print them."""
        users = get_user_model().objects
        staff, _created = users.get_or_create(username=STAFF_USERNAME)
        staff.is_staff = True
        staff.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label="guides", content_type__model__in=STAFF_MODELS
            )
            | Permission.objects.filter(codename="view_diagnosticlog")
        )
        assign_role(staff, Role.EDITOR)
        self.stdout.write("Demo accounts (DEBUG only), sign in at /fr/accounts/login/:")
        for user, role in ((staff, "staff"), (users.get(username=CUSTOMER_USERNAME), "customer")):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            self.stdout.write(f"  {role}: {user.username} / {password}")
