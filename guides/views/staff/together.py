"""Several people on one guide: the editor's heartbeat (who else has it open, and a revision
saved since the form was opened, with what it changed), the merge a refused save comes back
as, and what the editor's htmx requests answer once the session has expired.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseStopPolling

from guides.editorial import merge, presence, workflow
from guides.editorial.permissions import Capability, staff_required
from guides.editorial.revisions import GuideContent, diff_contents, diff_texts
from guides.forms.staff import GuideEditor, GuideForm
from guides.models import Guide, Revision
from guides.views.staff.actions import int_or


def signed_out_notice(view):
    """For the editor's htmx requests (preview, heartbeat): a signed-out person is told in
    place that the session has expired, rather than handed the sign-in page to swap in.
    Other requests go on to `staff_required`, which sends to the sign-in page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated or not request.htmx:
            return view(request, *args, **kwargs)
        editor_path = request.htmx.current_url_abs_path or reverse("guides:staff_dashboard")
        login_url = redirect_to_login(editor_path).url
        # 286: htmx stops the heartbeat, which would only say it again every 30 seconds.
        return render(
            request,
            "staff/guide_form.html#session_expired",
            {"login_url": login_url},
            status=HttpResponseStopPolling.status_code,
        )

    return wrapped


@require_POST
@signed_out_notice
@staff_required(Capability.WRITE)
def presence_beat(request, pk):
    """The editor's heartbeat: who else has this guide open and since when, and a revision
    saved since the form's `base`, with what it changed. Nothing new since the last beat
    (`shown`): 204, so htmx leaves the region, and what the person opened in it, alone."""
    guide = get_object_or_404(Guide.objects.only("pk", "key"), pk=pk)
    base = int_or(request.POST.get("base"), default=-1)
    context = presence_context(request, guide, head=workflow.head_revision(guide), base=base)
    if request.POST.get("shown") == context["presence_shown"]:
        return HttpResponse(status=204)
    return render(request, "staff/guide_form.html#presence", context)


def presence_context(request, guide: Guide, *, head: Revision | None, base: int) -> dict:
    """Who else has the guide open (this request is a heartbeat too), and the revision saved
    since the form's `base` (-1: unknown) with its difference from the form's starting point
    (revision 1 for a form opened before the guide had any)."""
    present = presence.heartbeat(guide_pk=guide.pk, user=request.user, now=timezone.now())
    newer = head if head is not None and 0 <= base < head.number else None
    start = guide.revisions.filter(number=max(base, 1)).first() if newer else None
    newer_diff = (
        diff_contents(
            GuideContent.of_revision(start), GuideContent.of_revision(newer), key=guide.key
        )
        if start is not None
        else []
    )
    shown = [f"{other.name}@{other.since.isoformat()}" for other in present]
    return {
        "present": present,
        "newer": newer,
        "newer_start": start,
        "newer_diff": newer_diff,
        "presence_shown": "|".join([*shown, str(newer.number if newer else "")]),
    }


def merge_onto(
    *, guide: Guide, editor: GuideEditor, head: Revision, form_options: dict
) -> tuple[GuideEditor, dict]:
    """A save refused for `head`, brought back as the merge: `head` is the new base, with the
    person's changes carried over onto it; what both changed differently is listed (and marked
    in the texts), beside both versions and their difference. Saving the form again saves that
    merge, never the person's text over the other revision. Returns the editor to show and
    what the template's conflict section needs."""
    typed = editor.form.cleaned_data
    start = guide.revisions.filter(number=max(typed["base"], 1)).first()
    theirs, yours = GuideContent.of_revision(head), editor.content()
    merged = merge.merge_contents(
        base=GuideContent.of_revision(start) if start is not None else theirs,
        theirs=theirs,
        yours=yours,
        their_label=_("révision %(number)s de %(author)s")
        % {"number": head.number, "author": head.author or _("un import")},
        your_label=_("votre version"),
    )
    initial = {**typed, **merged.content.revision_fields(), "base": head.number}
    initial.pop("steps")
    form = GuideForm(initial=initial, guide=guide, **form_options)
    their_text, your_text = theirs.as_text(key=guide.key), yours.as_text(key=guide.key)
    conflict = {
        "head": head,
        "theirs": their_text,
        "yours": your_text,
        "diff": diff_texts(their_text, your_text),
        "disagreements": [
            _disagreement(form, item, merged.content) for item in merged.disagreements
        ],
        "marked": [_text_label(form, name) for name in merged.marked],
    }
    return GuideEditor(form=form, steps=merged.content.steps), conflict


def _disagreement(form: GuideForm, item: merge.Disagreement, content: GuideContent) -> dict:
    if item.field == "steps":
        return {"label": _("Étapes"), "steps": True}
    if item.field.startswith("step "):
        number = int(item.field.removeprefix("step "))
        kept = content.steps[number - 1][0]
        label = _("Titre de l'étape %(number)s") % {"number": number}
    else:
        kept, label = getattr(content, item.field), form.fields[item.field].label
    return {"label": label, "kept": kept, "yours": item.yours}


def _text_label(form: GuideForm, name: str) -> str:
    if name.startswith("step "):
        return _("Texte de l'étape %(number)s") % {"number": name.removeprefix("step ")}
    return form.fields[name].label
