"""Outlook's Autodiscover (POX): reading the request safely, and the settings it answers.

The request body comes from anyone on the internet, so it is read with defusedxml, which
refuses any DTD (hence entity bombs and external entities) before expanding anything, and
only once its size is known to be small.
"""

import re
from xml.etree.ElementTree import Element, ParseError, SubElement, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from guides.catalogue.accounts import AccountSettings
from guides.models import Protocol, Security, ServerEndpoint

# A real Outlook request is about 400 bytes.
MAX_REQUEST_BYTES = 16 * 1024
RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
# ActiveSync (phones' "Exchange" accounts): the offer has no Exchange server to point them to.
MOBILESYNC = "mobilesync"
# What Outlook sends is UTF-8; an XML declaration naming anything else (a codec Python would
# run, such as rot13, or one it does not know) is refused before parsing.
DECLARED_ENCODING = re.compile(rb"""\s*<\?xml[^>]*\bencoding\s*=\s*["'](?P<encoding>[^"']*)["']""")
ENCODINGS = ("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1")
PROTOCOL_TYPES = {Protocol.IMAP: "IMAP", Protocol.POP3: "POP3", Protocol.SMTP: "SMTP"}


class AutodiscoverRequestError(ValueError):
    """The request cannot be answered; the message is a short reason for the 400 answer."""


def requested_address(body: bytes) -> str:
    """The EMailAddress of an Autodiscover request body, whatever its namespace."""
    return _request_value(body, "EMailAddress", required=True)


def requested_schema(body: bytes) -> str:
    """The AcceptableResponseSchema of a request body ("" when absent): Outlook asks for the
    outlook schema, ActiveSync phones for the mobilesync one."""
    return _request_value(body, "AcceptableResponseSchema", required=False)


def _request_value(body: bytes, tag: str, *, required: bool) -> str:
    if len(body) > MAX_REQUEST_BYTES:
        raise AutodiscoverRequestError(f"Request body larger than {MAX_REQUEST_BYTES} bytes.")
    declared = DECLARED_ENCODING.match(body)
    if declared and declared["encoding"].decode("ascii").lower() not in ENCODINGS:
        raise AutodiscoverRequestError("Only UTF-8 (or ASCII, ISO-8859-1) requests are accepted.")
    try:
        root = fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise AutodiscoverRequestError("DTDs and entities are not accepted.") from None
    except (ParseError, LookupError, UnicodeError):
        raise AutodiscoverRequestError("The request body is not well-formed XML.") from None
    for element in root.iter():
        if element.tag.rpartition("}")[2] == tag and (element.text or "").strip():
            return element.text.strip()
    if required:
        raise AutodiscoverRequestError(f"The request has no {tag}.")
    return ""


def error_response(*, code: int, message: str) -> bytes:
    """Autodiscover's documented error answer (601: the schema asked for is not provided)."""
    root = Element("Autodiscover", xmlns=RESPONSE_NS)
    error = SubElement(SubElement(root, "Response"), "Error", Id="0", Time="00:00:00")
    SubElement(error, "ErrorCode").text = str(code)
    SubElement(error, "Message").text = message
    SubElement(error, "DebugData")
    return tostring(root, encoding="UTF-8", xml_declaration=True)


def protocol_element(parent: Element, *, endpoint: ServerEndpoint, login: str) -> None:
    element = SubElement(parent, "Protocol")
    SubElement(element, "Type").text = PROTOCOL_TYPES[Protocol(endpoint.protocol)]
    SubElement(element, "Server").text = endpoint.host
    SubElement(element, "Port").text = str(endpoint.port)
    SubElement(element, "DomainRequired").text = "off"
    SubElement(element, "LoginName").text = login
    # SPA and SSL default to "on" when absent: both are always written.
    SubElement(element, "SPA").text = "off"
    SubElement(element, "SSL").text = "on" if Security(endpoint.security).encrypted else "off"
    SubElement(element, "AuthRequired").text = "on" if endpoint.auth_required else "off"
    if endpoint.protocol == Protocol.SMTP:
        SubElement(element, "UsePOPAuth").text = "on"


def response(*, settings: AccountSettings) -> bytes:
    """The POX answer for the account: incoming then outgoing server, the login being the
    full address. The namespaces are written as default ones, as Outlook expects."""
    root = Element("Autodiscover", xmlns=RESPONSE_NS)
    account = SubElement(SubElement(root, "Response", xmlns=OUTLOOK_NS), "Account")
    SubElement(account, "AccountType").text = "email"
    SubElement(account, "Action").text = "settings"
    for endpoint in (settings.incoming, settings.outgoing):
        protocol_element(account, endpoint=endpoint, login=settings.email)
    return tostring(root, encoding="UTF-8", xml_declaration=True)
