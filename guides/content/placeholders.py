"""The `{{ name }}` placeholders of guide texts, filled with values from the catalogue.

Guides are stored rendered with their placeholders; a page fills them in as it is shown,
so a changed port or limit shows everywhere at once without re-rendering any guide.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from guides.catalogue.accounts import AccountSettings, account_settings, pick_endpoint
from guides.catalogue.generations import public_webmail
from guides.content.value_marks import AFTER, BEFORE, breakable, one_word_code
from guides.models import (
    Limit,
    LimitKind,
    OfferGeneration,
    Protocol,
    Security,
    ServerEndpoint,
    Unit,
)

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
TAG_OR_PLACEHOLDER = re.compile(r"(<[^>]*>)|" + PLACEHOLDER.pattern)
ONE_WORD_CODE = re.compile(rf"({BEFORE}?)<code>([^<\s]+)</code>({AFTER}*)")
CACHE_KEY = "content-values:v1:{language}"


CODE_PLACEHOLDER = re.compile(r"<code>\{\{\s*([a-z_]+)\s*\}\}</code>")
# Words for the wizard only, which knows the customer's choice: "untick it only if the
# security is none" reads oddly on a public page, which recommends SSL/TLS.
WIZARD_ONLY = re.compile(r"\{\{\s*wizard\s*\}\}(.*?)\{\{\s*end\s*\}\}", re.DOTALL)
WIZARD = "wizard"


class Prose(str):
    """A public page's wording for what the wizard fills with the customer's own value
    ("votre adresse e-mail complète"): shown in italics, never in code style."""


def expand(html: str, values: dict[str, str]) -> str:
    """Replace each known placeholder by its escaped value, an address (`*_url`) as a link;
    keep `{{ wizard }}…{{ end }}` text only for the wizard; leave unknown ones as written.

    A value of one word (a host, a port, an address) in the text is marked `class="value"`,
    which the stylesheet never breaks across lines, and a `<code>` of one word is a value that
    breaks only after a dot or a slash when it is longer than the line; in a tag's attribute a
    value stays bare."""

    def prose(match: re.Match) -> str:
        value = values.get(match[1])
        return f"<em>{escape(value)}</em>" if isinstance(value, Prose) else match[0]

    def bare(match: re.Match) -> str:
        return escape(values[match[1]]) if match[1] in values else match[0]

    def fill(match: re.Match) -> str:
        if match[1]:
            return PLACEHOLDER.sub(bare, match[1])
        if match[2] not in values:
            return match[0]
        value = escape(values[match[2]])
        if match[2].endswith("_url") and value:
            return f'<a href="{value}" rel="noopener">{breakable(value=values[match[2]])}</a>'
        return value if any(c.isspace() for c in value) else f'<span class="value">{value}</span>'

    html = WIZARD_ONLY.sub(lambda match: match[1] if values.get(WIZARD) else "", html)
    html = TAG_OR_PLACEHOLDER.sub(fill, CODE_PLACEHOLDER.sub(prose, html))
    return ONE_WORD_CODE.sub(
        lambda match: one_word_code(html=match[2], before=match[1], after=match[3]), html
    )


def size_label(megabytes: int) -> str:
    if megabytes >= 1000 and megabytes % 1000 == 0:
        return _("%(size)s Go") % {"size": megabytes // 1000}
    return _("%(size)s Mo") % {"size": megabytes}


def limit_label(limit: Limit) -> str:
    """A limit's value as a customer reads it, in the active language."""
    unit = LimitKind(limit.kind).unit
    if unit == Unit.MEGABYTES:
        return size_label(limit.value)
    if unit == Unit.FLAG:
        return _("oui") if limit.value else _("non")
    return str(limit.value)


def catalogue_values(*, language: str) -> dict[str, str]:
    """The server and limit placeholders, cached in the shared cache until the catalogue changes."""
    key = CACHE_KEY.format(language=language)
    values = cache.get(key)
    if values is None:
        values = compute_catalogue_values(language=language)
        cache.set(key, values, settings.OVHPORTAL_CONTENT_CACHE_SECONDS)
    return values


def forget_catalogue_values() -> None:
    cache.delete_many([CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


def compute_catalogue_values(
    *,
    language: str,
    endpoints: list[ServerEndpoint] | None = None,
    limits: list[Limit] | None = None,
    generations: list[OfferGeneration] | None = None,
) -> dict[str, str]:
    """From the database's rows, or from the rows given (the data migration gives its own)."""
    endpoints = list(ServerEndpoint.objects.all()) if endpoints is None else endpoints
    limits = list(Limit.objects.filter(offer=None)) if limits is None else limits
    values: dict[str, str] = {}
    for protocol, prefix in (
        (Protocol.IMAP, "imap"),
        (Protocol.POP3, "pop"),
        (Protocol.SMTP, "smtp"),
    ):
        if not any(endpoint.protocol == protocol for endpoint in endpoints):
            continue
        secure = pick_endpoint(endpoints, protocol=protocol, encrypted=True)
        plain = pick_endpoint(endpoints, protocol=protocol, encrypted=False)
        values[f"{prefix}_host"] = secure.host
        values[f"{prefix}_port_ssl"] = str(secure.port)
        values[f"{prefix}_port_plain"] = str(plain.port)
    webmail = [endpoint for endpoint in endpoints if endpoint.protocol == Protocol.WEBMAIL]
    if webmail:
        values["historical_webmail_address"] = webmail[0].url
    values["webmail_url"] = public_webmail(language=language, generations=generations).url
    with translation.override(language):
        for limit in limits:
            values[limit.kind] = limit_label(limit)
        values.update(account_values(settings=None, language=language, endpoints=endpoints))
    return values


def account_values(
    *,
    settings: AccountSettings | None,
    language: str,
    endpoints: list[ServerEndpoint] | None = None,
) -> dict[str, str]:
    """The account placeholders: the customer's own values, or the public page's wording."""
    with translation.override(language):
        if settings is None:
            settings = account_settings(
                email=Prose(_("votre adresse e-mail complète")),
                display_name=Prose(_("votre nom")),
                endpoints=endpoints,
            )
        return {
            "email": settings.email,
            "display_name": settings.display_name or settings.email,
            "protocol": settings.incoming.get_protocol_display(),
            "incoming_host": settings.incoming.host,
            "incoming_port": str(settings.incoming.port),
            "incoming_security": str(Security(settings.incoming.security).label),
            "outgoing_host": settings.outgoing.host,
            "outgoing_port": str(settings.outgoing.port),
            "outgoing_security": str(Security(settings.outgoing.security).label),
        }
