"""Validators shared by the models and the forms."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

HOSTNAME_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")

port_validators = [MinValueValidator(1), MaxValueValidator(65535)]


def validate_hostname(value: str) -> None:
    """A DNS host name in ASCII (punycode), at least two labels, no trailing dot."""
    labels = value.split(".")
    if (
        len(value) > 253
        or len(labels) < 2
        or not all(HOSTNAME_LABEL.match(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise ValidationError(
            _("« %(value)s » n'est pas un nom d'hôte valide (exemple : ssl0.ovh.net)."),
            params={"value": value},
            code="invalid_hostname",
        )
