"""Apple configuration profile (.mobileconfig) that adds a mail account on iPhone, iPad and Mac.

Keys: https://developer.apple.com/documentation/devicemanagement/mail. The profile is unsigned
and holds no password: the device asks for it while installing. Identifiers and UUIDs are
derived from the address alone, so installing a new profile for the same address replaces the
previous one instead of adding a second account.
"""

import plistlib
import uuid

from django.utils.translation import gettext as _

from guides.catalogue.accounts import AccountSettings
from guides.models import Protocol, Security, ServerEndpoint
from guides.setup.addresses import EmailAddress

EMAIL_ACCOUNT_TYPES = {Protocol.IMAP: "EmailTypeIMAP", Protocol.POP3: "EmailTypePOP"}
FILE_NAME = "email.mobileconfig"
CONTENT_TYPE = "application/x-apple-aspen-config"


def identity(*, address: EmailAddress, part: str) -> tuple[str, str]:
    """(PayloadIdentifier, PayloadUUID) of one part of the profile, stable for an address."""
    payload_uuid = str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"mailto:{address.ascii.lower()}#{part}")
    ).upper()
    reversed_domain = ".".join(reversed(address.ascii_domain.split(".")))
    return f"{reversed_domain}.email.{part}.{payload_uuid}", payload_uuid


def server_keys(*, prefix: str, endpoint: ServerEndpoint, username: str) -> dict:
    return {
        f"{prefix}MailServerHostName": endpoint.host,
        f"{prefix}MailServerPortNumber": endpoint.port,
        f"{prefix}MailServerUseSSL": Security(endpoint.security).encrypted,
        f"{prefix}MailServerAuthentication": "EmailAuthPassword"
        if endpoint.auth_required
        else "EmailAuthNone",
        f"{prefix}MailServerUsername": username,
    }


def mail_profile(*, address: EmailAddress, settings: AccountSettings) -> bytes:
    """The profile as an XML property list; descriptions in the active language."""
    identifier, payload_uuid = identity(address=address, part="profile")
    account_identifier, account_uuid = identity(address=address, part="account")
    account = {
        "PayloadType": "com.apple.mail.managed",
        "PayloadVersion": 1,
        "PayloadIdentifier": account_identifier,
        "PayloadUUID": account_uuid,
        "PayloadDisplayName": str(address),
        "EmailAccountType": EMAIL_ACCOUNT_TYPES[settings.protocol],
        "EmailAccountDescription": str(address),
        "EmailAddress": address.ascii,
        **server_keys(prefix="Incoming", endpoint=settings.incoming, username=address.ascii),
        **server_keys(prefix="Outgoing", endpoint=settings.outgoing, username=address.ascii),
        "OutgoingPasswordSameAsIncomingPassword": True,
    }
    if settings.display_name:
        account["EmailAccountName"] = settings.display_name
    profile = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": identifier,
        "PayloadUUID": payload_uuid,
        "PayloadDisplayName": _("E-mail %(address)s") % {"address": address},
        "PayloadDescription": _(
            "Ajoute le compte %(address)s à Mail. Le mot de passe vous sera demandé pendant "
            "l'installation."
        )
        % {"address": address},
        "PayloadRemovalDisallowed": False,
        "PayloadContent": [account],
    }
    return plistlib.dumps(profile)
