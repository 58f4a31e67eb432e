"""The setup wizard's logic: which clients it offers, what it asks, and the personalised guide.

The client guides are the wizard's steps. A guide says, through its placeholders, which
choices its client has: a guide without `{{ protocol }}` describes one protocol only (POP when
it names the POP server, `{{ pop_host }}`, otherwise IMAP), and a guide that never writes the
`{{ incoming_security }}` placeholder describes an encrypted connection only. So the wizard
never asks a question whose answer the guide cannot follow, and staff change what it asks by
editing the guide.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.catalogue.accounts import AccountSettings, account_settings
from guides.catalogue.generations import Webmail, generation_webmail
from guides.content import listing
from guides.content.placeholders import PLACEHOLDER, WIZARD, account_values, catalogue_values
from guides.models import Guide, MailClient, OfferGeneration, Platform, Protocol, ServerEndpoint
from guides.setup.addresses import EmailAddress


class IncomingChoice(models.TextChoices):
    """How the client fetches mail, as the wizard (and a link sent by support) names it."""

    IMAP = "imap", "IMAP"
    POP = "pop", "POP"

    @property
    def protocol(self) -> Protocol:
        return Protocol.IMAP if self is IncomingChoice.IMAP else Protocol.POP3


class EncryptionChoice(models.TextChoices):
    SSL = "ssl", _("SSL/TLS")
    NONE = "none", _("Sans chiffrement")

    @property
    def encrypted(self) -> bool:
        return self is EncryptionChoice.SSL


@dataclass(frozen=True)
class ClientOptions:
    """The choices a client's guide can follow; a single one is not asked."""

    protocols: tuple[IncomingChoice, ...]
    encryptions: tuple[EncryptionChoice, ...]


def placeholders_of(guide: Guide) -> set[str]:
    texts = [guide.body_html, *(step.body_html for step in guide.steps.all())]
    return {match[1] for text in texts for match in PLACEHOLDER.finditer(text)}


def client_options(guide: Guide) -> ClientOptions:
    used = placeholders_of(guide)
    if "protocol" in used:
        protocols = tuple(IncomingChoice)
    elif "pop_host" in used:
        protocols = (IncomingChoice.POP,)
    else:
        protocols = (IncomingChoice.IMAP,)
    if "incoming_security" in used:
        encryptions = tuple(EncryptionChoice)
    else:
        encryptions = (EncryptionChoice.SSL,)
    return ClientOptions(protocols=protocols, encryptions=encryptions)


@dataclass(frozen=True)
class ClientChoice:
    client: MailClient
    name: str
    version: str


@dataclass(frozen=True)
class ClientGroup:
    platform: Platform
    choices: list[ClientChoice]


def client_groups(*, language: str) -> list[ClientGroup]:
    """The clients the wizard offers, those with a published guide in `language`, grouped by
    platform as on the clients page, current versions first."""
    return [
        ClientGroup(
            platform=group.platform,
            choices=[
                ClientChoice(
                    client=guide.client,
                    name=guide.client.display_name(language),
                    version=guide.client.display_version(language),
                )
                for guide in group.guides
            ],
        )
        for group in listing.client_guides_by_platform(language=language)
    ]


def encryption_previews(
    *, incoming: IncomingChoice, endpoints: list[ServerEndpoint]
) -> dict[EncryptionChoice, AccountSettings]:
    """The servers each security choice leads to, so the question can show their ports."""
    return {
        encryption: account_settings(
            email="",
            protocol=incoming.protocol,
            encrypted=encryption.encrypted,
            endpoints=endpoints,
        )
        for encryption in EncryptionChoice
    }


def client_guide(*, slug: str, language: str) -> Guide:
    """The published guide of one client, with its steps; raises Guide.DoesNotExist."""
    return (
        Guide.objects.published()
        .in_language(language)
        .select_related("client")
        .prefetch_related("steps")
        .get(client__slug=slug)
    )


@dataclass(frozen=True)
class PersonalisedGuide:
    """A client guide with one customer's values, ready to show and to copy from."""

    guide: Guide
    address: EmailAddress
    settings: AccountSettings
    values: dict[str, str]
    webmail: Webmail

    @property
    def offers_profile(self) -> bool:
        return self.guide.client.platform == Platform.APPLE

    @property
    def encrypted(self) -> bool:
        return self.settings.encrypted


def personalise(
    *,
    guide: Guide,
    address: EmailAddress,
    display_name: str,
    incoming: IncomingChoice,
    encryption: EncryptionChoice,
    language: str,
    endpoints: list[ServerEndpoint],
    generation: OfferGeneration | None = None,
) -> PersonalisedGuide:
    """Fill the guide's placeholders with the customer's address and the chosen servers, and
    name the customer's webmail when the generation of their MX Plan is known.

    Nothing here is cached: the values hold the address, which must stay out of shared caches.
    """
    settings = account_settings(
        email=str(address),
        display_name=display_name,
        protocol=incoming.protocol,
        encrypted=encryption.encrypted,
        endpoints=endpoints,
    )
    public = catalogue_values(language=language)
    if generation is None:
        webmail = Webmail(url=public.get("webmail_url", ""))
    else:
        webmail = generation_webmail(generation, language=language)
    values = {
        **public,
        **account_values(settings=settings, language=language),
        "webmail_url": webmail.url,
        WIZARD: "1",
    }
    return PersonalisedGuide(
        guide=guide, address=address, settings=settings, values=values, webmail=webmail
    )
