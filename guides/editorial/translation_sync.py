"""Whether a translation still follows its French source, judged by the French text, not by
dates: a French guide edited and then restored to the text the translation was made from
leaves the translation up to date. And what changed in the French since then, as a diff.
"""

import datetime

from guides.editorial.revisions import DiffLine, GuideContent, diff_contents
from guides.models import Guide, RevisionState


def synced_content(*, source: Guide, made_from: datetime.datetime) -> GuideContent | None:
    """The French text that was online when the translation was made (None: unknown, the
    source's history starts later)."""
    revision = (
        source.revisions.filter(state=RevisionState.PUBLISHED, published_at__lte=made_from)
        .order_by("-published_at", "-number")
        .first()
    )
    return GuideContent.of_revision(revision) if revision is not None else None


def source_unchanged(*, source: Guide, made_from: datetime.datetime) -> bool:
    """True when the French text online now is the one the translation was made from."""
    synced = synced_content(source=source, made_from=made_from)
    return synced is not None and synced == GuideContent.of_guide(source)


def source_changes(*, source: Guide, made_from: datetime.datetime | None) -> list[DiffLine]:
    """What changed in the French since the translation was made; empty when nothing did or
    when the French text of that time is not in the history."""
    if made_from is None:
        return []
    synced = synced_content(source=source, made_from=made_from)
    if synced is None:
        return []
    return diff_contents(synced, GuideContent.of_guide(source), key=source.key)
