"""Guides: the texts customers read, in French and in English."""

import functools

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

SLUG_MARK = "slug-mark"


@functools.lru_cache(maxsize=16)
def _guide_url(language: str, urlconf: str | None, script_prefix: str) -> str:
    """A guide's address in `language` with SLUG_MARK for its slug: a list of forty guides
    would otherwise resolve the URL pattern forty times (a millisecond of each home page)."""
    with translation.override(language):
        return reverse("guides:guide", kwargs={"slug": SLUG_MARK}, urlconf=urlconf)


class Language(models.TextChoices):
    FRENCH = "fr", "Français"
    ENGLISH = "en", "English"


class CategoryKind(models.TextChoices):
    REFERENCE = "reference", _("Référence")
    CLIENTS = "clients", _("Logiciels de messagerie")
    FAQ = "faq", _("Questions fréquentes")


class Category(models.Model):
    kind = models.CharField(_("type"), max_length=20, choices=CategoryKind.choices, unique=True)
    name = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("catégorie")
        verbose_name_plural = _("catégories")

    def __str__(self) -> str:
        return self.name

    def display_name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name


class Widget(models.TextChoices):
    """A block of live catalogue data that a guide page shows under its text."""

    NONE = "", _("Aucun")
    SERVER_SETTINGS = "server_settings", _("Tableau des serveurs et ports")
    WEBMAIL = "webmail", _("Accès au webmail")
    MX_HOSTS = "mx_hosts", _("Serveurs MX")
    LIMITS = "limits", _("Limites de l'offre")
    OFFERS = "offers", _("Offres")
    GENERATIONS = "generations", _("Versions de MX Plan")

    @property
    def template_name(self) -> str:
        return f"guides/content/widgets/{self.value}.html"


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publié")
    RETIRED = "retired", _("Retiré")  # its address leads to its replacement, or says 410 Gone
    ARCHIVED = "archived", _("Archivé")  # retired and out of the staff's working lists

    @classmethod
    def withdrawn(cls) -> list[str]:
        return [cls.RETIRED, cls.ARCHIVED]


class GuideQuerySet(models.QuerySet):
    def published(self) -> "GuideQuerySet":
        """What the public may read: published, and due (a future date schedules it). Revisions
        scheduled for a guide already online are put online by the editorial workflow
        (guides.editorial.workflow.publish_due), which the public pages call before reading."""
        return self.filter(status=GuideStatus.PUBLISHED, published_at__lte=timezone.now())

    def in_language(self, language: str) -> "GuideQuerySet":
        return self.filter(language=language)

    def for_listing(self) -> "GuideQuerySet":
        """What a list of guides shows (its link, title, summary, and its client's platform and
        age), and nothing else: every column read costs on a page that misses the cache."""
        return self.select_related("client").only(
            "language",
            "key",
            "slug",
            "title",
            "summary",
            "client__slug",
            "client__legacy",
            "client__platform",
        )


class Guide(models.Model):
    language = models.CharField(_("langue"), max_length=2, choices=Language.choices)
    key = models.SlugField(
        _("clé de traduction"),
        help_text=_("La même pour un guide et ses traductions."),
    )
    slug = models.SlugField(_("adresse"), max_length=100)
    category = models.ForeignKey(
        Category, verbose_name=_("catégorie"), on_delete=models.PROTECT, related_name="guides"
    )
    client = models.ForeignKey(
        "guides.MailClient",
        verbose_name=_("logiciel de messagerie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guides",
    )
    widget = models.CharField(
        _("données affichées"), max_length=20, choices=Widget.choices, blank=True, default=""
    )
    title = models.CharField(_("titre"), max_length=200)
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    body = models.TextField(_("texte (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    status = models.CharField(
        _("état"), max_length=10, choices=GuideStatus.choices, default=GuideStatus.DRAFT
    )
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), default=timezone.now)
    review_by = models.DateField(_("à relire avant le"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("remplacé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Pour un guide retiré : le guide vers lequel son adresse redirige."),
    )
    search_text = models.TextField(editable=False, blank=True)
    # Kept by a database trigger on PostgreSQL (guides/search.py); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "order", "title"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="unique_slug_per_language"),
            models.UniqueConstraint(fields=["language", "key"], name="unique_key_per_language"),
        ]
        indexes = [
            models.Index(fields=["language", "status", "published_at"]),
            # The lists of a category in page order, read without the long text columns.
            models.Index(
                fields=["category", "language", "status", "order", "title"],
                name="guide_listing_idx",
            ),
            # The client guides (a few dozen among thousands of guides): without an index of
            # their own SQLite's planner reads every published guide of the language to find them.
            models.Index(
                fields=["client", "language", "status"],
                condition=models.Q(client__isnull=False),
                name="client_guide_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def get_absolute_url(self) -> str:
        url = _guide_url(self.language, get_urlconf(), get_script_prefix())
        return url.replace(SLUG_MARK, self.slug)

    @property
    def is_published(self) -> bool:
        return (
            self.status == GuideStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class Step(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["guide", "order"]
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")

    def __str__(self) -> str:
        return self.title
