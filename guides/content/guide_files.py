"""The guide file format (see guides/content/data/README.md): front matter, Markdown body, steps.

Read by the data migration and `import_guides`, written by `export_guides`; formatting a parsed
file gives back the same text, so an export, an import and another export agree byte for byte.
"""

import re
from dataclasses import dataclass, field

FRONT_MATTER_FIELDS = (
    "key",
    "category",
    "slug",
    "title",
    "summary",
    "order",
    "client",
    "widget",
    "review_by",
    "status",
)
OPTIONAL_FIELDS = {"summary", "client", "widget", "review_by", "order", "status"}
STATUSES = {"draft", "published"}
STEP_MARKER = "=== step: "


class GuideFileError(ValueError):
    def __init__(self, *, name: str, line: int, message: str) -> None:
        super().__init__(f"{name}:{line}: {message}")
        self.name, self.line, self.message = name, line, message


@dataclass
class GuideFile:
    meta: dict[str, str]
    body: str
    steps: list[tuple[str, str]] = field(default_factory=list)


def parse_guide_file(text: str, *, name: str) -> GuideFile:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise GuideFileError(name=name, line=1, message="the file must start with a '---' line")
    meta: dict[str, str] = {}
    line_of: dict[str, int] = {}
    end = None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            end = number
            break
        field_name, sep, value = line.partition(":")
        field_name = field_name.strip()
        if not sep or field_name not in FRONT_MATTER_FIELDS:
            raise GuideFileError(
                name=name, line=number, message=f"unknown front matter line {line!r}"
            )
        if field_name in meta:
            raise GuideFileError(name=name, line=number, message=f"{field_name!r} is given twice")
        meta[field_name] = value.strip()
        line_of[field_name] = number
    if end is None:
        raise GuideFileError(
            name=name, line=len(lines), message="the front matter has no closing '---'"
        )
    for required in set(FRONT_MATTER_FIELDS) - OPTIONAL_FIELDS:
        if not meta.get(required):
            raise GuideFileError(
                name=name, line=end, message=f"the front matter lacks {required!r}"
            )
    if "order" in meta and not re.fullmatch(r"[0-9]+", meta["order"]):
        raise GuideFileError(
            name=name, line=line_of["order"], message="'order' must be a whole number"
        )
    if meta.get("status", "published") not in STATUSES:
        raise GuideFileError(
            name=name, line=line_of["status"], message="'status' must be draft or published"
        )

    body_lines: list[str] = []
    steps: list[tuple[str, list[str]]] = []
    for number, line in enumerate(lines[end:], start=end + 1):
        if line.startswith(STEP_MARKER):
            title = line[len(STEP_MARKER) :].strip()
            if not title:
                raise GuideFileError(name=name, line=number, message="a step needs a title")
            steps.append((title, []))
        elif steps:
            steps[-1][1].append(line)
        else:
            body_lines.append(line)
    return GuideFile(
        meta=meta,
        body="\n".join(body_lines).strip(),
        steps=[(title, "\n".join(step_lines).strip()) for title, step_lines in steps],
    )


def format_guide_file(guide_file: GuideFile) -> str:
    lines = ["---"]
    lines += [
        f"{name}: {guide_file.meta[name]}"
        for name in FRONT_MATTER_FIELDS
        if guide_file.meta.get(name)
    ]
    lines += ["---", guide_file.body.strip(), ""]
    for title, body in guide_file.steps:
        lines += [f"{STEP_MARKER}{title}", body.strip(), ""]
    return "\n".join(lines)
