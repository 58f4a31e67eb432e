"""Cached values follow the data they come from: the placeholder values forget the
catalogue when it changes, and the public page cache forgets every page when a guide, a step or
anything a page shows from the catalogue is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from guides.content.placeholders import forget_catalogue_values
from guides.models import (
    AlternativeHost,
    Category,
    Guide,
    KnownReply,
    Limit,
    MailClient,
    Maintenance,
    MxHost,
    Offer,
    OfferGeneration,
    ServerEndpoint,
    SlugRedirect,
    Step,
)
from guides.views.page_cache import forget_pages

CATALOGUE = (ServerEndpoint, Limit, MxHost, OfferGeneration, AlternativeHost)
# KnownReply: the search shows the reply table's explanation of an error code first.
SHOWN_ON_PAGES = (
    *CATALOGUE,
    Guide,
    Step,
    Category,
    MailClient,
    Offer,
    Maintenance,
    SlugRedirect,
    KnownReply,
)


@receiver([post_save, post_delete])
def data_changed(sender, **kwargs) -> None:
    if sender in CATALOGUE:
        forget_catalogue_values()
    if sender in SHOWN_ON_PAGES:
        forget_pages()
