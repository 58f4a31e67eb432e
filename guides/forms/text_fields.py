"""The text fields of the staff forms: one line, or Markdown, as the guide file format keeps
them; a Markdown text still holding the marks of a merge conflict is refused."""

from django import forms
from django.utils.translation import gettext_lazy as _

from guides.content.guide_files import STEP_MARKER
from guides.editorial.merge import CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START, conflict_lines


def normalise_newlines(text: str) -> str:
    """Browsers send CRLF; the guide files use LF and split lines the same way as this."""
    return "\n".join(text.splitlines())


class SingleLineField(forms.CharField):
    """A one-line text: a line break would not survive the guide file format."""

    def validate(self, value) -> None:
        super().validate(value)
        if value and len(value.splitlines()) > 1:
            raise forms.ValidationError(_("Tenez-vous en à une seule ligne."), code="multiline")


class MarkdownField(forms.CharField):
    widget = forms.Textarea

    def to_python(self, value) -> str:
        return normalise_newlines(super().to_python(value))

    def validate(self, value) -> None:
        super().validate(value)
        for number, line in enumerate(value.splitlines(), start=1):
            if line.startswith(STEP_MARKER.strip()):
                raise forms.ValidationError(
                    _(
                        "La ligne %(number)s commence par « %(marker)s », réservé aux étapes : "
                        "ajoutez plutôt une étape ci-dessous."
                    ),
                    params={"number": number, "marker": STEP_MARKER.strip()},
                    code="step_marker",
                )
        if marks := conflict_lines(text=value):
            raise forms.ValidationError(
                _(
                    "Lignes %(first)s à %(last)s : deux versions en conflit. Gardez ce qu'il "
                    "faut de chacune, puis retirez les lignes qui commencent par %(start)s, "
                    "%(middle)s ou %(end)s."
                ),
                params={
                    "first": marks[0],
                    "last": marks[-1],
                    "start": CONFLICT_START,
                    "middle": CONFLICT_MIDDLE,
                    "end": CONFLICT_END,
                },
                code="conflict_marks",
            )
