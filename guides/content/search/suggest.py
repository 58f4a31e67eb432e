"""A "did you mean …?" for a search that found nothing: each word nobody wrote in the guides is
replaced by the nearest word of their titles and summaries (client names, key terms), with
RapidFuzz. It answers typos on every database: PostgreSQL has its trigram match besides, SQLite
has only this.
"""

from dataclasses import dataclass

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
class Answer:
    hits: list[SearchHit]
    corrected: str | None  # the query searched instead of the one typed, if any


def search_or_suggest(*, query: str, language: str) -> Answer:
    """The guides for `query`; if none, the guides for its corrected spelling, if any."""
    hits = search_guides(query=query, language=language)
    if hits:
        return Answer(hits=hits, corrected=None)
    corrected = did_you_mean(query=query, language=language)
    if corrected is None:
        return Answer(hits=[], corrected=None)
    return Answer(hits=search_guides(query=corrected, language=language), corrected=corrected)


def did_you_mean(*, query: str, language: str) -> str | None:
    """`query` with its unknown words spelt as the guides spell them; None if none changed."""
    words = vocabulary(language=language)
    changed = False
    spelt = []
    for word in query.split():
        key = normalise(word)
        if len(key) < MIN_LENGTH or any(known.startswith(key) for known in words):
            spelt.append(word)
            continue
        match = process.extractOne(key, words.keys(), scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
        spelt.append(words[match[0]] if match else word)
        changed = changed or match is not None
    return " ".join(spelt) if changed else None


def vocabulary(*, language: str) -> dict[str, str]:
    """The words of the published guides' titles and summaries: normalised → as first written."""
    ignored = STOP_WORDS.get(language, STOP_WORDS["fr"])
    words: dict[str, str] = {}
    for title, summary in (
        Guide.objects.published().in_language(language).values_list("title", "summary")
    ):
        for text in (title, summary):
            for word in TERM.findall(text):
                key = normalise(word)
                if len(key) >= MIN_LENGTH and key not in ignored:
                    words.setdefault(key, word)
    return words
