"""The editorial actions on a revision: submit, publish or schedule (asking first when the
date is already past), publish a scheduled revision now, unschedule, restore, reviewed.

Thin views: the workflow is in guides.editorial.workflow and .scheduling; each action is a POST
checked against the person's role here.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from guides.editorial import bulk, images, review, scheduling, workflow
from guides.editorial.permissions import Capability, staff_required
from guides.editorial.retirement import Withdrawal, withdraw
from guides.forms.staff import (
    BulkForm,
    ImageForm,
    PublishForm,
    ReviewedForm,
    ReviewForm,
    RevisionForm,
    WithdrawForm,
)
from guides.models import Guide
from guides.views.staff.actions import attempt, back_to, named_revision, publish_revision


@require_POST
@staff_required(Capability.WRITE)
def submit(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    revision = named_revision(request, guide)
    if revision is not None and attempt(
        request, workflow.submit_for_review, guide=guide, revision=revision
    ):
        review.notify_submitted(guide=guide, revision=revision)
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.PUBLISH)
def publish(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    form = PublishForm(request.POST)
    revision = named_revision(request, guide)
    if revision is not None and form.is_valid():
        asked = publish_revision(
            request,
            guide=guide,
            revision=revision,
            at=form.cleaned_data["publish_at"],
            accept_warnings=form.cleaned_data["accept_warnings"],
        )
        if asked is not None:
            return asked
    elif revision is not None:
        messages.error(
            request,
            _("Date de publication invalide : %(errors)s")
            % {"errors": " ".join(form.errors.get("publish_at", []))},
        )
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_GET
@staff_required(Capability.PUBLISH)
def confirm_publish(request, pk):
    """A publication date already past: publish now, choose another date, or go back. Nothing
    is published by this page; its buttons post to `publish`."""
    guide = get_object_or_404(Guide, pk=pk)
    form = PublishForm(request.GET)
    if not form.is_valid():
        return redirect("guides:staff_guide_edit", pk=guide.pk)
    at = form.cleaned_data["publish_at"]
    revision = guide.revisions.filter(number=form.cleaned_data["revision"]).first()
    if revision is None or not scheduling.asks_before_publishing(at=at, now=timezone.now()):
        return redirect("guides:staff_guide_edit", pk=guide.pk)
    return render(
        request,
        "staff/publish_confirm.html",
        {
            "guide": guide,
            "revision": revision,
            "at": at,
            "accept_warnings": form.cleaned_data["accept_warnings"],
            "later_form": PublishForm(
                initial={"revision": revision.number, "publish_at": timezone.localtime(at)}
            ),
        },
    )


@require_POST
@staff_required(Capability.PUBLISH)
def publish_now(request, pk):
    """Put a scheduled revision online now (from the list of scheduled publications)."""
    guide = get_object_or_404(Guide, pk=pk)
    revision = attempt(request, scheduling.publish_now, guide=guide, now=timezone.now())
    if revision is not None:
        messages.success(
            request,
            _("« %(title)s » est en ligne (révision %(number)s).")
            % {"title": guide.title, "number": revision.number},
        )
    return back_to(request, "guides:staff_scheduled")


@require_POST
@staff_required(Capability.PUBLISH)
def unschedule(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    if attempt(request, workflow.unschedule, guide=guide):
        messages.success(
            request,
            _(
                "La publication programmée de « %(title)s » est annulée ; "
                "le texte reste en brouillon."
            )
            % {"title": guide.title},
        )
    return back_to(request, "guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.WRITE)
def restore(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    form = RevisionForm(request.POST)
    revision = named_revision(request, guide)
    if revision is None or not form.is_valid():
        return redirect("guides:staff_history", pk=guide.pk)
    restored = attempt(
        request,
        workflow.restore,
        guide=guide,
        revision=revision,
        base_number=form.cleaned_data["base"] or 0,
    )
    if restored is None:
        return redirect("guides:staff_history", pk=guide.pk)
    messages.success(
        request,
        _("La révision %(old)s revient comme brouillon (révision %(new)s).")
        % {"old": revision.number, "new": restored.number},
    )
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.PUBLISH)
def reviewed(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    form = ReviewedForm(request.POST)
    if form.is_valid():
        workflow.mark_reviewed(
            guide=guide, author=request.user, review_by=form.cleaned_data["review_by"]
        )
        messages.success(
            request, _("« %(title)s » est marqué comme relu.") % {"title": guide.title}
        )
    else:
        messages.error(request, " ".join(form.errors.get("review_by", [])))
    return back_to(request, "guides:staff_review_due")


@require_POST
@staff_required(Capability.PUBLISH)
def withdraw_guide(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    form = WithdrawForm(request.POST, guide=guide)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("guides:staff_guide_edit", pk=guide.pk)
    how = Withdrawal(form.cleaned_data["how"])
    done = attempt(
        request,
        withdraw,
        guide=guide,
        how=how,
        replacement=form.cleaned_data["replacement"],
        reason=form.cleaned_data["reason"],
    )
    if done:
        messages.success(request, how.done_message)
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.PUBLISH)
def answer(request, pk):
    """Ask for changes, or reject; approving is publishing."""
    guide = get_object_or_404(Guide, pk=pk)
    form = ReviewForm(request.POST)
    revision = named_revision(request, guide)
    if revision is None:
        return redirect("guides:staff_guide_edit", pk=guide.pk)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("guides:staff_guide_edit", pk=guide.pk)
    changes = form.cleaned_data["decision"] == ReviewForm.Decision.CHANGES
    done = attempt(
        request,
        review.request_changes if changes else review.reject,
        guide=guide,
        revision=revision,
        comment=form.cleaned_data["comment"],
    )
    if done:
        messages.success(
            request,
            _("Modifications demandées : l'auteur verra votre commentaire.")
            if changes
            else _("Proposition refusée : l'auteur verra votre commentaire."),
        )
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.PUBLISH)
def bulk_action(request):
    form = BulkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return back_to(request, "guides:staff_guides")
    data = form.cleaned_data
    report = bulk.apply(
        action=bulk.BulkAction(data["action"]),
        guides=list(data["guides"]),
        author=request.user,
        today=timezone.localdate(),
        accept_warnings=data["accept_warnings"],
    )
    if report.done:
        messages.success(
            request,
            _("Fait pour %(count)s guide(s) : %(titles)s.")
            % {"count": len(report.done), "titles": ", ".join(g.title for g in report.done)},
        )
    for guide, reason in report.refused:
        messages.error(
            request, _("« %(title)s » : %(reason)s") % {"title": guide.title, "reason": reason}
        )
    return back_to(request, "guides:staff_guides")


@require_POST
@staff_required(Capability.WRITE)
def upload_image(request, pk):
    """Add an image to the library from a guide's editor; its Markdown comes back to insert.
    Through htmx the upload form alone is answered, so the text being written stays as it is;
    without JavaScript the editor comes back with a message."""
    guide = get_object_or_404(Guide, pk=pk)
    form = ImageForm(request.POST, request.FILES)
    image = None
    if form.is_valid():
        try:
            image = images.store_image(
                upload=form.cleaned_data["image"],
                alt=form.cleaned_data["alt"],
                author=request.user,
            )
        except images.ImageRefused as refused:
            form.add_error("image", str(refused))
    if request.htmx:
        return render(
            request,
            "staff/guide_form.html#image_upload",
            {"guide": guide, "image_form": ImageForm() if image else form, "uploaded": image},
        )
    if image:
        messages.success(
            request,
            _("Image enregistrée. Collez %(markdown)s dans le texte.")
            % {"markdown": image.markdown},
        )
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))
    return redirect("guides:staff_guide_edit", pk=guide.pk)
