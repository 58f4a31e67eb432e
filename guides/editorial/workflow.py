"""The editorial workflow: drafts that never overwrite each other silently, publication now or
at a date, restoring any revision, and old addresses that keep working.

The Guide row is what the public reads. Every save adds a revision; for a guide already
published, a draft waits beside the live text until an editor publishes it. A guide never
published yet has nothing public, so its row simply follows its latest draft.
"""

import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guides.content.rendering import render_guide, render_step
from guides.editorial.audit import record
from guides.editorial.revisions import GuideContent
from guides.models import (
    AuditAction,
    Category,
    Guide,
    GuideStatus,
    Language,
    MailClient,
    Revision,
    RevisionState,
    SlugRedirect,
    Step,
)
from ovhportal.redis_cache import KEPT_PREFIX

SOURCE_LANGUAGE = Language.FRENCH
INITIAL_MESSAGE = "Version initiale"
# The earliest scheduled publication: a stamp, read by every public page, kept a minute.
NEXT_DUE_KEY = KEPT_PREFIX + "editorial-next-due"
NOTHING_SCHEDULED = "nothing"
DUE_CHECK_SECONDS = 60


class EditorialError(Exception):
    """An action that cannot be done as asked; the message is for the person who asked."""


class StaleRevision(EditorialError):
    """The revision an action names is no longer the guide's latest, or not in the right state."""


class EditConflict(EditorialError):
    """Someone saved the guide after this person opened it: their save must not win silently."""

    def __init__(self, *, head: Revision) -> None:
        super().__init__(_("Ce guide a été modifié pendant que vous écriviez."))
        self.head = head


def head_revision(guide: Guide) -> Revision | None:
    """The latest revision: what an editor continues from."""
    return guide.revisions.select_related("author").newest_first().first()


def head_number(head: Revision | None) -> int:
    return head.number if head is not None else 0


def editable_content(guide: Guide, head: Revision | None) -> GuideContent:
    return GuideContent.of_revision(head) if head is not None else GuideContent.of_guide(guide)


def save_draft(
    *,
    guide: Guide,
    content: GuideContent,
    author,
    base_number: int,
    message: str = "",
    submit: bool = False,
    translated_from: datetime.datetime | None = None,
    action: AuditAction | None = None,
) -> Revision:
    """Keep `content` as a new revision written from revision `base_number` (0: none yet).
    Raises EditConflict if another revision was saved since; nothing is written then."""
    try:
        return _save_draft(
            guide=guide,
            content=content,
            author=author,
            base_number=base_number,
            message=message,
            state=RevisionState.SUBMITTED if submit else RevisionState.DRAFT,
            translated_from=translated_from,
            action=action or (AuditAction.SUBMIT if submit else AuditAction.SAVE),
        )
    except EditConflict as conflict:
        record(
            actor=author,
            action=AuditAction.CONFLICT,
            target=guide,
            detail=f"base {base_number}, head {head_number(conflict.head)}",
        )
        raise


@transaction.atomic
def _save_draft(
    *,
    guide: Guide,
    content: GuideContent,
    author,
    base_number: int,
    message: str,
    state: RevisionState,
    translated_from: datetime.datetime | None,
    action: AuditAction,
) -> Revision:
    guide = _locked(guide)
    head = head_revision(guide)
    if head_number(head) != base_number:
        raise EditConflict(head=head)
    if head is None:
        head = _start_history(guide)
    try:
        with transaction.atomic():
            revision = Revision.objects.create(
                guide=guide,
                number=head.number + 1,
                author=_user(author),
                message=message,
                base=head,
                state=state,
                source_updated_at=translated_from or head.source_updated_at,
                **content.revision_fields(),
            )
    except IntegrityError:  # a concurrent save took this number (SQLite does not lock rows)
        raise EditConflict(head=head_revision(guide)) from None
    if guide.status == GuideStatus.DRAFT:
        _apply(guide, content, when=revision.created)
    record(actor=author, action=action, target=guide, detail=_describe(revision))
    return revision


def create_guide(
    *,
    language: str,
    key: str,
    content: GuideContent,
    author,
    message: str = "",
    review_by: datetime.date | None = None,
    translated_from: datetime.datetime | None = None,
    submit: bool = False,
) -> Guide:
    """A new guide, or a new translation of one (same key): a draft until an editor publishes."""
    with transaction.atomic():
        guide = Guide(language=language, key=key, status=GuideStatus.DRAFT, review_by=review_by)
        now = timezone.now()
        _apply(guide, content, when=now)
        revision = Revision.objects.create(
            guide=guide,
            number=1,
            author=_user(author),
            created=now,
            message=message,
            state=RevisionState.SUBMITTED if submit else RevisionState.DRAFT,
            source_updated_at=translated_from,
            **content.revision_fields(),
        )
        record(actor=author, action=AuditAction.CREATE, target=guide, detail=_describe(revision))
    return guide


def submit_for_review(*, guide: Guide, revision: Revision, author) -> Revision:
    with transaction.atomic():
        guide = _locked(guide)
        revision = _current(guide, revision)
        if revision.state != RevisionState.DRAFT:
            raise StaleRevision(_("Cette version n'est pas un brouillon."))
        revision.state = RevisionState.SUBMITTED
        revision.save(update_fields=["state"])
        record(actor=author, action=AuditAction.SUBMIT, target=guide, detail=_describe(revision))
    return revision


def publish(
    *, guide: Guide, revision: Revision, author, at: datetime.datetime | None = None
) -> Revision:
    """Put the guide's latest revision online now, or at `at` if that is in the future."""
    now = timezone.now()
    with transaction.atomic():
        guide = _locked(guide)
        revision = _current(guide, revision)
        if not RevisionState(revision.state).awaits_editor:
            raise StaleRevision(
                _("Cette version est déjà en ligne.")
                if revision.state == RevisionState.PUBLISHED
                else _("Cette version est déjà programmée.")
            )
        _check_slug_free(guide, revision.slug)
        if at is not None and at > now:
            _schedule(guide, revision, at=at)
            action = AuditAction.SCHEDULE
        else:
            guide.revisions.scheduled().update(state=RevisionState.DRAFT, publish_at=None)
            _go_live(guide, revision, when=now)
            action = AuditAction.PUBLISH
        record(actor=author, action=action, target=guide, detail=_describe(revision))
    forget_next_due()
    return revision


def unschedule(*, guide: Guide, author) -> None:
    """Cancel a scheduled publication; the revision stays, as a draft."""
    with transaction.atomic():
        guide = _locked(guide)
        scheduled = list(guide.revisions.scheduled())
        if not scheduled:
            raise EditorialError(_("Aucune publication n'est programmée pour ce guide."))
        guide.revisions.scheduled().update(state=RevisionState.DRAFT, publish_at=None)
        scheduled_first = guide.published_at and guide.published_at > timezone.now()
        if guide.status == GuideStatus.PUBLISHED and scheduled_first:
            guide.status, guide.published_at = GuideStatus.DRAFT, None
            guide.save(update_fields=["status", "published_at"])
        for revision in scheduled:
            detail = _describe(revision)
            record(actor=author, action=AuditAction.UNSCHEDULE, target=guide, detail=detail)
    forget_next_due()


def restore(*, guide: Guide, revision: Revision, author, base_number: int) -> Revision:
    """Any earlier revision comes back as a new draft; history is never rewritten."""
    return save_draft(
        guide=guide,
        content=GuideContent.of_revision(revision),
        author=author,
        base_number=base_number,
        message=_("Rétablit la révision %(number)s") % {"number": revision.number},
        translated_from=revision.source_updated_at,
        action=AuditAction.RESTORE,
    )


def mark_reviewed(*, guide: Guide, author, review_by: datetime.date | None) -> None:
    """Set the date before which the guide must be read again (None: no date)."""
    guide.review_by = review_by
    guide.save(update_fields=["review_by"])
    when = review_by.isoformat() if review_by else "aucune"
    record(
        actor=author,
        action=AuditAction.REVIEWED,
        target=guide,
        detail=f"prochaine relecture : {when}",
    )


def publish_due(*, now: datetime.datetime | None = None, stamps: dict | None = None) -> int:
    """Put online every scheduled revision whose time has come (the public read path calls
    this: no cron); how many went online. `stamps`: a cache read that included NEXT_DUE_KEY."""
    now = now or timezone.now()
    next_due = cache.get(NEXT_DUE_KEY) if stamps is None else stamps.get(NEXT_DUE_KEY)
    if next_due == NOTHING_SCHEDULED or (next_due is not None and next_due > now):
        return 0
    scheduled = list(
        Revision.objects.scheduled().order_by("publish_at").values_list("pk", "publish_at")
    )
    published = sum(_publish_due_revision(pk) for pk, at in scheduled if at <= now)
    upcoming = [at for _pk, at in scheduled if at > now]
    cache.set(NEXT_DUE_KEY, upcoming[0] if upcoming else NOTHING_SCHEDULED, DUE_CHECK_SECONDS)
    return published


def forget_next_due() -> None:
    cache.delete(NEXT_DUE_KEY)


def redirect_target(*, slug: str, language: str) -> str | None:
    """The current address of the published guide that used to live at `slug`, if any."""
    moved = (
        SlugRedirect.objects.filter(language=language, old_slug=slug)
        .filter(guide__in=Guide.objects.published())
        .select_related("guide")
        .first()
    )
    return moved.guide.get_absolute_url() if moved else None


@transaction.atomic
def _publish_due_revision(pk: int) -> int:
    # The conditional update lets exactly one of several concurrent requests do the work.
    if not Revision.objects.filter(pk=pk, state=RevisionState.SCHEDULED).update(
        state=RevisionState.PUBLISHED
    ):
        return 0
    revision = Revision.objects.select_related("guide").get(pk=pk)
    guide = _locked(revision.guide)
    _go_live(guide, revision, when=revision.publish_at)
    record(actor=None, action=AuditAction.PUBLISH, target=guide, detail=_describe(revision))
    return 1


def _schedule(guide: Guide, revision: Revision, *, at: datetime.datetime) -> None:
    guide.revisions.scheduled().update(state=RevisionState.DRAFT, publish_at=None)
    revision.state, revision.publish_at = RevisionState.SCHEDULED, at
    revision.save(update_fields=["state", "publish_at"])
    if guide.status == GuideStatus.DRAFT:
        # Nothing is public yet: the row takes the text now and the date hides it until then.
        _apply(guide, GuideContent.of_revision(revision), when=at)
        guide.status, guide.published_at = GuideStatus.PUBLISHED, at
        guide.save(update_fields=["status", "published_at"])


def _go_live(guide: Guide, revision: Revision, *, when: datetime.datetime) -> None:
    was_public = guide.is_published
    old_slug = guide.slug
    _apply(guide, GuideContent.of_revision(revision), when=when)
    if guide.status != GuideStatus.PUBLISHED or not guide.published_at or guide.published_at > when:
        guide.status, guide.published_at, guide.replaced_by = GuideStatus.PUBLISHED, when, None
        guide.save(update_fields=["status", "published_at", "replaced_by"])
    revision.state, revision.published_at = RevisionState.PUBLISHED, when
    revision.save(update_fields=["state", "published_at"])
    SlugRedirect.objects.filter(language=guide.language, old_slug=guide.slug).delete()
    if was_public and old_slug != guide.slug:
        SlugRedirect.objects.update_or_create(
            language=guide.language, old_slug=old_slug, defaults={"guide": guide}
        )


def _apply(guide: Guide, content: GuideContent, *, when: datetime.datetime) -> None:
    """Write `content` into the guide row and its steps, rendered."""
    guide.slug, guide.title, guide.summary = content.slug, content.title, content.summary
    guide.body, guide.widget, guide.order = content.body, content.widget, content.order
    guide.category = Category.objects.get(kind=content.category)
    guide.client = None
    if content.client:
        # A client removed from the catalogue since an old revision was written is dropped.
        guide.client = MailClient.objects.filter(slug=content.client).first()
    guide.updated_at = when
    guide.save()
    steps = list(guide.steps.order_by("order"))
    for index, (title, body) in enumerate(content.steps, start=1):
        step = steps[index - 1] if index <= len(steps) else Step(guide=guide)
        step.guide, step.order, step.title, step.body = guide, index, title, body
        render_step(step=step)
        step.save()
    Step.objects.filter(pk__in=[step.pk for step in steps[len(content.steps) :]]).delete()
    getattr(guide, "_prefetched_objects_cache", {}).pop("steps", None)
    render_guide(guide=guide)
    guide.save(update_fields=["body_html", "search_text"])


def _start_history(guide: Guide) -> Revision:
    """A guide written before the staff area (shipped or imported) gets its current text as
    revision 1, so that its history, diffs and restores start from it."""
    published = guide.status == GuideStatus.PUBLISHED
    return Revision.objects.create(
        guide=guide,
        number=1,
        created=guide.updated_at,
        message=INITIAL_MESSAGE,
        state=RevisionState.PUBLISHED if published else RevisionState.DRAFT,
        published_at=guide.published_at if published else None,
        source_updated_at=guide.updated_at if guide.language != SOURCE_LANGUAGE else None,
        **GuideContent.of_guide(guide).revision_fields(),
    )


def _check_slug_free(guide: Guide, slug: str) -> None:
    taken = Guide.objects.filter(language=guide.language, slug=slug).exclude(pk=guide.pk)
    if taken.exists():
        raise EditorialError(
            _(
                "L'adresse « %(slug)s » est déjà prise par un autre guide : "
                "changez-la avant de publier."
            )
            % {"slug": slug}
        )


def _current(guide: Guide, revision: Revision) -> Revision:
    head = head_revision(guide)
    if head is None or head.pk != revision.pk:
        raise StaleRevision(
            _("Une version plus récente a été enregistrée entre-temps : relisez-la d'abord.")
        )
    return head


def _locked(guide: Guide) -> Guide:
    """The guide row, locked until the transaction ends, so saves and publications queue."""
    return Guide.objects.select_for_update().get(pk=guide.pk)


def _user(author):
    return author if author is not None and author.is_authenticated else None


def _describe(revision: Revision) -> str:
    text = _("révision %(number)s") % {"number": revision.number}
    if not revision.message:
        return text
    return _("%(revision)s : %(message)s") % {"revision": text, "message": revision.message}
