"""A public page this worker has already served whole is answered again before the rest of
the middleware: no session, locale, CSRF, authentication, URL resolution or view. About half
of a page cache hit's time went there, for a visitor none of it concerns.

Only for those the page cache serves the same bytes (GET or HEAD, no session, vote or
message cookie), only when nothing is due for publication, and only for a page kept in this
process's memory together with the headers its whole answer had (`CachedPage.answer_headers`,
learnt on its way out): the same key (the version, so an edit anywhere is seen at once), the
same headers, the same hooks run (a guide's view counted, a search logged). Anything else,
a conditional request included, goes through the whole stack as before."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language_from_path

from guides.editorial.feedback import VISITOR_COOKIE
from guides.views import page_cache
from guides.views.publication import published_what_was_due, read_stamps

CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def serve_known_pages(get_response):
    """Middleware, after WhiteNoise and before the session's."""

    def middleware(request):
        response = _known_answer(request)
        if response is None:
            response = get_response(request)
            _learn(request, response)
        return response

    return middleware


def _known_answer(request) -> HttpResponse | None:
    if not _may_answer(request):
        return None
    language = get_language_from_path(request.path_info)
    if language is None:
        return None
    read_stamps(request)
    page = page_cache.MEMORY.get(page_cache.page_key(request, language=language))
    if page is None or page.answer_headers is None or published_what_was_due(request):
        return None
    response = HttpResponse(page.content, headers=dict(page.answer_headers))
    response.notes = page.notes
    page_cache.after_serving(request, page.notes, language=language, staff=False)
    return response


def _learn(request, response) -> None:
    """Keep the headers of a page the page cache served whole, as they leave the stack."""
    key = getattr(response, "page_key", None)
    if key and response.status_code == 200 and not response.cookies and _may_answer(request):
        page_cache.MEMORY.learn_answer(key, tuple(response.items()))


def _may_answer(request) -> bool:
    return (
        settings.OVHPORTAL_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(
            name in request.COOKIES
            for name in (settings.SESSION_COOKIE_NAME, VISITOR_COOKIE, "messages")
        )
        and not any(name in request.META for name in CONDITIONAL_HEADERS)
    )
