"""Guide search: one selector; the database behind it decides how."""

import unicodedata
from dataclasses import dataclass

from guides.models import Guide


def normalise(text: str) -> str:
    """Case-folded, without accents: "Réception" and "RECEPTION" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_text(*, title: str, summary: str, body: str, steps: list[tuple[str, str]]) -> str:
    """The normalised text a guide is found by."""
    step_text = " ".join(f"{step_title} {step_body}" for step_title, step_body in steps)
    return normalise(f"{title}\n{summary}\n{body}\n{step_text}")


@dataclass(frozen=True)
class SearchHit:
    guide: Guide
    snippet: str


def search_guides(*, query: str, language: str, limit: int = 20) -> list[SearchHit]:
    terms = normalise(query).split()
    if not terms:
        return []
    guides = Guide.objects.published().in_language(language).for_listing()
    for term in terms:
        guides = guides.filter(search_text__contains=term)
    return [SearchHit(guide=guide, snippet=guide.summary) for guide in guides[:limit]]
