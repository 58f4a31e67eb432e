"""The setup wizard and the DNS snippet page.

The client, protocol and security choices travel in the URL (a support agent can link to any
step); the address never does: the last step is a POST answered with the personalised guide,
marked uncacheable, and nothing here logs or caches it.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from guides.catalogue.generations import customer_generation
from guides.content.placeholders import catalogue_values
from guides.context_processors import language_links
from guides.forms.setup import AddressForm, ChoicesForm, DomainForm
from guides.models import MailClient, ServerEndpoint
from guides.setup import wizard
from guides.setup.client_detection import guess_client
from guides.setup.dns_records import zone_snippet
from guides.views.page_cache import cached_page, derived_value
from guides.views.publication import reads_published_guides


def partial_or_page(request, name: str) -> str:
    """The partial for htmx swaps; the whole page otherwise, history restores included."""
    if request.htmx and not request.htmx.history_restore_request:
        return f"guides/setup/setup.html#{name}"
    return "guides/setup/setup.html"


def wizard_languages(form: ChoicesForm) -> list[dict]:
    """The language switcher keeps the choices made so far, never the address."""
    query = urlencode({name: form.data[name] for name in form.QUESTIONS if name in form.data})
    alternates = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            alternates[code] = reverse("guides:setup") + (f"?{query}" if query else "")
    return language_links(path="", alternates=alternates)


def guessed_client(request, *, language: str) -> MailClient | None:
    """The client the visitor's browser suggests, among those the wizard offers (their list
    is kept until a guide or a client changes, so a cached step costs no query)."""
    offered = derived_value(
        request,
        f"wizard-clients:{language}",
        lambda: [
            choice.client
            for group in wizard.client_groups(language=language)
            for choice in group.choices
        ],
    )
    return guess_client(user_agent=request.headers.get("User-Agent", ""), clients=offered)


def step_context(
    request, form: ChoicesForm, *, language: str, groups, guess: MailClient | None
) -> dict:
    """What the current question needs; the client list and the guess only on the first."""
    context = {"form": form, "step": form.step, "values": catalogue_values(language=language)}
    context["languages"] = wizard_languages(form)
    if form.step == "client":
        clients = [choice for group in groups for choice in group.choices]
        context["groups"] = groups
        context["guess"] = next((choice for choice in clients if choice.client == guess), None)
    elif form.step == "security":
        context["previews"] = wizard.encryption_previews(
            incoming=form.cleaned_data["protocol"], endpoints=list(ServerEndpoint.objects.all())
        )
    elif form.step == "address":
        context["address_form"] = AddressForm()
    return context


def choices_form(data, *, language: str, groups) -> ChoicesForm:
    form = ChoicesForm(
        data, clients=[choice for group in groups for choice in group.choices], language=language
    )
    form.is_valid()
    return form


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request", "User-Agent")
@reads_published_guides
def setup(request):
    """The questions before the address: the same for every visitor whose browser suggests
    the same client, so they are served from the page cache (the address step holds a CSRF
    token, so it never is)."""
    language = get_language()
    guess = guessed_client(request, language=language)
    return cached_page(
        request,
        lambda: _wizard_step(request, language=language, guess=guess),
        variant=f"guess:{guess.pk if guess else ''}",
    )


def _wizard_step(request, *, language: str, guess: MailClient | None):
    groups = wizard.client_groups(language=language)
    form = choices_form(request.GET, language=language, groups=groups)
    context = step_context(request, form, language=language, groups=groups, guess=guess)
    return render(request, partial_or_page(request, "wizard"), context)


@require_POST
@never_cache
@reads_published_guides
def setup_guide(request):
    """The last step: the guide filled with the address, shown at once, never redirected to."""
    language = get_language()
    groups = wizard.client_groups(language=language)
    form = choices_form(request.POST, language=language, groups=groups)
    address_form = AddressForm(request.POST)
    if form.step != "address" or not address_form.is_valid():
        context = step_context(
            request,
            form,
            language=language,
            groups=groups,
            guess=guessed_client(request, language=language),
        )
        if form.step == "address":
            context["address_form"] = address_form
        return render(request, partial_or_page(request, "wizard"), context)
    endpoints = list(ServerEndpoint.objects.all())
    address = address_form.cleaned_data["email"]
    personal = wizard.personalise(
        guide=form.guide,
        address=address,
        display_name=address_form.cleaned_data["display_name"],
        incoming=form.cleaned_data["protocol"],
        encryption=form.cleaned_data["security"],
        language=language,
        endpoints=endpoints,
        generation=customer_generation(user_id=request.user.id, domain=address.ascii_domain),
    )
    context = {
        "form": form,
        "step": "result",
        "personal": personal,
        "values": personal.values,
        "languages": wizard_languages(form),
        "zone": zone_snippet(
            domain=address.domain,
            ascii_domain=address.ascii_domain,
            config_host=settings.OVHPORTAL_AUTOCONFIG_HOST,
            endpoints=endpoints,
        ),
    }
    return render(request, partial_or_page(request, "wizard"), context)


@require_safe
@vary_on_headers("HX-Request")
def setup_dns(request):
    """The records that let mail clients find the settings for a domain typed in."""
    form = DomainForm(request.GET if "domain" in request.GET else None)
    zone = None
    if form.is_valid():
        domain, ascii_domain = form.cleaned_data["domain"]
        zone = zone_snippet(
            domain=domain,
            ascii_domain=ascii_domain,
            config_host=settings.OVHPORTAL_AUTOCONFIG_HOST,
        )
    context = {"step": "dns", "domain_form": form, "zone": zone}
    return render(request, partial_or_page(request, "dns"), context)
