"""The diagnostic page, its JSON API and the history of reports: thin views around
guides.diagnostics.report.diagnose, the same function the `diagnose` command calls."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from guides.diagnostics.capacity import Busy
from guides.diagnostics.checks.findings import Viewer
from guides.diagnostics.report import Report, diagnose
from guides.editorial.permissions import is_support_staff
from guides.models import DiagnosticLog, Maintenance, ReportSource
from guides.models.domain_names import MAX_INPUT, DomainInputError, parse_domain
from guides.views import rate_limit

HISTORY_PAGE_SIZE = 50


@dataclass(frozen=True)
class Attempt:
    """What came of a request for a report: the report, or why there is none."""

    typed: str
    report: Report | None = None
    error: str = ""
    retry_after: int = 0
    busy: bool = False

    @property
    def status(self) -> int:
        if self.busy:
            return 503
        return 429 if self.retry_after else 200

    @property
    def retry_message(self) -> str:
        if not self.retry_after:
            return ""
        if self.busy:
            return ngettext(
                "Le diagnostic est très demandé en ce moment : réessayez dans %(seconds)d seconde.",
                "Le diagnostic est très demandé en ce moment : réessayez dans %(seconds)d "
                "secondes.",
                self.retry_after,
            ) % {"seconds": self.retry_after}
        return ngettext(
            "Trop de diagnostics en peu de temps depuis votre connexion : réessayez dans "
            "%(seconds)d seconde.",
            "Trop de diagnostics en peu de temps depuis votre connexion : réessayez dans "
            "%(seconds)d secondes.",
            self.retry_after,
        ) % {"seconds": self.retry_after}


def attempt(request, *, source: ReportSource) -> Attempt:
    """Parse the domain, count the request against the rate limit, then diagnose."""
    typed = request.GET.get("domain", "")[: MAX_INPUT + 1]
    try:
        domain = parse_domain(typed)
    except DomainInputError as error:
        return Attempt(typed=typed, error=error.message)
    decision = rate_limit.hit(
        scope="diagnostic",
        client=rate_limit.client_address(request),
        limit=settings.OVHPORTAL_DIAGNOSTIC_RATE,
    )
    if not decision.allowed:
        return Attempt(typed=typed, retry_after=decision.retry_after)
    try:
        report = diagnose(
            domain=domain,
            viewer=Viewer.of(request.user),
            source=source,
            config_host=settings.OVHPORTAL_AUTOCONFIG_HOST,
            refresh=request.GET.get("refresh") == "1",
            limited=True,
        )
    except Busy as busy:
        return Attempt(typed=typed, retry_after=busy.retry_after, busy=True)
    return Attempt(typed=typed, report=report)


def with_retry_after(response, result: Attempt):
    if result.retry_after:
        response["Retry-After"] = str(result.retry_after)
    return response


@require_GET
@never_cache
@vary_on_headers("HX-Request")
def diagnostic(request):
    language = get_language()
    result = attempt(request, source=ReportSource.PAGE) if "domain" in request.GET else Attempt("")
    context = {
        "typed": result.typed,
        "error": result.error,
        "report": result.report,
        "retry_message": result.retry_message,
        "maintenances": [
            (item, item.display_title(language), item.display_description(language))
            for item in Maintenance.objects.open()
        ],
    }
    if request.htmx and not request.htmx.history_restore_request:
        template = "guides/diagnostics/diagnostic.html#diagnostic"
    else:
        template = "guides/diagnostics/diagnostic.html"
    return with_retry_after(render(request, template, context, status=result.status), result)


@require_GET
@never_cache
@vary_on_headers("Accept-Language", "Cookie")
def api(request):
    """GET /diagnostic/api/?domain=…[&lang=en]: the report as JSON, in the language of `lang`
    or of the Accept-Language header."""
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = get_language()
    with translation.override(language):
        result = attempt(request, source=ReportSource.API)
        if result.error:
            response = JsonResponse({"error": result.error}, status=400)
        elif result.retry_after:
            response = JsonResponse(
                {"error": result.retry_message, "retry_after": result.retry_after},
                status=result.status,
            )
        else:
            response = JsonResponse(
                result.report.to_json(), json_dumps_params={"ensure_ascii": False}
            )
    response["Content-Language"] = language
    return with_retry_after(response, result)


@require_GET
@login_required
def history(request):
    """Support staff see every report; a customer sees the ones they ran."""
    support_staff = is_support_staff(request.user)
    logs = DiagnosticLog.objects.visible_to(request.user, support_staff=support_staff)
    logs = logs.select_related("user")
    page = Paginator(logs, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "guides/diagnostics/diagnostic_history.html", {"page": page})
