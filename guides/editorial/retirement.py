"""Taking a guide off the site without a deploy: unpublish it (it can come back), retire it
(its address leads to a replacement, or answers 410 Gone), or archive it (410, and out of the
staff's working lists).

Each leaves a revision (the text as it was, with why) and a line in the audit log; publishing
that revision, or any later one, puts the guide back online.
"""

from dataclasses import dataclass

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guides.editorial import workflow
from guides.models import AuditAction, Guide, GuideStatus, RevisionState, SlugRedirect


class Withdrawal(models.TextChoices):
    UNPUBLISH = "unpublish", gettext_lazy("Dépublier (le guide peut revenir ; adresse introuvable)")
    RETIRE = "retire", gettext_lazy("Retirer (redirection vers le remplaçant, sinon « 410 »)")
    ARCHIVE = "archive", gettext_lazy("Archiver (« 410 », et hors des listes de travail)")

    @property
    def status(self) -> GuideStatus:
        return {
            Withdrawal.UNPUBLISH: GuideStatus.DRAFT,
            Withdrawal.RETIRE: GuideStatus.RETIRED,
            Withdrawal.ARCHIVE: GuideStatus.ARCHIVED,
        }[self]

    @property
    def audit_action(self) -> AuditAction:
        return AuditAction(self.value)

    @property
    def done_message(self) -> str:
        return {
            Withdrawal.UNPUBLISH: _(
                "Le guide est dépublié : publiez une révision pour le remettre en ligne."
            ),
            Withdrawal.RETIRE: _(
                "Le guide est retiré : son adresse mène à son remplaçant, ou répond « 410 »."
            ),
            Withdrawal.ARCHIVE: _("Le guide est archivé : son adresse répond « 410 »."),
        }[self]

    @property
    def takes_replacement(self) -> bool:
        return self is Withdrawal.RETIRE


def withdraw(
    *,
    guide: Guide,
    how: Withdrawal,
    author,
    replacement: Guide | None = None,
    reason: str = "",
) -> Guide:
    """Take `guide` off the site as `how` says; `replacement` only for a retirement."""
    if replacement is not None and not how.takes_replacement:
        raise workflow.EditorialError(_("Seul un guide retiré redirige vers un remplaçant."))
    if replacement is not None:
        _check_replacement(guide, replacement)
    with transaction.atomic():
        guide = Guide.objects.select_for_update().get(pk=guide.pk)
        if how is Withdrawal.UNPUBLISH and guide.status != GuideStatus.PUBLISHED:
            raise workflow.EditorialError(_("Ce guide n'est pas en ligne."))
        if guide.status == how.status:
            raise workflow.EditorialError(_("Ce guide est déjà dans cet état."))
        head = workflow.head_revision(guide)
        target = _("vers « %(key)s »") % {"key": replacement.key} if replacement else "410"
        summary = {
            Withdrawal.UNPUBLISH: _("Dépublié"),
            Withdrawal.RETIRE: _("Retiré (%(target)s)") % {"target": target},
            Withdrawal.ARCHIVE: _("Archivé (410)"),
        }[how]
        workflow.save_draft(
            guide=guide,
            content=workflow.editable_content(guide, head),
            author=author,
            base_number=workflow.head_number(head),
            message=(_("%(summary)s : %(reason)s") % {"summary": summary, "reason": reason})[:200]
            if reason
            else summary,
            action=how.audit_action,
        )
        guide.revisions.scheduled().update(state=RevisionState.DRAFT, publish_at=None)
        guide.status, guide.replaced_by = how.status, replacement
        if how is Withdrawal.UNPUBLISH:
            guide.published_at = None
        guide.save(update_fields=["status", "replaced_by", "published_at"])
    workflow.forget_next_due()
    return guide


def replacement_choices(guide: Guide) -> models.QuerySet:
    """The guides a retired guide may lead to: online, in its language, not itself."""
    return Guide.objects.published().in_language(guide.language).exclude(pk=guide.pk)


@dataclass(frozen=True)
class Gone:
    """What the public address of a withdrawn guide answers: a redirect, or 410."""

    guide: Guide
    redirect_to: str | None


def withdrawn_page(*, slug: str, language: str) -> Gone | None:
    """For the address of a retired or archived guide (or one of its old addresses), where it
    now leads; None for an address no withdrawn guide ever had."""
    withdrawn = Guide.objects.filter(language=language, status__in=GuideStatus.withdrawn())
    guide = withdrawn.filter(slug=slug).select_related("replaced_by").first()
    if guide is None:
        moved = SlugRedirect.objects.filter(
            language=language, old_slug=slug, guide__in=withdrawn
        ).first()
        guide = moved.guide if moved else None
    if guide is None:
        return None
    replacement = guide.replaced_by
    live = replacement is not None and replacement.is_published
    return Gone(guide=guide, redirect_to=replacement.get_absolute_url() if live else None)


def withdrawn_by_key(*, key: str, language: str) -> Gone | None:
    guide = Guide.objects.filter(
        language=language, key=key, status__in=GuideStatus.withdrawn()
    ).first()
    return withdrawn_page(slug=guide.slug, language=language) if guide else None


def _check_replacement(guide: Guide, replacement: Guide) -> None:
    if not replacement_choices(guide).filter(pk=replacement.pk).exists():
        raise workflow.EditorialError(
            _("Le remplaçant doit être un autre guide en ligne, dans la même langue.")
        )
