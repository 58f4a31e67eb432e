"""Thunderbird's autoconfig file (clientConfig 1.1), built from the server endpoints.

Format: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat. Blocks of the
same kind are tried in order, so IMAP comes before POP and implicit TLS before STARTTLS;
unencrypted endpoints are left out, as Thunderbird's own database does.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement, tostring

from guides.models import Protocol, Security, ServerEndpoint

# Thunderbird replaces it with the address the customer typed; some clients never send theirs.
ADDRESS_PLACEHOLDER = "%EMAILADDRESS%"
INCOMING = {Protocol.IMAP: "imap", Protocol.POP3: "pop3"}
SECURITY_ORDER = [Security.SSL, Security.STARTTLS]


@dataclass(frozen=True)
class Documentation:
    """A guide that explains the settings, in one language."""

    url: str
    language: str
    title: str


def offered(*, endpoints: Iterable[ServerEndpoint], protocol: Protocol) -> list[ServerEndpoint]:
    """The encrypted endpoints of `protocol`, the preferred first."""
    chosen = [
        endpoint
        for endpoint in endpoints
        if endpoint.protocol == protocol and endpoint.security in SECURITY_ORDER
    ]
    return sorted(
        chosen, key=lambda endpoint: (SECURITY_ORDER.index(endpoint.security), endpoint.order)
    )


def server(
    parent: Element, *, tag: str, kind: str, endpoint: ServerEndpoint, username: str
) -> None:
    element = SubElement(parent, tag, type=kind)
    SubElement(element, "hostname").text = endpoint.host
    SubElement(element, "port").text = str(endpoint.port)
    SubElement(element, "socketType").text = Security(endpoint.security).thunderbird_socket_type
    SubElement(element, "username").text = username
    # Never "none": Thunderbird then drops the server without a word. The catalogue refuses
    # a mail server without authentication (ServerEndpoint.clean).
    SubElement(element, "authentication").text = "password-cleartext"


def client_config(
    *,
    domain: str,
    address: str | None,
    endpoints: Iterable[ServerEndpoint],
    documentation: Iterable[Documentation] = (),
) -> bytes:
    """The XML document, UTF-8 encoded. `domain` and `address` in ASCII (punycode) form;
    without an address the user name is the placeholder clients fill in themselves."""
    endpoints = list(endpoints)
    username = address or ADDRESS_PLACEHOLDER
    root = Element("clientConfig", version="1.1")
    provider = SubElement(root, "emailProvider", id=domain)
    SubElement(provider, "domain").text = domain
    SubElement(provider, "displayName").text = domain
    SubElement(provider, "displayShortName").text = domain.split(".")[0]
    for protocol, kind in INCOMING.items():
        for endpoint in offered(endpoints=endpoints, protocol=protocol):
            server(provider, tag="incomingServer", kind=kind, endpoint=endpoint, username=username)
    for endpoint in offered(endpoints=endpoints, protocol=Protocol.SMTP):
        server(provider, tag="outgoingServer", kind="smtp", endpoint=endpoint, username=username)
    for doc in documentation:
        element = SubElement(provider, "documentation", url=doc.url)
        SubElement(element, "descr", lang=doc.language).text = doc.title
    return tostring(root, encoding="UTF-8", xml_declaration=True)
