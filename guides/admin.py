"""Reference data is edited here; guides have the staff area's writing screens too."""

from django.contrib import admin

from guides.models import (
    Category,
    Guide,
    Limit,
    MailClient,
    MxHost,
    Offer,
    SearchLog,
    ServerEndpoint,
    Step,
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

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        guide = form.instance
        for step in guide.steps.all():
            step.render()
            step.save(update_fields=["body_html"])
        guide.render()
        guide.save(update_fields=["body_html", "search_text"])


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin):
    list_display = ["query", "language", "results", "created"]
    list_filter = ["language"]
    search_fields = ["query"]
