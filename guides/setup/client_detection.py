"""A best guess of the customer's mail client from the browser's User-Agent header.

Only a suggestion for the wizard's first question: the device reading the page is often not
the one being set up, so the guess is offered, never chosen for the customer.
"""

import re
from collections.abc import Iterable

from guides.models import MailClient

# Longer headers are cut: the patterns look for platform names near the start.
MAX_USER_AGENT = 512


def guess_client(*, user_agent: str, clients: Iterable[MailClient]) -> MailClient | None:
    """The first client, in the given order, whose `user_agent` pattern matches; a pattern
    staff typed wrongly is skipped rather than breaking the page."""
    user_agent = user_agent[:MAX_USER_AGENT]
    for client in clients:
        if not client.user_agent:
            continue
        try:
            if re.search(client.user_agent, user_agent):
                return client
        except re.error:
            continue
    return None
