"""The live catalogue data each guide widget shows."""

from django.utils import translation

from guides.models import Limit, MxHost, Offer, Protocol, ServerEndpoint, Widget
from guides.placeholders import limit_label


def widget_context(*, widget: Widget, language: str) -> dict:
    if widget is Widget.SERVER_SETTINGS:
        endpoints = ServerEndpoint.objects.exclude(protocol=Protocol.WEBMAIL)
        return {"endpoints": list(endpoints.order_by("protocol", "-security", "port"))}
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
