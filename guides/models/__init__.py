"""The portal's data, one module a concept."""

from .audit import AuditAction, AuditLog
from .catalogue import MailClient, Platform, Protocol, Security, ServerEndpoint
from .content import Category, CategoryKind, Guide, GuideStatus, Language, Step, Widget
from .customers import Customer, Domain, Subscription, SubscriptionStatus
from .diagnostic_log import CheckStatus, DiagnosticLog, ReportSource
from .editorial import GuideImage, Revision, RevisionState, SlugRedirect
from .feedback import GuideView, Vote
from .generations import AlternativeHost, Feature, GenerationKind, OfferGeneration, Region
from .offers import Limit, LimitKind, MxHost, Offer, OfferKind, Protection, Unit
from .replies import Actor, DiagnosticTarget, KnownReply
from .search_log import SearchLog
from .status import Maintenance, MaintenanceKind, MaintenanceStatus

__all__ = [
    "Actor",
    "AlternativeHost",
    "AuditAction",
    "AuditLog",
    "Category",
    "CategoryKind",
    "CheckStatus",
    "Customer",
    "DiagnosticLog",
    "DiagnosticTarget",
    "Domain",
    "Feature",
    "GenerationKind",
    "Guide",
    "GuideImage",
    "GuideStatus",
    "GuideView",
    "KnownReply",
    "Language",
    "Limit",
    "LimitKind",
    "MailClient",
    "Maintenance",
    "MaintenanceKind",
    "MaintenanceStatus",
    "MxHost",
    "Offer",
    "OfferGeneration",
    "OfferKind",
    "Platform",
    "Protection",
    "Protocol",
    "Region",
    "ReportSource",
    "Revision",
    "RevisionState",
    "SearchLog",
    "Security",
    "ServerEndpoint",
    "SlugRedirect",
    "Step",
    "Subscription",
    "SubscriptionStatus",
    "Unit",
    "Vote",
    "Widget",
]
