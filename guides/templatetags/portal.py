import datetime
import math

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from guides.content.placeholders import expand
from guides.content.value_marks import breakable as breakable_value
from guides.content.value_marks import mark_values

register = template.Library()


@register.filter
def fill(html: str, values: dict[str, str]) -> str:
    """Fill the placeholders of stored, sanitised guide HTML; the values are escaped."""
    return mark_safe(expand(html, values))


@register.filter
def with_values(text: str, values: tuple[str, ...]) -> str:
    """A sentence, escaped, with the values it quotes (host names, records) shown as code."""
    return mark_values(text=text, values=values)


@register.filter
def breakable(value: str) -> str:
    """A web address or a name shown as text, which may break only after a dot or a slash."""
    return breakable_value(value=value)


@register.filter
def minutes(duration: datetime.timedelta) -> int:
    """A duration in whole minutes, rounded up (a lock-out of 14 min 30 s says 15)."""
    return math.ceil(duration.total_seconds() / 60)


@register.simple_tag
def icon(name: str, size: int = 24) -> str:
    """An icon of static/img/icons.svg (one file, cached; no inline style): decorative, so
    hidden from screen readers, which read the text beside it."""
    return format_html(
        '<svg class="icon icon-{}" width="{}" height="{}" aria-hidden="true" focusable="false">'
        '<use href="{}#{}"></use></svg>',
        name,
        size,
        size,
        static("img/icons.svg"),
        name,
    )
