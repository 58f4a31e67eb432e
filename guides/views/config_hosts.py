"""Mail clients ask for their configuration at the customer's own names: Thunderbird at
http://autoconfig.<domain>/mail/config-v1.1.xml, Outlook at autodiscover.<domain>. Those names
point at the portal (or the host in OVHPORTAL_AUTOCONFIG_HOST) and carry no certificate of
ours, so the configuration paths answer for them, over plain HTTP too, while every other path
keeps Django's host check (ALLOWED_HOSTS) and the HTTPS redirect."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.http.request import split_domain_port

from guides.models.validators import validate_hostname

CONFIG_PREFIXES = ("autoconfig.", "autodiscover.")
# Where the name the client asked for is kept once the request is let through.
CLIENT_HOST = "OVHPORTAL_CLIENT_HOST"


def is_config_host(host: str) -> bool:
    return host.startswith(CONFIG_PREFIXES) or host == settings.OVHPORTAL_AUTOCONFIG_HOST


def public_host() -> str:
    """The portal's own name: the first plain entry of ALLOWED_HOSTS."""
    plain = [host for host in settings.ALLOWED_HOSTS if host not in ("*",) and host[0] != "."]
    return plain[0] if plain else "localhost"


def public_url(request, path: str) -> str:
    """An address of the portal as clients must use it: its own name, and HTTPS when the
    portal redirects to HTTPS (a request may have come in over plain HTTP)."""
    scheme = "https" if settings.SECURE_SSL_REDIRECT else request.scheme
    return f"{scheme}://{request.get_host()}{path}"


def customer_config_hosts(get_response):
    """Let a configuration path through for autoconfig.* / autodiscover.* names: the name is
    kept in request.META[CLIENT_HOST] and the request goes on as if sent to the portal's own
    name, so Django's host check is not loosened for anything else."""
    pattern = re.compile(settings.OVHPORTAL_CONFIG_PATHS)

    def middleware(request):
        if pattern.match(request.path_info.lstrip("/")):
            host = split_domain_port(request.META.get("HTTP_HOST", ""))[0]
            if is_config_host(host):
                try:
                    validate_hostname(host)
                except ValidationError:
                    return HttpResponseBadRequest("Invalid host name.\n", content_type="text/plain")
                request.META[CLIENT_HOST] = host
                request.META["HTTP_HOST"] = public_host()
        return get_response(request)

    return middleware
