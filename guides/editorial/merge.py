"""A save refused because a colleague saved first: what the person typed (from revision `base`)
carried over onto the colleague's version (`theirs`), the new base, so that saving again is an
explicit decision that cannot drop the colleague's change.

The rule is the three-way merge of version control (diff3): a part only one side changed takes
that side's change; a part both changed the same way is kept once; a part both changed
differently is a conflict.
- one-line fields (title, address, category…): a conflict keeps the colleague's value and
  reports the person's, which they see beside the form;
- texts (body and step texts), line by line: a conflict keeps both versions between marks
  (`<<<<<<<`, `=======`, `>>>>>>>`), which the editor refuses to save until the person has
  chosen and removed them;
- steps, as a list: steps changed on both sides are merged one by one when both kept their
  number; otherwise both sides' steps are kept, one after the other, and reported.
"""

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from guides.editorial.revisions import GuideContent

CONFLICT_START = "<<<<<<<"
CONFLICT_MIDDLE = "======="
CONFLICT_END = ">>>>>>>"
ONE_LINE_FIELDS = ("title", "summary", "slug", "category", "client", "widget", "order")


@dataclass(frozen=True)
class Chunk[T]:
    """A run of a merged sequence: kept as is, or a conflict with each side's items."""

    kind: Literal["kept", "conflict"]
    items: tuple[T, ...] = ()
    base: tuple[T, ...] = ()
    theirs: tuple[T, ...] = ()
    yours: tuple[T, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    """Something both changed differently. `field` is a GuideContent field, `step N` (a step's
    title) or `steps` (steps added or removed on both sides at one place); `yours` is the
    person's value for a one-line field, empty otherwise."""

    field: str
    yours: str = ""


@dataclass(frozen=True)
class Merge:
    content: GuideContent
    disagreements: tuple[Disagreement, ...]
    marked: tuple[str, ...]  # the texts holding conflict marks: "body", "step 2"…

    @property
    def clean(self) -> bool:
        return not self.disagreements and not self.marked


def merge_sequences[T](
    *, base: Sequence[T], theirs: Sequence[T], yours: Sequence[T]
) -> list[Chunk[T]]:
    """The three-way merge of two sequences of comparable items edited from `base`."""
    chunks: list[Chunk[T]] = []
    at_base = at_theirs = at_yours = 0
    for sync_base, sync_theirs, sync_yours, length in _sync_regions(base, theirs, yours):
        gap_base = tuple(base[at_base:sync_base])
        gap_theirs = tuple(theirs[at_theirs:sync_theirs])
        gap_yours = tuple(yours[at_yours:sync_yours])
        if gap_theirs == gap_yours or gap_yours == gap_base:
            _keep(chunks, gap_theirs)
        elif gap_theirs == gap_base:
            _keep(chunks, gap_yours)
        else:
            chunks.append(Chunk("conflict", base=gap_base, theirs=gap_theirs, yours=gap_yours))
        _keep(chunks, tuple(base[sync_base : sync_base + length]))
        at_base, at_theirs, at_yours = sync_base + length, sync_theirs + length, sync_yours + length
    return chunks


def merge_text(
    *, base: str, theirs: str, yours: str, their_label: str, your_label: str
) -> tuple[str, bool]:
    """The merged text, line by line, and whether it holds conflict marks."""
    lines: list[str] = []
    marked = False
    for chunk in merge_sequences(
        base=base.splitlines(), theirs=theirs.splitlines(), yours=yours.splitlines()
    ):
        if chunk.kind == "kept":
            lines.extend(chunk.items)
        else:
            marked = True
            lines += [f"{CONFLICT_START} {their_label}", *chunk.theirs, CONFLICT_MIDDLE]
            lines += [*chunk.yours, f"{CONFLICT_END} {your_label}"]
    return "\n".join(lines), marked


def merge_contents(
    *,
    base: GuideContent,
    theirs: GuideContent,
    yours: GuideContent,
    their_label: str,
    your_label: str,
) -> Merge:
    """`yours` carried over onto `theirs`, both written from `base`."""
    labels = {"their_label": their_label, "your_label": your_label}
    changes: dict = {}
    disagreements: list[Disagreement] = []
    for name in ONE_LINE_FIELDS:
        value, disagree = _merge_value(
            getattr(base, name), getattr(theirs, name), getattr(yours, name)
        )
        changes[name] = value
        if disagree:
            disagreements.append(Disagreement(name, yours=str(getattr(yours, name))))
    body, body_marked = merge_text(base=base.body, theirs=theirs.body, yours=yours.body, **labels)
    marked = ["body"] if body_marked else []
    steps: list[tuple[str, str]] = []
    for chunk in merge_sequences(base=base.steps, theirs=theirs.steps, yours=yours.steps):
        if chunk.kind == "kept":
            steps.extend(chunk.items)
        elif len(chunk.base) == len(chunk.theirs) == len(chunk.yours):
            for old, their_step, your_step in zip(
                chunk.base, chunk.theirs, chunk.yours, strict=True
            ):
                where = f"step {len(steps) + 1}"
                title, disagree = _merge_value(old[0], their_step[0], your_step[0])
                if disagree:
                    disagreements.append(Disagreement(where, yours=your_step[0]))
                text, text_marked = merge_text(
                    base=old[1], theirs=their_step[1], yours=your_step[1], **labels
                )
                if text_marked:
                    marked.append(where)
                steps.append((title, text))
        else:
            steps += [*chunk.theirs, *chunk.yours]
            disagreements.append(Disagreement("steps"))
    merged = replace(theirs, body=body, steps=tuple(steps), **changes)
    return Merge(content=merged, disagreements=tuple(disagreements), marked=tuple(marked))


def conflict_lines(*, text: str) -> list[int]:
    """The numbers (from 1) of the lines of `text` that open or close a conflict."""
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.startswith((CONFLICT_START, CONFLICT_END))
    ]


def _merge_value[V](base: V, theirs: V, yours: V) -> tuple[V, bool]:
    """One value: (the merged value, whether both changed it differently)."""
    if yours in (base, theirs):
        return theirs, False
    if theirs == base:
        return yours, False
    return theirs, True


def _keep[T](chunks: list[Chunk[T]], items: tuple[T, ...]) -> None:
    if items:
        chunks.append(Chunk("kept", items=items))


def _sync_regions(
    base: Sequence, theirs: Sequence, yours: Sequence
) -> list[tuple[int, int, int, int]]:
    """Where all three agree: (base start, theirs start, yours start, length), ending with an
    empty region at the three ends."""
    with_theirs = difflib.SequenceMatcher(None, base, theirs, autojunk=False)
    with_yours = difflib.SequenceMatcher(None, base, yours, autojunk=False)
    their_blocks = [block for block in with_theirs.get_matching_blocks() if block.size]
    your_blocks = [block for block in with_yours.get_matching_blocks() if block.size]
    regions = []
    i = j = 0
    while i < len(their_blocks) and j < len(your_blocks):
        their_block, your_block = their_blocks[i], your_blocks[j]
        start = max(their_block.a, your_block.a)
        end = min(their_block.a + their_block.size, your_block.a + your_block.size)
        if start < end:
            regions.append(
                (
                    start,
                    their_block.b + start - their_block.a,
                    your_block.b + start - your_block.a,
                    end - start,
                )
            )
        if their_block.a + their_block.size < your_block.a + your_block.size:
            i += 1
        else:
            j += 1
    regions.append((len(base), len(theirs), len(yours), 0))
    return regions
