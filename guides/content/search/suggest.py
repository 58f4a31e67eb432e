"""A "did you mean …?": each word nobody wrote in the guides' titles and summaries is replaced
by the nearest of their words (client names, key terms), with RapidFuzz. A search that found
nothing shows the corrected query's guides; one that found guides through its other words
offers the correction as a link. It answers typos on every database: PostgreSQL has its
trigram match besides, SQLite has only this.
"""

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from rapidfuzz import fuzz, process

from guides.content.search.query import (
    STOP_WORDS,
    TERM,
    SearchHit,
    normalise,
    search_guides,
)
from guides.models import Guide

MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
MIN_SCORE = 80  # "tunderbird" → "thunderbird" scores 95, "outlok" → "outlook" 92


@dataclass(frozen=True)
class Vocabulary:
    """The guides' words: normalised → as first written, and the normalised ones in order, so
    telling whether a word starts one of them is a binary search, not a walk through all."""

    spelling: dict[str, str]
    ordered: tuple[str, ...]

    def knows_start(self, key: str) -> bool:
        at = bisect_left(self.ordered, key)
        return at < len(self.ordered) and self.ordered[at].startswith(key)


@dataclass(frozen=True)
class Answer:
    hits: list[SearchHit]
    corrected: str | None  # the query searched instead of the one typed, if any
    suggested: str | None = None  # a spelling to offer beside the guides found


def search_or_suggest(*, query: str, language: str, words: Callable[[], dict[str, str]]) -> Answer:
    """The guides for `query`, with a corrected spelling to offer; if none, the guides for
    its corrected spelling, if any. `words` gives the vocabulary (see `vocabulary`), which the
    caller keeps: building it reads every guide."""
    hits = search_guides(query=query, language=language)
    corrected = did_you_mean(query=query, words=words())
    if hits or corrected is None:
        return Answer(hits=hits, corrected=None, suggested=corrected)
    return Answer(hits=search_guides(query=corrected, language=language), corrected=corrected)


def did_you_mean(*, query: str, words: Vocabulary) -> str | None:
    """`query` with its unknown words spelt as the guides spell them; None if none changed."""
    changed = False
    spelt = []
    for word in query.split():
        key = normalise(word)
        if len(key) < MIN_LENGTH or words.knows_start(key):
            spelt.append(word)
            continue
        match = process.extractOne(
            key, words.spelling.keys(), scorer=fuzz.ratio, score_cutoff=MIN_SCORE
        )
        spelt.append(words.spelling[match[0]] if match else word)
        changed = changed or match is not None
    return " ".join(spelt) if changed else None


def vocabulary(*, language: str) -> Vocabulary:
    """The words of the published guides' titles and summaries."""
    ignored = STOP_WORDS.get(language, STOP_WORDS["fr"])
    rows = Guide.objects.published().in_language(language).values_list("title", "summary")
    # A word never spans a space: the regular expression reads each distinct piece of text
    # between spaces once (a few thousand) rather than all the text (a megabyte at 5,000
    # guides); the words and the order they are first met in are the same.
    pieces = dict.fromkeys(" ".join(chain.from_iterable(rows)).split())
    words: dict[str, str] = {}
    for word in dict.fromkeys(TERM.findall(" ".join(pieces))):
        key = normalise(word)
        if len(key) >= MIN_LENGTH and key not in ignored:
            words.setdefault(key, word)
    return Vocabulary(spelling=words, ordered=tuple(sorted(words)))
