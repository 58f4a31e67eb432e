"""Markdown to safe HTML: one function for the public pages, the wizard and the staff preview."""

import re
from collections.abc import Callable

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "code",
    "pre",
    "em",
    "strong",
    "del",
    "s",  # markdown-it writes ~~strikethrough~~ as <s>
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
GUIDE_LINK = re.compile(r'href="guide:([a-z0-9-]+)"')

_parser = (
    MarkdownIt("commonmark", {"html": False, "linkify": False})
    .enable("table")
    .enable("strikethrough")
)
_parser.validateLink = lambda url: not url.lower().startswith(("javascript:", "vbscript:", "data:"))


def render_markdown(
    source: str, *, language: str, resolve: Callable[[str], str] | None = None
) -> str:
    """Render Markdown, resolve `guide:<key>` links in `language`, and keep only safe HTML."""
    if resolve is None:

        def resolve(key: str) -> str:
            return guide_url(key=key, language=language)

    html = GUIDE_LINK.sub(lambda match: f'href="{resolve(match[1])}"', _parser.render(source))
    return sanitise_html(html)


def sanitise_html(html: str) -> str:
    """Keep headings, lists, tables, links, images, code and emphasis; drop everything else."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


def guide_url(*, key: str, language: str) -> str:
    """The URL of the guide with this key in `language`; a key not (yet) known gets a URL that
    redirects once it exists."""
    from django.urls import reverse
    from django.utils import translation

    from guides.models import Guide

    guide = Guide.objects.filter(language=language, key=key).only("slug", "language").first()
    if guide is not None:
        return guide.get_absolute_url()
    with translation.override(language):
        return reverse("guides:guide_by_key", kwargs={"key": key})
