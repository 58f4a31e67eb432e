"""The settings one customer's mail client needs, chosen from the server endpoints."""

from dataclasses import dataclass

from guides.models import Protocol, Security, ServerEndpoint


@dataclass(frozen=True)
class AccountSettings:
    """What to type into a mail client: the address, and the incoming and outgoing servers."""

    email: str
    display_name: str
    incoming: ServerEndpoint
    outgoing: ServerEndpoint

    @property
    def protocol(self) -> Protocol:
        return Protocol(self.incoming.protocol)

    @property
    def encrypted(self) -> bool:
        return Security(self.incoming.security).encrypted


def pick_endpoint(
    endpoints: list[ServerEndpoint], *, protocol: Protocol, encrypted: bool
) -> ServerEndpoint:
    """The endpoint of `protocol` with implicit TLS when `encrypted`, else the unencrypted one
    (STARTTLS first: it can still be secured)."""
    candidates = [endpoint for endpoint in endpoints if endpoint.protocol == protocol]
    if encrypted:
        preferred = [Security.SSL, Security.STARTTLS, Security.NONE]
    else:
        preferred = [Security.STARTTLS, Security.NONE, Security.SSL]
    candidates.sort(
        key=lambda endpoint: (preferred.index(Security(endpoint.security)), endpoint.order)
    )
    if not candidates:
        raise ServerEndpoint.DoesNotExist(f"No {protocol} server endpoint is configured.")
    return candidates[0]


def account_settings(
    *,
    email: str,
    display_name: str = "",
    protocol: Protocol = Protocol.IMAP,
    encrypted: bool = True,
    endpoints: list[ServerEndpoint] | None = None,
) -> AccountSettings:
    endpoints = list(ServerEndpoint.objects.all()) if endpoints is None else endpoints
    return AccountSettings(
        email=email,
        display_name=display_name,
        incoming=pick_endpoint(endpoints, protocol=protocol, encrypted=encrypted),
        outgoing=pick_endpoint(endpoints, protocol=Protocol.SMTP, encrypted=encrypted),
    )
