"""The staff area: where support staff write, review and publish the guides.

Thin views: the workflow is in guides.editorial, the lists in guides.staff_lists; every
action is a POST with its CSRF token, checked against the person's role here.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from guides import editorial, staff_lists
from guides.forms.staff import (
    CompareForm,
    GuideEditor,
    GuideForm,
    NewGuideForm,
    PublishForm,
    ReviewedForm,
    RevisionForm,
)
from guides.markdown import render_markdown
from guides.models import AuditLog, Guide, MailClient, Revision, Step, Widget
from guides.permissions import Capability, staff_required
from guides.placeholders import catalogue_values
from guides.revisions import GuideContent, diff_contents, diff_texts
from guides.widgets import widget_context

DASHBOARD_PERIODS = (7, 30, 90, 365)
AUDIT_PAGE_SIZE = 50


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


@require_GET
@staff_required(Capability.WRITE)
def dashboard(request):
    days = _int(request.GET.get("days"), default=30)
    days = days if days in DASHBOARD_PERIODS else 30
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return render(
        request,
        "staff/dashboard.html",
        {
            "days": days,
            "periods": DASHBOARD_PERIODS,
            "feedback": staff_lists.guide_feedback(since=since),
            "comments": staff_lists.latest_comments(),
            "failed_searches": staff_lists.failed_searches(
                since=timezone.now() - datetime.timedelta(days=days)
            ),
            "submitted": staff_lists.submitted_guides(),
        },
    )


@require_GET
@staff_required(Capability.WRITE)
def guide_list(request):
    language = request.GET.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else ""
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "staff/guides.html",
        {
            "guides": staff_lists.guides_with_status(language=language, query=query),
            "language": language,
            "query": query,
        },
    )


@require_GET
@staff_required(Capability.WRITE)
def submissions(request):
    return render(request, "staff/submissions.html", {"guides": staff_lists.submitted_guides()})


@require_GET
@staff_required(Capability.WRITE)
def review_due(request):
    overdue, upcoming = staff_lists.guides_to_review(today=timezone.localdate())
    return render(
        request,
        "staff/review_due.html",
        {"overdue": overdue, "upcoming": upcoming, "reviewed_form": ReviewedForm()},
    )


@require_GET
@staff_required(Capability.WRITE)
def translations(request):
    rows = staff_lists.translation_overview()
    if request.GET.get("todo"):
        rows = [row for row in rows if row.needs_work]
    return render(
        request, "staff/translations.html", {"rows": rows, "todo": bool(request.GET.get("todo"))}
    )


@require_GET
@staff_required(Capability.AUDIT)
def audit_log(request):
    entries = AuditLog.objects.select_related("content_type")
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "staff/audit.html", {"page": page})


@require_http_methods(["GET", "POST"])
@staff_required(Capability.WRITE)
def guide_new(request):
    source = _source_guide(request)
    language = request.POST.get("language") or _other_language(source)
    if request.method == "GET":
        initial = {"language": language, "order": 0, "category": "reference"}
        steps: tuple = ()
        if source is not None:
            content = editorial.editable_content(source, editorial.head_revision(source))
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
    from_source = source is not None and source.language == editorial.SOURCE_LANGUAGE
    guide = editorial.create_guide(
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
        revision = editorial.head_revision(guide)
        _publish(request, guide=guide, revision=revision, at=data.get("publish_at"))
    else:
        messages.success(request, _("Le guide est créé, comme brouillon."))
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_http_methods(["GET", "POST"])
@staff_required(Capability.WRITE)
def guide_edit(request, pk):
    guide = get_object_or_404(Guide.objects.select_related("category", "client"), pk=pk)
    head = editorial.head_revision(guide)
    if request.method == "GET":
        content = editorial.editable_content(guide, head)
        initial = {
            **content.revision_fields(),
            "review_by": guide.review_by,
            "base": editorial.head_number(head),
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
        revision = editorial.save_draft(
            guide=guide,
            content=editor.content(),
            author=request.user,
            base_number=data["base"],
            message=data["message"],
            submit=action is EditorAction.SUBMIT,
            translated_from=_source_date(guide) if data.get("from_source") else None,
        )
    except editorial.EditConflict as conflict:
        return _render_conflict(request, guide=guide, editor=editor, head=conflict.head)
    if data["review_by"] != guide.review_by:
        editorial.mark_reviewed(guide=guide, author=request.user, review_by=data["review_by"])
    if action is EditorAction.PUBLISH:
        _publish(request, guide=guide, revision=revision, at=data.get("publish_at"))
    else:
        messages.success(
            request, _("Révision %(number)s enregistrée.") % {"number": revision.number}
        )
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.WRITE)
def preview(request):
    """The live preview: the text as typed, rendered exactly as the public page will show it."""
    language = request.POST.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else get_language()
    editor = GuideEditor(request.POST, form=GuideForm(request.POST, language=language))
    return render(
        request,
        "staff/guide_form.html#preview",
        _preview_context(editor.draft_content(), language=language),
    )


@require_POST
@staff_required(Capability.WRITE)
def submit(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    revision = _named_revision(request, guide)
    if revision is not None:
        _attempt(request, editorial.submit_for_review, guide=guide, revision=revision)
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.PUBLISH)
def publish(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    form = PublishForm(request.POST)
    revision = _named_revision(request, guide)
    if revision is not None and form.is_valid():
        _publish(request, guide=guide, revision=revision, at=form.cleaned_data["publish_at"])
    elif revision is not None:
        messages.error(
            request,
            _("Date de publication invalide : %(errors)s")
            % {"errors": " ".join(form.errors.get("publish_at", []))},
        )
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.PUBLISH)
def unschedule(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    if _attempt(request, editorial.unschedule, guide=guide):
        messages.success(
            request, _("La publication programmée est annulée ; le texte reste en brouillon.")
        )
    return redirect("guides:staff_guide_edit", pk=guide.pk)


@require_POST
@staff_required(Capability.WRITE)
def restore(request, pk):
    guide = get_object_or_404(Guide, pk=pk)
    form = RevisionForm(request.POST)
    revision = _named_revision(request, guide)
    if revision is None or not form.is_valid():
        return redirect("guides:staff_history", pk=guide.pk)
    restored = _attempt(
        request,
        editorial.restore,
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
        editorial.mark_reviewed(
            guide=guide, author=request.user, review_by=form.cleaned_data["review_by"]
        )
        messages.success(
            request, _("« %(title)s » est marqué comme relu.") % {"title": guide.title}
        )
    else:
        messages.error(request, " ".join(form.errors.get("review_by", [])))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("guides:staff_review_due")


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


def _render_editor(request, editor: GuideEditor, *, guide=None, head=None, source=None, **extra):
    status = extra.pop("status", 200)
    language = guide.language if guide is not None else editor.form.language
    context = {
        "guide": guide,
        "source": source,
        "editor": editor,
        "form": editor.form,
        "steps": editor.steps,
        "head": head,
        "actions": EditorAction,
        "language": language,
        **_preview_context(editor.draft_content(), language=language),
        **extra,
    }
    if guide is not None:
        context |= {
            "publish_form": PublishForm(initial={"revision": head.number}) if head else None,
            "scheduled": guide.revisions.scheduled().first(),
            "translations": staff_lists.translation_overview(key=guide.key),
            "source_date": _source_date(guide),
        }
    return render(request, "staff/guide_form.html", context, status=status)


def _render_conflict(request, *, guide: Guide, editor: GuideEditor, head: Revision):
    """Refuse the save but keep everything typed: the form comes back with the person's text,
    now based on the other revision, beside that revision and the difference."""
    data = request.POST.copy()
    data["base"] = str(head.number)
    form = GuideForm(data, **_editing(request, guide))
    merged = GuideEditor(data, form=form)
    theirs = GuideContent.of_revision(head).as_text(key=guide.key)
    yours = editor.content().as_text(key=guide.key)
    return _render_editor(
        request,
        merged,
        guide=guide,
        head=head,
        status=409,
        conflict={
            "head": head,
            "theirs": theirs,
            "yours": yours,
            "diff": diff_texts(theirs, yours),
        },
    )


def _preview_context(content: GuideContent, *, language: str) -> dict:
    """What templates/guides/_guide_article.html needs, built from unsaved text."""
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
        "widget": widget,
        **(widget_context(widget=widget, language=language) if widget else {}),
    }


def _publish(request, *, guide: Guide, revision: Revision, at) -> None:
    published = _attempt(request, editorial.publish, guide=guide, revision=revision, at=at)
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


def _form_options(request, language: str) -> dict:
    return {"language": language, "can_publish": Capability.PUBLISH.allows(request.user)}


def _editing(request, guide: Guide) -> dict:
    """The options of a posted editor form for `guide` (a field only editors may change keeps
    the guide's value)."""
    return _form_options(request, guide.language) | {
        "guide": guide,
        "initial": {"review_by": guide.review_by},
    }


def _attempt(request, action, **kwargs):
    """Run an editorial action as the signed-in person: its result (True if it has none), or
    None when it was refused, the reason then shown as a message."""
    try:
        return action(author=request.user, **kwargs) or True
    except editorial.EditorialError as error:
        messages.error(request, str(error))
        return None


def _named_revision(request, guide: Guide) -> Revision | None:
    number = _int(request.POST.get("revision"), default=0)
    revision = guide.revisions.filter(number=number).first()
    if revision is None:
        messages.error(request, _("Cette révision n'existe pas pour ce guide."))
    return revision


def _action(request) -> EditorAction | None:
    try:
        return EditorAction(request.POST.get("action", EditorAction.SAVE))
    except ValueError:
        return None


def _with_step(request):
    """The posted data with one more (empty) step form."""
    data = request.POST.copy()
    data["steps-TOTAL_FORMS"] = str(_int(data.get("steps-TOTAL_FORMS"), default=0) + 1)
    return data


def _source_guide(request) -> Guide | None:
    pk = _int(request.GET.get("from") or request.POST.get("from"), default=0)
    return Guide.objects.filter(pk=pk).first() if pk else None


def _other_language(source: Guide | None) -> str:
    if source is None:
        return editorial.SOURCE_LANGUAGE
    taken = set(Guide.objects.filter(key=source.key).values_list("language", flat=True))
    free = [code for code, _name in settings.LANGUAGES if code not in taken]
    return free[0] if free else source.language


def _source_date(guide: Guide):
    """The date of the French version a translation of `guide` would now be made from."""
    if guide.language == editorial.SOURCE_LANGUAGE:
        return None
    source = Guide.objects.filter(key=guide.key, language=editorial.SOURCE_LANGUAGE).first()
    return source.updated_at if source else None


def _int(value, *, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
