"""Who may do what in the staff area: two roles, as Django groups, and the checks views make.

Editors write, review, publish and schedule; contributors write drafts and submit them for
review. A signed-in customer (no role) gets a 403; an anonymous visitor is sent to sign in.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class Capability(models.TextChoices):
    """What a view needs; each is one Django permission, so the admin can grant it too."""

    WRITE = "guides.add_revision", _("Écrire des brouillons et les proposer à la relecture")
    PUBLISH = "guides.publish_revision", _("Relire, publier et programmer les guides")
    AUDIT = "guides.view_auditlog", _("Consulter le journal des actions")
    REPLIES = "guides.change_knownreply", _("Modifier les réponses SMTP connues")

    @property
    def codename(self) -> str:
        return self.value.partition(".")[2]

    def allows(self, user) -> bool:
        return user.is_authenticated and user.has_perm(self.value)


# Read access the groups also get, so the admin shows members what they work on.
READ_CODENAMES = ("view_guide", "view_revision", "view_vote")


class Role(models.TextChoices):
    EDITOR = "editors", _("Éditeurs")
    CONTRIBUTOR = "contributors", _("Contributeurs")

    @property
    def capabilities(self) -> tuple[Capability, ...]:
        if self is Role.EDITOR:
            return (Capability.WRITE, Capability.PUBLISH, Capability.AUDIT, Capability.REPLIES)
        return (Capability.WRITE,)

    @property
    def codenames(self) -> list[str]:
        return [capability.codename for capability in self.capabilities] + list(READ_CODENAMES)


def setup_groups(*, apps) -> None:
    """Create or refresh the two groups with their permissions. Called by the data migration
    (with historical models) and by `add_staff`; the permissions must already exist."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role in Role:
        group, _created = group_model.objects.get_or_create(name=role.value)
        group.permissions.set(
            permission_model.objects.filter(
                content_type__app_label="guides", codename__in=role.codenames
            )
        )


def assign_role(user, role: Role) -> None:
    """Put `user` in the group of `role` and out of the other; the groups come from a migration."""
    from django.contrib.auth.models import Group

    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    if role.value not in groups:
        raise LookupError("the staff groups are missing: run manage.py migrate")
    user.groups.remove(*groups.values())
    user.groups.add(groups[role.value])


def role_of(user) -> Role | None:
    """The strongest role a user has (a superuser counts as an editor)."""
    if Capability.PUBLISH.allows(user):
        return Role.EDITOR
    if Capability.WRITE.allows(user):
        return Role.CONTRIBUTOR
    return None


def is_support_staff(user) -> bool:
    """Support staff: the admin's users and the members of either role. They see every
    customer's offer in the diagnostic and every report in its history."""
    return user.is_authenticated and (user.is_staff or role_of(user) is not None)


def staff_required(capability: Capability) -> Callable:
    """Anonymous visitors go to the sign-in page; signed-in users without `capability`, 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not capability.allows(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
