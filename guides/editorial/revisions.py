"""A guide's editable content as one value, its text form, and the difference between two.

The text form is the guide file format (guides/guide_files.py), so a diff reads like a change
to an exported file: front matter, body and steps alike.
"""

import difflib
from dataclasses import dataclass, field
from typing import Literal

from guides.content.guide_files import GuideFile, format_guide_file
from guides.models import Guide, Revision


@dataclass(frozen=True)
class GuideContent:
    """Everything an editor writes about a guide: what a revision keeps and publishing applies.
    Its identity (language, translation key) and its review date are not part of it."""

    slug: str
    title: str
    summary: str = ""
    body: str = ""
    steps: tuple[tuple[str, str], ...] = field(default=())
    category: str = "reference"
    client: str = ""
    widget: str = ""
    order: int = 0

    @classmethod
    def of_guide(cls, guide: Guide) -> "GuideContent":
        return cls(
            slug=guide.slug,
            title=guide.title,
            summary=guide.summary,
            body=guide.body,
            steps=tuple((step.title, step.body) for step in guide.steps.all()),
            category=guide.category.kind,
            client=guide.client.slug if guide.client_id else "",
            widget=guide.widget,
            order=guide.order,
        )

    @classmethod
    def of_revision(cls, revision: Revision) -> "GuideContent":
        return cls(
            slug=revision.slug,
            title=revision.title,
            summary=revision.summary,
            body=revision.body,
            steps=tuple((title, body) for title, body in revision.steps),
            category=revision.category,
            client=revision.client,
            widget=revision.widget,
            order=revision.order,
        )

    def revision_fields(self) -> dict:
        return {
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "steps": [list(step) for step in self.steps],
            "category": self.category,
            "client": self.client,
            "widget": self.widget,
            "order": self.order,
        }

    def guide_file(self, *, key: str, review_by: str = "", status: str = "") -> GuideFile:
        meta = {
            "key": key,
            "category": self.category,
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "order": str(self.order),
            "client": self.client,
            "widget": self.widget,
            "review_by": review_by,
            "status": status,
        }
        return GuideFile(meta=meta, body=self.body, steps=list(self.steps))

    def as_text(self, *, key: str) -> str:
        return format_guide_file(self.guide_file(key=key))


@dataclass(frozen=True)
class DiffLine:
    kind: Literal["same", "added", "removed", "hunk"]
    text: str


def diff_texts(old: str, new: str, *, context: int = 3) -> list[DiffLine]:
    """A unified diff (difflib) as lines a template can mark up; empty when nothing changed."""
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=context)
    result = []
    for line in list(lines)[2:]:  # the two file header lines say nothing here
        if line.startswith("@@"):
            result.append(DiffLine("hunk", line))
        elif line.startswith("+"):
            result.append(DiffLine("added", line[1:]))
        elif line.startswith("-"):
            result.append(DiffLine("removed", line[1:]))
        else:
            result.append(DiffLine("same", line[1:]))
    return result


def diff_contents(old: GuideContent, new: GuideContent, *, key: str) -> list[DiffLine]:
    return diff_texts(old.as_text(key=key), new.as_text(key=key))
