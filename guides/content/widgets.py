"""The live catalogue data each guide widget shows."""

from django.utils import translation

from guides.catalogue.generations import public_webmail
from guides.content.placeholders import limit_label
from guides.models import (
    AlternativeHost,
    Limit,
    LimitKind,
    MxHost,
    Offer,
    OfferGeneration,
    OfferKind,
    Protocol,
    Security,
    ServerEndpoint,
    Widget,
)


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
        return {
            "endpoints": sorted(endpoints, key=reading_order),
            "alternative_hosts": list(AlternativeHost.objects.all()),
        }
    if widget is Widget.WEBMAIL:
        return {
            "webmail": public_webmail(language=language),
            "generations": [
                (generation.display_name(language), generation.webmail_name)
                for generation in OfferGeneration.objects.all()
            ],
        }
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
    if widget is Widget.GENERATIONS:
        return {"generations": generation_columns(language=language)}
    if widget is Widget.OFFERS:
        return {"offers": offer_rows(language=language)}
    return {}


def offer_rows(*, language: str) -> list[tuple[Offer, str, str]]:
    """Each offer, its name and its largest mailbox: the offer's own limit, else (for MX Plan
    and hosting plans) the shared offer's."""
    quotas = {limit.offer_id: limit for limit in Limit.objects.filter(kind=LimitKind.QUOTA_MAX)}

    def quota(offer: Offer) -> str:
        shared = quotas.get(None) if offer.kind != OfferKind.EXCHANGE else None
        limit = quotas.get(offer.pk, shared)
        return limit_label(limit) if limit else "—"

    with translation.override(language):
        return [
            (offer, offer.display_name(language), quota(offer)) for offer in Offer.objects.all()
        ]


def generation_columns(*, language: str) -> list[dict]:
    """Each generation as a column of the comparison table, in the page's language."""
    with translation.override(language):
        return [
            {
                "name": generation.display_name(language),
                "webmail_name": generation.webmail_name,
                "webmail_url": generation.webmail_link(language),
                "recognise": generation.localised("recognise", language),
                "password_path": generation.localised("password_path", language),
                "deleted_items_days": generation.deleted_items_days,
                "features": generation.features(),
            }
            for generation in OfferGeneration.objects.all()
        ]
