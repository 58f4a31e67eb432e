"""The portal's data, one module a concept."""

from .audit import AuditAction, AuditLog
from .catalogue import MailClient, Platform, Protocol, Security, ServerEndpoint
from .content import Category, CategoryKind, Guide, GuideStatus, Language, Step, Widget
from .customers import Customer, Domain, Subscription, SubscriptionStatus
from .diagnostic_log import CheckStatus, DiagnosticLog, ReportSource
from .editorial import GuideImage, Revision, RevisionState, SlugRedirect
from .feedback import GuideView, Vote
from .offers import Limit, LimitKind, MxHost, Offer, OfferKind, Protection, Unit
from .search_log import SearchLog
from .status import Maintenance, MaintenanceKind, MaintenanceStatus

__all__ = [
    "AuditAction",
    "AuditLog",
    "Category",
    "CategoryKind",
    "CheckStatus",
    "Customer",
    "DiagnosticLog",
    "Domain",
    "Guide",
    "GuideImage",
    "GuideStatus",
    "GuideView",
    "Language",
    "Limit",
    "LimitKind",
    "MailClient",
    "Maintenance",
    "MaintenanceKind",
    "MaintenanceStatus",
    "MxHost",
    "Offer",
    "OfferKind",
    "Platform",
    "Protection",
    "Protocol",
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
