"""Reference data is edited here; guides are written in the staff area and only shown here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from guides.models import (
    AlternativeHost,
    AuditLog,
    Category,
    Customer,
    DiagnosticLog,
    Domain,
    Feature,
    Guide,
    KnownReply,
    Limit,
    MailClient,
    Maintenance,
    MxHost,
    Offer,
    OfferGeneration,
    SearchLog,
    ServerEndpoint,
    SlugRedirect,
    Step,
    Subscription,
    Vote,
)


@admin.register(ServerEndpoint)
class ServerEndpointAdmin(admin.ModelAdmin):
    list_display = ["protocol", "host", "port", "security", "auth_required", "order"]
    list_filter = ["protocol", "security"]


@admin.register(MailClient)
class MailClientAdmin(admin.ModelAdmin):
    list_display = ["name", "platform", "version", "legacy", "order"]
    list_filter = ["platform", "legacy"]
    list_editable = ["order"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class LimitInline(admin.TabularInline):
    model = Limit
    extra = 0


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "accounts", "order"]
    list_filter = ["kind"]
    inlines = [LimitInline]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Limit)
class LimitAdmin(admin.ModelAdmin):
    list_display = ["kind", "offer", "value"]
    list_filter = ["offer"]


@admin.register(MxHost)
class MxHostAdmin(admin.ModelAdmin):
    list_display = ["host", "protection", "priority", "legacy"]
    list_filter = ["protection", "legacy"]


@admin.register(KnownReply)
class KnownReplyAdmin(admin.ModelAdmin):
    """The message doctor's reply table: support staff correct and add entries here."""

    list_display = ["key", "code", "status", "title", "actor", "position"]
    list_filter = ["actor", "diagnose"]
    search_fields = ["key", "code", "status", "phrases", "title", "title_en"]


@admin.register(OfferGeneration)
class OfferGenerationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "webmail_name", "deleted_items_days", "order"]
    list_editable = ["order"]
    fieldsets = [
        (None, {"fields": ["kind", "name", "name_en", "order"]}),
        (
            _("Webmail"),
            {
                "fields": [
                    "webmail_name",
                    "webmail_url",
                    "webmail_url_en",
                    "recognise",
                    "recognise_en",
                ]
            },
        ),
        (_("Espace client"), {"fields": ["password_path", "password_path_en"]}),
        (
            _("Fonctions et limites"),
            {"fields": ["deleted_items_days", *(feature.value for feature in Feature)]},
        ),
        (_("Sources"), {"fields": ["sources"]}),
    ]


@admin.register(AlternativeHost)
class AlternativeHostAdmin(admin.ModelAdmin):
    list_display = ["host", "protocol", "region", "order"]
    list_filter = ["region", "protocol"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "kind", "order"]


class StepInline(admin.StackedInline):
    model = Step
    extra = 0


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "language",
        "category",
        "client",
        "status",
        "published_at",
        "review_by",
    ]
    list_filter = ["language", "category", "status"]
    search_fields = ["title", "summary", "key", "slug"]
    inlines = [StepInline]

    # Guides are written in the staff area, where every change is a revision and a conflict
    # is caught; the admin only shows them.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin):
    list_display = ["query", "language", "results", "created"]
    list_filter = ["language"]
    search_fields = ["query"]


# Diagnostic: customers, their domains and subscriptions (read by the offer check), the
# maintenance list shown publicly, and the history of reports (read-only).
class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0
    fields = ["name", "registration_expires_on"]


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["name", "user"]
    search_fields = ["name", "user__username", "user__email", "domains__name"]
    autocomplete_fields = ["user"]
    inlines = [DomainInline]


class SubscriptionInline(admin.StackedInline):
    model = Subscription
    extra = 0
    fk_name = "domain"


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["name", "customer", "registration_expires_on"]
    search_fields = ["name", "customer__name"]
    autocomplete_fields = ["customer"]
    inlines = [SubscriptionInline]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "domain",
        "offer",
        "status",
        "started_on",
        "expires_on",
        "hosting_plan",
        "hosting_expires_on",
        "generation",
    ]
    list_filter = ["status", "offer", "generation"]
    search_fields = ["domain__name", "domain__customer__name"]
    autocomplete_fields = ["domain"]
    date_hierarchy = "expires_on"


@admin.register(Maintenance)
class MaintenanceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "starts_at", "expected_end", "affects_mail"]
    list_filter = ["status", "kind", "affects_mail"]
    search_fields = ["title", "title_en"]


@admin.register(DiagnosticLog)
class DiagnosticLogAdmin(admin.ModelAdmin):
    list_display = ["created", "domain", "status", "user", "source"]
    list_filter = ["status", "source"]
    search_fields = ["domain", "user__username"]
    date_hierarchy = "created"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


# The admin keeps the audit log, the votes (a comment can be removed) and the old addresses
# of guides (a redirect can be removed).
class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ["created", "actor_name", "action", "object_repr", "detail"]
    list_filter = ["action"]
    search_fields = ["actor_name", "object_repr", "detail"]
    date_hierarchy = "created"

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["created", "guide", "helpful", "comment"]
    list_filter = ["helpful", "guide__language"]
    search_fields = ["comment", "guide__title"]
    exclude = ["visitor", "ip_hash"]


@admin.register(SlugRedirect)
class SlugRedirectAdmin(ReadOnlyAdmin):
    list_display = ["language", "old_slug", "guide", "created"]
    list_filter = ["language"]
    search_fields = ["old_slug", "guide__title"]
