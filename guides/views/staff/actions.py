"""What the staff views share: running a workflow action as the signed-in person, and
reading the revision or number a form posted."""

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _

from guides.editorial import checks, review, workflow
from guides.editorial.revisions import GuideContent
from guides.models import Guide, Revision


def publish_revision(
    request, *, guide: Guide, revision: Revision, at, accept_warnings: bool = False
) -> None:
    """Publish or schedule, unless the checks before publishing find an error, or warnings the
    editor has not accepted: then each finding is listed, and nothing changes."""
    findings = checks.check_guide(
        content=GuideContent.of_revision(revision), language=guide.language, key=guide.key
    )
    if refused := checks.errors(findings) or ([] if accept_warnings else findings):
        intro = (
            _("Publication refusée : corrigez d'abord ces erreurs.")
            if checks.errors(findings)
            else _(
                "Publication suspendue : lisez ces avertissements, puis cochez « Publier "
                "malgré les avertissements » si vous les acceptez."
            )
        )
        messages.error(request, intro)
        for finding in refused:
            messages.warning(request, f"{finding.where}\u00a0: {finding.message}")
        return
    published = attempt(request, workflow.publish, guide=guide, revision=revision, at=at)
    if published is None:
        return
    review.notify_published(guide=guide, revision=revision, editor=request.user)
    if at is not None and at > timezone.now():
        messages.success(
            request,
            _("Publication programmée le %(date)s.")
            % {"date": timezone.localtime(at).strftime("%d/%m/%Y %H:%M")},
        )
    else:
        messages.success(request, _("Le guide est en ligne."))


def attempt(request, action, **kwargs):
    """Run an editorial action as the signed-in person: its result (True if it has none), or
    None when it was refused, the reason then shown as a message."""
    try:
        return action(author=request.user, **kwargs) or True
    except workflow.EditorialError as error:
        messages.error(request, str(error))
        return None


def named_revision(request, guide: Guide) -> Revision | None:
    number = int_or(request.POST.get("revision"), default=0)
    revision = guide.revisions.filter(number=number).first()
    if revision is None:
        messages.error(request, _("Cette révision n'existe pas pour ce guide."))
    return revision


def int_or(value, *, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
