"""The portal's data, one module a concept."""

from .catalogue import MailClient, Platform, Protocol, Security, ServerEndpoint
from .content import Category, CategoryKind, Guide, GuideStatus, Language, Step, Widget
from .offers import Limit, LimitKind, MxHost, Offer, OfferKind, Protection, Unit
from .search_log import SearchLog

__all__ = [
    "Category",
    "CategoryKind",
    "Guide",
    "GuideStatus",
    "Language",
    "Limit",
    "LimitKind",
    "MailClient",
    "MxHost",
    "Offer",
    "OfferKind",
    "Platform",
    "Protection",
    "Protocol",
    "SearchLog",
    "Security",
    "ServerEndpoint",
    "Step",
    "Unit",
    "Widget",
]
