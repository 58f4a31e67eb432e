"""The message doctor's page and JSON API: thin views around
guides.messages.doctor.diagnose_message, the function `explain_message` calls too. What is
pasted or uploaded stays in memory: uploads never spill to a temporary file, answers are
`Cache-Control: private, no-store`, and nothing of it is logged."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import MemoryFileUploadHandler, SkipFile
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from guides.messages.doctor import MAX_INPUT, Diagnosis, MessageInputError, diagnose_message
from guides.views import rate_limit

# Beyond this, the request is refused before its body is read at all.
MAX_REQUEST = 2 * MAX_INPUT
no_store = cache_control(private=True, no_store=True)


class InMemoryUpload(MemoryFileUploadHandler):
    """Keeps every upload in memory, whatever its size, and skips one over MAX_INPUT (the
    default handlers write a big upload to a temporary file: pasted mail must never be)."""

    too_big = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > MAX_INPUT:
            self.too_big = True
            raise SkipFile
        return super().receive_data_chunk(raw_data, start)


@dataclass(frozen=True)
class Answer:
    """What came of a request: a diagnosis, or why there is none."""

    diagnosis: Diagnosis | None = None
    error: str = ""
    retry_after: int = 0
    status: int = 200


def too_big() -> Answer:
    return Answer(
        error=_(
            "Le texte dépasse %(limit)d Mo : collez seulement les en-têtes ou le message d'erreur."
        )
        % {"limit": MAX_INPUT // 1_000_000},
        status=413,
    )


def answer(request, data: bytes) -> Answer:
    decision = rate_limit.hit(
        scope="messages",
        client=rate_limit.client_address(request),
        limit=settings.OVHPORTAL_DIAGNOSTIC_RATE,
    )
    if not decision.allowed:
        return Answer(
            error=ngettext(
                "Trop d'analyses en peu de temps depuis votre connexion : réessayez dans "
                "%(seconds)d seconde.",
                "Trop d'analyses en peu de temps depuis votre connexion : réessayez dans "
                "%(seconds)d secondes.",
                decision.retry_after,
            )
            % {"seconds": decision.retry_after},
            retry_after=decision.retry_after,
            status=429,
        )
    try:
        return Answer(diagnosis=diagnose_message(data=data, language=get_language()))
    except MessageInputError as error:
        return Answer(error=error.message, status=400 if len(data) <= MAX_INPUT else 413)


def posted(request) -> Answer | bytes:
    """The pasted text or the uploaded file, or why it cannot be read."""
    try:
        text, upload = request.POST.get("text", ""), request.FILES.get("file")
    except RequestDataTooBig:
        return too_big()
    if any(getattr(handler, "too_big", False) for handler in request.upload_handlers):
        return too_big()
    if upload is not None:
        return upload.read()
    return text.encode("utf-8", errors="replace")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def doctor(request):
    """GET shows the form; POST (htmx or a plain form) answers on the same page. The upload
    handler goes in before anything reads the body, so the CSRF check waits for
    `doctor_page`, as Django requires; a body far too big is refused unread."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST:
        return respond(request, too_big())
    request.upload_handlers = [InMemoryUpload(request)]
    return doctor_page(request)


@csrf_protect
def doctor_page(request):
    result = Answer()
    if request.method == "POST":
        data = posted(request)
        result = data if isinstance(data, Answer) else answer(request, data)
    return respond(request, result)


@no_store
@vary_on_headers("HX-Request")
def respond(request, result: Answer):
    context = {
        "diagnosis": result.diagnosis,
        "error": result.error,
        "max_mb": MAX_INPUT // 1_000_000,
    }
    if request.htmx and request.method == "POST":
        template = "guides/messages/doctor.html#answer"
    else:
        template = "guides/messages/doctor.html"
    response = render(request, template, context, status=result.status)
    if result.retry_after:
        response["Retry-After"] = str(result.retry_after)
    return response


@csrf_exempt
@require_POST
@no_store
def api(request):
    """POST /messages/api/[?lang=en]: the diagnosis as JSON. The body is the text itself, or
    a JSON object {"text": …}. No CSRF token: it reads no session and changes nothing."""
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = get_language()
    with translation.override(language):
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST:
            result = too_big()
        else:
            result = answer(request, api_body(request))
        if result.diagnosis:
            document = result.diagnosis.to_json()
        else:
            document = {"error": result.error}
            if result.retry_after:
                document["retry_after"] = result.retry_after
        response = JsonResponse(
            document, status=result.status, json_dumps_params={"ensure_ascii": False}
        )
    response["Content-Language"] = language
    if result.retry_after:
        response["Retry-After"] = str(result.retry_after)
    return response


def api_body(request) -> bytes:
    try:
        body = request.body
    except RequestDataTooBig:
        return b"\0" * (MAX_INPUT + 1)
    if request.content_type == "application/json":
        try:
            text = json.loads(body).get("text", "")
        except (ValueError, AttributeError):
            return b""
        return str(text).encode("utf-8", errors="replace")
    return body
