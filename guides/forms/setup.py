"""The setup wizard's forms, the DNS snippet's domain form and the Apple profile's parameters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from guides.models import Guide
from guides.setup.addresses import EmailAddress, normalise_domain, parse_address
from guides.setup.wizard import (
    ClientChoice,
    ClientOptions,
    EncryptionChoice,
    IncomingChoice,
    client_guide,
    client_options,
)

ADDRESS_INPUT = {
    "inputmode": "email",
    "autocomplete": "email",
    "autocapitalize": "none",
    "spellcheck": "false",
}


class EmailAddressField(forms.CharField):
    """One address; the domain may be internationalised (UTS-46). Cleans to an EmailAddress."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 320)
        kwargs.setdefault("widget", forms.TextInput(attrs=ADDRESS_INPUT))
        super().__init__(**kwargs)

    def clean(self, value) -> EmailAddress | None:
        value = super().clean(value)
        if value in self.empty_values:
            return None
        return parse_address(value)


class DomainField(forms.CharField):
    """A domain name, in Unicode or punycode; a pasted address is read for its domain.
    Cleans to its (Unicode, ASCII) forms."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 320)
        super().__init__(**kwargs)

    def clean(self, value) -> tuple[str, str] | None:
        value = super().clean(value)
        if value in self.empty_values:
            return None
        return normalise_domain(value.rpartition("@")[2])


class ChoicesForm(forms.Form):
    """The wizard's questions that are not secret, so they can travel in a link:
    ?client=thunderbird&protocol=imap&security=ssl. A client whose guide follows a single
    protocol or security gets it without being asked."""

    QUESTIONS = ("client", "protocol", "security")

    client = forms.ChoiceField(
        error_messages={"invalid_choice": _("Choisissez un logiciel dans la liste.")},
    )
    protocol = forms.TypedChoiceField(
        choices=IncomingChoice.choices,
        coerce=IncomingChoice,
        error_messages={"invalid_choice": _("Choisissez IMAP ou POP.")},
    )
    security = forms.TypedChoiceField(
        choices=EncryptionChoice.choices,
        coerce=EncryptionChoice,
        error_messages={"invalid_choice": _("Choisissez une des deux options.")},
    )

    def __init__(self, data=None, *, clients: list[ClientChoice], language: str):
        super().__init__(data)
        self.language = language
        self.fields["client"].choices = [(choice.client.slug, choice.name) for choice in clients]
        self.guide: Guide | None = None
        self.options: ClientOptions | None = None

    def clean(self):
        cleaned = super().clean()
        if "client" not in cleaned:
            return cleaned
        try:
            self.guide = client_guide(slug=cleaned["client"], language=self.language)
        except Guide.DoesNotExist:
            self.add_error("client", self.fields["client"].error_messages["invalid_choice"])
            return cleaned
        self.options = client_options(self.guide)
        for name, allowed in (
            ("protocol", self.options.protocols),
            ("security", self.options.encryptions),
        ):
            if len(allowed) == 1:
                cleaned[name] = allowed[0]
                self.errors.pop(name, None)
        return cleaned

    @property
    def client_name(self) -> str:
        return dict(self.fields["client"].choices).get(self.cleaned_data.get("client"), "")

    @property
    def steps(self) -> list[str]:
        """The questions this client's customer is asked, the address last."""
        asked = ["client"]
        if self.options is None or len(self.options.protocols) > 1:
            asked.append("protocol")
        if self.options is None or len(self.options.encryptions) > 1:
            asked.append("security")
        return [*asked, "address"]

    @property
    def step_number(self) -> int:
        return self.steps.index(self.step) + 1

    @property
    def step(self) -> str:
        """The first question without a valid answer, or "address" once all are answered."""
        for name in self.QUESTIONS:
            if name not in self.cleaned_data:
                return name
        return "address"

    @property
    def step_errors(self) -> list[str]:
        """The current question's errors, if it was answered; a question not reached yet is
        simply asked."""
        step = self.step
        if step == "address" or step not in self.data:
            return []
        return self.errors.get(step, [])


class AddressForm(forms.Form):
    email = EmailAddressField(
        label=_("Votre adresse e-mail"),
        help_text=_(
            "L'adresse complète, par exemple marie@exemple.fr. "
            "Elle sert aussi de nom d'utilisateur."
        ),
        error_messages={"required": _("Saisissez votre adresse e-mail.")},
    )
    display_name = forms.CharField(
        label=_("Votre nom (facultatif)"),
        help_text=_("Le nom que vos correspondants verront, par exemple Marie Dupont."),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DomainForm(forms.Form):
    """The DNS snippet's form; its field is written in the template, which the MX guide
    also includes without a form in its context."""

    domain = DomainField(
        error_messages={"required": _("Saisissez un nom de domaine (exemple : exemple.fr).")},
    )


class ProfileForm(AddressForm):
    """The Apple profile's parameters; protocol and security default to IMAP over SSL."""

    protocol = forms.TypedChoiceField(
        choices=IncomingChoice.choices,
        coerce=IncomingChoice,
        required=False,
        empty_value=IncomingChoice.IMAP,
    )
    security = forms.TypedChoiceField(
        choices=EncryptionChoice.choices,
        coerce=EncryptionChoice,
        required=False,
        empty_value=EncryptionChoice.SSL,
    )


def first_error(form: forms.Form) -> str:
    """The first error message of an invalid form, for answers that are not HTML pages."""
    return next(str(errors[0]) for errors in form.errors.values())
