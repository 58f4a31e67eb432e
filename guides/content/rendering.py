"""Derived fields of a guide: the stored HTML and the search text, kept in step with the
Markdown source by whoever saves it (the editorial workflow, the import), not by the model."""

from guides.content.markdown import render_markdown
from guides.content.placeholders import catalogue_values
from guides.content.search.query import search_text
from guides.models import Guide, Step


def render_guide(*, guide: Guide) -> None:
    """Fill `body_html` and `search_text` from the Markdown (and the saved steps); not saved."""
    guide.body_html = render_markdown(guide.body, language=guide.language)
    steps = [(step.title, step.body) for step in guide.steps.all()] if guide.pk else []
    guide.search_text = search_text(
        body=guide.body, steps=steps, values=catalogue_values(language=guide.language)
    )


def render_step(*, step: Step) -> None:
    step.body_html = render_markdown(step.body, language=step.guide.language)
