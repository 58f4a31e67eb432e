"""Review both ways: an editor approves (publishes) a proposal, asks for changes with a
comment, or rejects it with a reason; the contributor reads the comment on their draft and
is told by e-mail (Django's mail settings: the console in `make run`).

Every step is in the audit log. A proposal with changes requested can still be published by
an editor; a rejected one cannot, and its author writes a new draft from it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from guides.editorial import workflow
from guides.editorial.audit import record
from guides.editorial.permissions import Capability
from guides.models import AuditAction, Guide, Revision, RevisionState


def request_changes(*, guide: Guide, revision: Revision, author, comment: str) -> Revision:
    return _answer(
        guide=guide,
        revision=revision,
        author=author,
        comment=comment,
        state=RevisionState.CHANGES_REQUESTED,
        action=AuditAction.REQUEST_CHANGES,
    )


def reject(*, guide: Guide, revision: Revision, author, comment: str) -> Revision:
    return _answer(
        guide=guide,
        revision=revision,
        author=author,
        comment=comment,
        state=RevisionState.REJECTED,
        action=AuditAction.REJECT,
    )


def notify_submitted(*, guide: Guide, revision: Revision) -> int:
    """Tell the editors a proposal awaits them; how many were written to."""
    permission = Q(
        groups__permissions__codename=Capability.PUBLISH.codename,
    ) | Q(is_superuser=True)
    editors = get_user_model().objects.filter(permission, is_active=True).exclude(email="")
    if revision.author_id:
        editors = editors.exclude(pk=revision.author_id)
    addresses = sorted(set(editors.values_list("email", flat=True)))
    if not addresses:
        return 0
    who = revision.author.get_username() if revision.author else _("un import")
    subject = _("À relire : %(title)s") % {"title": guide.title}
    body = _("%(who)s propose la révision %(number)s de « %(title)s » : %(message)s") % {
        "who": who,
        "number": revision.number,
        "title": guide.title,
        "message": revision.message or _("(sans message)"),
    }
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)


def notify_published(*, guide: Guide, revision: Revision, editor) -> int:
    """Tell a contributor their proposal was approved and published (or scheduled)."""
    return _tell_author(
        revision,
        editor=editor,
        subject=_("Publié : %(title)s") % {"title": guide.title},
        body=_("Votre révision %(number)s de « %(title)s » est approuvée et publiée.")
        % {"number": revision.number, "title": guide.title},
    )


def proposals() -> list[Revision]:
    """The review queue: proposals awaiting an editor, oldest first (who, what, when, why)."""
    return list(_heads(Q(state=RevisionState.SUBMITTED)).order_by("created"))


def awaiting(*, user) -> list[Revision]:
    """What waits for `user`, in one query: for an editor, the proposals to review; for
    anyone, their own proposals that an editor answered with changes to make or a refusal."""
    answered = Q(
        state__in=[RevisionState.CHANGES_REQUESTED, RevisionState.REJECTED], author=user.pk
    )
    if Capability.PUBLISH.allows(user):
        answered |= Q(state=RevisionState.SUBMITTED)
    return list(_heads(answered).order_by("-created"))


def _heads(condition: Q):
    """The guides' latest revisions that meet `condition`."""
    latest = Revision.objects.filter(guide=OuterRef("guide")).order_by("-number").values("number")
    heads = Revision.objects.filter(condition, number=Subquery(latest[:1]))
    return heads.select_related("guide", "author", "reviewer")


def _answer(
    *,
    guide: Guide,
    revision: Revision,
    author,
    comment: str,
    state: RevisionState,
    action: AuditAction,
) -> Revision:
    comment = comment.strip()
    if not comment:
        raise workflow.EditorialError(_("Écrivez un commentaire pour l'auteur."))
    with transaction.atomic():
        head = workflow.head_revision(Guide.objects.select_for_update().get(pk=guide.pk))
        if head is None or head.pk != revision.pk:
            raise workflow.StaleRevision(
                _("Une version plus récente a été enregistrée entre-temps : relisez-la d'abord.")
            )
        if head.state != RevisionState.SUBMITTED:
            raise workflow.StaleRevision(_("Cette version n'attend pas de relecture."))
        head.state, head.review_comment = state, comment
        head.reviewer, head.reviewed_at = author, timezone.now()
        head.save(update_fields=["state", "review_comment", "reviewer", "reviewed_at"])
        detail = _("révision %(number)s : %(comment)s") % {
            "number": head.number,
            "comment": comment,
        }
        record(actor=author, action=action, target=guide, detail=detail)
    _tell_author(
        head,
        editor=author,
        subject=_("%(state)s : %(title)s") % {"state": state.label, "title": guide.title},
        body=_("%(editor)s a relu votre révision %(number)s de « %(title)s » :\n\n%(comment)s")
        % {
            "editor": author.get_username(),
            "number": head.number,
            "title": guide.title,
            "comment": comment,
        },
    )
    return head


def _tell_author(revision: Revision, *, editor, subject: str, body: str) -> int:
    author = revision.author
    if author is None or not author.email or author.pk == getattr(editor, "pk", None):
        return 0
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [author.email])
