"""E-mail addresses and domain names as customers type them, internationalised domains included.

One parser for the wizard's form, the configuration files and the DNS snippet, so an address
accepted in one place is accepted everywhere, and shown the same way.
"""

import re
from dataclasses import dataclass

import idna
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from guides.models.validators import validate_hostname

MAX_ADDRESS_LENGTH = 254
MAX_LOCAL_LENGTH = 64
# RFC 5322 dot-atom: what the mail servers accept before the @, without quoting.
LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
SEPARATORS = re.compile(r"[\s,;<>]")


@dataclass(frozen=True)
class EmailAddress:
    """An address with its domain in Unicode (to show) and in ASCII (for servers and files)."""

    local: str
    domain: str
    ascii_domain: str

    def __str__(self) -> str:
        return f"{self.local}@{self.domain}"

    @property
    def ascii(self) -> str:
        return f"{self.local}@{self.ascii_domain}"

    @property
    def internationalised(self) -> bool:
        return self.domain != self.ascii_domain


def normalise_domain(value: str) -> tuple[str, str]:
    """(Unicode, ASCII) forms of a domain name, mapped with UTS-46; ValidationError otherwise."""
    value = value.strip().rstrip(".")
    invalid = ValidationError(
        _("« %(value)s » n'est pas un nom de domaine valide (exemple : exemple.fr)."),
        params={"value": value},
        code="invalid_domain",
    )
    if not value:
        raise ValidationError(
            _("Saisissez un nom de domaine (exemple : exemple.fr)."), code="required"
        )
    try:
        ascii_domain = idna.encode(value, uts46=True, std3_rules=True).decode("ascii")
        unicode_domain = idna.decode(ascii_domain)
    except (idna.IDNAError, UnicodeError):
        raise invalid from None
    try:
        validate_hostname(ascii_domain)
    except ValidationError:
        raise invalid from None
    return unicode_domain, ascii_domain


def parse_address(value: str) -> EmailAddress:
    """One e-mail address, or a ValidationError saying in plain words what is wrong with it."""
    value = value.strip()
    if not value:
        raise ValidationError(_("Saisissez votre adresse e-mail."), code="required")
    if SEPARATORS.search(value):
        raise ValidationError(
            _("Saisissez une seule adresse, sans espace ni virgule."), code="several"
        )
    if value.count("@") != 1:
        raise ValidationError(
            _("Saisissez l'adresse complète, avec un seul @ (exemple : marie@exemple.fr)."),
            code="at_sign",
        )
    local, domain = value.split("@")
    if not local:
        raise ValidationError(
            _("Il manque la partie avant le @ (exemple : marie@exemple.fr)."), code="no_local"
        )
    if not local.isascii():
        raise ValidationError(
            _("La partie avant le @ ne peut pas contenir d'accents ni de caractères spéciaux."),
            code="local_not_ascii",
        )
    if len(local) > MAX_LOCAL_LENGTH or not LOCAL_PART.match(local):
        raise ValidationError(
            _("La partie avant le @ n'est pas valide : lettres, chiffres, points, tirets."),
            code="invalid_local",
        )
    if not domain:
        raise ValidationError(
            _("Il manque le domaine après le @ (exemple : marie@exemple.fr)."), code="no_domain"
        )
    unicode_domain, ascii_domain = normalise_domain(domain)
    address = EmailAddress(local=local, domain=unicode_domain, ascii_domain=ascii_domain)
    if len(address.ascii) > MAX_ADDRESS_LENGTH:
        raise ValidationError(_("Cette adresse est trop longue."), code="too_long")
    return address
