"""manage.py add_staff USER --role editor|contributor: give someone a staff role."""

import getpass

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from guides.editorial.audit import record
from guides.editorial.permissions import Role, assign_role
from guides.models import AuditAction

ROLES = {"editor": Role.EDITOR, "contributor": Role.CONTRIBUTOR}


class Command(BaseCommand):
    help = (
        "Put a user in the editors or contributors group (and out of the other). "
        "With --create, create the account first, asking for its password."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)
        parser.add_argument("--create", action="store_true", help="Create the account.")
        parser.add_argument("--email", default="")

    def handle(self, *args, username: str, role: str, create: bool, email: str, **options):
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None and not create:
            raise CommandError(f"no user {username!r}: add --create, or create it in the admin")
        if user is None:
            user = user_model(username=username, email=email)
            user.set_password(self._ask_password(user))
            user.save()
        chosen = ROLES[role]
        try:
            assign_role(user, chosen)
        except LookupError as error:
            raise CommandError(str(error)) from None
        record(actor=None, action=AuditAction.ROLE, target=user, detail=chosen.value)
        self.stdout.write(self.style.SUCCESS(f"{username} is now in {chosen.value}"))

    def _ask_password(self, user) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("the passwords differ")
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password
