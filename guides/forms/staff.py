"""The staff area's forms: the guide editor (text, settings, steps), publication, review."""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guides.editorial.bulk import BulkAction
from guides.editorial.retirement import Withdrawal, replacement_choices
from guides.editorial.revisions import GuideContent
from guides.editorial.workflow import SOURCE_LANGUAGE
from guides.forms.languages import language_choices
from guides.forms.text_fields import MarkdownField, SingleLineField, normalise_newlines
from guides.models import CategoryKind, Guide, MailClient, Widget

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def publish_at_field() -> forms.DateTimeField:
    return forms.DateTimeField(
        label=_("Date de publication (facultatif)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        help_text=_("Vide : tout de suite. Une date à venir programme la publication."),
    )


def accept_warnings_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=_("Publier malgré les avertissements"),
        required=False,
        help_text=_("Les erreurs, elles, empêchent toujours la publication."),
    )


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def next_review_date() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=365)


class GuideForm(forms.Form):
    """A guide's text and settings as an editor writes them; `base` is the revision the
    editor started from, which is how a concurrent save is noticed."""

    title = SingleLineField(label=_("Titre"), max_length=200)
    summary = SingleLineField(
        label=_("Résumé"),
        max_length=300,
        required=False,
        help_text=_("Une phrase, affichée sous le titre et dans les listes."),
    )
    body = MarkdownField(
        label=_("Texte"),
        required=False,
        help_text=_(
            "En Markdown : ## Intertitre, **gras**, - liste, [lien](https://…), "
            "[autre guide](guide:clé). Les valeurs comme {{ imap_host }} sont remplies "
            "à l'affichage."
        ),
    )
    slug = forms.SlugField(
        label=_("Adresse de la page"),
        max_length=100,
        help_text=_(
            "Minuscules, chiffres et tirets. Si vous la changez, l'ancienne adresse "
            "mènera toujours au guide."
        ),
    )
    category = forms.ChoiceField(label=_("Rubrique"), choices=CategoryKind.choices)
    client = forms.ChoiceField(label=_("Logiciel de messagerie"), required=False)
    widget = forms.ChoiceField(
        label=_("Données affichées sous le texte"), choices=Widget.choices, required=False
    )
    order = forms.IntegerField(
        label=_("Position dans la rubrique"), min_value=0, max_value=32767, initial=0
    )
    review_by = forms.DateField(
        label=_("À relire avant le"),
        required=False,
        widget=date_input(),
    )
    message = SingleLineField(
        label=_("Ce que vous avez changé (facultatif)"),
        max_length=200,
        required=False,
        help_text=_("Apparaît dans l'historique."),
    )
    from_source = forms.BooleanField(
        label=_("Cette traduction reprend la version française actuelle"),
        required=False,
        help_text=_("Cochez si vous avez reporté les dernières modifications du texte français."),
    )
    publish_at = publish_at_field()
    accept_warnings = accept_warnings_field()
    base = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self, *args, language: str, guide: Guide | None = None, can_publish: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.language, self.guide = language, guide
        self.fields["client"].choices = [("", _("Aucun"))] + [
            (client.slug, client.display_name(language)) for client in MailClient.objects.all()
        ]
        if language == SOURCE_LANGUAGE:
            del self.fields["from_source"]
        if not can_publish:  # publishing and review dates are the editors'
            del self.fields["publish_at"]
            del self.fields["accept_warnings"]
            self.fields["review_by"].disabled = True

    def clean(self) -> dict:
        cleaned = super().clean()
        language, slug = cleaned.get("language", self.language), cleaned.get("slug")
        if slug and language:
            taken = Guide.objects.filter(language=language, slug=slug)
            if self.guide is not None:
                taken = taken.exclude(pk=self.guide.pk)
            if other := taken.first():
                self.add_error(
                    "slug",
                    _("Cette adresse est déjà celle du guide « %(title)s ».")
                    % {"title": other.title},
                )
        return cleaned

    def content(self, *, steps: list[tuple[str, str]]) -> GuideContent:
        data = self.cleaned_data
        return GuideContent(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            steps=tuple(steps),
            category=data["category"],
            client=data["client"],
            widget=data["widget"],
            order=data["order"],
        )


class NewGuideForm(GuideForm):
    """A new guide, or a new translation of one (then the key is the source's)."""

    language = forms.ChoiceField(label=_("Langue"), choices=language_choices)
    key = forms.SlugField(
        label=_("Clé de traduction"),
        help_text=_("En anglais, avec des tirets : la même pour le guide et ses traductions."),
    )
    field_order = ["language", "key"]

    def __init__(self, *args, source: Guide | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("base")
        self.fields.pop("from_source", None)
        self.fields["review_by"].initial = next_review_date
        if source is not None:
            self.fields["key"].disabled = True
            self.fields["key"].initial = source.key
            taken = set(Guide.objects.filter(key=source.key).values_list("language", flat=True))
            self.fields["language"].choices = [
                choice for choice in language_choices() if choice[0] not in taken
            ]

    def clean(self) -> dict:
        cleaned = super().clean()
        language, key = cleaned.get("language"), cleaned.get("key")
        if language and key and Guide.objects.filter(language=language, key=key).exists():
            self.add_error("key", _("Un guide de cette langue a déjà cette clé."))
        return cleaned


class StepForm(forms.Form):
    title = SingleLineField(label=_("Titre de l'étape"), max_length=200, required=False)
    body = MarkdownField(label=_("Texte de l'étape"), required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("body") and not cleaned.get("title"):
            self.add_error("title", _("Donnez un titre à cette étape."))
        return cleaned


StepFormSet = forms.formset_factory(
    StepForm, extra=1, can_delete=True, can_order=True, max_num=100, validate_max=True
)


class GuideEditor:
    """The guide form and its steps, bound and checked together."""

    def __init__(self, data=None, *, form: GuideForm, steps: list[tuple[str, str]] = ()) -> None:
        self.form = form
        initial = [{"title": title, "body": body} for title, body in steps]
        self.steps = StepFormSet(
            data, initial=None if data is not None else initial, prefix="steps"
        )

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), self.steps.is_valid()])

    def content(self) -> GuideContent:
        return self.form.content(steps=self._cleaned_steps())

    def _cleaned_steps(self) -> list[tuple[str, str]]:
        return [
            (step.cleaned_data["title"], step.cleaned_data["body"])
            for step in self.steps.ordered_forms
            if step.cleaned_data.get("title")
        ]

    def draft_content(self) -> GuideContent:
        """What is typed, valid or not, for the live preview."""

        def value(name: str) -> str:
            return self.form[name].value() or ""

        steps = []
        for index, step in enumerate(self.steps.forms):
            if step["DELETE"].value():
                continue
            title, body = (
                step["title"].value() or "",
                normalise_newlines(step["body"].value() or ""),
            )
            if title or body:
                order = step["ORDER"].value()
                position = int(order) if str(order or "").isdigit() else 10_000 + index
                steps.append((position, title, body))
        return GuideContent(
            slug=value("slug"),
            title=value("title"),
            summary=value("summary"),
            body=normalise_newlines(value("body")),
            steps=tuple((title, body) for _position, title, body in sorted(steps)),
            client=value("client"),
            widget=value("widget") if value("widget") in Widget.values else "",
        )


class PublishForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    publish_at = publish_at_field()
    accept_warnings = accept_warnings_field()


class RevisionForm(forms.Form):
    """Names a revision (to submit or restore) and the latest one the person saw."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    base = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


class CompareForm(forms.Form):
    old = forms.TypedChoiceField(label=_("De la révision"), coerce=int)
    new = forms.TypedChoiceField(label=_("à la révision"), coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            self.fields[name].choices = [(number, number) for number in numbers]


class ReviewedForm(forms.Form):
    review_by = forms.DateField(
        label=_("Prochaine relecture avant le"),
        initial=next_review_date,
        widget=date_input(),
    )

    def clean_review_by(self) -> datetime.date:
        value = self.cleaned_data["review_by"]
        if value <= timezone.localdate():
            raise forms.ValidationError(_("Choisissez une date à venir."))
        return value


class WithdrawForm(forms.Form):
    """Unpublish, retire or archive a guide; the confirmation box stands for "are you sure"."""

    how = forms.ChoiceField(
        label=_("Que faire ?"), choices=Withdrawal.choices, widget=forms.RadioSelect
    )
    replacement = forms.ModelChoiceField(
        label=_("Guide de remplacement (pour « Retirer »)"),
        queryset=None,
        required=False,
        empty_label=_("Aucun : la page répondra « 410 – retiré »"),
    )
    reason = SingleLineField(label=_("Pourquoi (facultatif)"), max_length=150, required=False)
    confirm = forms.BooleanField(
        label=_("Je confirme : les lecteurs ne verront plus ce guide"),
        error_messages={"required": _("Cochez la confirmation pour retirer le guide.")},
    )

    def __init__(self, *args, guide: Guide, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replacement"].queryset = replacement_choices(guide).order_by("title")
        self.fields["replacement"].label_from_instance = lambda replacement: replacement.title

    def clean(self) -> dict:
        cleaned = super().clean()
        how = cleaned.get("how")
        if cleaned.get("replacement") and how and not Withdrawal(how).takes_replacement:
            self.add_error(
                "replacement", _("Seul « Retirer » redirige vers un guide de remplacement.")
            )
        return cleaned


class ReviewForm(forms.Form):
    """An editor's answer to a proposal other than publishing it: changes to make, or no."""

    class Decision(models.TextChoices):
        CHANGES = "changes", _("Demander des modifications")
        REJECT = "reject", _("Refuser la proposition")

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    decision = forms.ChoiceField(
        label=_("Votre réponse"), choices=Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Commentaire pour l'auteur"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Ce qu'il faut changer, ou pourquoi vous refusez ; l'auteur le lira sur son brouillon."
        ),
        error_messages={"required": _("Écrivez un commentaire pour l'auteur.")},
    )


class BulkForm(forms.Form):
    guides = forms.ModelMultipleChoiceField(
        queryset=Guide.objects.all(),
        error_messages={"required": _("Cochez au moins un guide.")},
    )
    action = forms.ChoiceField(label=_("Action sur les guides cochés"), choices=BulkAction.choices)
    accept_warnings = accept_warnings_field()
    confirm = forms.BooleanField(
        label=_("Je confirme cette action sur tous les guides cochés"),
        error_messages={"required": _("Cochez la confirmation pour agir sur plusieurs guides.")},
    )


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("Image (PNG, JPEG ou WebP, 5 Mo au plus)"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        error_messages={"required": _("Choisissez une image.")},
    )
    alt = SingleLineField(
        label=_("Texte de remplacement"),
        max_length=200,
        help_text=_("Ce que montre l'image, pour qui ne la voit pas (obligatoire)."),
        error_messages={
            "required": _("Décrivez l'image : le texte de remplacement est obligatoire.")
        },
    )
