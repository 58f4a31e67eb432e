"""Markdown to safe HTML: one function for the public pages, the wizard and the staff preview."""

import re
from collections.abc import Callable

import nh3
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from mdit_py_plugins.container import container_plugin

ALLOWED_TAGS = {
    "div",  # callouts only: no attribute but their classes
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
    "img": {"src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "ol": {"start"},
    "th": {"scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# The boxes written `::: warning` … `:::` (a custom title may follow the name), with the title
# shown when none is given.
CALLOUTS = {
    "warning": _("Attention"),
    "note": _("À noter"),
    "tip": _("Astuce"),
}
ALLOWED_CLASSES = {
    "div": {"callout", *(f"callout-{kind}" for kind in CALLOUTS)},
    "p": {"callout-title"},
}
GUIDE_LINK = re.compile(r'href="guide:([a-z0-9-]+)"')
UPLOADED_IMAGE = re.compile(r'<img src="(/[^"]+/guides/[0-9a-f]+\.(?:png|jpg|webp))"')
# The column a guide's text is read in: the whole screen on a phone, at most 46rem beyond.
IMAGE_SIZES = "(max-width: 46rem) 100vw, 46rem"

_parser = (
    MarkdownIt("commonmark", {"html": False, "linkify": False})
    .enable("table")
    .enable("strikethrough")
)


def _callout_renderer(kind: str) -> Callable:
    def render(renderer, tokens, index, options, env) -> str:
        token = tokens[index]
        if token.nesting != 1:
            return "</div>\n"
        title = token.info.strip()[len(kind) :].strip()
        if not title:
            with translation.override(env.get("language")):
                title = str(CALLOUTS[kind])
        return (
            f'<div class="callout callout-{kind}">'
            f'<p class="callout-title"><strong>{escapeHtml(title)}</strong></p>\n'
        )

    return render


for _kind in CALLOUTS:
    _parser.use(container_plugin, name=_kind, render=_callout_renderer(_kind))
_parser.validateLink = lambda url: not url.lower().startswith(("javascript:", "vbscript:", "data:"))


def render_markdown(
    source: str, *, language: str, resolve: Callable[[str], str] | None = None
) -> str:
    """Render Markdown, resolve `guide:<key>` links in `language`, and keep only safe HTML."""
    if resolve is None:

        def resolve(key: str) -> str:
            return guide_url(key=key, language=language)

    rendered = _parser.render(source, {"language": language})
    html = GUIDE_LINK.sub(lambda match: f'href="{resolve(match[1])}"', rendered)
    html = UPLOADED_IMAGE.sub(lambda match: "<img " + _image_attributes(match[1]), html)
    return sanitise_html(html)


def _image_attributes(src: str) -> str:
    """An uploaded image's size (no jump in the page while it loads), its phone-sized copy
    for narrow screens, and lazy loading; the address alone for anything else."""
    from django.conf import settings
    from django.core.files.storage import default_storage

    from guides.models import GuideImage

    name = src.removeprefix("/" + (settings.MEDIA_URL or "/media/").strip("/") + "/")
    image = GuideImage.objects.filter(file=name).only("width", "height").first()
    if image is None:
        return f'src="{src}"'
    attributes = (
        f'src="{src}" width="{image.width}" height="{image.height}" loading="lazy" decoding="async"'
    )
    small = GuideImage.small_name(name)
    if default_storage.exists(small):
        srcset = f"{src.removesuffix(name)}{small} {GuideImage.SMALL_WIDTH}w, {src} {image.width}w"
        attributes += f' srcset="{srcset}" sizes="{IMAGE_SIZES}"'
    return attributes


def sanitise_html(html: str) -> str:
    """Keep headings, lists, tables, links, images, code, emphasis and callouts; drop everything
    else."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
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
