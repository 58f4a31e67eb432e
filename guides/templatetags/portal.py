import datetime
import math

from django import template
from django.utils.safestring import mark_safe

from guides.content.placeholders import expand

register = template.Library()


@register.filter
def fill(html: str, values: dict[str, str]) -> str:
    """Fill the placeholders of stored, sanitised guide HTML; the values are escaped."""
    return mark_safe(expand(html, values))


@register.filter
def minutes(duration: datetime.timedelta) -> int:
    """A duration in whole minutes, rounded up (a lock-out of 14 min 30 s says 15)."""
    return math.ceil(duration.total_seconds() / 60)
