"""One function that every staff action calls, so the audit log misses none of them."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from guides.models import AuditAction, AuditLog


def record(
    *, actor, action: AuditAction, target: models.Model | None = None, detail: str = ""
) -> AuditLog:
    """`actor` is a user, or None for a command run by an operator."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditLog.objects.create(
        actor=user,
        actor_name=user.get_username() if user else "",
        action=action,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=str(target.pk) if target is not None else "",
        object_repr=str(target)[:200] if target is not None else "",
        detail=detail[:300],
    )
