"""Selectors for the staff pages: each list in one or two queries."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from guides.content.search.query import search_guides
from guides.editorial.translation_sync import source_unchanged
from guides.editorial.workflow import SOURCE_LANGUAGE
from guides.models import Guide, GuideStatus, GuideView, Revision, RevisionState, Vote


class EditorialStatus(models.TextChoices):
    """Where a guide stands, the most pressing first."""

    SCHEDULED = "scheduled", _("Publication programmée")
    SUBMITTED = "submitted", _("À relire")
    CHANGES_REQUESTED = "changes", _("Modifications demandées")
    PENDING = "pending", _("Brouillon en attente")
    UNPUBLISHED = "unpublished", _("Hors ligne")
    PUBLISHED = "published", _("En ligne")
    RETIRED = "retired", _("Retiré")
    ARCHIVED = "archived", _("Archivé")

    @classmethod
    def of(cls, guide: Guide) -> "EditorialStatus":
        """For a guide from `guides_with_status()`."""
        if guide.scheduled_at:
            return cls.SCHEDULED
        if guide.head_state == RevisionState.SUBMITTED:
            return cls.SUBMITTED
        if guide.head_state == RevisionState.CHANGES_REQUESTED:
            return cls.CHANGES_REQUESTED
        if guide.status in GuideStatus.withdrawn():
            return cls(guide.status)
        if guide.status == GuideStatus.DRAFT:
            return cls.UNPUBLISHED
        if guide.head_state == RevisionState.DRAFT:
            return cls.PENDING
        return cls.PUBLISHED

    @property
    def css_class(self) -> str:
        return {
            EditorialStatus.SCHEDULED: "status-unknown",
            EditorialStatus.SUBMITTED: "status-warning",
            EditorialStatus.CHANGES_REQUESTED: "status-warning",
            EditorialStatus.PENDING: "status-warning",
            EditorialStatus.UNPUBLISHED: "status-unknown",
            EditorialStatus.PUBLISHED: "status-ok",
            EditorialStatus.RETIRED: "status-unknown",
            EditorialStatus.ARCHIVED: "status-unknown",
        }[self]


def _head(field: str) -> Subquery:
    return Subquery(
        Revision.objects.filter(guide=OuterRef("pk")).order_by("-number").values(field)[:1]
    )


class StatusFilter(models.TextChoices):
    """The staff list's filters; without one, every guide but the archived."""

    DRAFT = "draft", _("Brouillon ou hors ligne")
    SUBMITTED = "submitted", _("À relire")
    SCHEDULED = "scheduled", _("Programmé")
    PUBLISHED = "published", _("En ligne")
    STALE = "stale", _("Traduction à mettre à jour")
    REVIEW_DUE = "review_due", _("Relecture périodique due")
    RETIRED = "retired", _("Retiré ou archivé")

    def keeps(self, guide: Guide, *, today: datetime.date, stale: set[int]) -> bool:
        status = guide.editorial_status
        return {
            StatusFilter.DRAFT: status
            in (
                EditorialStatus.UNPUBLISHED,
                EditorialStatus.PENDING,
                EditorialStatus.CHANGES_REQUESTED,
            ),
            StatusFilter.SUBMITTED: status == EditorialStatus.SUBMITTED,
            StatusFilter.SCHEDULED: status == EditorialStatus.SCHEDULED,
            StatusFilter.PUBLISHED: guide.is_published,
            StatusFilter.STALE: guide.pk in stale,
            StatusFilter.REVIEW_DUE: guide.review_by is not None and guide.review_by <= today,
            StatusFilter.RETIRED: status in (EditorialStatus.RETIRED, EditorialStatus.ARCHIVED),
        }[self]


def filtered_guides(
    *, status: StatusFilter | None, today: datetime.date, language: str = "", query: str = ""
) -> list[Guide]:
    guides = guides_with_status(language=language, query=query)
    if status is None:
        return [g for g in guides if g.editorial_status != EditorialStatus.ARCHIVED]
    stale = set()
    if status is StatusFilter.STALE:
        stale = {
            translation.guide.pk
            for row in translation_overview()
            for translation in row.translations
            if translation.state == TranslationState.OUTDATED
        }
    return [g for g in guides if status.keeps(g, today=today, stale=stale)]


def guides_with_status(*, language: str = "", query: str = "") -> list[Guide]:
    """Every guide, with `head_state`, `head_number`, `scheduled_at` and `editorial_status`."""
    guides = (
        Guide.objects.select_related("category")
        .annotate(
            head_state=_head("state"),
            head_number=_head("number"),
            scheduled_at=Subquery(
                Revision.objects.scheduled().filter(guide=OuterRef("pk")).values("publish_at")[:1]
            ),
        )
        .order_by("category__order", "order", "title", "language")
    )
    if language:
        guides = guides.filter(language=language)
    if query:
        guides = guides.filter(
            Q(title__icontains=query)
            | Q(key__icontains=query)
            | Q(slug__icontains=query)
            | Q(pk__in=_full_text(query, language=language))
        )
    result = list(guides)
    for guide in result:
        guide.editorial_status = EditorialStatus.of(guide)
    return result


def _full_text(query: str, *, language: str) -> list[int]:
    """The public search engine over every guide's text, drafts included."""
    languages = [language] if language else [code for code, _name in settings.LANGUAGES]
    return [
        hit.guide.pk
        for code in languages
        for hit in search_guides(query=query, language=code, limit=100, include_drafts=True)
    ]


def guides_to_review(
    *, today: datetime.date, ahead_days: int = 30
) -> tuple[list[Guide], list[Guide]]:
    """Guides whose review date has passed, and those due within `ahead_days`."""
    guides = Guide.objects.filter(review_by__lte=today + datetime.timedelta(days=ahead_days))
    guides = list(guides.order_by("review_by", "language", "title"))
    return [g for g in guides if g.review_by < today], [g for g in guides if g.review_by >= today]


class TranslationState(models.TextChoices):
    UP_TO_DATE = "up_to_date", _("À jour")
    OUTDATED = "outdated", _("Le texte français a changé depuis")
    MISSING = "missing", _("À traduire")
    NO_SOURCE = "no_source", _("Pas de version française")

    @property
    def css_class(self) -> str:
        return {
            TranslationState.UP_TO_DATE: "status-ok",
            TranslationState.OUTDATED: "status-warning",
            TranslationState.MISSING: "status-error",
            TranslationState.NO_SOURCE: "status-unknown",
        }[self]


@dataclass(frozen=True)
class Translation:
    language: str
    guide: Guide | None
    state: TranslationState
    made_from: datetime.datetime | None  # the date of the French version it was made from


@dataclass(frozen=True)
class TranslationRow:
    key: str
    source: Guide | None
    translations: list[Translation]

    @property
    def needs_work(self) -> bool:
        return any(t.state != TranslationState.UP_TO_DATE for t in self.translations)


def translation_overview(*, key: str = "") -> list[TranslationRow]:
    """For each translation key: the French source and, per other language, whether its
    translation exists and whether it was made from the current French text."""
    guides = Guide.objects.annotate(
        has_history=Exists(Revision.objects.filter(guide=OuterRef("pk"))),
        head_source=_head("source_updated_at"),
    ).order_by("category__order", "order", "title")
    if key:
        guides = guides.filter(key=key)
    by_key: dict[str, dict[str, Guide]] = {}
    for guide in guides:
        by_key.setdefault(guide.key, {})[guide.language] = guide
    others = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
    rows = []
    for guide_key, versions in by_key.items():
        source = versions.get(SOURCE_LANGUAGE)
        rows.append(
            TranslationRow(
                key=guide_key,
                source=source,
                translations=[_translation(source, versions.get(code), code) for code in others],
            )
        )
    return rows


def _translation(source: Guide | None, guide: Guide | None, language: str) -> Translation:
    if guide is None:
        return Translation(language, None, TranslationState.MISSING, None)
    # A guide never edited here (shipped or imported with its source) was made from the French
    # text of its own date.
    made_from = guide.head_source if guide.has_history else guide.updated_at
    if source is None:
        state = TranslationState.NO_SOURCE
    elif made_from is None or (
        made_from < source.updated_at and not source_unchanged(source=source, made_from=made_from)
    ):
        state = TranslationState.OUTDATED
    else:
        state = TranslationState.UP_TO_DATE
    return Translation(language, guide, state, made_from)


@dataclass(frozen=True)
class GuideFeedback:
    guide: Guide
    views: int
    yes: int
    no: int

    @property
    def helpfulness(self) -> int | None:
        """The share of "yes" votes, in percent; None without votes."""
        total = self.yes + self.no
        return round(100 * self.yes / total) if total else None


def guide_feedback(*, since: datetime.date, limit: int = 100) -> list[GuideFeedback]:
    """Guides read or voted on since `since`, most viewed first."""
    views = (
        GuideView.objects.filter(guide=OuterRef("pk"), day__gte=since)
        .values("guide")
        .annotate(total=Sum("count"))
        .values("total")
    )

    def votes(helpful: bool) -> Subquery:
        return Subquery(
            Vote.objects.filter(guide=OuterRef("pk"), helpful=helpful, created__date__gte=since)
            .values("guide")
            .annotate(total=Count("pk"))
            .values("total"),
            output_field=IntegerField(),
        )

    guides = (
        Guide.objects.annotate(
            views=Coalesce(Subquery(views, output_field=IntegerField()), 0),
            yes=Coalesce(votes(True), 0),
            no=Coalesce(votes(False), 0),
        )
        .filter(Q(views__gt=0) | Q(yes__gt=0) | Q(no__gt=0))
        .order_by("-views", "-no", "title")
        .only("pk", "language", "slug", "title")[:limit]
    )
    return [GuideFeedback(guide=g, views=g.views, yes=g.yes, no=g.no) for g in guides]


def latest_comments(*, limit: int = 20) -> list[Vote]:
    return list(Vote.objects.with_comment().select_related("guide")[:limit])
