"""Checks before publishing: what would break or mislead on the public page, found in the text
an editor typed, each with where it is (field and line).

An error (a link to no guide, a missing image, an unknown placeholder) refuses publication;
a warning (an empty step, a French guide without its English twin, a link to a guide not yet
online) is shown and may be overridden by the editor.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guides.content.placeholders import PLACEHOLDER, catalogue_values
from guides.editorial.merge import CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START
from guides.editorial.revisions import GuideContent
from guides.models import Guide, GuideStatus, Language

GUIDE_LINK = re.compile(r"\]\(\s*guide:([^)\s]*)")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


class Severity(models.TextChoices):
    ERROR = "error", gettext_lazy("Erreur")
    WARNING = "warning", gettext_lazy("Avertissement")

    @property
    def css_class(self) -> str:
        return "status-error" if self is Severity.ERROR else "status-warning"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    where: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


def check_guide(*, content: GuideContent, language: str, key: str) -> list[Finding]:
    """Every finding in `content` (a guide with translation key `key`), errors first."""
    placeholders = set(catalogue_values(language=language))
    guides = {
        guide_key: published
        for guide_key, published in _guide_keys(language=language).items()
        if guide_key != key or published
    }
    findings: list[Finding] = []
    for where, text in _texts(content):
        for line_number, line in enumerate(text.splitlines(), start=1):
            at = _("%(where)s, ligne %(line)s") % {"where": where, "line": line_number}
            findings += _line_findings(line, at=at, placeholders=placeholders, guides=guides)
    for number, (title, body) in enumerate(content.steps, start=1):
        if not body.strip():
            findings.append(
                Finding(
                    Severity.WARNING,
                    _step_name(number, title),
                    _("Cette étape n'a pas de texte : le lecteur ne saura pas quoi faire."),
                )
            )
    if language == Language.FRENCH and key and not _has_twin(key=key):
        findings.append(
            Finding(
                Severity.WARNING,
                _("Traductions"),
                _(
                    "Ce guide n'a pas de version anglaise : "
                    "les lecteurs anglophones ne le verront pas."
                ),
            )
        )
    return sorted(findings, key=lambda finding: not finding.is_error)


def errors(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.is_error]


def warnings(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if not finding.is_error]


def valid_placeholders(*, language: str) -> dict[str, str]:
    """The placeholders an editor may write, with the value a public page shows today."""
    return dict(sorted(catalogue_values(language=language).items()))


def guide_keys(*, language: str) -> list[tuple[str, str]]:
    """The keys a `guide:` link may name in `language`, with each guide's title."""
    return list(Guide.objects.in_language(language).order_by("key").values_list("key", "title"))


def _line_findings(
    line: str, *, at: str, placeholders: set[str], guides: dict[str, bool]
) -> list[Finding]:
    findings = []
    for match in PLACEHOLDER.finditer(line):
        if match[1] not in placeholders:
            findings.append(
                Finding(
                    Severity.ERROR,
                    at,
                    _(
                        "La valeur « %(placeholder)s » n'existe pas : "
                        "elle s'afficherait telle quelle."
                    )
                    % {"placeholder": match[0]},
                )
            )
    for match in GUIDE_LINK.finditer(line):
        target = match[1]
        if target not in guides:
            findings.append(
                Finding(
                    Severity.ERROR,
                    at,
                    _("Le lien vers le guide « %(key)s » ne mène à aucun guide de cette langue.")
                    % {"key": target},
                )
            )
        elif not guides[target]:
            findings.append(
                Finding(
                    Severity.WARNING,
                    at,
                    _(
                        "Le guide « %(key)s » n'est pas en ligne : "
                        "le lien mènera à une page introuvable."
                    )
                    % {"key": target},
                )
            )
    if line.startswith((CONFLICT_START, CONFLICT_END)):
        findings.append(
            Finding(
                Severity.ERROR,
                at,
                _(
                    "Une marque de fusion est restée : gardez ce qu'il faut de chaque version, "
                    "puis retirez les lignes %(start)s, %(middle)s et %(end)s."
                )
                % {"start": CONFLICT_START, "middle": CONFLICT_MIDDLE, "end": CONFLICT_END},
            )
        )
    for match in IMAGE.finditer(line):
        if not _image_exists(match[1]):
            findings.append(
                Finding(
                    Severity.ERROR,
                    at,
                    _("L'image « %(path)s » est introuvable sur le portail.") % {"path": match[1]},
                )
            )
    return findings


def _texts(content: GuideContent) -> list[tuple[str, str]]:
    texts = [
        (_("Titre"), content.title),
        (_("Résumé"), content.summary),
        (_("Texte"), content.body),
    ]
    for number, (title, body) in enumerate(content.steps, start=1):
        name = _step_name(number, title)
        texts += [(_("%(step)s, titre") % {"step": name}, title), (name, body)]
    return texts


def _step_name(number: int, title: str) -> str:
    return _("Étape %(number)s « %(title)s »") % {"number": number, "title": title}


def _guide_keys(*, language: str) -> dict[str, bool]:
    """Each key of the language, and whether its guide is online now."""
    online = Q(status=GuideStatus.PUBLISHED, published_at__lte=timezone.now())
    rows = Guide.objects.in_language(language).annotate(
        online=ExpressionWrapper(online, output_field=BooleanField())
    )
    return dict(rows.values_list("key", "online"))


def _has_twin(*, key: str) -> bool:
    return Guide.objects.filter(key=key, language=Language.ENGLISH).exists()


def _image_exists(path: str) -> bool:
    """Only the portal's own files: the pages' security policy blocks any other address."""
    for prefix, exists in (
        (_url_path(settings.STATIC_URL), finders.find),
        (_url_path(settings.MEDIA_URL or "/media/"), default_storage.exists),
    ):
        if prefix != "/" and path.startswith(prefix):
            name = path.removeprefix(prefix)
            return bool(name) and ".." not in name.split("/") and bool(exists(name))
    return False


def _url_path(url: str) -> str:
    return "/" + url.strip("/") + "/"
