from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Guides"

    def ready(self) -> None:
        from guides import signals  # noqa: F401  (connects the content-cache invalidation)
        from guides.content.search.sqlite_index import ensure_sqlite_index

        post_migrate.connect(ensure_sqlite_index, sender=self)
