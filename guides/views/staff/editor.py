"""The guide editor: new guide, edit, live preview, presence and the revision history.

Every save is a POST with its CSRF token, checked against the person's role; adding a step
and previewing keep everything typed and save nothing, so they work without JavaScript too.
A save refused because someone saved first comes back as a merge onto their version; a save
that finds the session expired keeps its text for after signing in (`unsent`).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from guides.content.markdown import render_markdown
from guides.content.placeholders import catalogue_values
from guides.content.widgets import widget_context
from guides.editorial import (
    checks,
    review,
    staff_lists,
    translation_sync,
    workflow,
)
from guides.editorial.permissions import Capability, staff_required
from guides.editorial.revisions import GuideContent, diff_contents
from guides.forms.staff import (
    CompareForm,
    GuideEditor,
    GuideForm,
    ImageForm,
    NewGuideForm,
    PublishForm,
    ReviewForm,
    WithdrawForm,
)
from guides.models import Guide, GuideImage, MailClient, Revision, Step, Widget
from guides.views.staff import together, unsent
from guides.views.staff.actions import int_or, publish_revision


class EditorAction(models.TextChoices):
    """The editor's buttons. Adding a step and previewing keep everything typed and save
    nothing, so they work without JavaScript too."""

    SAVE = "save", gettext_lazy("Enregistrer le brouillon")
    SUBMIT = "submit", gettext_lazy("Enregistrer et proposer à la relecture")
    PUBLISH = "publish", gettext_lazy("Enregistrer et publier")
    PREVIEW = "preview", gettext_lazy("Mettre à jour l'aperçu")
    ADD_STEP = "add_step", gettext_lazy("Ajouter une étape")

    @property
    def saves(self) -> bool:
        return self in (EditorAction.SAVE, EditorAction.SUBMIT, EditorAction.PUBLISH)

    @property
    def capability(self) -> Capability:
        return Capability.PUBLISH if self is EditorAction.PUBLISH else Capability.WRITE


@require_http_methods(["GET", "POST"])
@unsent.keeps_text_when_signed_out
@staff_required(Capability.WRITE)
def guide_new(request):
    source = _source_guide(request)
    if request.method == "GET" and (kept := unsent.take(request)) is not None:
        language = kept.get("language") or _other_language(source)
        form = NewGuideForm(kept, **_form_options(request, language), source=source)
        return _render_editor(request, GuideEditor(kept, form=form), source=source, recovered=True)
    language = request.POST.get("language") or _other_language(source)
    if request.method == "GET":
        initial = {"language": language, "order": 0, "category": "reference"}
        steps: tuple = ()
        if source is not None:
            content = workflow.editable_content(source, workflow.head_revision(source))
            initial |= {**content.revision_fields(), "key": source.key}
            initial.pop("steps")
            steps = content.steps
        form = NewGuideForm(initial=initial, **_form_options(request, language), source=source)
        return _render_editor(request, GuideEditor(form=form, steps=steps), source=source)
    form = NewGuideForm(request.POST, **_form_options(request, language), source=source)
    editor = GuideEditor(request.POST, form=form)
    action = _action(request)
    if action is None:
        return HttpResponseBadRequest()
    if not action.capability.allows(request.user):
        raise PermissionDenied
    if action is EditorAction.ADD_STEP:
        return _render_editor(request, GuideEditor(_with_step(request), form=form), source=source)
    if not action.saves or not editor.is_valid():
        return _render_editor(request, editor, source=source)
    data = form.cleaned_data
    from_source = source is not None and source.language == workflow.SOURCE_LANGUAGE
    guide = workflow.create_guide(
        language=data["language"],
        key=data["key"],
        content=editor.content(),
        author=request.user,
        message=data["message"],
        review_by=data["review_by"],
        translated_from=source.updated_at if from_source else None,
        submit=action is EditorAction.SUBMIT,
    )
    if action is EditorAction.PUBLISH:
        revision = workflow.head_revision(guide)
        if asked := publish_revision(
            request,
            guide=guide,
            revision=revision,
            at=data.get("publish_at"),
            accept_warnings=data.get("accept_warnings", False),
        ):
            return asked
    else:
        messages.success(request, _("Le guide est créé, comme brouillon."))
    if action is EditorAction.SUBMIT:
        review.notify_submitted(guide=guide, revision=workflow.head_revision(guide))
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_http_methods(["GET", "POST"])
@unsent.keeps_text_when_signed_out
@staff_required(Capability.WRITE)
def guide_edit(request, pk):
    guide = get_object_or_404(Guide.objects.select_related("category", "client"), pk=pk)
    head = workflow.head_revision(guide)
    if request.method == "GET" and (kept := unsent.take(request)) is not None:
        editor = GuideEditor(kept, form=GuideForm(kept, **_editing(request, guide)))
        return _render_editor(request, editor, guide=guide, head=head, recovered=True)
    if request.method == "GET":
        content = workflow.editable_content(guide, head)
        initial = {
            **content.revision_fields(),
            "review_by": guide.review_by,
            "base": workflow.head_number(head),
        }
        form = GuideForm(initial=initial, **_form_options(request, guide.language), guide=guide)
        editor = GuideEditor(form=form, steps=content.steps)
        return _render_editor(request, editor, guide=guide, head=head)
    action = _action(request)
    if action is None:
        return HttpResponseBadRequest()
    if not action.capability.allows(request.user):
        raise PermissionDenied
    form = GuideForm(request.POST, **_editing(request, guide))
    if action is EditorAction.ADD_STEP:
        editor = GuideEditor(_with_step(request), form=form)
        return _render_editor(request, editor, guide=guide, head=head)
    editor = GuideEditor(request.POST, form=form)
    if not action.saves or not editor.is_valid():
        return _render_editor(request, editor, guide=guide, head=head)
    data = form.cleaned_data
    try:
        revision = workflow.save_draft(
            guide=guide,
            content=editor.content(),
            author=request.user,
            base_number=data["base"],
            message=data["message"],
            submit=action is EditorAction.SUBMIT,
            translated_from=_source_date(guide) if data.get("from_source") else None,
        )
    except workflow.EditConflict as conflict:
        return _render_conflict(request, guide=guide, editor=editor, head=conflict.head)
    if data["review_by"] != guide.review_by:
        workflow.mark_reviewed(guide=guide, author=request.user, review_by=data["review_by"])
    if action is EditorAction.PUBLISH:
        if asked := publish_revision(
            request,
            guide=guide,
            revision=revision,
            at=data.get("publish_at"),
            accept_warnings=data.get("accept_warnings", False),
        ):
            return asked
    else:
        messages.success(
            request, _("Révision %(number)s enregistrée.") % {"number": revision.number}
        )
    if action is EditorAction.SUBMIT:
        review.notify_submitted(guide=guide, revision=revision)
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@together.signed_out_notice
@staff_required(Capability.WRITE)
def preview(request):
    """The live preview: the text as typed, rendered exactly as the public page will show it."""
    language = request.POST.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else get_language()
    editor = GuideEditor(request.POST, form=GuideForm(request.POST, language=language))
    return render(
        request,
        "staff/guide_form.html#preview",
        _preview_context(
            editor.draft_content(), language=language, key=request.POST.get("key", "")
        ),
    )


@require_GET
@vary_on_headers("HX-Request")
@staff_required(Capability.WRITE)
def history(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    revisions = list(guide.revisions.select_related("author").newest_first())
    by_number = {revision.number: revision for revision in revisions}
    numbers = list(by_number)
    compare = CompareForm(request.GET or None, numbers=numbers)
    old = new = None
    if compare.is_bound and compare.is_valid():
        old, new = by_number[compare.cleaned_data["old"]], by_number[compare.cleaned_data["new"]]
    elif not compare.is_bound and len(revisions) >= 2:
        old, new = revisions[1], revisions[0]
        compare = CompareForm(initial={"old": old.number, "new": new.number}, numbers=numbers)
    diff = None
    if old is not None and new is not None:
        diff = diff_contents(
            GuideContent.of_revision(old), GuideContent.of_revision(new), key=guide.key
        )
    context = {
        "guide": guide,
        "revisions": revisions,
        "head": revisions[0] if revisions else None,
        "compare": compare,
        "old": old,
        "new": new,
        "diff": diff,
    }
    template = "staff/history.html#diff" if request.htmx else "staff/history.html"
    return render(request, template, context)


def _render_editor(
    request,
    editor: GuideEditor,
    *,
    guide=None,
    head=None,
    source=None,
    recovered: bool = False,
    **extra,
):
    """The editor page. `unsaved`: the form holds text the server has not saved (a POST that
    saved nothing, or text kept from an expired session), which publishing the saved revision
    would leave out."""
    status = extra.pop("status", 200)
    language = guide.language if guide is not None else editor.form.language
    key = guide.key if guide is not None else editor.form["key"].value() or ""
    context = {
        "guide": guide,
        "source": source,
        "editor": editor,
        "form": editor.form,
        "steps": editor.steps,
        "head": head,
        "actions": EditorAction,
        "language": language,
        **_preview_context(editor.draft_content(), language=language, key=key),
        "placeholders": checks.valid_placeholders(language=language),
        "guide_keys": checks.guide_keys(language=language),
        "library": GuideImage.objects.all()[:30],
        "recovered": recovered,
        "unsaved": request.method == "POST" or recovered,
        **extra,
    }
    if guide is not None:
        context |= {
            "publish_form": PublishForm(initial={"revision": head.number}) if head else None,
            "withdraw_form": WithdrawForm(guide=guide),
            "review_form": ReviewForm(initial={"revision": head.number}) if head else None,
            "scheduled": guide.revisions.scheduled().first(),
            "translations": staff_lists.translation_overview(key=guide.key),
            "source_date": _source_date(guide),
            "source_changes": _source_changes(guide, head),
            "image_form": ImageForm(),
            **together.presence_context(
                request, guide, head=head, base=int_or(editor.form["base"].value(), default=-1)
            ),
        }
    return render(request, "staff/guide_form.html", context, status=status)


def _render_conflict(request, *, guide: Guide, editor: GuideEditor, head: Revision):
    """Refuse the save, and bring the form back as the merge onto the other revision."""
    merged, conflict = together.merge_onto(
        guide=guide, editor=editor, head=head, form_options=_form_options(request, guide.language)
    )
    return _render_editor(request, merged, guide=guide, head=head, status=409, conflict=conflict)


def _preview_context(content: GuideContent, *, language: str, key: str) -> dict:
    """What templates/guides/content/_guide_article.html needs, built from unsaved text, and
    what the checks before publishing find in it."""
    guide = Guide(language=language, title=content.title, summary=content.summary)
    guide.body_html = render_markdown(content.body, language=language)
    if content.client:
        guide.client = MailClient.objects.filter(slug=content.client).first()
    steps = [
        Step(order=index, title=title, body_html=render_markdown(body, language=language))
        for index, (title, body) in enumerate(content.steps, start=1)
    ]
    widget = Widget(content.widget) if content.widget else None
    return {
        "preview_guide": guide,
        "preview_steps": steps,
        "values": catalogue_values(language=language),
        "findings": checks.check_guide(content=content, language=language, key=key),
        "widget": widget,
        **(widget_context(widget=widget, language=language) if widget else {}),
    }


def _form_options(request, language: str) -> dict:
    return {"language": language, "can_publish": Capability.PUBLISH.allows(request.user)}


def _editing(request, guide: Guide) -> dict:
    """The options of a posted editor form for `guide` (a field only editors may change keeps
    the guide's value)."""
    return _form_options(request, guide.language) | {
        "guide": guide,
        "initial": {"review_by": guide.review_by},
    }


def _action(request) -> EditorAction | None:
    try:
        return EditorAction(request.POST.get("action", EditorAction.SAVE))
    except ValueError:
        return None


def _with_step(request):
    """The posted data with one more (empty) step form."""
    data = request.POST.copy()
    data["steps-TOTAL_FORMS"] = str(int_or(data.get("steps-TOTAL_FORMS"), default=0) + 1)
    return data


def _source_guide(request) -> Guide | None:
    pk = int_or(request.GET.get("from") or request.POST.get("from"), default=0)
    return Guide.objects.filter(pk=pk).first() if pk else None


def _other_language(source: Guide | None) -> str:
    if source is None:
        return workflow.SOURCE_LANGUAGE
    taken = set(Guide.objects.filter(key=source.key).values_list("language", flat=True))
    free = [code for code, _name in settings.LANGUAGES if code not in taken]
    return free[0] if free else source.language


def _source_changes(guide: Guide, head: Revision | None) -> translation_sync.SourceChanges | None:
    """For a translation: what changed in the French since it was made."""
    if guide.language == workflow.SOURCE_LANGUAGE:
        return None
    source = Guide.objects.filter(key=guide.key, language=workflow.SOURCE_LANGUAGE).first()
    if source is None:
        return None
    made_from = head.source_updated_at if head is not None else guide.updated_at
    return translation_sync.source_changes(source=source, made_from=made_from)


def _source_date(guide: Guide):
    """The date of the French version a translation of `guide` would now be made from."""
    if guide.language == workflow.SOURCE_LANGUAGE:
        return None
    source = Guide.objects.filter(key=guide.key, language=workflow.SOURCE_LANGUAGE).first()
    return source.updated_at if source else None
