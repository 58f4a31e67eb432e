from django import template
from django.utils.safestring import mark_safe

from guides.content.placeholders import expand

register = template.Library()


@register.filter
def fill(html: str, values: dict[str, str]) -> str:
    """Fill the placeholders of stored, sanitised guide HTML; the values are escaped."""
    return mark_safe(expand(html, values))
