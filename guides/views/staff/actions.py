"""What the staff views share: running a workflow action as the signed-in person, reading
the revision or number a form posted, and going back to the page a form came from."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from guides.editorial import checks, review, scheduling, workflow
from guides.editorial.revisions import GuideContent
from guides.forms.staff import DATETIME_LOCAL
from guides.models import Guide, Revision


def publish_revision(
    request, *, guide: Guide, revision: Revision, at, accept_warnings: bool = False
) -> HttpResponseRedirect | None:
    """Publish or schedule, unless the checks before publishing find an error, or warnings the
    editor has not accepted: then each finding is listed, and nothing changes. A date already
    past publishes nothing yet: the answer is then the page that asks before publishing now."""
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
            messages.warning(
                request,
                _("%(where)s : %(message)s") % {"where": finding.where, "message": finding.message},
            )
        return None
    if scheduling.asks_before_publishing(at=at, now=timezone.now()):
        query = {
            "revision": revision.number,
            "publish_at": timezone.localtime(at).strftime(DATETIME_LOCAL),
        }
        if accept_warnings:
            query["accept_warnings"] = "on"
        confirm = reverse("guides:staff_publish_confirm", kwargs={"pk": guide.pk})
        return redirect(f"{confirm}?{urlencode(query)}")
    published = attempt(request, workflow.publish, guide=guide, revision=revision, at=at)
    if published is None:
        return None
    review.notify_published(guide=guide, revision=revision, editor=request.user)
    if at is not None:
        messages.success(
            request,
            _("Publication programmée le %(date)s.")
            % {"date": formats.date_format(timezone.localtime(at), "SHORT_DATETIME_FORMAT")},
        )
    else:
        messages.success(request, _("Le guide est en ligne."))
    return None


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


def back_to(request, fallback: str, **kwargs) -> HttpResponseRedirect:
    """Back to the page the form came from (its `next` field, on this site only), else to the
    URL named `fallback`."""
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(fallback, **kwargs)
