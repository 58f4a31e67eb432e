"""Guides to files and back, in the format of guides/content/data/README.md.

`export_guides` writes what the public reads (drafts never published say `status: draft`);
`import_guides` reads a whole directory first and writes nothing unless every file is right,
then saves each change as a revision. The images the guides show travel with them
(guides.editorial.image_transfer). Export, import and export again give the same bytes.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from guides.content.guide_files import (
    GuideFile,
    GuideFileError,
    format_guide_file,
    parse_guide_file,
)
from guides.content.rendering import render_guide, render_step
from guides.editorial import workflow
from guides.editorial.audit import record
from guides.editorial.image_transfer import export_images, read_images, store_images
from guides.editorial.revisions import GuideContent
from guides.models import AuditAction, CategoryKind, Guide, GuideStatus, MailClient, Widget

DRAFT = "draft"


@dataclass
class ExportReport:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


class ImportRefused(Exception):
    """At least one file is wrong; nothing was written."""

    def __init__(self, errors: list[GuideFileError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class GuideSource:
    """One file read and checked: what it says about one guide in one language."""

    name: str
    text: str
    language: str
    key: str
    content: GuideContent
    review_by: datetime.date | None
    draft: bool


def guide_file_of(guide: Guide) -> GuideFile:
    return GuideContent.of_guide(guide).guide_file(
        key=guide.key,
        review_by=guide.review_by.isoformat() if guide.review_by else "",
        status="" if guide.status == GuideStatus.PUBLISHED else DRAFT,  # retired: not live
    )


def export_guides(*, directory: Path) -> ExportReport:
    """Write every guide to `directory/<language>/<slug>.md`; other .md files there go."""
    report = ExportReport()
    guides = Guide.objects.select_related("category", "client").prefetch_related("steps")
    texts = []
    for guide in guides.order_by("language", "slug"):
        path = directory / guide.language / f"{guide.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        texts.append(format_guide_file(guide_file_of(guide)))
        path.write_text(texts[-1], encoding="utf-8", newline="\n")
        report.written.append(path)
    report.images = export_images(directory=directory, texts=texts)
    for code, _name in settings.LANGUAGES:
        for path in sorted((directory / code).glob("*.md")):
            if path not in report.written:
                path.unlink()
                report.removed.append(path)
    return report


def read_guide_files(*, directory: Path) -> list[GuideSource]:
    """Every guide file under `directory`, checked; raises ImportRefused listing each
    problem by file name and line."""
    errors: list[GuideFileError] = []
    sources: list[GuideSource] = []
    clients = set(MailClient.objects.values_list("slug", flat=True))
    for code, _name in settings.LANGUAGES:
        for path in sorted((directory / code).glob("*.md")):
            name = str(path.relative_to(directory))
            try:
                sources.append(_read(path, name=name, language=code, clients=clients))
            except GuideFileError as error:
                errors.append(error)
    errors += _duplicates(sources)
    if errors:
        raise ImportRefused(errors)
    return sources


def import_guides(*, directory: Path, delete_missing: bool = False) -> ImportReport:
    """Bring the database in line with the files, in one transaction: new guides are
    created, changed ones get a revision (published if the guide is), none is deleted unless
    `delete_missing` (then only in the languages that have a directory)."""
    sources = read_guide_files(directory=directory)
    images, errors = read_images(
        directory=directory, texts={source.name: source.text for source in sources}
    )
    if errors:
        raise ImportRefused(errors)
    languages = {code for code, _name in settings.LANGUAGES if (directory / code).is_dir()}
    report = ImportReport(images=[image.name for image in images])
    with transaction.atomic():
        store_images(images)
        existing = {
            (g.language, g.key): g for g in Guide.objects.select_related("category", "client")
        }
        in_files = {(source.language, source.key) for source in sources}
        missing = [
            guide
            for (language, key), guide in existing.items()
            if language in languages and (language, key) not in in_files
        ]
        for guide in missing:
            if delete_missing:
                record(actor=None, action=AuditAction.DELETE, target=guide, detail="import")
                report.deleted.append(f"{guide.language}/{guide.slug}")
                guide.delete()
            else:
                report.notes.append(
                    _("%(guide)s : absent des fichiers, gardé.")
                    % {"guide": f"{guide.language}/{guide.slug}"}
                )
        touched = []
        for source in sources:
            guide = existing.get((source.language, source.key))
            try:
                touched.append(_import_one(source, guide, report))
            except (workflow.EditorialError, IntegrityError) as error:
                raise ImportRefused(
                    [
                        GuideFileError(
                            name=source.name, line=_line(source.text, "slug"), message=str(error)
                        )
                    ]
                ) from None
        for guide in filter(None, touched):
            _render_again(guide)
    return report


def _import_one(source: GuideSource, guide: Guide | None, report: ImportReport) -> Guide | None:
    message = f"Import de {source.name}"
    if guide is None:
        guide = workflow.create_guide(
            language=source.language,
            key=source.key,
            content=source.content,
            author=None,
            message=message,
            review_by=source.review_by,
        )
        if not source.draft:
            workflow.publish(guide=guide, revision=workflow.head_revision(guide), author=None)
        report.created.append(source.name)
        return guide
    if guide.review_by != source.review_by:
        guide.review_by = source.review_by
        guide.save(update_fields=["review_by"])
        record(
            actor=None,
            action=AuditAction.IMPORT,
            target=guide,
            detail=f"{message} : date de relecture",
        )
    live = GuideContent.of_guide(guide)
    to_publish = not source.draft and guide.status == GuideStatus.DRAFT
    if live == source.content and not to_publish:
        report.unchanged.append(source.name)
        return None
    head = workflow.head_revision(guide)
    if head is not None and head.awaits_editor and live != source.content:
        report.notes.append(
            _("%(file)s : le brouillon en attente (révision %(number)s) reste dans l'historique.")
            % {"file": source.name, "number": head.number}
        )
    revision = workflow.save_draft(
        guide=guide,
        content=source.content,
        author=None,
        base_number=workflow.head_number(head),
        message=message,
        action=AuditAction.IMPORT,
    )
    if not source.draft:
        workflow.publish(guide=guide, revision=revision, author=None)
    elif guide.status == GuideStatus.PUBLISHED:
        report.notes.append(
            _("%(file)s : marqué brouillon, le texte attend d'être publié.") % {"file": source.name}
        )
    report.updated.append(source.name)
    return guide


def _render_again(guide: Guide) -> None:
    """Links to guides created later in the same import resolve now."""
    guide.refresh_from_db()
    for step in guide.steps.all():
        step.guide = guide
        render_step(step=step)
        step.save(update_fields=["body_html"])
    render_guide(guide=guide)
    guide.save(update_fields=["body_html", "search_text"])


# What the error message promises: lower-case letters, digits and single hyphens.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Control characters other than tab (line ends are split off before the check).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _read(path: Path, *, name: str, language: str, clients: set[str]) -> GuideSource:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise GuideFileError(
            name=name, line=1, message=f"not UTF-8 text ({error.reason})"
        ) from None
    except OSError as error:  # a folder named *.md, a dangling link, no permission
        raise GuideFileError(
            name=name, line=1, message=f"cannot be read ({error.strerror or error})"
        ) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if CONTROL.search(line):
            raise GuideFileError(
                name=name, line=number, message="holds a control character (such as NUL)"
            )
    parsed = parse_guide_file(text, name=name)
    meta = parsed.meta

    def fail(field_name: str, message: str) -> GuideFileError:
        return GuideFileError(name=name, line=_line(text, field_name), message=message)

    for field_name in ("key", "slug"):
        if not SLUG.fullmatch(meta[field_name]):
            raise fail(field_name, f"{field_name!r} must use only a-z, 0-9 and '-'")
    limits = {"slug": 100, "key": 50, "title": 200, "summary": 300}
    for field_name, limit in limits.items():
        if len(meta.get(field_name, "")) > limit:
            raise fail(field_name, f"{field_name!r} is longer than {limit} characters")
    if meta["category"] not in CategoryKind.values:
        raise fail("category", f"unknown category {meta['category']!r}")
    if meta.get("client") and meta["client"] not in clients:
        raise fail("client", f"unknown mail client {meta['client']!r}")
    if meta.get("widget") and meta["widget"] not in Widget.values:
        raise fail("widget", f"unknown widget {meta['widget']!r}")
    if int(meta.get("order", 0)) > 32767:
        raise fail("order", "'order' is too large")
    try:
        review_by = (
            datetime.date.fromisoformat(meta["review_by"]) if meta.get("review_by") else None
        )
    except ValueError:
        raise fail("review_by", "'review_by' must be a date such as 2027-06-01") from None
    return GuideSource(
        name=name,
        text=text,
        language=language,
        key=meta["key"],
        content=GuideContent(
            slug=meta["slug"],
            title=meta["title"],
            summary=meta.get("summary", ""),
            body=parsed.body,
            steps=tuple(parsed.steps),
            category=meta["category"],
            client=meta.get("client", ""),
            widget=meta.get("widget", ""),
            order=int(meta.get("order", 0)),
        ),
        review_by=review_by,
        draft=meta.get("status") == DRAFT,
    )


def _duplicates(sources: list[GuideSource]) -> list[GuideFileError]:
    errors = []
    seen: dict[tuple[str, str, str], str] = {}
    for source in sources:
        for field_name, value in (("key", source.key), ("slug", source.content.slug)):
            first = seen.setdefault((source.language, field_name, value), source.name)
            if first != source.name:
                errors.append(
                    GuideFileError(
                        name=source.name,
                        line=_line(source.text, field_name),
                        message=f"{field_name} {value!r} is already used by {first}",
                    )
                )
    return errors


def _line(text: str, field_name: str) -> int:
    """The line of a front matter field, for error messages."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.partition(":")[0].strip() == field_name:
            return number
    return 1
