"""What the staff views share: running a workflow action as the signed-in person, and
reading the revision or number a form posted."""

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _

from guides.editorial import workflow
from guides.models import Guide, Revision


def publish_revision(request, *, guide: Guide, revision: Revision, at) -> None:
    published = attempt(request, workflow.publish, guide=guide, revision=revision, at=at)
    if published is None:
        return
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
