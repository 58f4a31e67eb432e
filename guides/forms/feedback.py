"""The "Was this helpful?" form at the end of each guide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from guides.editorial.feedback import COMMENT_MAX_LENGTH


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Ce guide vous a-t-il aidé ?"),
        choices=[("yes", _("Oui")), ("no", _("Non"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez oui ou non.")},
    )
    comment = forms.CharField(
        label=_("Si non, qu'est-ce qui vous a manqué ? (facultatif)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
