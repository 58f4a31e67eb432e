"""The staff area's form for one entry of the message doctor's reply table."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from guides.models import Guide, KnownReply

CODE = re.compile(r"[245]\d{0,2}")
STATUS = re.compile(r"[245]\.\d{1,3}\.\d{1,3}")


class KnownReplyForm(forms.ModelForm):
    class Meta:
        model = KnownReply
        fields = [
            "key",
            "code",
            "status",
            "phrases",
            "actor",
            "title",
            "title_en",
            "explanation",
            "explanation_en",
            "action",
            "action_en",
            "guide_key",
            "diagnose",
            "position",
        ]
        widgets = {
            "phrases": forms.Textarea(attrs={"rows": 4}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "explanation_en": forms.Textarea(attrs={"rows": 3}),
            "action": forms.Textarea(attrs={"rows": 3}),
            "action_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["key"].disabled = True  # other entries and the tests name it

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if code and not CODE.fullmatch(code):
            raise forms.ValidationError(_("Un code SMTP commence par 2, 4 ou 5 : « 553 », « 5 »."))
        return code

    def clean_status(self) -> str:
        status = self.cleaned_data["status"].strip()
        if status and not STATUS.fullmatch(status):
            raise forms.ValidationError(_("Un code étendu a la forme 5.7.1."))
        return status

    def clean_phrases(self) -> str:
        return "\n".join(
            line.strip() for line in self.cleaned_data["phrases"].splitlines() if line.strip()
        )

    def clean_guide_key(self) -> str:
        key = self.cleaned_data["guide_key"]
        if key and not Guide.objects.filter(key=key).exists():
            raise forms.ValidationError(_("Aucun guide n'a cette clé."))
        return key

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("code") or cleaned.get("status") or cleaned.get("phrases")):
            raise forms.ValidationError(
                _(
                    "Donnez au moins un code, un code étendu ou une phrase : sinon l'entrée ne "
                    "reconnaît rien."
                )
            )
        return cleaned
