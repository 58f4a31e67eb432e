"""Works and incidents on the mail platform that affect mail (F-DIA-4)."""

from collections.abc import Sequence

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from guides.diagnostics.checks.findings import CheckId, CheckResult
from guides.models import CheckStatus, Maintenance, MaintenanceKind


def maintenance_check(*, maintenances: Sequence[Maintenance]) -> CheckResult:
    """Works and incidents in progress that affect mail (F-DIA-4)."""
    language = get_language()
    current = [item for item in maintenances if item.affects_mail and item.in_progress]
    upcoming = [item for item in maintenances if item.affects_mail and not item.in_progress]
    found = tuple(_describe_maintenance(item, language) for item in current + upcoming)
    title = _("Travaux et incidents en cours")
    if not current:
        detail = _("Aucun incident ni travaux en cours ne touche les e-mails.")
        if upcoming:
            detail += " " + _("Des travaux sont prévus : voir ci-dessous.")
        return CheckResult(
            id=CheckId.MAINTENANCE, status=CheckStatus.OK, title=title, detail=detail, found=found
        )
    incident = any(item.kind == MaintenanceKind.INCIDENT for item in current)
    return CheckResult(
        id=CheckId.MAINTENANCE,
        status=CheckStatus.ERROR if incident else CheckStatus.WARNING,
        title=title,
        detail=_("Un incident est en cours sur les e-mails.")
        if incident
        else _("Des travaux sont en cours sur les e-mails : le service peut être gêné."),
        found=found,
        advice=_(
            "Si vos e-mails ne fonctionnent pas, c'est peut-être la cause : attendez la fin prévue "
            "avant de changer vos réglages."
        ),
    )


def _describe_maintenance(item: Maintenance, language: str) -> str:
    values = {
        "title": item.display_title(language),
        "start": date_format(timezone.localtime(item.starts_at), "DATETIME_FORMAT"),
    }
    if item.expected_end is None:
        return _("%(title)s (à partir du %(start)s)") % values
    values["end"] = date_format(timezone.localtime(item.expected_end), "DATETIME_FORMAT")
    return _("%(title)s (du %(start)s au %(end)s)") % values
