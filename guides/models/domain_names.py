"""Turn what a customer typed (a domain, an e-mail address, a web address) into the domain to
check, in ASCII for DNS and in Unicode for people, or a message saying what is wrong."""

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import idna
from django.utils.translation import gettext as _

MAX_NAME = 253
MAX_LABEL = 63
MAX_INPUT = 1000


class DomainInputError(ValueError):
    """The input cannot be a domain; `message` says why, in the active language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DomainName:
    ascii: str
    display: str
    note: str = ""


def parse_domain(text: str) -> DomainName:
    """The domain in `text`; raises DomainInputError with a message for the customer."""
    raw = text.strip()
    if not raw:
        raise DomainInputError(
            _("Saisissez un nom de domaine (par exemple exemple.fr) ou une adresse e-mail.")
        )
    if len(raw) > MAX_INPUT:
        raise DomainInputError(_("Ce texte est bien trop long pour être un nom de domaine."))
    host, source = _host_in(raw)
    ascii_name = _to_ascii(host)
    try:
        display = idna.decode(ascii_name)
    except idna.IDNAError:
        raise DomainInputError(
            _("Ce nom de domaine n'est pas valide : vérifiez l'orthographe.")
        ) from None
    notes = {
        "web": _("Nous vérifions le domaine « %(domain)s », pris dans l'adresse web saisie."),
        "email": _("Nous vérifions le domaine « %(domain)s » de l'adresse e-mail saisie."),
    }
    note = notes[source] % {"domain": display} if source else ""
    return DomainName(ascii=ascii_name, display=display, note=note)


def display_name(ascii_name: str) -> str:
    """A stored ASCII name as people read it (café.fr for xn--caf-dma.fr)."""
    try:
        return idna.decode(ascii_name)
    except idna.IDNAError:
        return ascii_name


def _host_in(raw: str) -> tuple[str, str]:
    """The host part of `raw`, and where it came from: "web", "email" or "" (typed as is)."""
    if raw.lower().startswith("mailto:"):
        raw = raw[len("mailto:") :]
    if "/" in raw:
        try:
            host = urlsplit(raw if "://" in raw else "//" + raw).hostname or ""
        except ValueError:
            host = ""
        if not host:
            raise DomainInputError(
                _("Nous ne trouvons pas de nom de domaine dans cette adresse web.")
            )
        return (host.removeprefix("www.") if host.count(".") > 1 else host), "web"
    if "@" in raw:
        local, _at, host = raw.rpartition("@")
        if not local or not host:
            raise DomainInputError(
                _("Une adresse e-mail s'écrit nom@exemple.fr : il manque une partie autour du @.")
            )
        return host, "email"
    return raw, ""


def _to_ascii(host: str) -> str:
    if any(character.isspace() for character in host):
        raise DomainInputError(_("Un nom de domaine ne contient pas d'espace."))
    host = host.removesuffix(".")
    if is_ip_address(host.strip("[]")):
        raise DomainInputError(
            _(
                "« %(value)s » est une adresse IP, pas un nom de domaine : saisissez le domaine "
                "de vos adresses e-mail, par exemple exemple.fr."
            )
            % {"value": host.strip("[]")}
        )
    try:
        mapped = idna.uts46_remap(host, std3_rules=True, transitional=False)
    except idna.IDNAError:
        raise DomainInputError(
            _("Le caractère « %(character)s » ne peut pas figurer dans un nom de domaine.")
            % {"character": _first_invalid_character(host)}
        ) from None
    labels = mapped.split(".")
    if "" in labels:
        raise DomainInputError(
            _(
                "Le nom contient deux points qui se suivent ou commence par un point : "
                "vérifiez l'orthographe."
            )
        )
    if len(labels) < 2:
        raise DomainInputError(
            _("Il manque l'extension : un nom de domaine s'écrit comme exemple.fr.")
        )
    ascii_name = ".".join(_label_to_ascii(label) for label in labels)
    if labels[-1].isdigit():
        raise DomainInputError(_("L'extension d'un nom de domaine ne peut pas être un nombre."))
    if len(ascii_name) > MAX_NAME:
        raise DomainInputError(
            _("Ce nom est trop long : %(length)d caractères, %(max)d au plus.")
            % {"length": len(ascii_name), "max": MAX_NAME}
        )
    return ascii_name


def _label_to_ascii(label: str) -> str:
    encoded = label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
    if len(encoded) > MAX_LABEL:
        raise DomainInputError(
            _(
                "La partie « %(label)s » est trop longue : %(length)d caractères, "
                "%(max)d au plus entre deux points."
            )
            % {"label": label, "length": len(encoded), "max": MAX_LABEL}
        )
    if label.startswith("-") or label.endswith("-"):
        raise DomainInputError(
            _("La partie « %(label)s » ne peut pas commencer ni finir par un tiret.")
            % {"label": label}
        )
    try:
        return idna.alabel(label).decode("ascii")
    except idna.IDNAError:
        raise DomainInputError(
            _("La partie « %(label)s » n'est pas valide dans un nom de domaine.") % {"label": label}
        ) from None


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _first_invalid_character(host: str) -> str:
    for character in host:
        try:
            idna.uts46_remap(character, std3_rules=True, transitional=False)
        except idna.IDNAError:
            return character
    return host
