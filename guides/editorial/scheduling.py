"""Publication dates: the list of scheduled publications, publishing one of them now, and the
question a date already past asks before it publishes at once.

A scheduled revision goes online through `workflow.publish_due` (the public read path, no
cron); publishing it now brings its date forward to now and lets the same path apply it.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from guides.editorial import workflow
from guides.editorial.audit import record
from guides.models import AuditAction, AuditLog, Guide, Revision


@dataclass(frozen=True)
class ScheduledPublication:
    revision: Revision  # with its guide
    scheduled_by: str  # the name in the audit log ("" when it does not say)
    scheduled_on: datetime.datetime | None


def scheduled_publications() -> list[ScheduledPublication]:
    """Every revision waiting for its publication date, the soonest first, with who scheduled
    it and when (the guide's latest "scheduled" line in the audit log): one query."""
    scheduling = AuditLog.objects.filter(
        content_type__app_label="guides",
        content_type__model="guide",
        object_id=Cast(OuterRef("guide_id"), output_field=CharField()),
        action=AuditAction.SCHEDULE,
    ).order_by("-created", "-pk")
    revisions = (
        Revision.objects.scheduled()
        .select_related("guide")
        .annotate(
            scheduled_by=Subquery(scheduling.values("actor_name")[:1]),
            scheduled_on=Subquery(scheduling.values("created")[:1]),
        )
        .order_by("publish_at", "guide__title", "guide__language")
    )
    return [
        ScheduledPublication(revision, revision.scheduled_by or "", revision.scheduled_on)
        for revision in revisions
    ]


def publish_now(*, guide: Guide, author, now: datetime.datetime) -> Revision:
    """Put the guide's scheduled revision online now rather than at its date. It was checked
    when it was scheduled; its date becomes `now` (an audit line says by whom), and the
    scheduled publication applies it at once."""
    with transaction.atomic():
        revision = guide.revisions.select_for_update().scheduled().first()
        if revision is None:
            raise workflow.EditorialError(_("Aucune publication n'est programmée pour ce guide."))
        revision.publish_at = now
        revision.save(update_fields=["publish_at"])
        record(
            actor=author,
            action=AuditAction.SCHEDULE,
            target=guide,
            detail=_("révision %(number)s : publication avancée à maintenant")
            % {"number": revision.number},
        )
    workflow.forget_next_due()
    workflow.publish_due(now=now)
    return revision


def asks_before_publishing(*, at: datetime.datetime | None, now: datetime.datetime) -> bool:
    """A publication date already past would publish at once, which a date typed wrong did not
    mean: the editor is asked first."""
    return at is not None and at <= now
