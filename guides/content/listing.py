"""Selectors for the browsing pages: what each one lists, in as few queries as it can."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.utils import timezone

from guides.models import CategoryKind, Guide, MailClient, Platform


@dataclass(frozen=True)
class PlatformGroup:
    platform: Platform
    guides: list[Guide]

    @property
    def current(self) -> list[Guide]:
        return [guide for guide in self.guides if not guide.client.legacy]

    @property
    def legacy(self) -> list[Guide]:
        """Old versions, which the pages fold under the current ones."""
        return [guide for guide in self.guides if guide.client.legacy]


def client_guides_by_platform(*, language: str) -> list[PlatformGroup]:
    """Client guides grouped by platform (Windows, Apple, Outlook, other), current versions
    before legacy ones; a platform with only legacy versions after those with current ones."""
    guides = (
        Guide.objects.published()
        .in_language(language)
        .filter(category__kind=CategoryKind.CLIENTS, client__isnull=False)
        .select_related("client")
        .only("language", "key", "slug", "title", "summary", "client")  # the whole client
        .order_by("client__legacy", "client__order")
    )
    groups = {platform: [] for platform in Platform}
    for guide in guides:
        groups[Platform(guide.client.platform)].append(guide)
    found = [PlatformGroup(platform=platform, guides=items) for platform, items in groups.items()]
    return sorted((group for group in found if group.guides), key=lambda group: not group.current)


def guides_of_kind(*, kind: CategoryKind, language: str, limit: int | None = None) -> list[Guide]:
    """The first `limit` (or all) published guides of a kind, with what a list shows."""
    guides = (
        Guide.objects.published()
        .in_language(language)
        .filter(category__kind=kind)
        .for_listing()
        .order_by("order", "title")
    )
    return list(guides[:limit])


def most_read_guides(*, language: str, limit: int = 6, days: int = 30) -> list[Guide]:
    """The published guides read most in the last `days` days; the essentials until the
    portal has counted any reading."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    guides = (
        Guide.objects.published()
        .in_language(language)
        .filter(daily_views__day__gte=since)
        .for_listing()
        .annotate(reads=Sum("daily_views__count"))
        .order_by("-reads", "title")
    )
    return list(guides[:limit]) or guides_of_kind(
        kind=CategoryKind.REFERENCE, language=language, limit=limit
    )


def published_guide(*, slug: str, language: str) -> Guide:
    """One published guide with its steps; raises Guide.DoesNotExist."""
    return (
        Guide.objects.published()
        .in_language(language)
        .select_related("category", "client")
        .prefetch_related("steps")
        .get(slug=slug)
    )


def translations_of(guide: Guide) -> dict[str, str]:
    """Language code → URL of the published versions of this guide, itself included."""
    others = Guide.objects.published().filter(key=guide.key).exclude(pk=guide.pk)
    urls = {other.language: other.get_absolute_url() for other in others.only("language", "slug")}
    urls[guide.language] = guide.get_absolute_url()
    return urls


def mail_clients() -> list[MailClient]:
    return list(MailClient.objects.all())
