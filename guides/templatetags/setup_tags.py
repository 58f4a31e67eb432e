"""Template data for the setup pages that the guide page also shows."""

from django import template

from guides.models import Limit, LimitKind

register = template.Library()


@register.simple_tag
def password_rules() -> dict:
    """The shared offer's password rules, for the checker that runs in the browser."""
    kinds = [LimitKind.PASSWORD_MIN, LimitKind.PASSWORD_MAX, LimitKind.PASSWORD_ASCII_ONLY]
    limits = dict(Limit.objects.filter(offer=None, kind__in=kinds).values_list("kind", "value"))
    return {
        "min": limits.get(LimitKind.PASSWORD_MIN),
        "max": limits.get(LimitKind.PASSWORD_MAX),
        "ascii_only": bool(limits.get(LimitKind.PASSWORD_ASCII_ONLY)),
    }
