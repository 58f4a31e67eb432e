"""What the staff area keeps: every saved version of a guide, and the old addresses of guides.

The Guide row holds what the public reads. A revision is a full copy of what an editor wrote;
one becomes the Guide row only when an editor publishes it (now, or at a date: the public read
path applies due revisions, see guides.editorial.workflow.publish_due).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .content import CategoryKind, Guide, Language


class RevisionState(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Proposée à la relecture")
    SCHEDULED = "scheduled", _("Programmée")
    PUBLISHED = "published", _("Publiée")
    CHANGES_REQUESTED = "changes", _("Modifications demandées")
    REJECTED = "rejected", _("Refusée")

    @property
    def awaits_editor(self) -> bool:
        """Written but not (yet) live: an editor may publish or schedule it."""
        return self in (
            RevisionState.DRAFT,
            RevisionState.SUBMITTED,
            RevisionState.CHANGES_REQUESTED,
        )


class RevisionQuerySet(models.QuerySet):
    def scheduled(self) -> "RevisionQuerySet":
        return self.filter(state=RevisionState.SCHEDULED)

    def newest_first(self) -> "RevisionQuerySet":
        return self.order_by("-number")


class Revision(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("numéro"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(_("enregistrée le"), default=timezone.now)
    message = models.CharField(_("message"), max_length=200, blank=True)
    base = models.ForeignKey(
        "self",
        verbose_name=_("écrite à partir de"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("La révision que l'auteur avait sous les yeux : sert à détecter les conflits."),
    )
    state = models.CharField(
        _("état"), max_length=10, choices=RevisionState.choices, default=RevisionState.DRAFT
    )
    publish_at = models.DateTimeField(_("publication programmée le"), null=True, blank=True)
    published_at = models.DateTimeField(_("mise en ligne le"), null=True, blank=True)
    source_updated_at = models.DateTimeField(
        _("traduite de la version française du"),
        null=True,
        blank=True,
        help_text=_("Pour une traduction : la date de la version française dont elle est tirée."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("relue par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("relue le"), null=True, blank=True)
    review_comment = models.TextField(
        _("commentaire de relecture"),
        blank=True,
        help_text=_("Ce que l'éditeur demande de changer, ou pourquoi il refuse."),
    )

    slug = models.SlugField(_("adresse"), max_length=100)
    title = models.CharField(_("titre"), max_length=200)
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    body = models.TextField(_("texte (Markdown)"), blank=True)
    steps = models.JSONField(_("étapes"), default=list, blank=True)
    category = models.CharField(_("catégorie"), max_length=20, choices=CategoryKind.choices)
    client = models.SlugField(_("logiciel de messagerie"), blank=True)
    widget = models.CharField(_("données affichées"), max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["guide", "-number"]
        verbose_name = _("révision")
        verbose_name_plural = _("révisions")
        constraints = [
            models.UniqueConstraint(fields=["guide", "number"], name="unique_revision_number"),
        ]
        indexes = [models.Index(fields=["state", "publish_at"])]
        permissions = [("publish_revision", _("Relire, publier et programmer les guides"))]

    def __str__(self) -> str:
        return f"{self.guide} #{self.number}"

    @property
    def awaits_editor(self) -> bool:
        return RevisionState(self.state).awaits_editor


class SlugRedirect(models.Model):
    """An address a guide had before its slug changed: it keeps leading to the guide."""

    language = models.CharField(_("langue"), max_length=2, choices=Language.choices)
    old_slug = models.SlugField(_("ancienne adresse"), max_length=100)
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="slug_redirects")
    created = models.DateTimeField(_("créée le"), default=timezone.now)

    class Meta:
        verbose_name = _("redirection")
        verbose_name_plural = _("redirections")
        constraints = [
            models.UniqueConstraint(fields=["language", "old_slug"], name="unique_old_slug"),
        ]

    def __str__(self) -> str:
        return f"/{self.language}/guides/{self.old_slug}/ → {self.guide}"


class GuideImage(models.Model):
    """A picture staff uploaded for guides: stored resized, named by its content, described."""

    SMALL_WIDTH = 600  # the phone-sized copy: a phone's column at twice its density

    file = models.ImageField(_("fichier"), upload_to="guides/")
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt = models.CharField(
        _("texte de remplacement"),
        max_length=200,
        help_text=_("Ce que montre l'image, pour qui ne la voit pas."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("envoyée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(_("envoyée le"), default=timezone.now)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt

    @property
    def markdown(self) -> str:
        return f"![{self.alt}]({self.file.url})"

    @classmethod
    def small_name(cls, name: str) -> str:
        """The storage name of the phone-sized copy of the stored image `name`."""
        stem, _dot, extension = name.rpartition(".")
        return f"{stem}-{cls.SMALL_WIDTH}.{extension}"
