"""The live catalogue data each guide widget shows."""

from django.utils import translation

from guides.content.placeholders import limit_label
from guides.models import Limit, MxHost, Offer, Protocol, Security, ServerEndpoint, Widget


def reading_order(endpoint: ServerEndpoint) -> tuple[int, int, int]:
    """IMAP, POP, then SMTP; for each, the encrypted port before the others, as the guide reads."""
    return (
        list(Protocol).index(Protocol(endpoint.protocol)),
        list(Security).index(Security(endpoint.security)),
        endpoint.port,
    )


def widget_context(*, widget: Widget, language: str) -> dict:
    if widget is Widget.SERVER_SETTINGS:
        endpoints = ServerEndpoint.objects.exclude(protocol=Protocol.WEBMAIL)
        return {"endpoints": sorted(endpoints, key=reading_order)}
    if widget is Widget.WEBMAIL:
        return {"webmail": ServerEndpoint.objects.filter(protocol=Protocol.WEBMAIL).first()}
    if widget is Widget.MX_HOSTS:
        return {"mx_hosts": list(MxHost.objects.all())}
    if widget is Widget.LIMITS:
        with translation.override(language):
            return {
                "limits": [
                    (limit.get_kind_display(), limit_label(limit))
                    for limit in Limit.objects.filter(offer=None)
                ]
            }
    if widget is Widget.OFFERS:
        return {"offers": [(offer, offer.display_name(language)) for offer in Offer.objects.all()]}
    return {}
