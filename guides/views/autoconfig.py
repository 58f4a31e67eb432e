"""The files mail clients fetch to set themselves up: Thunderbird's autoconfig, Outlook's
Autodiscover, Apple's configuration profile.

These URLs have no language prefix: clients ask for fixed paths. An address they carry is
never logged (Django logs only the path of failed requests) and answers holding one are
marked private and uncacheable.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    JsonResponse,
)
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from guides.catalogue.accounts import account_settings
from guides.forms.setup import ProfileForm, first_error
from guides.models import Domain, Guide, Protocol, ServerEndpoint
from guides.setup import apple_profile
from guides.setup.addresses import parse_address
from guides.setup.autoconfig import Documentation, client_config
from guides.setup.autodiscover import (
    MAX_REQUEST_BYTES,
    MOBILESYNC,
    AutodiscoverRequestError,
    error_response,
    requested_address,
    requested_schema,
)
from guides.setup.autodiscover import response as autodiscover_response
from guides.views import rate_limit
from guides.views.config_hosts import CLIENT_HOST, CONFIG_PREFIXES, public_url
from guides.views.publication import reads_published_guides

THUNDERBIRD_CLIENT = "thunderbird"


def bad_request(reason: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(reason + "\n", content_type="text/plain; charset=utf-8")


def private(response: HttpResponse) -> HttpResponse:
    """An answer holding an address: for the asking client only, never stored on the way."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def requested_domain(request) -> str:
    """The customer's domain from the host asked: autoconfig.example.com → example.com."""
    host = request.META.get(CLIENT_HOST) or split_domain_port(request.get_host())[0]
    for prefix in CONFIG_PREFIXES:
        if host.startswith(prefix):
            return host.removeprefix(prefix)
    return host


@require_safe
@reads_published_guides
def thunderbird_config(request):
    """clientConfig 1.1, with or without ?emailaddress= (some clients never send it)."""
    raw_address = request.GET.get("emailaddress", "").strip()
    address = None
    if raw_address:
        try:
            address = parse_address(raw_address)
        except ValidationError as error:
            return bad_request(error.messages[0])
    guides = Guide.objects.published().filter(client__slug=THUNDERBIRD_CLIENT).order_by("language")
    documentation = [
        Documentation(
            url=public_url(request, guide.get_absolute_url()),
            language=guide.language,
            title=guide.title,
        )
        for guide in guides.only("language", "slug", "title")
    ]
    body = client_config(
        domain=address.ascii_domain if address else requested_domain(request),
        address=address.ascii if address else None,
        endpoints=ServerEndpoint.objects.all(),
        documentation=documentation,
    )
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    return private(response) if address else response


# Outlook posts from the desktop application, with no browser session and no CSRF cookie;
# the answer changes nothing and only states the public server settings for an address.
@csrf_exempt
@require_POST
def autodiscover_xml(request):
    """Outlook's POX Autodiscover: IMAP and SMTP over SSL, SPA off, login = the address."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return bad_request("Invalid Content-Length.")
    if declared > MAX_REQUEST_BYTES:
        return bad_request(f"Request body larger than {MAX_REQUEST_BYTES} bytes.")
    body = _body(request)
    try:
        if MOBILESYNC in requested_schema(body).lower():
            error = error_response(code=601, message="Provider is not available")
            return HttpResponse(error, content_type="text/xml; charset=utf-8")
        address = parse_address(requested_address(body))
    except AutodiscoverRequestError as error:
        return bad_request(str(error))
    except ValidationError as error:
        return bad_request(error.messages[0])
    account = account_settings(email=address.ascii, protocol=Protocol.IMAP, encrypted=True)
    body = autodiscover_response(settings=account)
    return private(HttpResponse(body, content_type="text/xml; charset=utf-8"))


def _body(request) -> bytes:
    """The request body up to the size limit, also when it comes chunked, without a
    Content-Length (Django then reads nothing, so the server's stream is read directly)."""
    if request.META.get("HTTP_TRANSFER_ENCODING", "").lower() == "chunked":
        return request.META["wsgi.input"].read(MAX_REQUEST_BYTES + 1)
    return request.read(MAX_REQUEST_BYTES + 1)


@require_safe
def autodiscover_json(request):
    """Newer Outlook first asks here where the XML endpoint is (?Protocol=AutodiscoverV1)."""
    parameters = {name.lower(): value for name, value in request.GET.items()}
    if parameters.get("protocol", "").lower() != "autodiscoverv1":
        return JsonResponse(
            {
                "ErrorCode": "InvalidProtocol",
                "ErrorMessage": "The given protocol value is invalid. Supported values are "
                "'AutodiscoverV1'.",
            },
            status=400,
        )
    url = public_url(request, reverse("autodiscover"))
    return JsonResponse({"Protocol": "AutodiscoverV1", "Url": url})


@require_http_methods(["GET", "HEAD", "POST"])
def profile(request):
    """The .mobileconfig for an address: ?email=… (&protocol=pop, &security=none) in a link,
    or the same fields posted by the wizard so the address stays out of the URL."""
    form = ProfileForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        return bad_request(first_error(form))
    address = form.cleaned_data["email"]
    account = account_settings(
        email=address.ascii,
        display_name=form.cleaned_data["display_name"],
        protocol=form.cleaned_data["protocol"].protocol,
        encrypted=form.cleaned_data["security"].encrypted,
    )
    response = HttpResponse(
        apple_profile.mail_profile(address=address, settings=account),
        content_type=apple_profile.CONTENT_TYPE,
    )
    # A fixed file name: the address must not end up in the downloads folder's listing.
    response["Content-Disposition"] = f'attachment; filename="{apple_profile.FILE_NAME}"'
    return private(response)


@require_safe
def tls_ask(request):
    """Caddy's on-demand TLS asks here (?domain=…) before getting a certificate for a name:
    yes (200) only for autoconfig.* / autodiscover.* names of a customer's domain (of any
    domain when OVHPORTAL_TLS_ANY_DOMAIN), and the configuration host; no (404) otherwise.
    Only the proxy may ask (OVHPORTAL_TLS_ASK_FROM): the answer says who is a customer."""
    if request.META.get("REMOTE_ADDR", "") not in settings.OVHPORTAL_TLS_ASK_FROM:
        return HttpResponseForbidden("Not from the proxy.\n", content_type="text/plain")
    decision = rate_limit.hit(
        scope="tls-ask", client=request.META["REMOTE_ADDR"], limit=settings.OVHPORTAL_TLS_ASK_RATE
    )
    if not decision.allowed:
        response = HttpResponse("Too many questions.\n", status=429, content_type="text/plain")
        response["Retry-After"] = str(decision.retry_after)
        return response
    name = request.GET.get("domain", "").strip().lower().rstrip(".")
    customer_domain = next(
        (name.removeprefix(prefix) for prefix in CONFIG_PREFIXES if name.startswith(prefix)), ""
    )
    allowed = name == settings.OVHPORTAL_AUTOCONFIG_HOST or (
        bool(customer_domain)
        and (
            settings.OVHPORTAL_TLS_ANY_DOMAIN
            or Domain.objects.filter(name=customer_domain).exists()
        )
    )
    if not allowed:
        return HttpResponseNotFound("No certificate for this name.\n", content_type="text/plain")
    return HttpResponse("OK\n", content_type="text/plain")
