"""One action on many guides at once, from the staff list: publish their latest revision,
unpublish, archive, or mark them reviewed. Each guide goes through the same function as the
single-guide action (checks, audit log, revisions); one refused does not stop the others.
"""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guides.editorial import checks, workflow
from guides.editorial.retirement import Withdrawal, withdraw
from guides.editorial.revisions import GuideContent
from guides.models import Guide


class BulkAction(models.TextChoices):
    PUBLISH = "publish", gettext_lazy("Publier la dernière révision")
    UNPUBLISH = "unpublish", gettext_lazy("Dépublier")
    ARCHIVE = "archive", gettext_lazy("Archiver (« 410 »)")
    REVIEWED = "reviewed", gettext_lazy("Marquer comme relus (relecture dans un an)")


@dataclass
class BulkReport:
    done: list[Guide] = field(default_factory=list)
    refused: list[tuple[Guide, str]] = field(default_factory=list)


def apply(
    *,
    action: BulkAction,
    guides: list[Guide],
    author,
    today: datetime.date,
    accept_warnings: bool = False,
) -> BulkReport:
    report = BulkReport()
    for guide in guides:
        try:
            _apply_one(action, guide, author=author, today=today, accept_warnings=accept_warnings)
        except workflow.EditorialError as error:
            report.refused.append((guide, str(error)))
        else:
            report.done.append(guide)
    return report


def _apply_one(
    action: BulkAction, guide: Guide, *, author, today: datetime.date, accept_warnings: bool
) -> None:
    if action is BulkAction.REVIEWED:
        review_by = today + datetime.timedelta(days=365)
        workflow.mark_reviewed(guide=guide, author=author, review_by=review_by)
    elif action is BulkAction.PUBLISH:
        head = workflow.head_revision(guide)
        if head is None or not head.awaits_editor:
            raise workflow.EditorialError(_("rien à publier"))
        findings = checks.check_guide(
            content=GuideContent.of_revision(head), language=guide.language, key=guide.key
        )
        if blocking := checks.errors(findings) or ([] if accept_warnings else findings):
            raise workflow.EditorialError("; ".join(f.message for f in blocking))
        workflow.publish(guide=guide, revision=head, author=author)
    else:
        withdraw(guide=guide, how=Withdrawal(action.value), author=author)
