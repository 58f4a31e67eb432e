"""Whether a translation still follows its French source, judged by the French text, not by
dates: a French guide edited and then restored to the text the translation was made from
leaves the translation up to date. And what changed in the French since then, side by side:
the French the translation was made from beside the French of today, line against line.
"""

import datetime
import difflib
import itertools
import re
from dataclasses import dataclass
from typing import Literal

from guides.editorial.revisions import GuideContent
from guides.models import Guide, RevisionState

_WORD = re.compile(r"\S+|\s+")


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


@dataclass(frozen=True)
class Part:
    """A piece of a line; `changed` when the other side does not have it."""

    text: str
    changed: bool


@dataclass(frozen=True)
class Row:
    """One line of each side. `same`: unchanged; `changed`: the line was rewritten (the parts
    say which words); `removed` or `added`: the line is on one side only (the other is None);
    `gap`: unchanged lines left out between two changes."""

    kind: Literal["same", "changed", "removed", "added", "gap"]
    old: tuple[Part, ...] | None
    new: tuple[Part, ...] | None


@dataclass(frozen=True)
class SourceChanges:
    made_from: datetime.datetime  # the French version the translation was made from
    current: datetime.datetime  # the French version online now
    rows: list[Row]


def source_changes(*, source: Guide, made_from: datetime.datetime | None) -> SourceChanges | None:
    """What changed in the French since the translation was made; None when nothing did or
    when the French text of that time is not in the history."""
    if made_from is None:
        return None
    synced = synced_content(source=source, made_from=made_from)
    if synced is None:
        return None
    rows = side_by_side(
        synced.as_text(key=source.key), GuideContent.of_guide(source).as_text(key=source.key)
    )
    return (
        SourceChanges(made_from=made_from, current=source.updated_at, rows=rows) if rows else None
    )


def side_by_side(old: str, new: str, *, context: int = 2) -> list[Row]:
    """The two texts line against line, around each change with `context` unchanged lines,
    a gap row between two distant changes; empty when the texts are the same."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    rows: list[Row] = []
    for group in matcher.get_grouped_opcodes(context):
        if rows:
            rows.append(Row("gap", None, None))
        for tag, old_start, old_end, new_start, new_end in group:
            old_part, new_part = old_lines[old_start:old_end], new_lines[new_start:new_end]
            if tag == "equal":
                rows += [Row("same", _whole(line, False), _whole(line, False)) for line in old_part]
                continue
            for before, after in itertools.zip_longest(old_part, new_part):
                rows.append(_changed_row(before, after))
    return rows


def _changed_row(before: str | None, after: str | None) -> Row:
    if after is None:
        return Row("removed", _whole(before, True), None)
    if before is None:
        return Row("added", None, _whole(after, True))
    old_parts, new_parts = word_changes(before, after)
    return Row("changed", old_parts, new_parts)


def _whole(line: str, changed: bool) -> tuple[Part, ...]:
    return (Part(line, changed),)


def word_changes(before: str, after: str) -> tuple[tuple[Part, ...], tuple[Part, ...]]:
    """The two versions of a line cut into parts, words the other version lacks marked."""
    old_words, new_words = _words(before), _words(after)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    old_pieces, new_pieces = [], []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        old_pieces.append(("".join(old_words[old_start:old_end]), tag != "equal"))
        new_pieces.append(("".join(new_words[new_start:new_end]), tag != "equal"))
    return _parts(old_pieces), _parts(new_pieces)


def _words(line: str) -> list[str]:
    """Words and the spaces between them, so the parts join back into the line."""
    return [match.group() for match in _WORD.finditer(line)]


def _parts(pieces: list[tuple[str, bool]]) -> tuple[Part, ...]:
    """Pieces of a line as parts to show: the spaces around a change left unmarked, and the
    spaces between two changes inside one (a rewritten sentence reads as one change)."""
    spaced: list[tuple[str, bool]] = []
    for text, changed in pieces:
        core = text.strip()
        if changed and core:
            before, _core, after = text.partition(core)
            spaced += [(before, False), (core, True), (after, False)]
        else:
            spaced.append((text, False))
    parts: list[Part] = []
    for text, changed in spaced:
        if not text:
            continue
        if parts and parts[-1].changed == changed:
            parts[-1] = Part(parts[-1].text + text, changed)
        elif changed and len(parts) >= 2 and parts[-1].text.isspace() and parts[-2].changed:
            space = parts.pop()
            parts[-1] = Part(parts[-1].text + space.text + text, True)
        else:
            parts.append(Part(text, changed))
    return tuple(parts)
